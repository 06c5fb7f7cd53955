"""Storyline: turn overlapping news reports into an evidence-backed situation picture."""

__version__ = "0.1.0"


def analyze(*args, **kwargs):
    """Ingest, extract and analyse reports; see :func:`storyline.api.analyze`."""
    from storyline.api import analyze as run

    return run(*args, **kwargs)


def extract_quotes(text, published=None):
    """Quotes in one text with speakers, cues and offsets; see :func:`storyline.extract.extract_quotes`."""
    from storyline.extract import extract_quotes as run

    return run(text, published)
