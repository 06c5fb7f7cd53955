"""Small tools over the parse: lexicon inflection in place of a lemmatizer, and tree queries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

# -- inflection ----------------------------------------------------------------------
# The pipeline runs without spaCy's lemmatizer (for speed), so lexicons list base forms
# and we generate the inflected ones; LEMMA maps every generated form back.
IRREGULAR = {
    "say": ("said",), "tell": ("told",), "send": ("sent",), "think": ("thought",), "meet": ("met",),
    "hold": ("held",), "speak": ("spoke", "spoken"), "write": ("wrote", "written"),
    "take": ("took", "taken"), "give": ("gave", "given"), "strike": ("struck", "stricken"),
    "shoot": ("shot",), "fight": ("fought",), "seek": ("sought",), "lead": ("led",),
    "bring": ("brought",), "fly": ("flew", "flown"), "set": ("set",), "put": ("put",),
    "withdraw": ("withdrew", "withdrawn"), "feel": ("felt",), "find": ("found",),
    "make": ("made",), "begin": ("began", "begun"), "forbid": ("forbade", "forbidden"),
    "overrun": ("overran",), "sell": ("sold",), "buy": ("bought",), "shut": ("shut",),
    "hit": ("hit",), "beat": ("beaten",), "blow": ("blew", "blown"), "undertake": ("undertook", "undertaken"),
    "foresee": ("foresaw", "foreseen"), "lay": ("laid",), "keep": ("kept",), "come": ("came",),
    "go": ("went", "gone"), "run": ("ran",), "see": ("saw", "seen"), "know": ("knew", "known"),
    "understand": ("understood",), "forecast": ("forecast",), "broadcast": ("broadcast",),
    "rebuild": ("rebuilt",), "build": ("built",), "lend": ("lent",), "deal": ("dealt",),
    "mean": ("meant",), "win": ("won",), "lose": ("lost",), "be": ("is", "are", "was", "were", "been", "am"),
    "have": ("has", "had"), "do": ("does", "did", "done"),
    "rise": ("rose", "risen"), "fall": ("fell", "fallen"), "leave": ("left",), "break": ("broke", "broken"),
    "hear": ("heard",), "teach": ("taught",),
}
# Verbs that double their final consonant (plan -> planned).
DOUBLING = {
    "plan", "ban", "stop", "drop", "ship", "admit", "commit", "submit", "permit", "omit", "rebut",
    "bar", "grab", "stab", "step", "shun", "rob", "kidnap", "prod", "spar", "scrap", "bomb",
    "regret", "pin", "slam", "hammer", "top", "trap", "tap", "map", "nab", "refer", "transfer", "occur",
}
DOUBLING.discard("bomb")
DOUBLING.discard("hammer")
VOWELS = "aeiou"


def verb_forms(base: str) -> set[str]:
    """The base form with its -s, -ed and -ing forms (and known irregular ones)."""
    out = {base, *IRREGULAR.get(base, ())}
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        out.add(base + "es")
    elif base.endswith("y") and base[-2:-1] not in VOWELS:
        out.add(base[:-1] + "ies")
    else:
        out.add(base + "s")
    if base in DOUBLING:
        stem = base + base[-1]
        out |= {stem + "ed", stem + "ing"}
    elif base.endswith("ie"):
        out |= {base + "d", base[:-2] + "ying"}
    elif base.endswith("ee"):
        out |= {base + "d", base + "ing"}
    elif base.endswith("e"):
        out |= {base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in VOWELS:
        out |= {base[:-1] + "ied", base + "ing"}
    else:
        out |= {base + "ed", base + "ing"}
    if base in IRREGULAR:
        # "sent", not "sended": drop the regular past forms of irregular verbs
        out -= {base + "ed", base + "d"} - set(IRREGULAR[base])
    return out


def noun_forms(base: str) -> set[str]:
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return {base, base + "es"}
    if base.endswith("y") and base[-2:-1] not in VOWELS:
        return {base, base[:-1] + "ies"}
    return {base, base + "s"}


LEMMA: dict[str, str] = {}


def lexicon(*bases: str) -> frozenset[str]:
    """A set of verb lemmas, registering their forms in LEMMA."""
    for base in bases:
        for form in verb_forms(base):
            LEMMA.setdefault(form, base)
    return frozenset(bases)


def lemma(token: Token) -> str:
    """The lexicon lemma of a verb form, else the lower-cased text."""
    text = token.lower_.replace("’", "'")
    if token.lemma_ and token.pos_ in {"VERB", "AUX"}:
        return token.lemma_.lower()
    return LEMMA.get(text, text)


def guess_base(token: Token) -> str:
    """A base form for a verb not in the lexicons ("broadened" -> "broaden"), best effort: the model's
    lemma tables where the pipeline gives them (``verb_base``), else a guess from the spelling."""
    text = token.lower_
    if text in LEMMA:
        return LEMMA[text]
    return verb_base(text) or spelled_base(text)


def spelled_base(text: str) -> str:
    """A base form guessed from the spelling alone: "-ed" and "-ing" taken off, a doubled consonant undone
    ("stopped", "planning"), a final "e" given back where the stem lost it ("continued", "noticing",
    "compared", "renaming"), "-ied" made "-y"."""
    for suffix, least in (("ed", 5), ("ing", 6)):
        if not text.endswith(suffix) or len(text) < least:
            continue
        stem = text[: -len(suffix)]
        if suffix == "ed" and stem.endswith("i"):
            return stem[:-1] + "y"
        if stem[-1] == stem[-2] and stem[-1] not in DOUBLE_FINAL and stem not in DOUBLE_STEMS:
            return stem[:-1]
        if E_STEM.search(stem) and not VOWEL_PAIR_T.search(stem):
            return stem + "e"
        return stem
    return text


# Stems that lost a final "e" before "-ed" or "-ing": escalat(e), mobiliz(e), reduc(e), increas(e), continu(e),
# compar(e), renam(e).
E_STEM = re.compile(r"(?:at|[iy][sz]|[^s]c|v|[^ng]g|[aeio]s|aus|[aiu]r|[iu]d|ad|ut|[bpgdkt]l|[^aeiou][ai]m|com|u)$")
VOWEL_PAIR_T = re.compile(r"(?:ea|oa|ai|ee|oo|ou)[dtrm]$")
DOUBLE_FINAL = "lsfz"
"""Final letters verbs double in their base form too: "filled", "passed", "staffed", "buzzed"."""
DOUBLE_STEMS = frozenset({"add", "err", "ebb", "egg", "purr", "putt"})
"""Verbs ending in a doubled consonant besides those: "added" is "add", not "ad"."""

_VERB_TABLES: tuple[dict, dict, list] | None = None
"""The model's verb lemma tables (index, exceptions, suffix rules), where the pipeline gives them."""


def use_lemma_tables(lookups) -> None:
    """Read verb bases from a spaCy lemmatizer's lookups (``lemma_index``, ``lemma_exc``, ``lemma_rules``): the
    pipeline runs without the lemmatizer, but its tables know "continue", "notice", "compare" and "rename"."""
    global _VERB_TABLES
    tables = [lookups.get_table(name, {}) for name in ("lemma_index", "lemma_exc", "lemma_rules")]
    index, exceptions, rules = (t.get("verb", {}) if hasattr(t, "get") else {} for t in tables)
    _VERB_TABLES = (frozenset(index), dict(exceptions), [tuple(r) for r in rules]) if index else None
    _table_base.cache_clear()


def verb_base(text: str) -> str | None:
    """The base form of an inflected verb from the model's lemma tables ("continued", "continuing" and
    "continues" give "continue"; "hoped" gives "hope", not "hop"), None where no table is loaded or none knows it."""
    return _table_base(text.lower()) if _VERB_TABLES is not None else None


@lru_cache(maxsize=1 << 14)
def _table_base(text: str) -> str | None:
    index, exceptions, rules = _VERB_TABLES
    if text in exceptions:
        return exceptions[text][0]
    if text in index:
        return text
    found = list(dict.fromkeys(text[: len(text) - len(old)] + new for old, new in rules
                               if text.endswith(old) and len(text) > len(old)))
    known = [form for form in found if form in index]
    if not known:
        return None
    # "hoped": both "hope" and "hop" are verbs, but "hop" would have doubled its "p"; the form with "e" is meant
    return next((form for form in known if form.endswith("e")), known[0])


# -- helpers over the parse ----------------------------------------------------------
def children(token: Token, *deps: str) -> Iterator[Token]:
    return (c for c in token.children if c.dep_ in deps)


def first_child(token: Token, *deps: str) -> Token | None:
    return next(children(token, *deps), None)


def subject(token: Token) -> Token | None:
    """The grammatical subject of a predicate, following conj and xcomp heads up."""
    seen = 0
    while token is not None and seen < 4:
        subj = first_child(token, "nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
        for aux in children(token, "aux", "auxpass"):
            subj = subj or first_child(aux, "nsubj", "nsubjpass")  # "support must be augmented"
        if subj is not None:
            return subj
        if token.dep_ in {"conj", "xcomp", "advcl"} and token.head.i != token.i:
            token = token.head
            seen += 1
            continue
        return None
    return None


def supposed(verb: Token) -> bool:
    """Whether a verb's clause is a condition ("if the minister resigns", "unless the board says so"): an act
    supposed, not one anyone does."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def auxes(token: Token) -> list[Token]:
    """Auxiliaries of a predicate, including those the parser hangs off another auxiliary ("must be")."""
    out = []
    for c in token.children:
        if c.dep_ in {"aux", "auxpass"}:
            out.append(c)
            out.extend(g for g in c.children if g.dep_ == "aux")
    return out


def is_verbal(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def noun_phrase(token: Token) -> Span:
    """A noun phrase without its appositions, relative clauses and trailing punctuation."""
    drop = set()
    for c in token.children:
        if c.dep_ in {"appos", "relcl", "acl", "punct", "advcl"} and c.i > token.i:
            drop.update(t.i for t in c.subtree)
    ids = [t.i for t in token.subtree if t.i not in drop and not t.is_space]
    lo, hi = min(ids), max(ids) + 1
    # a noun phrase never runs across a line break (a heading glued to the sentence by the parser)
    for t in token.doc[lo:hi]:
        if "\n" in t.text or "\n" in t.whitespace_:
            if t.i < token.i:
                lo = t.i + 1
            elif t.i >= token.i:
                hi = t.i + (0 if t.is_space else 1)
                break
    while hi > lo + 1 and (token.doc[hi - 1].is_punct or token.doc[hi - 1].is_space):
        hi -= 1
    while lo < hi - 1 and (token.doc[lo].is_punct or token.doc[lo].is_space):
        lo += 1
    return token.doc[lo:hi]


def span_text(doc: Doc, ids: list[int]) -> str | None:
    """The longest contiguous run of token ids, as text without edge punctuation."""
    if not ids:
        return None
    ids = sorted(set(ids))
    best, run = [ids[0]], [ids[0]]
    for i in ids[1:]:
        run = run + [i] if i == run[-1] + 1 else [i]
        if len(run) > len(best):
            best = run
    lo, hi = best[0], best[-1] + 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ in {"mark", "cc"}):
        lo += 1
    return doc[lo:hi].text if hi > lo else None


def noun_phrase_full(token: Token | None, lo: int, hi: int) -> str | None:
    if token is None:
        return None
    return span_text(token.doc, [t.i for t in token.subtree if lo <= t.i < hi])


VP_DEPS = {"dobj", "dative", "prt", "attr", "acomp", "oprd", "prep", "xcomp", "ccomp", "conj", "cc", "advmod",
           "neg", "npadvmod", "agent", "pobj", "compound:prt"}


def verb_phrase(verb: Token, lo: int, hi: int, subject_as_object: Token | None = None,
                skip: frozenset[str] = frozenset()) -> str | None:
    """The verb with its complements ("deploy EU troops in Ukraine"), up to the first comma that ends it."""
    doc = verb.doc
    ids = {verb.i}
    for c in verb.children:
        if c.dep_ not in VP_DEPS or (c.dep_ == "advmod" and c.i > verb.i and c.lower_ in skip):
            continue
        if subject_as_object is not None and c.dep_ == "agent":
            continue
        ids.update(t.i for t in c.subtree if lo <= t.i < hi)
    # keep "carefully consider", not "Additionally, ... consider"
    ids = {
        i for i in ids
        if i >= verb.i or doc[i].dep_ in {"advmod", "neg"} and doc[i].head.i == verb.i and verb.i - i <= 2
        and not any(t.is_punct for t in doc[i:verb.i])
    }
    stop = hi
    for i in range(verb.i + 1, max(ids) + 1):
        if doc[i].text in {";", ":", "—", "–", "(", "\""} or doc[i].text == "," and not _continues_list(doc, i):
            stop = i
            break
    if subject_as_object is not None:
        rest = span_text(doc, [i for i in ids if verb.i < i < stop])
        obj = noun_phrase(subject_as_object).text
        if subject_as_object.left_edge.is_sent_start and subject_as_object.left_edge.pos_ != "PROPN":
            obj = obj[:1].lower() + obj[1:]
        return " ".join(p for p in (guess_base(verb), obj, rest) if p)
    return span_text(doc, [i for i in ids if i < stop])


def _continues_list(doc: Doc, comma: int) -> bool:
    """Whether a comma separates items of a list ("military, financial, and humanitarian aid")."""
    nxt = doc[comma + 1] if comma + 1 < len(doc) else None
    prev = doc[comma - 1]
    if nxt is None:
        return False
    return (nxt.dep_ in {"conj", "cc"} or (prev.dep_ == nxt.dep_ and prev.head.i == nxt.head.i)
            or any(c.dep_ == "conj" and c.i > comma for c in prev.children))
