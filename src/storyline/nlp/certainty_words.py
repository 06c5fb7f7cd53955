"""Cue vocabularies for attribution and certainty: the words and phrases whose presence sets a status."""

from __future__ import annotations

import re

from storyline.nlp.grammar import lexicon, noun_forms

# -- precedence ----------------------------------------------------------------------
# A statement gets the first status in this order whose cue is present. Evidential cues
# (denial, missing evidence) outrank everything because they say the claim itself is in
# doubt; polarity comes next because "did not send" must never count as "sent"; then
# hedges and futures; a confirmation counts only for an unhedged claim; attribution last.
STATUSES = ("denied", "unconfirmed", "negated", "possible", "expected", "confirmed", "reported", "asserted")
RANK = {status: i for i, status in enumerate(STATUSES)}

# -- attribution ---------------------------------------------------------------------
# Verbs that introduce someone's claim, by the status they lend to it.
SAY_REPORTED = lexicon(
    "say", "tell", "state", "add", "note", "announce", "report", "indicate", "explain", "write", "claim",
    "insist", "stress", "emphasize", "emphasise", "highlight", "assert", "reiterate", "declare", "reveal",
    "disclose", "warn", "caution", "tweet", "comment", "observe", "mention", "remark", "inform", "brief",
    "underline", "underscore", "testify", "recount", "concede", "complain", "recall", "argue", "contend",
    "maintain", "find", "conclude", "estimate", "allege", "assess", "hint", "signal", "show", "point", "reply",
    "respond", "answer", "repeat",
)
# Frame verbs that also mean something else ("found itself cut off"): a frame only before "that".
WEAK_FRAMES = lexicon("find", "show", "signal", "point", "conclude", "assess", "add", "note", "maintain")
SAY_POSSIBLE = lexicon("suggest", "believe", "think", "speculate", "suspect", "fear", "imply", "assume",
                       "guess", "worry", "reckon", "feel", "allege", "hint")
SAY_EXPECTED = lexicon("expect", "anticipate", "predict", "forecast", "project")
SAY_CONFIRMED = lexicon("confirm", "verify", "corroborate", "acknowledge", "admit")
# Confirmations only of a claim ("endorsed the council's results"), not of a person or a plan.
SAY_CONFIRMED_OBJECT = lexicon("endorse", "certify", "validate", "uphold", "ratify")
SAY_DENIED = lexicon("deny", "refute", "rebut", "disavow")
# Only a denial when what they reject is a claim ("rejected claims", "dismissed reports").
SAY_DENIED_OBJECT = lexicon("reject", "dismiss", "dispute", "contest", "contradict")
CLAIM_NOUNS = frozenset(noun_forms("claim") | noun_forms("report") | noun_forms("allegation")
                        | noun_forms("accusation") | noun_forms("suggestion") | noun_forms("assertion")
                        | noun_forms("account") | noun_forms("rumour") | noun_forms("rumor") | noun_forms("charge")
                        | noun_forms("declaration") | noun_forms("decision") | noun_forms("ruling")
                        | noun_forms("result") | noun_forms("finding") | noun_forms("announcement")
                        | noun_forms("outcome") | noun_forms("tally") | noun_forms("figure")
                        | noun_forms("estimate") | noun_forms("number") | noun_forms("toll") | noun_forms("story")
                        | noun_forms("speculation") | noun_forms("rumor") | noun_forms("notion")
                        | {"them", "it", "this", "that"})
OPINION_FRAME = lexicon("argue", "contend", "believe", "think", "feel", "consider", "opine", "reckon")
FRAME_STATUS = {
    **{v: "reported" for v in SAY_REPORTED},
    **{v: "possible" for v in SAY_POSSIBLE},
    **{v: "expected" for v in SAY_EXPECTED},
    **{v: "confirmed" for v in SAY_CONFIRMED},
    **{v: "denied" for v in SAY_DENIED},
}
# Verbs that carry a recommendation from their subject to their object ("urged X to ...").
URGE = lexicon("urge", "press", "exhort", "implore", "encourage", "advise", "recommend", "appeal", "call",
               "ask", "demand", "propose", "plead", "invite", "request")
# Unnamed sources: "officials said", "analysts argue", "reports suggest".
ANONYMOUS_NOUNS = frozenset(
    set().union(*(noun_forms(n) for n in (
        "official", "source", "analyst", "expert", "observer", "diplomat", "witness", "resident", "report",
        "critic", "commentator", "insider", "person", "agency", "spokesperson", "spokesman", "spokeswoman",
        "aide", "officer", "scholar", "researcher", "activist", "medic", "doctor", "lawmaker", "legislator",
        "politician", "leader", "journalist", "correspondent", "monitor", "observer", "group", "worker",
        "volunteer", "negotiator", "mediator", "envoy", "minister", "member", "soldier", "commander",
    ))) | {"people", "some", "many", "others", "media", "intelligence", "sources", "everyone", "several"}
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
REPORTEDLY = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "ostensibly"})

# -- certainty cues ------------------------------------------------------------------
HEDGE_MODALS = frozenset({"could", "may", "might"})
FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo"})
DEONTIC_MODALS = frozenset({"must", "should", "ought"})
HEDGE_ADVERBS = frozenset({
    "likely", "possibly", "probably", "perhaps", "maybe", "apparently", "potentially", "presumably",
    "seemingly", "conceivably", "plausibly", "arguably", "reportedly", "allegedly", "purportedly",
    "supposedly", "ostensibly", "unlikely",
})
# Raising verbs: "appears to", "is believed to", "is expected to", "plans to".
RAISING_POSSIBLE = lexicon("appear", "seem", "believe", "think", "say", "report", "allege", "rumour", "rumor",
                           "suspect", "understand", "suggest")
RAISING_EXPECTED = lexicon("expect", "plan", "intend", "schedule", "set", "poise", "anticipate", "aim", "slate")
EXPECTED_ADJ = frozenset({"due", "likely", "poised", "set", "bound", "about", "expected"})
POSSIBLE_ADJ = frozenset({"likely", "possible", "unlikely", "probable", "plausible", "conceivable"})
POSSIBILITY_NOUNS = frozenset({"possibility", "chance", "likelihood", "prospect", "risk", "danger"})
CONFIRM_VERBS = lexicon("confirm", "verify", "corroborate", "substantiate", "establish", "prove", "authenticate")
NEGATIVE_WORDS = frozenset({"no", "neither", "none", "nobody", "nothing", "never", "nor", "no-one"})
NEGATIVE_VERBS = lexicon("refrain", "fail", "decline", "refuse", "stop", "neglect", "abstain", "avoid")
OUTCOMES = frozenset({"agreement", "deal", "breakthrough", "progress", "result", "results", "accord", "settlement",
                      "declaration", "decision", "resolution", "ceasefire", "truce", "statement", "vote"})
# "not only ... but also" and "not just" do not negate the claim.
NOT_CONTRAST = frozenset({"only", "just", "merely", "simply", "solely"})
UNCONFIRMED_PATTERNS = [
    re.compile(p, re.I) for p in (
        r"\b(?:ha[sd]|have|is|are|was|were|remains?|remained)\s+yet\s+to\s+be\s+"
        r"(?:independently\s+|officially\s+|publicly\s+)?"
        r"(?:confirmed|verified|substantiated|corroborated|established|proven)",
        r"\byet\s+to\s+(?:confirm|verify|substantiate|corroborate)",
        r"\bun(?:confirmed|verified|substantiated|corroborated|proven)\b",
        r"\bno\s+(?:(?:direct|clear|hard|independent|concrete|conclusive|firm|solid|credible|official|such)\s+)*"
        r"(?:evidence|confirmation|proof|verification)\b",
        r"\black(?:s|ed|ing)?\s+(?:of\s+)?(?:any\s+)?"
        r"(?:(?:direct|clear|hard|independent|concrete|conclusive|firm|solid|credible)\s+)*"
        r"(?:evidence|confirmation|proof|verification)\b",
        r"\b(?:evidence|confirmation|proof)\b[^.;]{0,80}?\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?"
        r"(?:lacking|absent|scant|thin)\b",
        r"\b(?:without|absent)\s+(?:any\s+)?(?:independent\s+)?(?:confirmation|verification|evidence|proof)\b",
        r"\b(?:unable|impossible)\s+to\s+(?:independently\s+)?(?:confirm|verify|corroborate)",
        r"\b(?:it\s+is|it's|it\s+was|it\s+remains?|remains?|remained)\s+(?:still\s+)?"
        r"(?:unclear|not\s+clear|uncertain|not\s+known|unknown)\s+(?:whether|if|who|how|what|when|where)\b",
        r"\bcould\s+not\s+be\s+(?:independently\s+)?(?:confirmed|verified|corroborated)",
    )
]
# -- statement types ---------------------------------------------------------------
# Predictions: causal verbs whose object is the consequence ("would risk escalating").
CAUSAL = lexicon("risk", "lead", "cause", "trigger", "provoke", "spark", "result", "mean", "entail", "invite",
                 "bring", "create", "force", "prompt", "produce", "fuel")
# Causal verbs whose object alone is the consequence ("would risk further escalating the conflict").
CAUSAL_OBJECT = lexicon("risk", "lead", "cause", "trigger", "provoke", "spark", "result", "mean", "entail",
                        "invite", "fuel", "create")
LIKELY_ADJ = frozenset({"likely", "unlikely", "due", "set", "poised", "bound"})
# "could include 3,000" or "may be limited" describe the present, not a future event.
STATIVE = lexicon("be", "have", "include", "consider", "deem", "regard", "number", "total", "contain", "comprise",
                  "exceed", "remain", "stand", "represent", "reflect", "indicate", "suggest", "know", "need", "want",
                  "seem", "appear")
PRESENT_ADVERBS = frozenset({"already", "now", "currently", "still", "presently", "today"})
ESTIMATE_WORDS = frozenset({"estimate", "estimates", "estimated", "estimating", "approximately", "roughly",
                            "toll", "tally", "underestimated", "overestimated", "underestimate", "overestimate"})
FIGURE_NOUNS = frozenset({"toll", "tally", "figure", "figures", "number", "numbers", "count", "estimate", "estimates"})
QUALIFIERS = (
    "about", "approximately", "around", "roughly", "some", "nearly", "almost", "over", "more than", "at least",
    "up to", "as many as", "as few as", "fewer than", "less than", "an estimated", "estimated", "close to",
    "upwards of", "between", "at most", "no fewer than", "no more than", "well over", "just over", "just under",
    "under", "perhaps", "possibly",
)
FIGURE_PREDICATES = lexicon("be", "remain", "stand", "rise", "climb", "reach", "exceed", "top", "surpass",
                            "grow", "underestimate", "overestimate", "put", "estimate")
# What a toll counts: people killed, hurt or driven out.
CASUALTY_WORDS = frozenset(lexicon("kill", "die", "wound", "injure", "displace", "flee", "evacuate", "miss")
                           | {"dead", "deaths", "death", "casualties", "killed", "wounded", "injured", "displaced",
                              "missing", "refugees", "toll", "fatalities", "people", "civilians", "victims"})
VAGUE_NUMBERS = frozenset({"dozens", "hundreds", "thousands", "millions", "scores", "tens"})
WARN_FRAMES = lexicon("warn", "caution", "predict", "forecast", "expect", "fear", "project")
JUDGE_VERBS = lexicon("consider", "deem", "regard", "judge", "brand", "label")

SPEECH_VERBS = SAY_REPORTED | SAY_POSSIBLE | SAY_EXPECTED | SAY_CONFIRMED | SAY_DENIED | SAY_DENIED_OBJECT
