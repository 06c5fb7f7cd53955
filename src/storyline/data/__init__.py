"""Data shipped with Storyline: the bundled example corpus."""

from __future__ import annotations

from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator


@contextmanager
def example_corpus() -> Iterator[Path]:
    """A filesystem path to the bundled example reports, valid inside the ``with`` block."""
    with resources.as_file(resources.files(__package__).joinpath("example")) as path:
        yield Path(path)
