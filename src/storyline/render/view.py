"""What a briefing shows, chosen from the JSON contract: sections of lines, each with its citations.

Renderers (HTML, Markdown) only lay these out; every line is either a source sentence
or a template filled from extracted records, and carries the evidence behind it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from storyline.analysis.figures import magnitude_words

CONTEXT_CHARS = 240
SECTION_TITLES = {
    "changes": "What changed since the last run",
    "bottom-line": "Bottom line",
    "commentary": "Commentary and analysis",
    "figures": "Key figures",
    "disputed": "What is disputed",
    "actors": "Actors and their positions",
    "options": "Options",
    "implications": "Implications",
    "timeline": "Timeline",
    "quotes": "Notable quotes",
    "sources": "Sources",
}


@dataclass
class Cite:
    """One citation: a span of a cleaned report and its surroundings."""

    n: int
    doc: str
    start: int
    end: int
    text: str
    before: str
    after: str
    label: str
    """The report as a reader knows it: outlet, date."""


@dataclass
class Line:
    """One sentence of the briefing with the citations that support it."""

    text: str
    cites: list[Cite] = field(default_factory=list)
    quote: bool = False
    """True when ``text`` is a source sentence (shown in quotation marks)."""
    detail: str | None = None


@dataclass
class Table:
    """A figure table: a heading line, column names and rows of cells, each row cited."""

    heading: Line
    columns: list[str]
    rows: list[tuple[list[str], list[Cite]]]


@dataclass
class Section:
    key: str
    title: str
    items: list[Line | Table] = field(default_factory=list)
    empty: str = "Nothing of this kind was found in the reports."


class Citations:
    """Numbers citations in order of first use; the same span always gets the same number."""

    def __init__(self, documents: dict[str, dict[str, Any]]) -> None:
        self.documents = documents
        self.by_key: dict[tuple[str, int, int], Cite] = {}

    def cite(self, doc: str, start: int, end: int) -> Cite | None:
        if doc not in self.documents or start is None or end is None:
            return None
        key = (doc, start, end)
        if key not in self.by_key:
            text = self.documents[doc]["text"]
            before = text[max(0, start - CONTEXT_CHARS) : start]
            after = text[end : end + CONTEXT_CHARS]
            before = before[before.find(" ") + 1 :] if start > CONTEXT_CHARS else before
            after = after[: after.rfind(" ")] if end + CONTEXT_CHARS < len(text) else after
            self.by_key[key] = Cite(len(self.by_key) + 1, doc, start, end, text[start:end], before, after,
                                    doc_label(self.documents[doc]))
        return self.by_key[key]

    def all(self) -> list[Cite]:
        return sorted(self.by_key.values(), key=lambda c: c.n)


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 report", "3 reports"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def doc_label(doc: dict[str, Any]) -> str:
    name = doc.get("outlet") or doc.get("title") or doc["source"].rsplit("/", 1)[-1]
    return f"{name}, {doc['published']}" if doc.get("published") else name


def _cites(citations: Citations, spans: list[dict[str, Any]]) -> list[Cite]:
    found = [citations.cite(s["doc"], s["start"], s["end"]) for s in spans]
    return [c for c in found if c is not None]


def _fmt_number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def figure_value(row: dict[str, Any]) -> str:
    """"up to 3,000", "2,000–9,999", "about 1,500"; a vague magnitude as written ("thousands"),
    never as the conventional range behind it."""
    if row.get("vague") and row.get("text"):
        core = magnitude_words(row["text"])
    elif row.get("value") is None and row.get("low") is not None:
        core = f"{_fmt_number(row['low'])}–{_fmt_number(row['high'])}"
    elif row.get("low") is not None and row.get("high") is not None and row["low"] != row["high"]:
        core = f"{_fmt_number(row['low'])}–{_fmt_number(row['high'])}"
    else:
        core = _fmt_number(row.get("value"))
    return f"{row['qualifier']} {core}" if row.get("qualifier") else core


def build_view(data: dict[str, Any], limits: dict[str, int] | None = None) -> tuple[list[Section], Citations]:
    """The briefing's sections, in reading order, and the citations they use."""
    limits = {"bottom": 8, "actors": 12, "quotes": 10, "timeline": 40, **(limits or {})}
    documents = {d["id"]: d for d in data["documents"]}
    citations = Citations(documents)
    names = {e["id"]: e["name"] for e in data["entities"]}
    statements = {s["id"]: s for s in data["statements"]}
    sections = [_bottom_line(data, statements, citations, limits["bottom"])]
    if any(b["kind"] == "commentary" for b in data.get("bottom_line", [])):
        sections.append(_commentary(data, citations))  # the reports' own analysis, apart from the facts
    sections += [
        _figures(data, citations),
        _disputed(data, citations),
        _actors(data, names, citations, limits["actors"]),
        _options(data, names, citations, documents),
        _implications(data, citations),
        _timeline(data, citations, limits["timeline"]),
        _quotes(data, names, citations, limits["quotes"]),
        _sources(data, citations),
    ]
    if (data.get("changes") or {}).get("since") is not None:
        sections.insert(0, _changes(data["changes"], citations))
    return sections, citations


CHANGE_KINDS = (("new_claims", "New claim"), ("corroborated", "Newly corroborated"), ("disputed", "Newly disputed"),
                ("new_conflicts", "New conflict"), ("revised_estimates", "Revised estimate"), ("new_actors", "New actor"))


def _changes(changes: dict[str, Any], citations: Citations) -> Section:
    """What is new against the previous stored run: read first by analysts following a story."""
    section = _section("changes")
    section.title = f"What changed since run {changes['since']}"
    for kind, title in CHANGE_KINDS:
        for item in changes.get(kind, []):
            spans = [e for e in item.get("evidence", []) if e.get("start") is not None and e.get("doc")]
            detail = title + (f"; {item['note']}" if item.get("note") else "")
            section.items.append(Line(" ".join(str(item.get("text", "")).split()), _cites(citations, spans), detail=detail))
    section.empty = f"Nothing new since run {changes['since']}."
    return section


def _section(key: str) -> Section:
    return Section(key, SECTION_TITLES[key])


def _bottom_line(data, statements, citations, limit) -> Section:
    if "bottom_line" in data:  # ranked claims of fact (analysis/bottomline.py); its first citation is the quote
        section = _section("bottom-line")
        for b in [b for b in data["bottom_line"] if b["kind"] != "commentary"][: limit + 2]:
            cites = _cites(citations, b["evidence"])
            section.items.append(Line(b["text"], cites, quote=b["kind"] != "figure",
                                      detail=_sources_cited(b["detail"], cites, citations.documents)))
        section.empty = "No claim of fact is made by more than one independent report, and none is confirmed."
        return section
    section = _section("bottom-line")
    for cluster in data["clusters"][:limit]:
        members = [statements[s] for s in cluster["statements"] if s in statements]
        if not members:
            continue
        best = next((m for m in members if m["text"] == cluster["label"]), members[0])
        # One citation per report: the claim's sources, not every sentence that repeats it;
        # the sentence shown is always among them.
        first = {best["doc"]: best}
        for m in members:
            first.setdefault(m["doc"], m)
        cites = _cites(citations, list(first.values()))
        detail = _sources_cited(cluster["corroboration"], cites, citations.documents)
        section.items.append(Line(best["text"], cites, quote=True, detail=detail))
    if not section.items:
        # No claim is made by two reports: fall back to officially confirmed statements.
        confirmed = [s for s in data["statements"] if s["status"] == "confirmed"][:limit]
        for s in confirmed:
            section.items.append(Line(s["text"], _cites(citations, [s]), quote=True, detail="confirmed; 1 source"))
    section.empty = "No statement is made by more than one independent report, and none is confirmed."
    return section


def _commentary(data, citations) -> Section:
    section = _section("commentary")
    for b in [b for b in data.get("bottom_line", []) if b["kind"] == "commentary"]:
        section.items.append(Line(b["text"], _cites(citations, b["evidence"]), quote=True, detail=b["detail"]))
    section.empty = "The reports offer no analysis in their own voice."
    return section


def _sources_cited(text: str, cites: list[Cite], documents: dict[str, dict[str, Any]]) -> str:
    """A count of sources in ``text`` restated as the reports the line cites (a copy counted with
    its original), so the number a reader sees is the number of reports they can open."""
    n = len({documents[c.doc].get("duplicate_of") or c.doc for c in cites})
    return re.sub(r"\b\d+ (independent )?sources?\b", lambda m: plural(n, f"{m[1] or ''}source"), text)


def _figures(data, citations) -> Section:
    section = _section("figures")
    figures = {f["id"]: f for f in data["figures"]}
    for table in data["figure_tables"]:
        rows = []
        for row in table["rows"]:
            figure = figures.get(row["figure"])
            cites = _cites(citations, [figure]) if figure else []
            rows.append(([figure_value(row), row.get("stage") or "", row.get("date") or "",
                          row.get("source") or ""], cites))
        heading = Line(f"{table['measure']}: {plural(len(rows), 'figure')}, {table['assessment']}.",
                       [c for _, cs in rows for c in cs])
        section.items.append(Table(heading, ["figure", "stage", "date", "given by"], rows))
    section.empty = "No figure is reported on the same measure by more than one report."
    return section


def _disputed(data, citations) -> Section:
    section = _section("disputed")
    for conflict in data["conflicts"]:
        cites = _cites(citations, conflict["sides"])
        kind = conflict["kind"] if not conflict.get("assessment") else f"{conflict['kind']}, {conflict['assessment']}"
        section.items.append(Line(conflict["summary"], cites, detail=kind))
    section.empty = "The reports do not contradict each other on anything Storyline checks."
    return section


QUOTE_MARKS = re.compile("[\"“”„«»]")
POSITION_RANK = {"recommendation": 0, "opinion": 1, "prediction": 2, "estimate": 3, "fact": 4}
"""Which of an actor's statements show where it stands first: what it urges, then what it thinks, expects, claims."""
POSITION_QUOTE_WORDS = 6
"""A quotation shorter than this ("Kyiv", "a foreign agent") is a fragment, not a position."""


HEDGE_CUES = frozenset({
    "may", "might", "could", "would", "will", "must", "shall", "can", "should", "likely", "unlikely", "probably",
    "possibly", "perhaps", "reportedly", "allegedly", "apparently", "expected to", "need to", "need for", "if",
    "about", "possibility", "up to"})
"""Cue words that hedge or qualify a clause rather than name who holds it."""
HOLDER_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
"""A source read from a relative clause ("Western democracies, who view the war as ...") is the report describing
the actor, not the actor speaking."""


def _cue_at(text: str, cue: str) -> int | None:
    stem = cue[:-1] if len(cue) > 3 and cue.endswith("e") else cue
    found = re.search(rf"\b{re.escape(stem)}", text, re.IGNORECASE)
    return found.start() if found else None


def holds_position(s: dict[str, Any]) -> bool:
    """The statement's source holds what it says: it is quoted, or it is the subject of a reporting or stance
    cue ("X said", "X fears", "according to X"), and the report does not hedge the attribution itself ("X
    likely sees ...", "Moscow may now sense ..." are the report's guesses about X, not X's position)."""
    if (s.get("source_text") or "").strip().lower() in HOLDER_PRONOUNS:
        return False
    if s.get("source_kind") == "quoted":
        return True
    cues = [c for c in s.get("cues") or () if c]
    held = [at for c in cues if c.lower() not in HEDGE_CUES and (at := _cue_at(s["text"], c)) is not None]
    if not held:
        return False
    hedged = [at for c in cues if c.lower() in HEDGE_CUES and (at := _cue_at(s["text"], c)) is not None]
    return not hedged or min(held) < min(hedged)


def positions(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each source's statements, the sentence whole with its cue ("has not condemned P", not "P"), most telling
    first; a quotation stands in only where no statement of that source covers it, and only a whole one in the
    speaker's own words. A statement counts only where its source holds what it says (``holds_position``)."""
    by_source: dict[str, list[tuple[tuple, dict[str, Any]]]] = defaultdict(list)
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    order = {doc: n for n, doc in enumerate(d["id"] for d in data["documents"])}
    for s in data["statements"]:
        if s.get("source") and s.get("source_kind") != "author" and s["kind"] in POSITION_RANK:
            covered[s["doc"]].append((s["start"], s["end"]))
            if holds_position(s):
                by_source[s["source"]].append(((POSITION_RANK[s["kind"]], order.get(s["doc"], 0), s["start"]), s))
    for q in data["quotes"]:
        if (not q.get("speaker") or q.get("partial") or not q.get("direct")
                or len(q["text"].split()) < POSITION_QUOTE_WORDS):
            continue  # an indirect quotation is a clause of the report's sentence ("that ...", "X as Y"), no whole
        if any(a <= q["start"] and q["end"] <= b for a, b in covered[q["doc"]]):
            continue
        by_source[q["speaker"]].append(((len(POSITION_RANK), order.get(q["doc"], 0), q["start"]), q))
    out = {}
    for source, items in by_source.items():
        seen: set[str] = set()
        kept = []
        for _, item in sorted(items, key=lambda pair: pair[0]):
            key = " ".join(item["text"].lower().split())
            if not any(key in other or other in key for other in seen):  # a sentence and the quotation inside it
                seen.add(key)
                kept.append(item)
        out[source] = kept
    return out


def _actors(data, names, citations, limit) -> Section:
    section = _section("actors")
    by_source = positions(data)
    for entity in data["entities"][:limit]:
        mentions = entity["mentions"]
        roles = f"; {', '.join(entity['roles'][:3])}" if entity["roles"] else ""
        forms = ", ".join(entity["aliases"][:4])
        docs = len({m["doc"] for m in mentions})
        line = Line(f"{entity['name']} ({entity['type']}{roles}): {plural(len(mentions), 'mention')} in "
                    f"{plural(docs, 'report')}, as {forms}.", _cites(citations, mentions[:1]))
        section.items.append(line)
        for said in by_source.get(entity["id"], [])[:2]:
            section.items.append(Line(said["text"], _cites(citations, [said]), quote=True,
                                      detail=f"position of {entity['name']}"))
    return section


def _who(ids: list[str], names: dict[str, str], documents: dict[str, Any]) -> str:
    """Actors by name; a report's own voice as "the author (Outlet, date)"."""
    out = []
    for i in ids:
        kind, _, rest = i.partition(":")
        if kind == "author" and rest in documents:
            out.append(f"the author ({doc_label(documents[rest])})")
        elif i in names:
            out.append(names[i])
        elif kind in ("anonymous", "named", "quoted") and rest.count(":") >= 1:
            if written := rest.split(":", 1)[1].strip():
                out.append(written)  # an unresolved source as written; one with no name at all is left out
        else:
            out.append(i)
    return ", ".join(dict.fromkeys(out)) if out else "none named"


def _options(data, names, citations, documents) -> Section:
    section = _section("options")
    for option in data["options"]:
        cites = _cites(citations, option["evidence"])
        text = (f"{option['option']}: advocated by {_who(option['advocates'], names, documents)}; "
                f"opposed by {_who(option['opponents'], names, documents)}")
        addressed = [a for a in option["addressed"] if a in names]
        if addressed:
            text += f"; addressed to {_who(addressed, names, documents)}"
        section.items.append(Line(text + ".", cites, detail=plural(len(option["docs"]), "report")))
        for consequence in option["consequences"][:3]:
            section.items.append(Line(f"Predicted consequence: {consequence}.", cites[:1]))
    section.empty = "No policy option is argued in the reports."
    return section


def _implications(data, citations) -> Section:
    """One line per sentence, listing every region or actor it bears on."""
    section = _section("implications")
    targets: dict[str, list[str]] = {}
    evidence: dict[str, list[dict[str, Any]]] = {}
    for item in data["implications"]:
        targets.setdefault(item["text"], []).append(item["target_name"])
        evidence.setdefault(item["text"], []).extend(item["evidence"])
    for text, names in targets.items():
        spans = list({(e["doc"], e["start"], e["end"]): e for e in evidence[text]}.values())
        # Cite the sentence quoted, not every statement on the same region or actor.
        quoted = [e for e in spans if " ".join(e.get("text", "").split()) == " ".join(text.split())] or spans[:1]
        more = len(spans) - len(quoted)
        detail = "for " + ", ".join(dict.fromkeys(names))
        if more:
            detail += f"; {plural(more, 'other statement')} on it in the explorer"
        section.items.append(Line(text, _cites(citations, quoted), quote=True, detail=detail))
    return section


def _timeline(data, citations, limit) -> Section:
    section = _section("timeline")
    refs = {s["id"]: s for s in data["statements"]}
    refs.update({e["id"]: e for e in data["events"]})
    entries = data["timeline"] + data.get("forecasts", []) + data.get("background", [])
    for entry in entries[:limit]:
        record = refs.get(entry["ref"])
        cites = _cites(citations, [record]) if record else []
        when = entry["date"] + (" (report date)" if entry.get("undated") else "")
        # Happenings come first; forecasts and background follow, each marked as such.
        kind = {"forecast": ", forecast", "background": ", background"}.get(entry.get("category"), "")
        section.items.append(Line(entry["text"], cites, quote=True, detail=f"{when}, {entry['precision']}{kind}"))
    return section


def _quotes(data, names, citations, limit) -> Section:
    section = _section("quotes")
    # A record whose text holds a quotation mark runs past the quotation into the reporter's words
    # ("described the drive as "..."): a notable quote shows the speaker's words alone.
    direct = [q for q in data["quotes"] if q["direct"] and not q.get("partial") and q.get("speaker_text")
              and not QUOTE_MARKS.search(q["text"])]
    direct.sort(key=lambda q: (-len(q["text"]), q["doc"], q["start"]))
    seen: set[str] = set()
    for q in direct:
        speaker = names.get(q.get("speaker"), q.get("speaker_text"))
        if speaker in seen or len(section.items) >= limit:
            continue
        seen.add(speaker)
        via = f", as conveyed by {names.get(q['via'], q.get('via_text'))}" if q.get("via") or q.get("via_text") else ""
        section.items.append(Line(q["text"], _cites(citations, [q]), quote=True, detail=f"{speaker}{via}"))
    return section


def _sources(data, citations) -> Section:
    section = _section("sources")
    for doc in data["documents"]:
        parts = [doc_label(doc)]
        if doc.get("title"):
            parts.append(f"“{doc['title']}”")
        if doc.get("author"):
            parts.append(f"by {doc['author']}")
        if doc.get("duplicate_of"):
            parts.append(f"copy of {doc['duplicate_of']}, counted once")
        if doc.get("republished_from"):
            parts.append(f"republished from {doc['republished_from']}")
        reasons = sorted({r["reason"] for r in doc["removed"]})
        if reasons:
            parts.append(f"{plural(len(doc['removed']), 'debris span')} removed ({', '.join(reasons)})")
        cite = citations.cite(doc["id"], 0, min(len(doc["text"]), _first_sentence_end(doc["text"])))
        section.items.append(Line("; ".join(parts) + ".", [cite] if cite else [], detail=doc["id"]))
    return section


def _first_sentence_end(text: str) -> int:
    match = re.search(r"[.!?][\"”’)]?(\s|$)", text)
    return match.end() if match else min(len(text), 200)
