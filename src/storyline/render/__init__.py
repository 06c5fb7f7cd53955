"""Outputs rendered from stored records."""
