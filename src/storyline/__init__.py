"""Storyline: turn overlapping news reports into an evidence-backed situation picture."""

__version__ = "0.1.0"


def analyze(*args, **kwargs):
    """Ingest, extract and analyse reports; see :func:`storyline.api.analyze`."""
    from storyline.api import analyze as run

    return run(*args, **kwargs)


from storyline.quantities import extract_figures  # noqa: E402  (public: figures in one text)
