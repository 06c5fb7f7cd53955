"""Hypothesis strategies for hostile inputs, shared by the fuzz tests and bench/fuzz.py."""

from __future__ import annotations

import json

from hypothesis import strategies as st

# Text with the characters that break parsers: controls, lone surrogates, bidi marks,
# brackets, quotes, markup and very long runs.
HOSTILE_ALPHABET = st.characters(codec=None, exclude_categories=())
hostile_text = st.one_of(
    st.text(HOSTILE_ALPHABET, max_size=400),
    st.builds(lambda unit, n: unit * n, st.sampled_from(["[ a ] ", "<b>", "\u202e", "\"", "By John Smith and ",
                                                         "* * ", "| a ", "\x00", "\ud800", "&#0;", "]]>"]),
              st.integers(0, 3000)),
    st.builds(lambda a, b: f"{a}\n\n{b}", st.text(max_size=200), st.text(max_size=200)),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | hostile_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "content", "title", "id", "date", "author", "source", "url", "x"]) | hostile_text, children, max_size=5),
    max_leaves=20,
)


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


inputs = st.one_of(
    st.tuples(st.sampled_from(["r.txt", "r.md", "r.html", "r"]), hostile_text.map(_bytes)),
    st.tuples(st.sampled_from(["r.json", "r.jsonl"]), json_values.map(lambda v: _bytes(json.dumps(v)))),
    st.tuples(st.just("r.jsonl"), st.lists(json_values, max_size=5).map(
        lambda vs: _bytes("\n".join(json.dumps(v) for v in vs)))),
    st.tuples(st.just("r.csv"), st.lists(st.lists(hostile_text, max_size=5), max_size=5).map(
        lambda rows: _bytes("\n".join(",".join(json.dumps(c) if i % 2 else c for i, c in enumerate(r)) for r in rows)))),
    st.tuples(st.sampled_from(["f.rss", "f.xml", "p.html"]), hostile_text.map(
        lambda t: _bytes(f"<?xml version='1.0'?><rss><channel><item><title>{t}</title><link>{t}</link></item></channel></rss>"))),
    st.tuples(st.sampled_from(["b.txt", "b.json", "b.csv"]), st.binary(max_size=300)),
)
