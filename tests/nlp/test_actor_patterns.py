"""The actor matcher's patterns: tokenized once, kept in the cache folder and read back by later loads."""

import spacy
from spacy.matcher import PhraseMatcher

from storyline.nlp import actor_patterns

NAMES = ["Lake Ontario Port Authority", "Dr. Amara Osei", "Vale do Rio Doce", "U.N.-backed panel", "Ngong Hills",
         "Ministry of Fisheries"]


def _blank():
    return spacy.blank("en")


def test_patterns_are_the_token_hashes_the_tokenizer_gives(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    nlp = _blank()
    got = actor_patterns.patterns(nlp, NAMES, "ORTH")
    assert got == [tuple(t.orth for t in doc) for doc in nlp.tokenizer.pipe(sorted(NAMES))]
    lower = actor_patterns.patterns(nlp, [n.lower() for n in NAMES], "LOWER")
    assert lower == [tuple(t.lower for t in doc) for doc in nlp.tokenizer.pipe(sorted(n.lower() for n in NAMES))]


def test_a_later_load_reads_the_patterns_back_without_tokenizing(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    first = actor_patterns.patterns(_blank(), NAMES, "ORTH")
    assert list((tmp_path / actor_patterns.FOLDER).glob("*.npz"))

    def refuse(*args):
        raise AssertionError("tokenized again")

    monkeypatch.setattr(actor_patterns, "tokenized", refuse)
    assert actor_patterns.patterns(_blank(), NAMES, "ORTH") == first


def test_other_names_or_another_tokenizer_are_tokenized_anew(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    nlp = _blank()
    actor_patterns.patterns(nlp, NAMES, "ORTH")
    more = actor_patterns.patterns(nlp, [*NAMES, "Port of Mombasa"], "ORTH")
    assert len(more) == len(NAMES) + 1
    changed = _blank()
    changed.tokenizer.add_special_case("Dr.", [{"ORTH": "Dr"}, {"ORTH": "."}])
    split = actor_patterns.patterns(changed, NAMES, "ORTH")
    assert split == [tuple(t.orth for t in doc) for doc in changed.tokenizer.pipe(sorted(NAMES))]
    assert split != actor_patterns.patterns(nlp, NAMES, "ORTH")
    assert len(list((tmp_path / actor_patterns.FOLDER).glob("*.npz"))) == 3


def test_a_damaged_cache_file_is_tokenized_again(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    nlp = _blank()
    first = actor_patterns.patterns(nlp, NAMES, "ORTH")
    for path in (tmp_path / actor_patterns.FOLDER).glob("*.npz"):
        path.write_bytes(b"not an archive")
    assert actor_patterns.patterns(nlp, NAMES, "ORTH") == first


def test_a_matcher_of_stored_patterns_finds_what_one_of_docs_finds(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    nlp = _blank()
    actor_patterns.patterns(nlp, NAMES, "ORTH")
    fresh = _blank()  # a new process: the names' words are not in its vocabulary
    stored = PhraseMatcher(fresh.vocab)
    stored.add("KB", actor_patterns.patterns(fresh, NAMES, "ORTH"))
    docs = PhraseMatcher(nlp.vocab)
    docs.add("KB", list(nlp.tokenizer.pipe(NAMES)))
    text = "Dr. Amara Osei told the Lake Ontario Port Authority and the Ministry of Fisheries about the Ngong Hills."
    found = [(s, e) for _, s, e in stored(fresh(text))]
    assert found == [(s, e) for _, s, e in docs(nlp(text))]
    assert len(found) == 4
