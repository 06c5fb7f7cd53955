"""How a statement's words say what it claims, denies or doubts: denial and doubt cues, the claimed
clause without its frame, content words, and the parsed proposition where there is one."""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.analysis.corpus import Corpus
from storyline.models import Event, Statement

POSITIVE = {"asserted", "confirmed", "reported"}
DOUBTED = {"unconfirmed"}
NEGATIVE = {"negated", "denied"}
# Kinds of statement that claim something is or was so; opinions, predictions, advice and
# questions do not, and a hedge ("may", "possibly") is speculation, not a doubt about a claim.
CLAIMS = {"fact", "estimate"}

# How news writes a denial, a negation and a doubt; read from the statement's own text when the
# extraction's status or polarity does not already say so.
# What a rejection must be aimed at to deny a fact: "rejected as false", "dismissed the reports", "disputed
# the company's account", "refuted that" (not "rejected the proposal", "after months of disputes").
_WHEN_SAID = r"(?:\s+(?:(?:late|early)\s+)?on\s+\w+day|\s+\w+ly)?"
"""When or how it was rejected, between the verb and its object: "refuted on Tuesday that", "rejected outright"."""
_DENIED_OBJECT = (r"\s+(?:as\b|that\b|(?:the|these|those|such|any|all)?\s*(?:[\w.-]+['’]s?\s+){0,2}"
                  r"(?:claims?|reports?|allegations?|accusations?|accounts?|announcement|suggestions?|assertions?|"
                  r"figures?|results?|findings?|rumou?rs?|stor(?:y|ies)|charges?|idea|notion|(?:assessments?|conclusions?|"
                  r"characteri[sz]ations?|explanations?|theor(?:y|ies)|versions?|narratives?)(?=\s*+(?:that|of|as|[,.;:])"
                  r"(?!\w)))\b)")
"""What is rejected: a claim, a report, an account; an assessment, a conclusion, an explanation only with what it says
after it ("rejected the assessment that P", not "rejected the assessment schedule")."""
_DENIED_BY = (r"(?<=\s)(?:claims?|allegations?|accusations?|assertions?|charges?|reports?|accounts?|suggestions?)\s+"
              r"(?:(?:that\s+)?(?:has|have|had)\s+(?:been\s+)?)?(?:(?:flatly|firmly|strongly|repeatedly|categorically|"
              r"swiftly|quickly|promptly|since|also|widely|roundly)\s+)?(?:rejected|dismissed|refuted|disputed|denied)\s+by\b")
"""A claim and its rejection's author after it: "a claim flatly rejected by the government", "allegations dismissed
by the company"."""
DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ial|ials)\b|(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|"
    r"rebut(?:s|ted)?|disput(?:e|es|ed|ing))" + _WHEN_SAID + _DENIED_OBJECT + r"|" + _DENIED_BY + r"|(?<!spreading\s)(?<!spread\s)(?<!spreads\s)"
    r"(?:fake|false(?:ly)?(?!\s+(?:information|flag|impression|pretext|alarm)s?\b)|untrue|baseless|"
    r"unfounded|groundless|mere (?:assertions?|claims?|speculation)|lies|an?\s+(?:(?:outright|blatant|complete|total)\s+)?(?:lie|fabrication)|fabrications|nonsense|disinformation|no\s+truth|"
    r"(?:is|was|are|were)\s+not\s+true|without\s+(?:any\s+)?foundation)\b)", re.IGNORECASE)
"""A denial, in the many words news uses: "denied", "categorically refuted on Tuesday that", "rejected any
suggestion that", "there is no truth in", "was not true", "without foundation", "called the reports a lie". Not an accusation of lying
("accused X of spreading false information", "a false flag"): that names no claim it denies."""
DOUBT = re.compile(
    r"\b(?:(?:not|n't|yet to|unable to|could not|cannot|declined to|did not|has not|have not|had not)\s+"
    r"(?:\w+\s+){0,2}(?:confirm|confirmed|verify|verified|corroborated?|substantiated?)|unconfirmed|unverified|"
    r"no (?:\w+ ){0,2}(?:evidence|proof|confirmation|record|sign|report)s?|"
    r"(?:no\s+(?:\w+\s+){0,2}|nobody\s+|no\s+one\s+)(?:would|could|was\s+able\s+to|has|had)\s+(?:confirm|verify))\b",
    re.IGNORECASE)
ACKNOWLEDGE = re.compile(r"\b(?:acknowledg\w*|admit\w*|conced\w*|confirm\w*|conceded|reversing|accepted)\b",
                         re.IGNORECASE)

_WORD = re.compile(r"[a-z][a-z'-]*")
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|none|nothing|without|deny|denies|denied|denial)\b|n['’]t\b",
                       re.IGNORECASE)
# Function words, and the reporting, hedging and negation cues: these say how a claim is
# made, not what it claims, so they must not count towards two claims being the same.
STOP = frozenset("""
a about above after again against all also although am an and any are as at be because been before
being below between both but by can could did do does doing down during each either few for from
further had has have having he her here hers him his how i if in into is it its itself just me
more most much my neither no nor not now of off on once only or other our out over own same she
should so some such than that the their them then there these they this those through to too under
until up us very was we were what when where which while who whom why will with would yet you your
according allegedly apparently claim claimed claims confirm confirmed confirms confirmation deny
denied denies denial evidence lack lacking likely may might possible possibly perhaps probable
probably report reported reportedly reports rumour rumor rumoured said say saying says seem seemed
seems suggest suggested suggests unconfirmed unverified verified verify never none nothing
told tell added noted stated statement announced indicated believe believed expected expect
whether still remain remains remained stay stays stayed staying take taking took part official officials
near across along beyond within without toward towards around amid among despite via onto upon back away
reject rejected rejects dismiss dismissed dismisses fake false untrue baseless unfounded mere assertion
assertions news rumour rumours rumors calling called acknowledged acknowledge admitted admit earlier
monday tuesday wednesday thursday friday saturday sunday today yesterday week weeks month months
january february march april june july august september october november december
refute refuted refutes refut concede conceded conced categorically flatly firmly strongly vehemently
emphatically whatsoever truth suggestion suggestions
one two three four five six seven eight nine ten dozen dozens hundred hundreds thousand thousands million
millions billion billions year years day days hour hours first second third last next ago
""".split())
SYNONYMS = {"soldier": "troop", "force": "troop", "personnel": "troop", "servicemen": "troop",
            "troops": "troop", "forces": "troop", "soldiers": "troop",
            # one act in other words: "pulling back troops" and "withdrawing troops"; "preparing to
            # attack" and "planning to attack"
            "pull": "withdraw", "pulled": "withdraw", "pulling": "withdraw", "pullback": "withdraw",
            "withdrawal": "withdraw", "withdrew": "withdraw", "withdrawn": "withdraw",
            "prepar": "plan", "preparation": "plan", "plann": "plan",
            # a cause in other words: "X caused the fire", "X was to blame for it", "blamed X"
            "blame": "caus", "blam": "caus",
            # an irregular past: "a ransom was paid", "the payment of a ransom"
            # "climbed aboard", "on board"
            "aboard": "board",
            "paid": "pay", "paying": "pay", "payment": "pay", "payments": "pay",
            # plurals in -ves: "a single wolf", "four wolves"
            "wolves": "wolf", "knives": "knife", "halves": "half", "shelves": "shelf", "thieves": "thief",
            "wives": "wife", "calves": "calf", "loaves": "loaf"}
@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude, deterministic stem: enough to match "deployed", "deploying" and "deployment"."""
    word = word.strip("'-").removesuffix("'s")
    if word in SYNONYMS:
        return SYNONYMS[word]
    # "-ate" forms first, so "integrated" and "integration" meet at "integr".
    for suffix, keep in (("ations", 4), ("ation", 4), ("ptions", 4), ("ption", 4), ("ating", 4), ("ated", 4), ("ates", 4), ("ate", 4),
                         ("ments", 5), ("ment", 5), ("ing", 4), ("ies", 3), ("ed", 4), ("ches", 3),
                         ("shes", 3), ("sses", 3), ("xes", 3), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep and not word.endswith("ss"):
            if suffix in ("ches", "shes", "sses", "xes"):
                return word[:-2]
            base = word[: -len(suffix)]
            word = SYNONYMS.get(base, base + ("y" if suffix == "ies" else ""))
            break
    # "close", "closed" and "closing" all end as "clos".
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def content_words(text: str, exclude: set[str] = frozenset()) -> set[str]:
    words = set()
    for word in _WORD.findall(text.lower()):
        if word in STOP or word in exclude:
            continue
        s = stem(word)
        if s and s not in STOP and len(s) > 1:
            words.add(s)
    return words


MODAL_NEGATION = re.compile(r"\b(?:may|might|could|would|should|must|will|can)\s+not\b|\b(?:won|wouldn|couldn|"
                            r"shouldn|can)['’]?t\b|\bunlikely\b|\b(?:not|never)\s+going\s+to\b", re.IGNORECASE)


_DISPUTED = re.compile(
    r"\b(?P<cue>despite|contrary\s+to|in\s+spite\s+of|for\s+all|asked\s+about|responding\s+to|in\s+response\s+to)\s+"
    r"(?:what\s+(?:[\w.'’-]+\s+){1,4}?(?:(?:has|have|had)\s+)?"
    r"(?:said|says|claimed|claims|announced|asserted|stated|insisted)\b(?:\s+[\w-]+){0,4}?\s+(?:about|that)\s+|"
    r"(?:[\w.'’-]+\s+){0,3}?(?:claims?|assertions?|statements?|announcements?|insistence|accounts?|reports?|"
    r"allegations?|suggestions?|declarations?|assurances?|talk)\s+(?:that|about|of)\s+)"
    r"(?P<clause>[^,;:]+)", re.IGNORECASE)
_DECLARED_YET = re.compile(
    r"\b(?:although|though|while|whereas)\s+(?:[\w.'’-]+\s+){1,5}?(?:(?:publicly|officially|repeatedly|loudly)\s+)?"
    r"(?:declares?|declared|says|said|claims?|claimed|insists?|insisted|maintains?|maintained|asserts?|asserted)\s+"
    r"(?:that\s+)?(?P<clause>[^,;:]+),\s*+(?:but\s+)?(?:in\s+fact|in\s+reality|in\s+truth|actually)\b", re.IGNORECASE)
"""A source's word set against what the sentence says is so: "although the ministry says the dam is safe, in fact
cracks have widened"."""
_IN_FACT = re.compile(r"\b(?:in\s+fact|in\s+reality|in\s+truth|actually)\b", re.IGNORECASE)
"""What the sentence says is so in place of a claim it has just named: "for all its talk of P, in fact Q"."""
_SUCH = re.compile(r"\bno\s+such\b|\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?)\s+(?:it|this|that|them)\b",
                   re.IGNORECASE)
"""An answer aimed back at the claim the sentence has just restated: "no such order exists", "denied it"."""


def disputed_claim(text: str) -> str | None:
    """What a sentence says is not so against someone's word for it: "despite what X has said about P, that
    has not happened", "contrary to X's claims that P, ... did not", "contrary to X's statement that P, Q"
    ("contrary to" says by itself that P is not so), "for all its talk of P, in fact Q" and "although X says P,
    in fact Q" (what is so in its place), "asked about the account that P, X said no such order exists" (the
    answer aimed back at the claim just restated). None elsewhere."""
    m = _DISPUTED.search(text)
    if m is None:
        m = _DECLARED_YET.search(text)
        clause = m.group("clause").strip(" .\"'“”") if m else ""
        return clause if len(clause.split()) >= 2 else None
    after = text[m.end():]
    cue = " ".join(m.group("cue").lower().split())
    if cue in ("asked about", "responding to", "in response to"):
        disputed = _SUCH.search(after) is not None or bool(DENIAL.search(after))
    else:
        disputed = cue == "contrary to" or bool(_NEGATION.search(after) or DENIAL.search(after) or _IN_FACT.search(after))
    if not disputed:
        return None
    clause = m.group("clause").strip(" .\"'“”")
    return clause if len(clause.split()) >= 2 else None


def own_denial(s: Statement) -> bool:
    """Whether the sentence itself denies or negates: a claim is also marked denied when the sentence
    after it denies it ("X accused Y of P. Y denies the reports."), and then none of its cues is its own."""
    if DENIAL.search(s.text):
        return True
    denials = [c.lower() for c in s.cues if _DENIAL_CUE.match(c)]
    return not denials or any(c in s.text.lower() for c in denials)


_DENIAL_CUE = re.compile(r"(?:den(?:y|ie)|refut|rebut|disavow|reject|dismiss|disput|contest|contradict)", re.IGNORECASE)


LITOTES = re.compile(r"\b(?:not|never)\s+(?:too\s+late|impossible|unlikely|without\s+reason)\b|"
                     r"\bno\s+reason\s+to\s+(?:doubt|question|disbelieve)\b", re.IGNORECASE)
"""A negation that affirms: "not too late", "no reason to doubt"."""


def probe_status(s: Statement) -> str:
    """The statement's status, with denials and doubts that its text states but its status misses:
    "rejected as false the announcement that...", "had seen no evidence that...". A modal negation
    ("may not have an immediate impact") is a forecast, not a denial."""
    return _probe_status(s.status, s.polarity, s.text)


@lru_cache(maxsize=1 << 18)
def _probe_status(status: str, polarity: str | None, text: str) -> str:
    # Kept per text: claims and conflicts ask again for every candidate pair a statement is in.
    if status in POSITIVE | {"negated"} and disputed_claim(text):
        return "denied"
    if status == "negated" and LITOTES.search(text) and not DENIAL.search(text):
        return "possible"  # "it is not too late to choose diplomacy" says it can still be chosen
    if status == "negated" and MODAL_NEGATION.search(text) and not DENIAL.search(text):
        return "possible"
    if status in NEGATIVE | DOUBTED:
        return status
    if polarity == "negative":
        return "denied"
    if status in POSITIVE and DENIAL.search(text):
        return "denied"
    if status in POSITIVE and _NEGATED_BEFORE_SOURCE.search(text):
        return "negated"  # "P had not been sealed by Thursday, the navy said": the source's word is a negation
    if status in POSITIVE and DOUBT.search(text):
        return "unconfirmed"
    if status in POSITIVE and negated_claim(text):
        return "negated"  # "“Not a single wolf has been shot,” said X", "X said its analysts had seen nothing unusual"
    return status


_CLAIM_NEGATION = re.compile(r"\b(?:not|never|no|nothing|none|nobody|neither)\b|n['’]t\b", re.IGNORECASE)
"""A negation inside what a source says: "not", "never", and the negative determiners ("no report", "nothing
unusual", "not a single wolf", "none of the pupils")."""
_NOT_NEGATING = re.compile(
    r"\b(?:not|no)\s++(?:only|just|merely|simply|least|less|more|fewer|sooner|matter|doubt|longer\s+than)\b|"
    r"\bnothing\s++(?:but|less|short)\b|\bnone\s++other\b|\bor\s++not\b|\bif\s++not\b|\bnot\s++to\s++mention\b",
    re.IGNORECASE)
"""Words with a "not" or "no" that negate nothing: "not only", "no doubt", "no matter", "nothing but", "whether or
not"."""
_QUOTED_CLAIM = re.compile(r"\A\s*+[\"“](?P<claim>[^\"“”]{8,300}?)[,.!?]?[\"”]\s*+,?\s*+(?:[\w.'’-]++\s++){0,8}?"
                           r"(?:said|says|told|added|insisted|stressed)\b", re.IGNORECASE)
"""A quotation closed before its frame: "“Not a single wolf has been shot,” said X"."""
_SAID_THAT = re.compile(r"\A[^;:\"“”]{2,100}?\b(?:said|says|told\s++(?:[\w.'’-]++\s++){1,3}?)(?:\s++on\s++\w+day)?"
                        r"\s++(?:that\s++)?(?P<claim>[^\"“”]+)", re.IGNORECASE)
"""A source named first and what it says after the verb: "The league said its analysts had seen nothing unusual"."""
_ACCORDING_QUOTE = re.compile(r"\A\s*+according\s++to\s++(?:[\w.'’-]++\s++){0,5}?[\w.'’-]++,\s*+[\"“]"
                              r"(?P<claim>[^\"“”]{8,300})[\"”]", re.IGNORECASE)
"""A quotation after its source: "According to X, “Russia did not start aggression”"."""
_CLAIM_END = re.compile(r",\s++(?:and|but|while|which|who|as|because|although|though|saying|adding)\b|;|\s[-–—]\s|"
                        r"\b(?:whether|if|unless|until|before)\b", re.IGNORECASE)
"""Where the claim a source makes ends and what it adds (or a condition) begins."""


@lru_cache(maxsize=1 << 16)
def negated_claim(text: str) -> bool:
    """Whether what a source says carries its own negation, when the frame around it does not: a quotation
    before its speaker ("“Not a single wolf has been shot,” said X"), after "according to X", or the clause
    after "X said (that)". A modal negation ("would not"), a denial or a doubt is read elsewhere; "not only",
    "no doubt" negate nothing; a negation after "whether", "if" or ", which" belongs to another clause."""
    m = _QUOTED_CLAIM.match(text) or _ACCORDING_QUOTE.match(text) or _SAID_THAT.match(text)
    if m is None:
        return False
    claim = _CLAIM_END.split(m.group("claim"))[0]
    if MODAL_NEGATION.search(claim) or LITOTES.search(claim) or claim.rstrip().endswith("?"):
        return False
    return any(not _NOT_NEGATING.match(claim, n.start()) for n in _CLAIM_NEGATION.finditer(claim))


_NEGATED_BEFORE_SOURCE = re.compile(
    r"^[^,;]{8,}?\b(?:had|has|have|did|does|do|was|were|is|are)\s+(?:not|never)\s+[^,;]+?"
    r"(?:,\s+(?:[\w.'’-]+\s+){1,6}?|\s[-–—]\s+(?:[\w.'’]+\s+){0,6}?)(?:said|says|told|reported|according)\b",
    re.IGNORECASE)
"""A negated clause closed by its source after a comma or a dash ("the leak had not been sealed by Thursday, the navy
said", "the ferry is not running - the port authority said")."""
NEGATED_PREDICATE = re.compile(r"\b(?:not|never|no longer|refused to|refuses to|declined to|failed to)\b|n['’]t\b",
                               re.IGNORECASE)
REPORTED_CLAIM = re.compile(r"\b(?:accus\w*|alleg\w*|claims?\s+that|claimed)\b", re.IGNORECASE)
"""A claim framed as someone else's accusation or allegation: its reporter does not assert it."""


def speaker(corpus: Corpus, s: Statement) -> str | None:
    """Who says it: the frame's original source, else the statement's source (None for the author)."""
    frame = corpus.frame_of(s)
    source = (frame.source if frame is not None and frame.source else None) or s.source
    if source is None and is_actor_id(s.agent) and (s.predicate_class in FRAME_CLASSES or DENIAL.search(s.text)):
        return s.agent  # "The council rejected as false claims that P": who denies is the verb's subject
    if source is None:
        return _named_before_denial(corpus, s)
    return source


def _named_before_denial(corpus: Corpus, s: Statement) -> str | None:
    """The party named right before a denial's verb, the subject or its apposition: "The owner of the ferry,
    Kagera Marine Services, dismissed as speculation ...". None when no actor's name ends there."""
    cue = DENIAL.search(s.text)
    if cue is None or not s.actors:
        return None
    before = s.text[:cue.start()].rstrip(" ,")
    for actor in s.actors:
        name = corpus.name(actor)
        if name and len(name) >= 3 and before.endswith(name):
            return actor
    return None


_ADDITION = re.compile(r",\s+(?:adding|saying|because)\b|;", re.IGNORECASE)


def head_clause(text: str) -> str:
    """The sentence before what it adds (", adding that ...", ", because ..."): what its source says first."""
    return _ADDITION.split(text)[0]


@lru_cache(maxsize=1 << 16)
def negated_verb(text: str) -> str | None:
    """The stem of the verb a plain negation negates ("had not been sealed" gives "seal"), or None."""
    negation = NEGATED_PREDICATE.search(head_clause(text))
    if negation is None:
        none_was = _NONE_WAS.search(head_clause(text))  # "No aircraft were damaged": the verb after its noun
        verb = stem(none_was.group("verb")) if none_was else None
        return verb if verb and verb not in _ONLY_HAPPENED else None
    words = _WORD.findall(text[negation.end():].lower())
    if words and words[0] in _DETERMINERS:  # "not a single wolf has been shot": the verb after the noun
        after = next((n for n, w in enumerate(words[:8]) if w in _AUXILIARIES), None)
        words = words[after + 1:] if after is not None else words
    for word in words:
        if word in {"been", "be", "being", "yet", "still", "even", "ever"} or word.endswith("ly"):
            continue  # "had not yet been fully sealed", "did not explicitly say"
        return stem(word) or None
    return None


_NONE_WAS = re.compile(r"(?:\A|[,;:\"“]\s*|\b(?:said|says|that)\s+)no\s+(?:[\w-]+\s+){1,3}?(?:was|were|is|are|"
                       r"(?:has|have|had)\s+been)\s+(?:(?:yet|still|ever|even|seriously|badly)\s+)?"
                       r"(?P<verb>[a-z]+(?:ed|en|wn)|hurt|lost|hit|shot|built|sold|sent|held|kept|made|paid|struck)\b",
                       re.IGNORECASE)
"""A subject that is none, then its passive verb: "No aircraft were damaged", "no houses had been flooded"."""
_ONLY_HAPPENED = frozenset(stem(w) for w in ("seen", "observed", "recorded", "reported", "detected", "given"))
"""Verbs that only say the subject was there to be found ("no dead fish had been seen"): no act is negated."""
_DETERMINERS = {"a", "an", "the", "any", "one", "single", "all", "every"}
_AUXILIARIES = {"has", "have", "had", "was", "were", "is", "are", "did", "does", "do"}


@lru_cache(maxsize=1 << 18)
def _DENIAL_OR_DOUBT(text: str) -> bool:
    # Kept per text: conflicts ask again for every candidate pair a statement is in.
    return bool(DENIAL.search(text) or DOUBT.search(text))


def proposition_match(a: Statement | Event, b: Statement | Event) -> bool | None:
    """From the parsed propositions: True for one proposition, False for two, None when either parse
    gives too little. Frame verbs (confirm, deny, say) carry no proposition of their own."""
    pa, pb = getattr(a, "predicate_class", None), getattr(b, "predicate_class", None)
    if not pa or not pb or pa in FRAME_CLASSES or pb in FRAME_CLASSES or (pa == pb and pa in LIGHT_PREDICATES):
        return None
    if pa != pb:
        return False
    for name in ("agent", "theme", "place"):
        x, y = getattr(a, name, None), getattr(b, name, None)
        if is_actor_id(x) and is_actor_id(y) and x != y:
            return False
    return True


def is_actor_id(value: str | None) -> bool:
    """An actor id ("kb:TZA", "local:person:..."), not a pronoun or lemma ("it", "evidence") that says
    nothing about who is meant."""
    return bool(value) and ":" in value


FRAME_CLASSES = {"confirm", "deny", "say", "report", "claim"}
LIGHT_PREDICATES = {"be", "have", "do", "make", "get", "come", "go"}
"""Verbs that say nothing of what happened on their own ("the claim is false", "another possibility may be
the fighting"): two of them are no evidence of one proposition."""
