"""Records that flow through Storyline, one dataclass per kind, each field documented once."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RemovedSpan:
    """A span of page debris taken out of a report, kept so a user can audit the cleaning."""

    reason: str
    """Why it was removed, a short stable code such as ``related-links`` or ``comment-form``."""
    text: str
    """The removed text, verbatim."""
    start: int | None
    """Character offset of the span in the text the cleaner read (None for HTML page chrome)."""
    end: int | None
    """Character offset one past the span's end, as for ``start``."""


@dataclass
class CleanResult:
    """What the cleaner keeps and what it drops from one report."""

    text: str
    """The cleaned body text; every later offset points into this string."""
    removed: list[RemovedSpan] = field(default_factory=list)
    """Every span taken out, with its reason, in document order."""
    references: list[str] = field(default_factory=list)
    """Bibliography entries found at the end of the report: metadata, not body."""
    hints: dict[str, str] = field(default_factory=dict)
    """Metadata cues seen while cleaning (``author``, ``title``, ``republished_from``, ``dateline``)."""


@dataclass
class MetaValue:
    """One metadata value with how it was found."""

    value: str | None
    """The value itself (a date as ``YYYY-MM-DD`` or ``YYYY-MM`` or ``YYYY``)."""
    method: str | None = None
    """Where it came from: ``html-meta``, ``field``, ``filename``, ``dateline``, ``text``, ``given``."""
    precision: str | None = None
    """For dates: ``day``, ``month`` or ``year``."""


@dataclass
class RawInput:
    """One report as read from an input, before cleaning."""

    source: str
    """Path, URL or ``-`` as the user gave it, with a ``#N`` suffix for items of a bulk file."""
    content: str
    """Decoded text (plain text, Markdown or HTML)."""
    kind: str = "text"
    """``text``, ``markdown`` or ``html``."""
    fields: dict[str, str] = field(default_factory=dict)
    """Metadata given with the input: ``title``, ``author``, ``outlet``, ``published``, ``url``."""
    encoding: str | None = None
    """The encoding the bytes were decoded from, when they came as bytes."""


@dataclass
class Document:
    """A cleaned report as stored."""

    id: str
    """Content-derived id: a hash of the cleaned text."""
    source: str
    """Path or URL as given."""
    text: str
    """Cleaned body text; all extracted offsets point into it."""
    raw_hash: str
    """Hash of the raw input, so an unchanged input is recognised before cleaning."""
    kind: str = "text"
    """What the input was: ``text``, ``markdown`` or ``html``."""
    encoding: str | None = None
    """The encoding its bytes were decoded from."""
    title: MetaValue = field(default_factory=lambda: MetaValue(None))
    author: MetaValue = field(default_factory=lambda: MetaValue(None))
    outlet: MetaValue = field(default_factory=lambda: MetaValue(None))
    published: MetaValue = field(default_factory=lambda: MetaValue(None))
    language: str | None = None
    """ISO 639-1 code of the detected language."""
    word_count: int = 0
    republished_from: str | None = None
    """The outlet or URL the report says it was republished from."""
    removed: list[RemovedSpan] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    """Id of the earliest stored copy when this is a near-duplicate or syndicated copy."""
    similarity: float | None = None
    """Estimated Jaccard similarity to ``duplicate_of``."""


# -- per-document extraction records ---------------------------------------------------
# Every record carries ``doc`` (the document id) and ``start``/``end`` character offsets
# into that document's cleaned text.


@dataclass
class Mention:
    """One mention of an actor in a document."""

    doc: str
    start: int
    end: int
    text: str
    """The surface form as written (possessive suffix stripped)."""
    label: str
    """How it was found: a spaCy entity label, or ``METONYM``, ``DEMONYM``, ``ROLE``, ``KB``."""
    entity: str | None = None
    """Id of the resolved actor: a knowledge-base id (``kb:...``) or a document-local one."""
    type: str | None = None
    """``person``, ``state``, ``organization``, ``igo``, ``place``, ``group`` or ``other``."""
    role: str | None = None
    """A role stated for the actor at this mention ("former Estonian general")."""
    facet: str | None = None
    """For metonyms and demonym phrases: ``government``, ``military``, ``people``."""


@dataclass
class Frame:
    """Who says a clause, how sure, and whether it is negated: the one attribution record that
    quotes, figures, statements and events point to."""

    doc: str
    start: int
    end: int
    """The clause the frame covers."""
    text: str
    source: str | None = None
    """Actor id of the original source; None for the report's own voice or an unresolved source."""
    source_text: str | None = None
    """The source as written ("a Pentagon spokesman", "he"); ``author`` for the report's own voice."""
    source_start: int | None = None
    source_end: int | None = None
    source_kind: str = "author"
    """``author``, ``named``, ``anonymous`` or ``quoted``."""
    cue: str | None = None
    """The reporting or evidential cue ("said", "according to", "confirmed")."""
    cue_start: int | None = None
    cue_end: int | None = None
    relays: list[str] = field(default_factory=list)
    """Actor ids (or surface forms when unresolved) of every hop that relayed the words, outermost first
    ("an outlet citing an agency citing an official": [outlet, agency])."""
    status: str = "asserted"
    """Certainty, as Statement.status."""
    polarity: str = "positive"
    """``positive`` or ``negative`` (denied, rejected, dismissed, stopped short of, did not...)."""
    polarity_cue: str | None = None
    """The word or phrase that negates or denies."""
    date: str | None = None
    """ISO date the clause refers to, where the text says."""


@dataclass
class Quote:
    """Something an actor said, directly or in reported speech."""

    doc: str
    start: int
    end: int
    text: str
    """The quoted or reported content."""
    speaker_text: str | None
    """The speaker as written ("Yoon's office", "officials", "he")."""
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None
    """Resolved actor id of the speaker, or None for anonymous or unresolved speakers."""
    cue: str | None = None
    """The verb or phrase that introduces the speech ("said", "according to")."""
    direct: bool = True
    """True for words in quotation marks (also a reported clause that carries the speaker's quoted
    words), False for indirect speech."""
    partial: bool = False
    """True for a quoted fragment inside the author's own sentence."""
    via: str | None = None
    """Actor id of who conveyed the words ("Yoon's office quoted Trudeau as saying")."""
    via_text: str | None = None
    anonymous: bool = False
    """True when the speaker is unnamed ("officials said", "a senior diplomat")."""
    frame: str | None = None
    """Id of the attribution frame of the clause (see Frame)."""


@dataclass
class TimeRef:
    """A DATE expression resolved against the report's publication date."""

    doc: str
    start: int
    end: int
    text: str
    value: str | None
    """ISO date (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``), or None when it cannot be placed."""
    precision: str
    """``day``, ``week``, ``month``, ``year``, ``vague``."""
    note: str | None = None
    """Why a value is missing or doubtful (e.g. weekday does not match the date)."""
    ahead: bool = False
    """True when the date belongs to what will or would happen: its clause has a future or
    conditional modal, is scheduled or planned ("is set to vote on Saturday", "the plans of the
    Saturday visit"), so it dates a forecast, not a happening."""
    head: int | None = None
    """Character offset of the predicate the date attaches to (the first verb above it in the
    parse): dates on two coordinated predicates ("exercises began on 10 May, and on 13 May
    manoeuvres began") date two happenings."""


@dataclass
class Figure:
    """A quantity stated in a report, with what it counts and who gives it."""

    doc: str
    start: int
    end: int
    text: str
    value: float | None
    """The figure itself; None for vague magnitudes given only as a range."""
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    """``about``, ``up to``, ``at least``, ``more than``, ``nearly``, ``over``, ``fewer than`` or None."""
    counts: str | None = None
    """What is counted, normalised ("troops", "killed", "money:USD", "percent")."""
    unit_text: str | None = None
    """The counted noun or unit as written."""
    unit: str | None = None
    """The unit's canonical name, singular, in words ("kilometre per hour", "gigabyte", "dollar per
    barrel", "year of age"); a counted noun by its singular ("country", "soldier"); None when none is said."""
    subject: str | None = None
    """Actor id of whose troops, casualties or money it is."""
    subject_text: str | None = None
    stage: str | None = None
    """``initial``, ``increase``, ``additional``, ``total``, ``potential``, ``previous`` (the old level of a change) or None."""
    date: str | None = None
    """ISO date the figure refers to, when the sentence says so."""
    attributed_to: str | None = None
    """Actor id of who gives the figure."""
    attributed_text: str | None = None
    status: str = "asserted"
    """Certainty of the sentence that states it (see Statement.status)."""
    frame: str | None = None
    """Id of the attribution frame of the clause (see Frame)."""
    change_from: float | None = None
    """For a change ("rose from 20 to 45"), the level it started from; ``value`` is the new level."""


@dataclass
class Statement:
    """One assertion in a report: a sentence (or clause) with its source, certainty and type."""

    doc: str
    start: int
    end: int
    text: str
    kind: str
    """``fact``, ``estimate``, ``prediction``, ``recommendation``, ``opinion`` or ``question``."""
    status: str
    """``confirmed``, ``asserted``, ``reported``, ``expected``, ``possible``, ``unconfirmed``,
    ``denied`` or ``negated``."""
    source: str | None = None
    """Actor id of who asserts it; None for the author or an unresolved source."""
    source_text: str | None = None
    """The source as written; ``author`` when the report asserts it in its own voice."""
    source_kind: str = "author"
    """``author``, ``named``, ``anonymous`` or ``quoted``."""
    cues: list[str] = field(default_factory=list)
    """Hedge, evidential and negation cue words found."""
    date: str | None = None
    """ISO date the statement is about, where the text says."""
    actors: list[str] = field(default_factory=list)
    """Actor ids mentioned in the statement."""
    addressed: str | None = None
    """For recommendations: the actor urged to act."""
    action: str | None = None
    """For recommendations: the action urged."""
    condition: str | None = None
    """For predictions: the condition, where stated."""
    consequence: str | None = None
    """For predictions: the consequence, where stated."""
    cluster: str | None = None
    """Id of the cross-source cluster it belongs to (set by the analysis, not stored per document)."""
    frame: str | None = None
    """Id of the attribution frame of the clause (see Frame)."""
    # The normalised proposition of a factual clause (None where the parse gives too little).
    agent: str | None = None
    """Actor id (or lemma phrase) of who does it."""
    predicate: str | None = None
    """Lemma of the main verb or predicate noun."""
    predicate_class: str | None = None
    """A small class joining synonyms (``deploy`` for send/deploy/dispatch; ``confirm`` for confirm/acknowledge)."""
    theme: str | None = None
    """Actor id or lemma phrase of what is acted on or talked about."""
    place: str | None = None
    """Actor id of where it happens."""
    polarity: str = "positive"
    """``positive`` or ``negative``."""
    modality: str | None = None
    """``may``, ``must``, ``will``... where the clause is modal."""


@dataclass
class Event:
    """Who did what to whom, coded with a PLOVER event type and mode."""

    doc: str
    start: int
    end: int
    text: str
    type: str
    """PLOVER event type: ``MOBILIZE``, ``CONSULT``, ``SANCTION``, ``AID``, ``COOPERATE``, ..."""
    mode: str | None = None
    """PLOVER mode, e.g. ``troops`` for MOBILIZE, ``phone`` for CONSULT."""
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    date: str | None = None
    location: str | None = None
    status: str = "asserted"
    """Certainty of the sentence: a hypothetical or denied event is not counted as happened."""
    trigger: str | None = None
    """The word that signals the event."""
    frame: str | None = None
    """Id of the attribution frame of the clause (see Frame)."""


# -- cross-source analysis records -----------------------------------------------------


@dataclass
class Evidence:
    """A span of a document that supports a finding."""

    doc: str
    start: int
    end: int
    text: str


@dataclass
class Cluster:
    """Statements from different documents that assert the same thing."""

    id: str
    statements: list[str]
    """Statement ids, earliest document first."""
    sources: list[str]
    """Document ids of independent sources (syndicated copies counted once)."""
    asserting: list[str] = field(default_factory=list)
    """Documents that assert it in their own voice or confirm it."""
    reporting: list[str] = field(default_factory=list)
    """Documents that only report it second-hand (attributed to someone else)."""
    hedging: list[str] = field(default_factory=list)
    """Documents that hedge it (possible, expected, unconfirmed)."""
    denying: list[str] = field(default_factory=list)
    """Documents that deny or negate it."""
    confirmed: int = 0
    """How many sources state it as officially confirmed."""
    corroboration: str = ""
    """A reader's summary: "3 independent sources, 1 confirms officially"."""
    label: str = ""
    """The representative statement's text."""
    representative: str | None = None
    """Id of the statement whose text is ``label``."""
    disputed_by: list[str] = field(default_factory=list)
    """Ids of the statements that deny or doubt it, kept out of its members (their reports are under ``denying``)."""


@dataclass
class Conflict:
    """Two or more sources that cannot all be right, with the evidence of each side."""

    id: str
    kind: str
    """``figure``, ``status``, ``knowledge``, ``negation``, ``evolution`` (one source that denied, then
    acknowledged) or ``other``."""
    summary: str
    """One line saying what disagrees."""
    sides: list[Evidence]
    assessment: str | None = None
    """For figures: ``evolving estimate`` or ``contradiction``; for ``evolution``: ``denied, then acknowledged``."""


@dataclass
class FigureRow:
    """One figure in a table of figures on the same measure."""

    figure: str
    """Figure id."""
    doc: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    stage: str | None
    date: str | None
    source: str | None
    """Who gives it: the actor's name, or the outlet when the author does."""
    text: str
    vague: bool = False
    """True for a magnitude in words ("thousands"): shown as written; ``low``/``high`` are its
    conventional range, not a precise one."""
    date_precision: str | None = None
    """``day``, ``week``, ``month``, ``year`` of ``date``; None when the row has no date."""
    relation: str | None = None
    """How the row stands against the others: ``consistent``, ``contradiction`` (another source
    disagrees about the same time and stage), ``evolving`` (its own source revised it, or the
    count moved between dates) or ``not comparable`` (another stage, or a date too coarse or
    missing to set against the others)."""


@dataclass
class FigureTable:
    """Figures from across the reports on one measure (e.g. North Korea's troops)."""

    id: str
    measure: str
    """What is counted and whose: "troops (North Korea)"."""
    counts: str
    subject: str | None
    rows: list[FigureRow]
    assessment: str
    """``consistent``, ``evolving estimate`` or ``contradiction``."""
    low: float | None = None
    """Lowest of the current figures of the independent sources (see ``rule``)."""
    best: float | None = None
    """Median of those figures' point values (vague magnitudes and open bounds left out)."""
    high: float | None = None
    """Highest of their finite upper ends."""
    sources: int = 0
    """Independent sources behind ``low``/``best``/``high``."""
    rule: str | None = None
    """How ``low``/``best``/``high`` were chosen, in words."""
    conservative: float | None = None
    """The most conservative current figure (ACLED's choice); ``disputed`` says whether others differ."""
    disputed: bool = False


@dataclass
class TimelineEntry:
    """An event or statement placed in time."""

    date: str
    precision: str
    """``day``, ``week``, ``month``, ``year``, or ``report`` when only the report's date is known."""
    ref: str
    """Id of the event or statement."""
    kind: str
    """``event`` or ``statement``."""
    text: str
    docs: list[str]
    undated: bool = False
    """True when placed by its report's publication date."""
    category: str = "happened"
    """``happened`` (it occurred, was announced or released on the date), ``forecast`` (predicted,
    expected or scheduled: a date after its report, or a prediction) or ``background`` (years
    before the reports: a historical reference, not part of the story's chronology)."""
    evidence: list[Evidence] = field(default_factory=list)
    """The sentences that state it, one per report."""
    dated_by: list[str] = field(default_factory=list)
    """The reports whose own text gives the date (not their publication date)."""
    dates: list[str] = field(default_factory=list)
    """Every date the reports give for it, when they disagree (intervals that do not overlap)."""
    date_conflict: bool = False
    """True when reports give dates for it that cannot be the same day."""


@dataclass
class Edge:
    """A typed, directed relation between two actors, weighted by independent sources."""

    source: str
    target: str
    type: str
    """``cooperates``, ``supports``, ``supplies``, ``deploys_to``, ``sanctions``, ``opposes``,
    ``threatens``, ``consults``."""
    weight: int
    """Number of independent documents that state it."""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Option:
    """A policy option raised across the reports and who stands where on it."""

    id: str
    option: str
    """Short name: "EU troops in Ukraine", "sanctions", "military aid"."""
    advocates: list[str] = field(default_factory=list)
    """Actor ids, or ``author:<doc>`` for a report's own voice."""
    opponents: list[str] = field(default_factory=list)
    addressed: list[str] = field(default_factory=list)
    """Actors urged to act on it."""
    consequences: list[str] = field(default_factory=list)
    """Predicted consequences stated in the reports."""
    docs: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Implication:
    """A consequence the reports draw for a region or actor."""

    target: str
    """Actor id or region name: "Europe", "kb:CAN"."""
    target_name: str
    text: str
    docs: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class BottomLine:
    """One line of a briefing's bottom line: a claim of fact (or a piece of commentary) with its sources."""

    text: str
    """The representative source sentence, quoted."""
    kind: str
    """``fact``, ``confirmation``, ``disputed`` (a claim and its denial: a conflict's two sides), ``figure``,
    ``unconfirmed``, ``report`` (a named or anonymous source's word a report gives, shown where the
    ranking model keeps it) or ``commentary``."""
    evidence: list[Evidence] = field(default_factory=list)
    """One sentence per independent source, the quoted sentence first."""
    sources: int = 0
    """Independent sources: distinct original (non-copy) documents among ``evidence``."""
    detail: str = ""
    """A reader's summary of who says it and how ("2 independent sources, confirmed by X; denied by Y")."""
    disputed: bool = False
    """True when some source denies or doubts it (see the conflicts)."""
    claim: str | None = None
    """Id of the claim (cluster), conflict or figure table behind the line."""
    score: float = 0.0
    """Rank: the ranking model's probability that an analyst leads with the line (commentary: its salience)."""
