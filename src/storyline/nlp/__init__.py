"""Per-document extraction: the spaCy pipeline and its components."""
