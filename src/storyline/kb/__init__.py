"""The knowledge base: states, organisations and dated office-holders."""
