"""Inputs: loaders, decoding, cleaning, metadata and duplicate detection."""
