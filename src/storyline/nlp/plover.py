"""The verb and noun lexicon that maps event triggers to PLOVER event types and modes."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.nlp.grammar import lexicon, noun_forms


def nouns(*bases: str) -> frozenset[str]:
    return frozenset(f for b in bases for f in noun_forms(b))


TROOPS = nouns("troop", "soldier", "force", "personnel", "unit", "fighter", "battalion", "brigade", "serviceman",
               "servicemen", "mercenary", "officer", "corps", "reservist", "conscript", "division", "contingent",
               "army", "peacekeeper", "marine", "paratrooper", "regiment", "special force")
POLICE = nouns("police", "policeman", "riot police", "gendarme")
MILITARY_AID = nouns("weapon", "arm", "missile", "ammunition", "munition", "shell", "artillery", "tank", "drone",
                     "rocket", "jet", "aircraft", "howitzer", "launcher", "equipment", "weaponry", "hardware",
                     "system", "armament", "materiel")
HUMANITARIAN_AID = nouns("food", "medicine", "shelter", "relief", "supply", "supplies", "tent", "vaccine", "water",
                         "blanket")
ECONOMIC_AID = nouns("loan", "fund", "money", "cash", "grant", "dollar", "euro", "credit", "budget")
AID_NOUNS = nouns("aid", "assistance", "support", "help", "package")
SANCTION_NOUNS = nouns("sanction", "embargo", "tariff", "ban", "restriction", "blockade")
AGREEMENT_NOUNS = nouns("treaty", "pact", "agreement", "deal", "accord", "memorandum", "declaration", "ceasefire",
                        "truce", "armistice", "partnership", "alliance", "protocol")
MEETING_NOUNS = nouns("talk", "meeting", "consultation", "negotiation", "summit", "discussion", "conversation")
CALL_NOUNS = nouns("call", "conversation", "talk")
PHONE_WORDS = frozenset({"phone", "telephone", "telephonic", "video", "phone-call"})
PROPOSAL_NOUNS = nouns("proposal", "offer", "plan", "request", "demand", "call", "appeal", "ultimatum", "initiative",
                       "bid", "overture", "peace plan")
HEDGED_ADJ = {
    "potential": "possible", "possible": "possible", "likely": "possible", "prospective": "possible",
    "hypothetical": "possible", "alleged": "possible", "reported": "possible", "rumoured": "possible",
    "rumored": "possible", "suspected": "possible", "purported": "possible", "planned": "expected",
    "proposed": "possible", "expected": "expected", "anticipated": "expected", "imminent": "expected",
    "future": "expected", "further": None,
}


@dataclass(frozen=True)
class Trigger:
    """What a trigger word means and which object it needs to mean it."""

    type: str
    mode: str | None = None
    objects: frozenset[str] | None = None
    """Object heads the trigger needs ("send" means MOBILIZE only with troops); None: no object needed."""
    recipient_needed: bool = False
    """A target actor is required (ASSAULT without a target is usually a metaphor or a figure)."""


TRANSFER = lexicon("send", "provide", "supply", "deliver", "give", "ship", "transfer", "hand", "sell", "offer",
                   "pledge", "increase", "boost", "expand", "step", "grant", "allocate", "approve", "extend")
DEPLOY = lexicon("deploy", "dispatch", "station", "mobilize", "mobilise", "transport", "move", "position",
                 "amass", "mass", "redeploy", "send", "post", "rotate")
IMPOSE = lexicon("impose", "slap", "levy", "tighten", "intensify", "expand", "broaden", "extend", "announce",
                 "adopt", "introduce", "approve", "enforce")
VERBS: dict[str, list[Trigger]] = {}


def _add(lemmas, *triggers: Trigger) -> None:
    for lem in lemmas:
        VERBS.setdefault(lem, []).extend(triggers)


_add(DEPLOY, Trigger("MOBILIZE", "troops", TROOPS), Trigger("MOBILIZE", "police", POLICE))
_add(lexicon("mobilize", "mobilise"), Trigger("MOBILIZE", "troops"))
_add(TRANSFER, Trigger("AID", "military", MILITARY_AID), Trigger("AID", "humanitarian", HUMANITARIAN_AID),
     Trigger("AID", "economic", ECONOMIC_AID), Trigger("AID", None, AID_NOUNS))
_add(IMPOSE, Trigger("SANCTION", None, SANCTION_NOUNS))
_add(lexicon("sanction", "embargo", "blacklist", "boycott"), Trigger("SANCTION", None, None, recipient_needed=True))
_add(lexicon("expel"), Trigger("SANCTION", "expel", None, recipient_needed=True))
_add(lexicon("cooperate", "collaborate", "ally", "partner", "coordinate", "team"), Trigger("COOPERATE"))
_add(lexicon("forge", "form", "deepen", "strengthen", "cement"), Trigger("COOPERATE", None, nouns(
    "alliance", "partnership", "tie", "cooperation", "relation", "bond", "coalition")))
_add(lexicon("sign", "conclude", "seal", "ink", "reach", "strike"), Trigger("AGREE", None, AGREEMENT_NOUNS))
_add(lexicon("agree"), Trigger("AGREE"))
_add(lexicon("threaten"), Trigger("THREATEN"))
_add(lexicon("attack", "strike", "shell", "bomb", "bombard", "raid", "assault", "storm", "invade", "pound",
             "target", "hit", "shoot", "besiege", "overrun"), Trigger("ASSAULT", None, None, recipient_needed=True))
_add(lexicon("accuse", "blame", "condemn", "criticize", "criticise", "denounce", "rebuke", "censure"),
     Trigger("ACCUSE", "disapprove", None, recipient_needed=True))
_add(lexicon("reject", "rebuff", "veto", "spurn", "turn"), Trigger("REJECT", None, PROPOSAL_NOUNS))
_add(lexicon("request", "seek"),
     Trigger("REQUEST", "assist", AID_NOUNS | MILITARY_AID | HUMANITARIAN_AID | ECONOMIC_AID))
_add(lexicon("urge", "appeal", "implore", "exhort"), Trigger("REQUEST", None, None, recipient_needed=True))
_add(lexicon("protest", "demonstrate", "rally", "march"), Trigger("PROTEST", "demo"))
_add(lexicon("withdraw", "retreat", "pull"), Trigger("RETREAT", "withdraw"))
_add(lexicon("arrest", "detain", "seize", "occupy", "blockade", "deport", "confiscate"),
     Trigger("COERCE", None, None, recipient_needed=True))
_add(lexicon("support", "back", "endorse", "praise", "recognize", "recognise"),
     Trigger("SUPPORT", None, None, recipient_needed=True))
_add(lexicon("meet"), Trigger("CONSULT", None, None, recipient_needed=True))
_add(lexicon("visit"), Trigger("CONSULT", "visit", None, recipient_needed=True))
_add(lexicon("host"), Trigger("CONSULT", "host", None, recipient_needed=True))
_add(lexicon("discuss", "negotiate", "consult"), Trigger("CONSULT"))
_add(lexicon("hold", "begin", "start", "open", "launch", "conduct", "resume"), Trigger("CONSULT", None, MEETING_NOUNS))
_add(lexicon("speak", "talk"), Trigger("CONSULT", None, None, recipient_needed=True))

# Modes of violence from the instrument or the verb itself.
ASSAULT_MODES = {
    "bomb": "aerial", "airstrike": "aerial", "air": "aerial", "drone": "aerial", "aircraft": "aerial",
    "warplane": "aerial", "jet": "aerial", "shell": "heavy-weapons", "artillery": "heavy-weapons",
    "bombard": "heavy-weapons", "tank": "heavy-weapons", "missile": "heavy-weapons", "rocket": "heavy-weapons",
    "shoot": "firearms", "gunfire": "firearms", "gun": "firearms", "rifle": "firearms", "sniper": "firearms",
}
# Trigger verbs that need their particle to mean the event ("turn down", "pull out", "step up").
PARTICLE_NEEDED = {"turn": {"down"}, "pull": {"out", "back"}, "step": {"up"}}
AID_MODES = {"military": "military", "defense": "military", "defence": "military", "lethal": "military",
             "security": "military", "humanitarian": "humanitarian", "medical": "humanitarian", "food": "humanitarian",
             "financial": "economic", "economic": "economic", "budget": "economic", "development": "economic"}
NOUN_TRIGGERS: dict[str, Trigger] = {
    **{n: Trigger("MOBILIZE", "troops") for n in nouns("deployment", "dispatch", "mobilization", "mobilisation")},
    **{n: Trigger("CONSULT", "phone") for n in CALL_NOUNS},
}
