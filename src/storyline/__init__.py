"""Storyline: turn overlapping news reports into an evidence-backed situation picture."""

__version__ = "0.1.0"
