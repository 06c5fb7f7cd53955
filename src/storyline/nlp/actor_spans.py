"""Where a name can be an actor: body lines only (not headings, bylines, captions, datelines or labels),
and span edges cleaned of the debris that NER lets through."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from storyline.nlp.actor_roles import TITLE_WORDS, person_noun
from storyline.nlp.headings import ACTOR_HEADING_MAX_WORDS, is_heading_line
from storyline.nlp.pipeline import text_of

DATELINE_MAX_TOKENS = 14
"""Tokens before the dash of a dateline ("KHARTOUM, April 16 (Reuters) —")."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NUMBER = re.compile(r"(?<![\w.,])\d[\d.,%]*(?![\w])")
TABLE_MIN_NUMBERS = 6
_DASHES = {"—", "–", "--", "-"}
# Characters that never end or start a name; a name that still has one inside is debris.
_EDGE_JUNK = "\"“”'‘’:;,.-–—/|[](){}*#•·+=<>"
# Lower-case particles that can open a name ("al-Burhan", "van der Leyen", "bin Salman").
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "de", "del", "della", "der", "den", "van",
                  "von", "da", "di", "du", "dos", "das", "la", "le", "ter", "ten", "zu"}
_INNER_JUNK = re.compile(r"[/|\[\]{}<>#•·=]|\.(?=[A-Z][a-z])")


def line_bounds(doc: Doc, char: int) -> tuple[int, int]:
    """Start and end offsets of the text line holding a character."""
    text = text_of(doc)
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return start, len(text) if end < 0 else end


def is_table_line(line: str) -> bool:
    """A row of a table flattened into text ("Village 67 17 66 18 City 74 14"): more numbers than words."""
    numbers = len(_NUMBER.findall(line))
    return numbers >= TABLE_MIN_NUMBERS and numbers >= len(_WORD.findall(line))


def _in_prefix_label(doc: Doc, span: Span, start: int) -> bool:
    """Inside a label that opens a line: "[EUROPE]", "EDITOR'S NOTE:", or a dateline
    ("PHILADELPHIA (AP) —", "KHARTOUM, April 16 (Reuters) -")."""
    head = text_of(doc)[start : span.start_char]
    if "[" in head and "]" not in head:
        return True  # inside a bracketed label
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or not len(first):
        return False
    first_tok = first[0]
    credit = _credited_dateline(doc, start)
    if credit is not None:
        return span.end_char <= credit
    caps = first_tok.i
    while caps + 1 < len(doc) and doc[caps + 1].is_upper and doc[caps + 1].is_alpha and "\n" not in doc[caps].whitespace_:
        caps += 1  # "PORT VILA", "LA PAZ": a place of several words in capitals
    if not (first_tok.text.isupper() and len(doc[first_tok.i : caps + 1].text) > 2):
        return False
    window = doc[first_tok.i : min(len(doc), first_tok.i + DATELINE_MAX_TOKENS)]
    dateline = caps + 1 < len(doc) and doc[caps + 1].text in (",", "(")
    if not dateline:  # "SAN JOSE DEL MAR —": a run of capitals closed by a dash
        dash = next((t for t in window if t.text in _DASHES), None)
        dateline = dash is not None and all(t.is_upper for t in doc[first_tok.i : dash.i] if t.is_alpha)
    for tok in window:
        if "\n" in tok.text:
            return False
        if tok.text == ":" and all(t.text.isupper() for t in doc[first_tok.i : tok.i] if t.is_alpha):
            return span.end_char <= tok.idx  # "EDITOR'S NOTE:"
        if dateline and tok.text in _DASHES:
            return span.end_char <= tok.idx
    return False


_CREDITED_DATELINE = re.compile(r"\A(?P<where>[^()\n]{2,60}?)\((?P<who>[A-Z][A-Za-z]{1,15})\)\s?[-–—]")


def _credited_dateline(doc: Doc, start: int) -> int | None:
    """The character offset just after the dash closing a dateline written in title case with its outlet in
    brackets ("Atlanta, United States (CNN) -", "Lagos, Nigeria (AFP) —"): capitalised names, commas and
    numbers only, then one bracketed name, then a dash. None when the line opens otherwise."""
    match = _CREDITED_DATELINE.match(text_of(doc)[start : start + 90])
    if match is None:
        return None
    words = match["where"].replace(",", " ").split()
    if not words or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None
    return start + match.end()


def _caption_line(doc: Doc, start: int) -> bool:
    """A line opened by a one-word label that names no one ("Photo: Supporters of X in Y.",
    "Pictured: ..."): a caption or note, not running text. "Lavrov: ..." opens a speaker's words."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or not len(first) or first[0].i + 1 >= len(doc):
        return False
    word = first[0]
    return (doc[word.i + 1].text == ":" and word.is_alpha and word.is_title and not word.ent_type_
            and word.pos_ in ("NOUN", "PROPN", "VERB"))


def in_body(span: Span) -> bool:
    """True when the span sits in running text, not in a heading-shaped line, a caption or a line-opening
    label."""
    doc = span.doc
    start, end = line_bounds(doc, span.start_char)
    line = text_of(doc)[start:end]
    if is_heading_line(line, ACTOR_HEADING_MAX_WORDS) or _caption_line(doc, start) or is_table_line(line):
        return False
    return not _in_prefix_label(doc, span, start)


def clean_edges(span: Span, keep_possessive: bool = False) -> Span | None:
    """The span with line breaks, brackets, credits and stray punctuation cut away; None if nothing
    name-like is left ("Focus on Threats\\n\\nEurope" -> "Europe", "EUROPE] Europe" -> "Europe",
    "NATO.He" -> "NATO", "structures\\"" -> None). ``keep_possessive`` keeps a name that is a possessive
    phrase as a whole ("Kenya's Foreign Ministry")."""
    doc = span.doc
    start, end = span.start, span.end
    # Keep the part after the last line break or closing bracket: the name is what the line starts with.
    for i in range(end - 1, start - 1, -1):
        tok = doc[i]
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.text in ("]", ")"):
            start = i + 1
            break
    # Cut before an opening bracket, an internal possessive ("Truss's Foreign Office") or a slash credit.
    for i in range(start, end):
        tok = doc[i]
        if tok.text in ("[", "(", "/", "|") or (tok.text in ("'s", "’s") and i < end - 1 and not keep_possessive and not collective_possessive(tok)) or (
                tok.text in ("-", "–", "—") and i > start and doc[i - 1].whitespace_ and tok.whitespace_):
            end = i
            break
    while start < end and doc[start].text in _EDGE_JUNK:
        start += 1
    while end > start and doc[end - 1].text in _EDGE_JUNK:
        end -= 1
    if start >= end:
        return None
    out = doc[start:end]
    text = out.text
    dot = re.search(r"\.(?=[A-Z][a-z])", text)
    if dot:  # a missing space after a full stop: "NATO.He said"
        out = doc.char_span(out.start_char, out.start_char + dot.start(), alignment_mode="contract")
        if out is None or not len(out):
            return None
        text = out.text
    if _INNER_JUNK.search(text) or not any(ch.isupper() for ch in text):
        return None
    first = next((t for t in out if t.lower_ not in ("the", "a", "an")), None)
    if first is None or (first.text[0].islower() and first.lower_ not in NAME_PARTICLES):
        return None  # "of Foreign Affairs", "ministry of US": a fragment, not a name
    return out


HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "sen", "rep", "gen", "pres", "gov",
              "general", "col", "colonel", "lt", "capt", "captain", "adm", "admiral", "maj", "sgt", "rev",
              "president", "minister", "chancellor", "premier", "king", "queen", "prince", "princess",
              "sheikh", "ambassador", "secretary", "spokesperson", "spokesman", "spokeswoman", "envoy",
              "administrator", "rapporteur", "coordinator", "ombudsman", "ombudsperson", "registrar"}


def trim(span: Span) -> Span:
    """Drop a leading article, a trailing possessive and a dangling "of" or "of the": "the Kremlin's" ->
    "Kremlin", "National Intelligence Service of" (NER cut before "South Korea") -> its name, "the Associated
    Press of the" (NER cut before "tally sheets") -> "Associated Press"."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’", "the", "a", "an")
                           or doc[end - 1].lower_ in ("of", "and", "for")):
        end -= 1
    return doc[start:end]


def surface(span: Span) -> tuple[int, int, str]:
    text = span.text
    start = span.start_char
    cut = re.search(r"['’]s?$", text)
    if cut and len(text) > 3:
        text = text[: cut.start()]
    return start, start + len(text), text


def is_honorific(word: str) -> bool:
    """A title or honorific, singular or plural: "Dr.", "President", "Generals"."""
    word = word.lower().rstrip(".")
    return word in HONORIFICS or (len(word) > 4 and word.endswith("s") and word[:-1] in HONORIFICS)


def strip_honorifics(span: Span) -> Span:
    """The name without the titles before it: "Gen. Jane Doe", "Ombudsman Elena Paucar" -> the name."""
    start = span.start
    while start < span.end - 1 and (is_honorific(span.doc[start].text) or (
            span.doc[start].lower_ in TITLE_WORDS and span.end - start > 2
            and all(t.is_title and t.is_alpha for t in span.doc[start + 1 : span.end]))):
        start += 1
    return span.doc[start : span.end]


_NAME_LINKS = {"of", "for", "on"}
_OWNERS = {"the", "a", "an", "my", "our", "his", "her", "their", "its", "your"}
_NOT_NAME_HEADS = {"minister", "secretary", "president", "director", "head", "chief", "spokesman",
                   "spokeswoman", "spokesperson", "commissioner", "ambassador", "envoy", "chairman", "member",
                   "administrator", "rapporteur", "coordinator"}


def extend_name_left(span: Span) -> Span:
    """An organisation's name that NER cut after "of"/"for": "(Office for the) Coordination of
    Humanitarian Affairs". Capitalised words joined by "of", "for" or "the" belong to the name,
    unless the head is a person's title ("Director of the ...")."""
    doc = span.doc
    start = span.start
    while start > 1:
        j = start - 1
        if doc[j].lower_ == "the":
            j -= 1
        if j < 1 or doc[j].lower_ not in _NAME_LINKS or not doc[j - 1].is_title or doc[j - 1].is_sent_start:
            break
        k = j - 1
        while (k > 0 and (doc[k - 1].is_title or (doc[k - 1].is_upper and doc[k - 1].is_alpha))
               and not doc[k].is_sent_start and "\n" not in doc[k - 1].whitespace_):
            k -= 1
        if doc[j - 1].lower_ in _NOT_NAME_HEADS or doc[k].lower_ in _NOT_NAME_HEADS:
            break
        if any(doc[i].ent_type_ == "PERSON" for i in range(k, j)):
            break  # "Jane Roe of (Ridgeway University)": a person and her affiliation, not one name
        start = k
    if start == span.start:
        return span
    return doc[start : span.end]


# Heads of a facility's name written with common nouns after a place's name ("the Osipovichi training
# ground", "the Zaporizhzhia nuclear power plant"): the facility is the named thing.
FACILITY_HEADS = {"ground", "base", "airbase", "airfield", "airport", "port", "plant", "dam", "bridge",
                  "refinery", "depot", "prison", "station", "range", "shipyard", "terminal", "factory",
                  "mine", "facility", "works"}
FACILITY_MAX_NOUNS = 3
"""Lower-case words a facility's name may add after the place's name."""


def extend_facility(span: Span) -> Span:
    """The span with the common nouns of a facility's name after it: "Osipovichi" + "training ground";
    not when a name after "of" names the facility ("the Black Sea port of Odesa" is Odesa's port)."""
    doc = span.doc
    end = span.end
    while end < len(doc) and end - span.end < FACILITY_MAX_NOUNS and doc[end].is_lower and doc[end].is_alpha \
            and doc[end].pos_ in ("NOUN", "ADJ") and not doc[end - 1].whitespace_ == "":
        end += 1
        if doc[end - 1].lower_ in FACILITY_HEADS:
            named_after = end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title
            return span if named_after else doc[span.start : end]
    return span


# Head nouns that end a body's name: "... and Warning Centre", "... Relief Agency".
COLLECTIVES = {"people", "peoples", "workers", "children", "women", "veterans", "farmers", "citizens"}


def collective_possessive(tok) -> bool:
    """The "'s" of a collective noun inside a name ("Donetsk People's Republic", "People's Liberation
    Army"), not an owner's ("Truss's Foreign Office")."""
    doc = tok.doc
    if tok.i == 0 or tok.i + 1 >= len(doc) or not doc[tok.i - 1].is_title or not doc[tok.i + 1].is_title:
        return False
    owner, after = doc[tok.i - 1].lower_, doc[tok.i + 1].lower_
    # "the Ombudsman's Office", "the Prosecutor General's Office": an office named after its holder
    return owner in COLLECTIVES or (owner in TITLE_WORDS and after in BODY_HEADS)


BODY_HEADS = {"centre", "center", "council", "commission", "agency", "office", "service", "services", "authority",
              "department", "ministry", "institute", "board", "committee", "bureau", "fund", "foundation", "society",
              "association", "organisation", "organization", "programme", "program", "directorate", "corporation"}


def join_adjacent(spans: list[tuple[Span, str]], known) -> list[tuple[Span, str]]:
    """Two place names NER split in one ("Stanica" + "Lugansk" for the village Stanica Lugansk): the
    first, unknown to the knowledge base, is a compound of the second right after it. A body's name
    NER split at "and" ("Flood Forecasting" + "Warning Centre") is one name when only the second part
    ends in a body's head noun."""
    out: list[tuple[Span, str]] = []
    for span, label in spans:
        if out:
            prev, prev_label = out[-1]
            if (prev.end == span.start and prev_label == "ORG" and len(span) == 1
                    and label in ("GPE", "LOC", "PERSON", "PRODUCT")
                    and prev[-1].whitespace_ == " " and prev.root.dep_ == "compound" and prev.root.head.i == span.start
                    and span[0].is_title and not known(prev.text)
                    and (not known(span.text) or (label == "PRODUCT" and all(e.type == "person" for e in known(span.text))))):
                out[-1] = (span.doc[prev.start : span.end], "ORG")  # "Alianza" + "Republicana", "Lockheed" + "Martin"
                continue
            if (prev.end + 1 == span.start and prev_label == label == "ORG" and span.doc[prev.end].lower_ == "and"
                    and span[-1].lower_ in BODY_HEADS and not any(t.lower_ in BODY_HEADS for t in prev)
                    and not any(t.lower_ == "of" for t in span)  # "(Privacy Policy and) Terms of Service"
                    and prev[-1].is_title and span[0].is_title and not known(prev.text) and not known(span.text)):
                out[-1] = (span.doc[prev.start : span.end], "ORG")  # "Flood Forecasting" + "and" + "Warning Centre"
                continue
            if (prev.end == span.start and prev_label == "ORG" and label in ("ORG", "GPE", "PERSON")
                    and prev[-1].text in ("'", "’") and prev[-1].whitespace_ == " " and span[0].is_title):
                out[-1] = (span.doc[prev.start : span.end], "ORG")  # "Ceylon Workers'" + "Congress": one union
                continue
            if (prev.end == span.start and len(prev) == 1 and prev_label in ("GPE", "LOC")
                    and label in ("GPE", "LOC", "PERSON") and prev[0].whitespace_ == " "
                    and prev.root.dep_ == "compound" and span.start <= prev.root.head.i < span.end
                    and not known(prev.text)):
                out[-1] = (span.doc[prev.start : span.end], "GPE")
                continue
        out.append((span, label))
    return out


# A minister's portfolio, written before the name in a list ("Ministers of Finance X, Defense Y").
PORTFOLIOS = {"defense", "defence", "interior", "finance", "foreign", "justice", "health", "economy", "commerce",
              "trade", "agriculture", "education", "energy", "treasury", "transport", "labor", "labour", "culture",
              "environment", "infrastructure", "development", "digital", "security", "intelligence", "veterans"}


def extend_person_left(span: Span, known, given=None) -> Span:
    """A given name NER left out of a person's name ("Hamidou" + "Coulibaly"): a capitalised proper
    noun right before the name, compounded into it, that is no title and nothing the knowledge base knows.
    ``given`` tells a known given name, which ends no title ("Governor of the Tula Region Alexei Dyumin")."""
    doc = span.doc
    if span.start == 0:
        return span
    prev = doc[span.start - 1]
    if not (prev.pos_ == "PROPN" and prev.is_title and prev.is_alpha and prev.dep_ == "compound"
            and span.start <= prev.head.i < span.end and not prev.ent_type_ and prev.whitespace_ == " "):
        return span
    if is_honorific(prev.text) or prev.lower_ in _NOT_NAME_HEADS or prev.lower_ in TITLE_WORDS or known(prev.text) \
            or person_noun(prev.text) or prev.lower_ in PORTFOLIOS \
            or prev.is_stop:
        return span  # "Villager (Ghulam Nabi)", "Further (Lukashenko)": no given name
    if prev.i > 0 and (doc[prev.i - 1].is_title or doc[prev.i - 1].lower_ in _NAME_LINKS | _OWNERS) \
            and not (given is not None and given(prev.text)):
        return span  # "House Speaker Jane Roe", "Minister of Finance Jane Roe", "my Office": the end of a title
    return doc[prev.i : span.end]


def drop_article(span: Span) -> Span:
    """The span without a leading article, so that a longer knowledge-base name starting at the same word
    wins over it ("the International Federation of Red Cross" cut before "and Red Crescent Societies")."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return span.doc[start : span.end]

