"""Propositions: who does what to whom, where, read from a factual clause's parse, with a small class
table so that synonyms ("sent", "deployed", "dispatched") compare equal across reports."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.models import Statement
from storyline.nlp import grammar as gr
from storyline.nlp.grammar import first_child, lemma, noun_phrase
from storyline.nlp.prose import Context

# Statement kinds that state what happened or is the case; opinions, predictions, recommendations
# and questions keep their kind and get no proposition.
FACTUAL = frozenset({"fact", "estimate"})

# Predicate classes: general synonym sets, one class name each.
CLASSES = {
    "deploy": ("send", "deploy", "dispatch", "station", "move", "redeploy", "post"),
    "withdraw": ("withdraw", "pull", "retreat", "evacuate", "recall"),
    "confirm": ("confirm", "acknowledge", "verify", "corroborate", "admit", "concede"),
    "deny": ("deny", "refute", "reject", "dismiss", "rebut", "disavow", "dispute"),
    "attack": ("strike", "attack", "shell", "bomb", "hit", "bombard", "raid", "target", "assault", "launch"),
    "kill": ("kill", "slay", "execute", "massacre", "murder"),
    "die": ("die", "perish"),
    "injure": ("injure", "wound", "hurt", "maim"),
    "capture": ("capture", "seize", "take", "occupy", "overrun", "annex", "retake", "recapture"),
    "arrest": ("arrest", "detain", "jail", "imprison", "abduct", "kidnap"),
    "release": ("release", "free", "exchange"),
    "sign": ("sign", "ratify", "conclude", "initial"),
    "meet": ("meet", "host", "visit", "hold", "talk"),
    "supply": ("supply", "provide", "deliver", "give", "ship", "sell", "export", "transfer", "donate"),
    "fund": ("fund", "finance", "pledge", "allocate", "lend"),
    "sanction": ("sanction", "ban", "embargo", "restrict", "bar", "blacklist"),
    "tax": ("tariff", "tax", "levy", "impose"),
    "elect": ("elect", "win", "vote", "reelect"),
    "announce": ("announce", "declare", "proclaim", "unveil"),
    "accuse": ("accuse", "blame", "charge", "allege"),
    "threaten": ("threaten", "warn"),
    "train": ("train", "drill", "exercise"),
    "cross": ("cross", "enter", "invade", "infiltrate"),
    "flee": ("flee", "escape", "displace"),
}
CLASS_OF = {form: name for name, members in CLASSES.items() for form in members}
PLACE_PREPS = frozenset({"in", "at", "near", "to", "into", "inside", "across", "from", "outside", "around", "on"})
PLACE_TYPES = frozenset({"place", "state"})
LIGHT = gr.lexicon("be", "have", "do", "make", "get")


def _term(ctx: Context, tok: Token | None) -> str | None:
    """An actor id where the phrase names one, else its lemma phrase."""
    if tok is None:
        return None
    np = noun_phrase(tok)
    inside = [m for m in ctx.mentions_in(np.start_char, np.end_char) if m.entity]
    head = ctx.mention_at(tok)
    if head is not None and head.entity:
        return head.entity
    if inside:
        return inside[-1].entity
    words = [lemma(t) if t.pos_ in {"VERB", "AUX"} else t.lower_ for t in np if not (t.is_punct or t.dep_ == "det")]
    return " ".join(words) or None


def _place(ctx: Context, pred: Token) -> str | None:
    for prep in (c for c in pred.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
        pobj = first_child(prep, "pobj")
        if pobj is None:
            continue
        m = ctx.mention_at(pobj)
        if m is not None and m.entity and (m.type in PLACE_TYPES or m.label in {"GPE", "LOC", "FAC"}):
            return m.entity
    return None


def predicate_of(spine: list[Token]) -> Token:
    """The content verb: the last of a raising chain ("is expected to arrive" -> arrive)."""
    pred = spine[-1]
    for tok in reversed(spine):
        if lemma(tok) not in LIGHT or tok is spine[0]:
            pred = tok
            break
    return pred


MOVING = frozenset({"pull", "take", "move", "draw"})
"""Verbs of moving something that, sent away or back, withdraw it ("pulled back", "moving troops away from")."""
AWAY = frozenset({"out", "back", "away"})


def retreating(pred: Token, base: str) -> bool:
    """A verb of moving with a particle or adverb that sends its object away: "pulled back their fighters", "is
    moving its tanks away from the river", "drawing down its staff". Not "moved two frigates to the strait"."""
    away = AWAY | {"down"} if base == "draw" else AWAY
    return base in MOVING and any(c.lower_ in away for c in pred.children if c.dep_ in ("prt", "advmod"))


def propose(ctx: Context, statement: Statement, reading) -> None:
    """Fill a factual statement's proposition (agent, predicate, class, theme, place) from the parse."""
    pred = predicate_of(reading.spine)
    base = lemma(pred) if gr.is_verbal(pred) else pred.lower_
    if base == pred.lower_ and pred.tag_ in {"VBD", "VBN", "VBG", "VBZ"}:
        base = gr.guess_base(pred)
    passive = first_child(pred, "nsubjpass", "auxpass") is not None
    if passive:
        by = first_child(pred, "agent")
        agent = first_child(by, "pobj") if by is not None else None
        theme = first_child(pred, "nsubjpass")
    else:
        agent = first_child(pred, "nsubj") or gr.subject(pred)
        theme = first_child(pred, "dobj")
        if theme is None:
            attr = first_child(pred, "attr", "acomp")
            theme = attr
    if retreating(pred, base):
        klass = "withdraw"
    else:
        klass = CLASS_OF.get(base)
    statement.agent = _term(ctx, agent)
    statement.predicate = base
    statement.theme = _term(ctx, theme)
    if klass == "capture" and base in LOOSE_CAPTURE and not _seized(statement.theme):
        klass = None  # "took part in the talks", "has taken steps towards war": nothing captured
    statement.predicate_class = klass or base
    statement.place = _place(ctx, pred)


LOOSE_CAPTURE = frozenset({"take"})
"""Verbs of the capture class that capture only when they take a place, an actor or control ("took the town",
"taken control of the port"), not in their many light uses ("took part", "take steps", "took place")."""


def _seized(theme: str | None) -> bool:
    """The theme is an actor or a place (an id), or control of something."""
    return bool(theme) and (":" in theme or theme.split(" ", 1)[0] == "control")
