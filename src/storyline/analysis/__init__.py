"""Cross-source analysis over extracted records."""
