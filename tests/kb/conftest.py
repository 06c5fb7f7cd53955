"""Knowledge-base tests run against the bundled data: a user's own overlay is kept out of them."""

import pytest


@pytest.fixture(autouse=True)
def no_user_overlay(tmp_path_factory, monkeypatch):
    from storyline.kb.lookup import load_kb

    monkeypatch.setenv("STORYLINE_KB_OVERLAY", str(tmp_path_factory.getbasetemp() / "no-overlay.json"))
    yield
    load_kb.cache_clear()
