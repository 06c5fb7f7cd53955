"""How the bottom line tells a fact from a view, and who doubts it: the words of analysis, advice and stance,
who confirms or doubts a claim by name, a finding not yet made, and a denial of what only might be."""

from __future__ import annotations

import re

INTERPRETIVE = re.compile(
    r"\b(?:highlight|underscore|underline|signal|indicate|reflect|illustrate|demonstrate|suggest|show|mark|"
    r"represent|pose|serve|reinforce|complicate|deepen|mean|imply)s?\b"
    r"(?!\s+(?:(?:no|any|some|clear|few|new)\s+)?(?:signs?|evidence|traces?)\b)|"
    r"\b(?:look|seem|sound)(?:s|ed|ing)?\s+like\b|"
    r"\bpoint(?:s|ed|ing)?\s+to\s+(?:[\w’'-]+\s+){0,3}?\w+ing\b|"
    r"\brais(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}(?:concerns?|questions?|doubts?|fears?|alarm|eyebrows|stakes)\b|"
    r"(?<!\bamid )\b(?:concerns?|implications?|significance|significantly|shift(?:ing)? landscape|new era|"
    r"new chapter)\b", re.IGNORECASE)
"""How analysis reads ("highlights", "signals a new era", "raises concerns", not "raises its rate", "looked like a
spent force", "the moves point to the army preparing an assault"): commentary, not a claim of fact, whether the
report says it in its own voice or quotes a commentator saying it. "Amid concern that ..."
sets the scene of a statement and is no reading of it, and a thing that shows (no) signs or evidence of something
("the levee shows signs of seepage", "the agency does not demonstrate any evidence of") is a finding, not a reading."""
VERDICT = re.compile(
    r"\b(?:should|must|ought\s+to)\b|\bsen(?:d|ds|t|ding)\s+(?:\w+\s+){0,3}(?:message|shockwaves?)\b|"
    r"\b(?:(?:our|their|its|his|her|my|your)\s+(?:\w+\s+)?(?:duty|obligation)|(?:duty|obligation)\s+of\s+[^.;,]*?)\s+"
    r"is\s+to\b|\bconcerned\b|\burg(?:e|es|ed|ing)\b|\bwarn(?:s|ed|ing)?\s+(?:(?:\w+\s+){0,2}(?:that|against|about))\b",
    re.IGNORECASE)
"""Advice, warnings and verdicts ("Europe should be concerned", "X must admit", "urged ministers to",
"warned that", "sends a strong message", "the duty of the league is to ..."): what someone thinks ought to happen
or what an event means, never what happened."""
STANCE = frozenset({
    "assure", "express", "voice", "understand", "hope", "fear", "believe", "think", "feel", "urge", "praise",
    "criticize", "criticise", "condemn", "welcome", "argue", "worry", "regret", "applaud", "wish", "warn",
    "threaten", "promise", "pledge", "vow"})
"""Main verbs (or their synonym classes) that report a source's stance (hopes, fears, assurances, warnings,
threats, promises), not an event or a finding."""
COMMENTATOR = re.compile(r"\b(?:analysts?|experts?|observers?|commentators?|economists?|pundits?|forecasters?|"
                         r"strategists?|scholars?|historians?|academics?|think[- ]tanks?)\b", re.IGNORECASE)
"""Sources whose trade is to read events ("analysts", "some experts", "military observers"): their forecast or
advice is analysis, however it is worded ("analysts expect the bank to raise rates")."""
STANCE_CUE = re.compile(r"(?:warn|urg|hope|fear|believ|think|thought|feel|felt|argu|worr|wish)", re.IGNORECASE)
"""Reporting words that frame a source's words as a warning, a hope, a fear or a belief ("... ," he warned):
matched at the start of a statement's cue word."""
STANCE_OBJECT = re.compile(
    r"\bconfirm(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){0,4}[\"“‘']?(?:determination|commitment|support|resolve|readiness|"
    r"intention|willingness|solidarity|position|stance)\b(?!\s+(?:was|were|had|has)\b)", re.IGNORECASE)
"""Confirming a resolve or a stance ("confirmed their determination that ...", "confirmed during the call the
"position of the union: support for ..."): a commitment, not a confirmed fact. Not a thing the stance word opens
("confirmed that its position was shelled")."""
BY_WHOM = re.compile(r"\b(?:confirmed|verified|corroborated)\s+by\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
                     r"(?:\s+[a-z]+)?)")
DOUBTER = re.compile(r"\b((?:the\s+)?[A-Z][\w.’'-]*+(?:\s+(?:of\s+)?[A-Z][\w.’'-]*+){0,6})\s+(?:has|have|had|did|does)\s+"
                     r"(?:not\s+(?:yet\s+)?(?:confirm|verif)|no\s+(?:\w+\s+)?(?:evidence|proof|confirmation))")
"""Who doubts, where the sentence names them: "the DIA has no direct evidence", "Kyiv has not confirmed"."""
CONCESSION = re.compile(r"\b(?:admit|acknowledg|conced)\w*+\b[^.;]*?\bbut\b", re.IGNORECASE)
"""A point granted in an argument ("acknowledges that P but questions whether Q", "admitted that P, but not because
of R"): what follows "but" is the speaker's view, the point the sentence makes."""
UNSETTLED = re.compile(r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:established|determined)\b", re.IGNORECASE)
"""A finding not yet made ("the cause has not yet been established"): what a source says is still open."""
RECORD_SUBJECT = re.compile(
    r"\b(?:data|statistics|figures|numbers|records?|documents?|filings?|papers|images|imagery|footage|photos|"
    r"photographs|pictures|videos|recordings|surveys?|polls?|census|results|tallies|logs|readings|samples|tests|"
    r"stud(?:y|ies)|audits?|inquiry|investigation)\s++(?:(?:also|clearly|now|further)\s++)?\Z", re.IGNORECASE)
"""A record or a count as the subject of "show" or "indicate", just before the verb ("customs data show ...", "court
documents show that ...", "satellite images indicate ..."): what the record holds is a finding, not a reading of
events."""
WITHHELD = re.compile(
    r"\bden(?:y|ies|ied|ying)\s++(?:(?!(?:that|claims?|reports?)\b)[\w’'-]+\s+){0,6}?"
    r"(?:access|entry|visas?|permission|passage|bail|landing|(?:the\s+)?rights?|"
    r"(?:a\s+)?say|(?:the\s+)?(?:chance|opportunity|means)|funding|refuel(?:l?ing)?|port\s+calls?)\b",
    re.IGNORECASE)
""""Deny" with someone and a thing withheld ("deny the fleet's trawlers access to the ports", "denied the crew entry",
"denied him bail"): an act that withholds, not a denial of what was said."""
MOTIVE = re.compile(r"\b(?:citing|cited|over|because\s+of|due\s+to|out\s+of)\b[^,;:.]*+\Z", re.IGNORECASE)
"""The words before "concern" that make it the motive an actor gives for what it did ("imposed export controls,
citing the war and concern that ...", "closed the bridge over concerns about its piers"): a reason, not a reading."""
POSSIBLE = re.compile(r"\b(?:might|may|could|would|will|can|shall)\b")
"""A denial of what might be ("dismissed suggestions that it might attack"): a possibility, not an event. In
lower case only: "May" is also the month ("failed a safety inspection in May")."""
APPEAL = re.compile(
    r"\b(?:calls?|called)\s+(?:on|upon)\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:the\s+)?(?:phone|morning|"
    r"evening|eve|day|weekend|occasion)\b)(?:[\w’'.,-]+\s+){1,8}?to\s+[a-z]+|"
    r"\b(?:appeals?|appealed)\s+to\s+(?!(?:the\s+)?(?:court|tribunal|judges?)\b)(?:[\w’'.,-]+\s+){1,8}?to\s+[a-z]+",
    re.IGNORECASE)
"""An appeal ("called on the donors to release the funds", "appealed to the unions to end the strike"): what its
maker asks of another, not what anyone did. Not a day or a call by phone ("called on Monday for talks to resume"),
nor an appeal to a court. A participle ("..., calling on the league to act") adds the appeal to an act the sentence
tells, and is not matched."""
MOTIVE_READING = re.compile(
    r"\b(?:is|are|was|were|(?:has|have)\s+been)\s+(?:(?:now|still|also|clearly|really|actually)\s+)?"
    r"(?:seeking|trying|aiming|attempting|striving|determined|intent|bent)\s+(?:to|on)\s+[a-z]+|"
    r"\b(?:wants?|wanted|seeks?|sought|aims?|intends?|intended)\s+to\s+[a-z]+", re.IGNORECASE)
"""What an actor is after, told of it ("the governor is trying to split the unions", "the rival bloc wants to seize
the port", "the cartel seeks to control prices"): a reading of another's motive, where a speaker ascribes it."""
MOTIVE_SUBJECT = re.compile(r"\b(?:i|we|you|he|she|they|it|who|which|that)\s++\Z", re.IGNORECASE)
"""A pronoun just before the motive's verb: the speaker's own aim, or one told in the sentence before."""
SAID = re.compile(r"\b(?:said|says|told|tells|stated|states|noted|notes|added|adds|claimed|claims|argued|argues|"
                  r"insisted|insists|declared|explained|stressed|pointed\s+out|points\s+out)\b", re.IGNORECASE)
"""A verb of saying in the text, after whoever speaks ("the party's leader in the chamber said that ...")."""
