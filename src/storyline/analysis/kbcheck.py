"""Knowledge-base checks: a report that names someone as holding an office they did not hold that day."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from storyline.analysis.corpus import Corpus
from storyline.analysis.figures import content_id
from storyline.kb.normalize import key
from storyline.models import Conflict, Mention

# A role that does not claim the office on the report's date: "former", "then-", "incoming".
NOT_CURRENT = re.compile(r"\b(?:former|ex|then|late|incoming|designate|elect|future|next|would-be|previous)\b",
                         re.IGNORECASE)
# A lower post named by the office it serves: "the deputy defence minister X", "an adviser to the president X".
SUBORDINATE = frozenset("deputy vice assistant under".split())
_LEFT_WORDS = re.compile(r"(?<![\w’'.-])((?:[\w’'.-]++\s++){1,6})$")
# ", NATO's Secretary-General," but not ", who was ...": a relative clause has its own tense.
_APPOSITIVE = re.compile(r"^\s*,\s*(?!(?:who|whom|whose|which|that)\b)(?:the\s+|a\s+|an\s+)?([^,.;:()\n]{3,80})",
                         re.IGNORECASE)
# Words that end an office title ("Foreign Minister", "Secretary-General"); the KB's own
# titles are added to these when the check starts.
HEAD_NOUNS = frozenset("""
minister secretary general president chancellor premier leader chief head director commissioner
diplomat king queen emperor monarch spokesman spokesperson spokeswoman commander envoy ambassador
chairman chairwoman chairperson chair governor mayor prosecutor representative adviser advisor pm vp
""".split())
MAX_WORDS = 12
PREPOSITIONS = frozenset("with to for by from of on at in about against between among into onto toward towards "
                         "than like via".split())
SCOPE_TYPES = {"state", "igo", "organization", "group"}
STALE_DAYS = 180
"""A past (or future) holder named in the office within this many days of their spell is flagged;
further away, reports use the title as a courtesy ("President Bush") or look back."""
MAX_SUPPORT = 2
"""Sentences from other reports that name the actual holder in that office, shown as the other side."""


@dataclass
class _Claim:
    """A person mention with the office its role names."""

    mention: Mention
    role: str
    offices: list[str]


def _period(value) -> tuple[dt.date, dt.date] | None:
    """First and last day of a date given as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (or a date)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value, value
    parts = str(value)[:10].split("-")
    try:
        if len(parts) == 3:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return day, day
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
        if len(parts) == 1 and parts[0].isdigit():
            return dt.date(int(parts[0]), 1, 1), dt.date(int(parts[0]), 12, 31)
    except ValueError:
        return None
    return None


class OfficeCheck:
    """Resolves role text to offices and tells who held them when, with caches over the KB."""

    def __init__(self, kb) -> None:
        self.kb = kb
        self._found: dict[str, list[str]] = {}
        self._scoped: dict[str, bool] = {}
        self.heads = set(HEAD_NOUNS)
        self._careers: set[str] | None = None
        try:  # the last words of the titles the KB knows, so any of its offices can be found
            for t in kb.tenures():
                for title in (t.title, *kb.office(t.office).get("titles", ())):
                    if key(title):
                        self.heads.add(key(title).split()[-1])
        except (AttributeError, TypeError, KeyError):
            pass

    def is_head(self, word: str) -> bool:
        """Whether a word can end a title: only then is the KB asked (it scans every office)."""
        k = key(word)
        return bool(k) and k.split()[-1] in self.heads

    def find(self, role: str) -> list[str]:
        role = " ".join(role.split()).strip(" ,")
        role = re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.IGNORECASE)
        if not role or NOT_CURRENT.search(role):
            return []
        if role not in self._found:
            try:
                found = list(self.kb.find_office(role))
            except (KeyError, ValueError):
                found = []
            # "deputy NATO Secretary-General" is a lower post, not the office: a rank word the office's
            # titles do not hold ("deputy head" does) leaves none
            lower = set(re.split(r"[\s-]+", role.lower())) & SUBORDINATE
            self._found[role] = [o for o in found if lower <= self._title_words(o)]
        return self._found[role]

    def _title_words(self, office: str) -> set[str]:
        try:
            titles = self.kb.office(office).get("titles", ())
        except (AttributeError, TypeError, KeyError):
            titles = ()
        return {w for t in titles for w in re.split(r"[\s-]+", t.lower())}

    def scoped(self, role: str) -> bool:
        """Whether a role names whose office it is ("NATO", "Lithuanian"), not just a title."""
        if role not in self._scoped:
            words = re.sub(r"['’]s\b", "", role).split()
            spans = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words) + 1)))
            self._scoped[role] = any(
                self.kb.demonym(span) is not None
                or any(e.type in SCOPE_TYPES for e in self.kb.lookup(span))
                for span in spans
            )
        return self._scoped[role]

    def held(self, office: str, person: str, first: dt.date, last: dt.date) -> bool:
        """Whether a person held the office at some time in [first, last]."""
        return any(t.person == person and t.start <= last and (t.end is None or t.end > first)
                   for t in self.kb.tenures(office))

    def gap(self, office: str, person: str, first: dt.date, last: dt.date) -> int | None:
        """Days between [first, last] and the person's nearest spell in the office; None if never held."""
        days = []
        for t in self.kb.tenures(office):
            if t.person == person:
                end = t.end - dt.timedelta(days=1) if t.end else dt.date.max
                days.append(max((t.start - last).days, (first - end).days, 0))
        return min(days) if days else None

    def has_career(self, person: str) -> bool:
        """Whether the KB lists any office the person held: of one it lists none for, it cannot tell a title
        from before its records ("US President George W Bush" in a look back) from a post it does not list."""
        if self._careers is None:
            try:
                self._careers = {t.person for t in self.kb.tenures()}
            except (AttributeError, TypeError, KeyError):
                self._careers = set()
        return person in self._careers

    def ever_held(self, office: str, person: str) -> bool:
        return any(t.person == person for t in self.kb.tenures(office))


# Characters read on each side of a person's mention for a title.
CONTEXT = 240


def _before_ok(left: str, role_start: int) -> bool:
    """A title set off by a comma ("the Australian foreign minister, Marise Payne") must open its
    phrase: after a preposition ("met with the Polish prime minister, Sunak said") it is not his."""
    if not left[role_start:].rstrip().endswith(","):
        return True
    words = [w.lower() for w in re.findall(r"[\w’']+", left[:role_start])]
    while words and words[-1] in ("the", "a", "an", "new"):
        words.pop()
    return not words or words[-1] not in PREPOSITIONS


def _serves(check: OfficeCheck, before: list[str]) -> bool:
    """Whether the words before a title make it the office another post serves: a lower rank of it ("deputy",
    "vice") or a title of its own joined by "of" or "to" ("the adviser of the President of Ukraine X", "an aide to
    the prime minister X"): the person holds that post, which the KB does not list, not the office."""
    words = [w.lower().strip(",") for w in before]
    if words and words[-1].rstrip("-") in SUBORDINATE:
        return True
    while words and words[-1] in ("the", "a", "an"):
        words.pop()
    return len(words) >= 2 and words[-1] in ("of", "to") and check.is_head(words[-2])


def role_offices(check: OfficeCheck, corpus: Corpus, m: Mention, starts: list[int]) -> tuple[str, list[str]] | None:
    """The role stated at a mention and the offices it names.

    The mention's ``role`` comes first, if it sits right beside the name in its sentence; failing
    that, the sentence is read around the name for a title right before it ("NATO
    Secretary-General Jens Stoltenberg") or an appositive right after it ("Jens Stoltenberg,
    NATO's Secretary-General"), longest title first. ``starts`` are the offsets of the report's
    person mentions: a title followed by another name is that person's ("X, Indian foreign
    minister, Y").
    """
    text = corpus.documents[m.doc]["text"]
    start, end = corpus.sentence_span(m.doc, m.start)
    # A title sits within a few words of its name: read a bounded stretch on each side, so a
    # sentence of thousands of names costs each mention the same.
    left, right = text[max(start, m.start - CONTEXT):m.start], text[m.end:min(end, m.end + CONTEXT)]

    def next_name(role_end: int) -> bool:
        i = bisect.bisect_right(starts, role_end)
        return i < len(starts) and starts[i] - role_end <= 8

    if m.role:
        role = m.role.strip(" ,.;:?!")
        if NOT_CURRENT.search(role):
            return None
        # Beside the name means only spaces or a comma between: not across a full stop.
        before = left.lower().rfind(role.lower(), max(0, len(left) - len(role) - 4))
        before = before if before >= 0 and re.fullmatch(r"[\s,]*", left[before + len(role):]) else -1
        after = right.lower().find(role.lower(), 0, len(role) + 4)
        after = after if after >= 0 and re.fullmatch(r"[\s,]*", right[:after]) else -1
        placed = (before >= 0 and _before_ok(left, before)) or (after >= 0 and not next_name(m.end + after + len(role)))
        if placed and check.find(role):
            return role, check.find(role)
    trimmed = left.rstrip().rstrip(",") + " "
    match = _LEFT_WORDS.search(trimmed)
    words = match.group(1).split() if match else []
    # Never across a full stop the sentence splitter missed ("... the Chinese leader. Scholz").
    stops = [i for i, w in enumerate(words) if w[-1] in ".?!;:" and len(w) > 2]
    words = words[stops[-1] + 1:] if stops else words
    heads = [i for i, w in enumerate(words) if check.is_head(w)]
    if heads:
        # The title ends right before the name, at its head word or in "of NATO" after it.
        h = heads[-1]
        tail = words[h + 1:]
        if not tail or (len(tail) <= 3 and tail[0].lower() in ("of", "for")):
            for k in range(max(0, h - 4), h + 1):
                role = " ".join(words[k:])
                if check.find(role):
                    if k and NOT_CURRENT.search(words[k - 1]):
                        return None  # "former NATO Secretary-General": no claim about today
                    if _serves(check, words[:k]):
                        return None  # "the deputy defence minister", "the adviser of the president": another post
                    if not _before_ok(left, left.rfind(words[k], 0, len(trimmed))):
                        return None
                    return role, check.find(role)
    match = _APPOSITIVE.match(right)
    if match:
        words = match.group(1).split()
        for k in range(min(len(words), MAX_WORDS), 0, -1):
            role = " ".join(words[:k])
            # "US President's adviser": a possessive title belongs to someone else.
            # The title ends at its head word, or at the body after "of" ("deputy head of the council").
            of_at = [i for i, w in enumerate(words[:k]) if w.lower() in ("of", "for")]
            headed = check.is_head(words[k - 1]) or bool(of_at and of_at[-1] > 0 and check.is_head(words[of_at[-1] - 1]))
            if headed and not re.search(r"['’]s?$", words[k - 1]) and check.find(role):
                role_end = m.end + match.start(1) + right[match.start(1):].find(words[k - 1]) + len(words[k - 1])
                return None if next_name(role_end) else (role, check.find(role))
    return None


def _person_id(m: Mention) -> str | None:
    return m.entity[3:] if m.entity and m.entity.startswith("kb:") else None


def _time_context(corpus: Corpus, m: Mention, times_by_doc: dict) -> list[tuple[dt.date, dt.date]]:
    """Periods the mention's sentence dates itself to ("in 2019"): the role may be true of then."""
    start, end = corpus.sentence_span(m.doc, m.start)
    periods = []
    for t in times_by_doc.get(m.doc, ()):
        if start <= t.start < end and t.value:
            period = _period(t.value)
            if period:
                periods.append(period)
    return periods


def knowledge_conflicts(corpus: Corpus, checks=None) -> list[Conflict]:
    """A conflict for each report that names a person in an office the KB says someone else held.

    A person mention's role (or the title beside the name) is resolved to offices. A title
    that fits many offices ("President") counts only for offices the person ever held. The
    claim is checked against the report's publication date (each day of it, when only a month
    or year is known): it conflicts when the KB knows who held the office then and it was never
    this person. It does not when the role is marked past ("former", "then-") or the sentence
    dates itself to a time the person did hold it. ``checks``: a ``reuse.TextChecks`` holding earlier
    runs' readings of each report's roles (``remembered_roles``); none: every report is read.
    """
    kb = corpus.kb
    if kb is None:
        return []
    checker: list[OfficeCheck] = []

    def office_check() -> OfficeCheck:
        if not checker:
            checker.append(OfficeCheck(kb))
        return checker[0]

    times_by_doc: dict[str, list] = defaultdict(list)
    for t in corpus.times:
        times_by_doc[t.doc].append(t)
    persons: dict[str, list[Mention]] = defaultdict(list)
    for m in corpus.mentions:
        if m.type == "person":
            persons[m.doc].append(m)
    read = (lambda doc, ms: report_roles(office_check(), corpus, doc, ms)) if checks is None else \
        remembered_roles(checks, corpus, office_check)
    stated: dict[int, tuple[str, list[str]]] = {}
    for doc, mentions in persons.items():
        for n, role, offices in read(doc, mentions):
            stated[id(mentions[n])] = (role, offices)
    claims: list[_Claim] = []
    for m in corpus.mentions:
        found = stated.get(id(m)) if m.type == "person" else None
        if found is not None:
            claims.append(_Claim(m, *found))
    named: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for c in claims:
        for office in c.offices:
            if c.mention.entity:
                named[(office, c.mention.entity)].append(c.mention)
    conflicts: dict[str, Conflict] = {}
    for c in claims:
        if c.mention.label == "ROLE":
            continue  # resolved from the role to its holder that day: right by construction
        conflict = _check(corpus, office_check(), c, times_by_doc, named)
        if conflict is not None and conflict.id not in conflicts:
            conflicts[conflict.id] = conflict
    return list(conflicts.values())


def report_roles(check: OfficeCheck, corpus: Corpus, doc: str, mentions: list[Mention]) -> list[tuple[int, str, list[str]]]:
    """The roles one report states at its person mentions (``mentions``, in offset order or not) and the offices
    they name, as ``(position in mentions, role, offices)``: of a title that does not name whose office it is
    ("President Biden") only the offices the person ever held. Only mentions the KB resolved to a person count."""
    starts = sorted(m.start for m in mentions)
    out = []
    for n, m in enumerate(mentions):
        if not m.entity:
            continue
        found = role_offices(check, corpus, m, starts)
        if found is None:
            continue
        role, offices = found
        person = _person_id(m)
        if not check.scoped(role):
            # "President Biden": only the offices this person ever held can be meant.
            offices = [o for o in offices if person and check.ever_held(o, person)]
        if offices:
            out.append((n, role, offices))
    return out


RULES = ("analysis/kbcheck.py", "analysis/corpus.py", "kb/lookup.py", "kb/normalize.py", "kb/records.py",
         "kb/overlay.py", *(f"kb/data/{name}.json" for name in ("meta", "offices", "tenures", "persons", "states",
                                                              "igos", "organizations", "places")))
"""What decides a report's roles beside its own text and mentions: the code that reads them and the KB's data."""


def remembered_roles(checks, corpus: Corpus, office_check):
    """``report_roles`` answering from ``checks`` (a ``reuse.TextChecks``): a report's roles depend on its text,
    its sentences and its person mentions (offsets, roles and KB ids), the code that reads them and the KB (its
    bundled data and the overlay's version), so an added report reads only its own."""
    from storyline.analysis.versions import code_digest

    kind = f"roles:{code_digest(RULES)}:{getattr(corpus.kb, 'version', '')}"

    def given(doc, mentions):
        return (corpus.documents[doc]["text"], tuple(corpus.sentences.get(doc, ())),
                tuple((m.start, m.end, m.role, m.entity) for m in mentions))

    return checks.remember(kind, lambda doc, mentions: report_roles(office_check(), corpus, doc, mentions),
                           lambda found: [[n, role, offices] for n, role, offices in found],
                           lambda rows: [(n, role, offices) for n, role, offices in rows], given)


def _check(corpus: Corpus, check: OfficeCheck, c: _Claim, times_by_doc: dict, named: dict) -> Conflict | None:
    kb, m = check.kb, c.mention
    published = corpus.published(m.doc)
    period = _period(published)
    if period is None:
        return None
    first, last = period
    person = _person_id(m)
    if person is None:
        # Someone the KB does not know cannot be told apart from a misspelling ("Ławrow"), a
        # partial name ("Vladimir") or a tagging error; on real reports such flags were all noise.
        return None
    if not check.has_career(person):
        return None
    wrong = None
    for office in c.offices:
        first_spell, last_spell = kb.tenure(office, first), kb.tenure(office, last)
        if first_spell is None or last_spell is None:
            continue  # the KB does not know who held it then: nothing to say
        periods = [(first, last), *_time_context(corpus, m, times_by_doc)]
        # The sentence may date itself to a time the person did hold it ("in 2019, ...").
        if any(check.held(office, person, a, b) for a, b in periods):
            return None
        gap = check.gap(office, person, first, last)
        if gap is not None and gap > STALE_DAYS:
            continue  # "President Bush" years later: a courtesy title or a look back, not stale news
        wrong = wrong or (office, first_spell)
    if wrong is None:
        return None
    office, spell = wrong
    holder, name = kb.get(spell.person), kb.get(person).name
    date = str(published)[:10]
    summary = (f"{corpus.outlet(m.doc)} ({date}) names {name} as {c.role}; "
               f"{holder.name} held that office from {spell.start.isoformat()}.")
    sides = [corpus.sentence_evidence(m.doc, m.start)]
    for other in named.get((office, f"kb:{holder.id}"), []):
        if other.doc != m.doc and len(sides) <= MAX_SUPPORT:
            evidence = corpus.sentence_evidence(other.doc, other.start)
            if all((e.doc, e.start) != (evidence.doc, evidence.start) for e in sides):
                sides.append(evidence)
    return Conflict(
        id=content_id("x", ["knowledge", m.doc, m.entity or m.text, office]), kind="knowledge",
        summary=summary, sides=sides,
    )
