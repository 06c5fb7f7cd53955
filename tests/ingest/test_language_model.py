"""The language identifier's model: unpacked once into the cache folder and read back by later loads."""

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from storyline.ingest import metadata

TEXTS = [
    "The harbour board voted on Thursday to close the northern quay while divers inspect its pilings.",
    "Le conseil municipal a voté jeudi la fermeture du quai nord pendant l'inspection des piliers.",
    "Der Stadtrat stimmte am Donnerstag für die Schließung des Nordkais während der Prüfung.",
]


def _same(a: LanguageIdentifier, b: LanguageIdentifier) -> None:
    for name in ("nb_ptc", "nb_pc"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.dtype == y.dtype and np.array_equal(x, y), name
    for name in ("nb_classes", "tk_nextmove", "tk_row", "tk_output", "_rowbase", "_alias_pairs"):
        assert getattr(a, name) == getattr(b, name), name


def test_the_unpacked_model_is_the_packaged_one_and_is_read_back(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    metadata._identifier.cache_clear()
    try:
        first = metadata._identifier()
        stored = list((tmp_path / "langid").glob("*.npz"))
        assert len(stored) == 1
        _same(first, reference)
        monkeypatch.setattr(metadata.lzma, "open", lambda *a, **k: (_ for _ in ()).throw(AssertionError("unpacked again")))
        metadata._identifier.cache_clear()
        again = metadata._identifier()
        _same(again, reference)
        assert [again.classify(t) for t in TEXTS] == [reference.classify(t) for t in TEXTS]
    finally:
        metadata._identifier.cache_clear()


def test_a_damaged_or_unwritable_cache_falls_back_to_the_packaged_model(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    metadata._identifier.cache_clear()
    try:
        metadata._identifier()
        for path in (tmp_path / "langid").glob("*.npz"):
            path.write_bytes(b"not an archive")
        metadata._identifier.cache_clear()
        assert metadata.detect_language(TEXTS[1]) == "fr"
        blocked = tmp_path / "file"
        blocked.write_text("")
        monkeypatch.setenv("STORYLINE_CACHE", str(blocked))
        metadata._identifier.cache_clear()
        assert metadata.detect_language(TEXTS[0]) == "en"
    finally:
        metadata._identifier.cache_clear()
