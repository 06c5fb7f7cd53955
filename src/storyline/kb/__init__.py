"""The knowledge base: states, organisations and dated office-holders."""

from storyline.kb.lookup import KBEntity, KnowledgeBase, Tenure, load_kb

__all__ = ["KBEntity", "KnowledgeBase", "Tenure", "load_kb"]
