"""Configuration: packaged defaults overridden by a user's TOML file."""

from __future__ import annotations

import copy
import hashlib
import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

USER_FILE = "storyline.toml"


class ConfigError(Exception):
    """A configuration file that cannot be read or names unknown keys."""


def defaults() -> dict[str, Any]:
    """The packaged defaults, read fresh each call so callers may mutate the result."""
    text = resources.files(__package__).joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], override: dict[str, Any], where: str) -> None:
    for key, value in override.items():
        if key not in base:
            raise ConfigError(f"unknown configuration key {where}{key!r}")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"configuration key {where}{key!r} must be a table")
            _merge(base[key], value, f"{where}{key}.")
        else:
            base[key] = value


def load(path: str | Path | None = None) -> dict[str, Any]:
    """Defaults, then ``path`` (or ./storyline.toml when it exists) on top."""
    config = defaults()
    candidate = Path(path) if path else Path(USER_FILE)
    if path or candidate.is_file():
        try:
            override = tomllib.loads(candidate.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read configuration {candidate}: {exc}") from None
        _merge(config, copy.deepcopy(override), "")
    return config


def config_hash(config: dict[str, Any]) -> str:
    """A short stable hash of a configuration, stored with every run."""
    blob = json.dumps(config, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:12]
