"""Cue words for attribution: verbs of saying, thinking and stance with their inflections, and the
nouns for unnamed speakers, media and titles."""

from __future__ import annotations

import re

# The pipeline loads spaCy's model without its lemmatizer, so cue verbs are matched by their
# inflected forms, generated once here.

# Verbs of saying: a quotation next to one of these is attributed to its subject.
SPEECH_VERBS = """
say tell add warn note state emphasize emphasise argue claim insist deny confirm announce
stress write ask urge describe call report accuse acknowledge admit explain declare assert
contend maintain predict reply respond answer recall remark observe comment reiterate repeat
tweet post mention implore press cite complain concede caution threaten promise pledge vow allege testify quote
disclose reveal recount conclude agree demand propose recommend advise inform assure
question dismiss reject counter retort protest lament boast joke quip shout chant yell
whisper plead charge criticize criticise condemn blast praise welcome hail voice express
speculate continue point speak talk rail
echo liken compare mock ridicule decry denounce deplore lambast applaud dispute outline detail reference
apologize apologise thank congratulate reassure hint concur defend blame discuss
stipulate specify underline underscore
""".split()

# Verbs of cognition and evidence: they attribute a reported clause ("analysts believe that"),
# never a nearby quotation on their own.
COGNITION_VERBS = """
believe think estimate expect fear hope doubt worry feel know understand find show
forecast project assess judge suspect anticipate reckon suggest indicate
want plan intend hope aim seek wish refuse decline prefer support oppose favor favour endorse back consider
see view regard portray characterize characterise depict
decide realize realise recognize recognise learn remember admire offer
""".split()

# Verbs of wanting, deciding, taking sides and taking up a subject: with a clause ("decided that the vote
# was void", "announced that the dam held") they report a thought or words; with an infinitive or an
# object ("wants to run", "backed the bill", "announced its candidacy", "commented on the talks") they
# state the subject's own aim or act, or what it spoke about, which is no attribution.
ACT_VERBS = frozenset(
    "want plan intend aim seek wish refuse decline prefer offer decide support oppose favor favour endorse "
    "back defend discuss talk consider admire announce propose comment".split()
)

# Verbs of saying whose infinitive complement is what was said: "urged the junta to ...",
# "called on Bamako to ...", "pledged to hold elections"; and "called for a truce".
INFINITIVE_VERBS = frozenset(
    "urge call ask demand warn tell advise recommend implore press promise pledge vow threaten agree "
    "want plan intend hope aim seek wish refuse decline prefer offer decide".split()
)

# Verbs of saying whose object is what was said: "confirmed the presence of troops",
# "accused the junta of ...", "denied the report".
OBJECT_VERBS = frozenset(
    "announce confirm deny claim accuse demand reject dismiss question praise condemn criticize blast "
    "welcome propose recommend reveal disclose report predict allege acknowledge admit blame describe "
    "support oppose endorse back cite mention discuss favor favour want call show "
    "defend echo mock ridicule decry denounce deplore lambast applaud dispute outline detail reference liken "
    "compare admire".split()
)

# Verbs whose object is a stance only with "as": "saw the comment as a dig", "described it as fake".
AS_VERBS = frozenset("see view regard portray characterize characterise depict consider describe".split())
# Verbs of saying whose prepositional object is what was said: "pointed to rising costs",
# "railed against the tax code", "spoke of a new era".
PREP_CONTENT = {"point": ("to",), "rail": ("against",), "speak": ("of", "about"), "talk": ("about",),
                "comment": ("on",), "complain": ("about", "of"), "warn": ("of", "about", "against"),
                "argue": ("for", "against"), "respond": ("to",), "call": ("for",), "agree": ("with", "on"),
                "speculate": ("about", "on"), "worry": ("about",), "hope": ("for",), "question": ("about",)}

# Nouns of saying and thinking that report a that-clause for their owner: "Trump's claim that".
CLAIM_CUE_NOUNS = (
    "claim assertion allegation statement warning promise pledge denial insistence argument suggestion view "
    "belief assessment conclusion prediction contention accusation charge admission announcement threat hope "
    "fear concern estimate finding assurance complaint position"
).split()
CLAIM_CUE_FORMS = {form: n for n in CLAIM_CUE_NOUNS for form in (n, n + "s" if not n.endswith("s") else n + "es")}

# Verbs that, besides their subject, name the person whose words they pass on:
# "the ministry quoted the envoy as saying", "cited officials as saying".
CONVEYING_VERBS = ("quote", "cite")
# Verbs of saying whose object is the one told: "told a meeting of farmers that ..."
ADDRESSEE_VERBS = frozenset("tell assure inform warn remind notify brief convince persuade".split())

# Past participles that introduce a name, not speech: units "known as" "storm corps", a report
# "titled" "...". A quotation under one of these is a term or title, not a quote.
NAMING_PARTICIPLES = frozenset(
    "known called dubbed named titled entitled nicknamed labelled labeled branded termed styled "
    "billed described".split()
)
NAMING_WORDS = frozenset({"so-called", "socalled"})
# Nouns before a quotation that make it a title, not words spoken: the song "…", the report "…".
TITLE_NOUNS = frozenset(
    "book film song album report article documentary novel poem play show series movie essay column "
    "paper campaign operation program programme headline slogan hashtag motto title track podcast "
    "magazine newspaper exhibition initiative plan doctrine hymn anthem".split()
)

# Irregular forms (base -> 3sg, past, past participle, gerund); the rest are regular.
_IRREGULAR = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "know": ("knows", "knew", "known", "knowing"),
    "find": ("finds", "found", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "learn": ("learns", "learned", "learnt", "learning"),
    "see": ("sees", "saw", "seen", "seeing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
}
# Verbs that double their final consonant before -ed/-ing.
_DOUBLING = frozenset({"admit", "quip", "concur", "refer", "regret", "omit", "commit"})


def inflections(base: str) -> tuple[str, ...]:
    """The base form and its regular (or listed irregular) inflections."""
    if base in _IRREGULAR:
        return (base, *_IRREGULAR[base])
    if re.search(r"(s|sh|ch|x|z|o)$", base):
        third = base + "es"
    elif re.search(r"[^aeiou]y$", base):
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base in _DOUBLING:
        stem = base + base[-1]
        return (base, third, stem + "ed", stem + "ing")
    if base.endswith("e"):
        past, gerund = base + "d", base[:-1] + "ing"
    elif re.search(r"[^aeiou]y$", base):
        past, gerund = base[:-1] + "ied", base + "ing"
    else:
        past, gerund = base + "ed", base + "ing"
    return (base, third, past, gerund)


def _forms(bases: list[str] | tuple[str, ...]) -> dict[str, str]:
    return {form: base for base in bases for form in inflections(base)}


# British spellings share one lemma so that ``Quote.cue`` is stable.
_SPELLING = {"emphasise": "emphasize", "criticise": "criticize", "apologise": "apologize", "realise": "realize",
             "recognise": "recognize", "characterise": "characterize"}

SPEECH_FORMS = {form: _SPELLING.get(base, base) for form, base in _forms(SPEECH_VERBS).items()}
COGNITION_FORMS = {f: b for f, b in _forms(COGNITION_VERBS).items() if f not in SPEECH_FORMS}

# News outlets that relay what a speaker told them: "told Reuters", "speaking to Anadolu Agency".
MEDIA_WORDS = frozenset(
    "agency news times post press tv television radio broadcaster newspaper daily journal gazette "
    "herald tribune wire channel network".split()
)
MEDIA_NAMES = frozenset(
    "reuters afp ap anadolu xinhua tass ria interfax yonhap kyodo bbc cnn bloomberg politico axios msnbc "
    "nbc abc cbs dpa efe ansa sputnik aljazeera".split()
)

# Nouns for speakers who are not named: "officials said", "a senior diplomat told Reuters".
_UNNAMED = (
    "official source diplomat spokesperson aide insider officer analyst expert observer resident person "
    "individual employee staffer lawmaker commander soldier fighter activist villager doctor medic worker "
    "negotiator member critic"
)
ANONYMOUS_NOUNS = frozenset(
    [w for n in _UNNAMED.split() for w in (n, n + "s")]
    + "spokesman spokesmen spokeswoman spokeswomen witness witnesses people someone somebody".split()
    + "others many some several few most all".split()
)

# Nouns for people a relative "who" can stand for, beyond the unnamed speakers above.
PERSON_NOUNS = frozenset(
    w for n in ("man woman architect economist lawyer teacher student leader candidate voter president minister "
                "senator governor mayor farmer nurse director manager founder owner author writer professor "
                "scientist researcher journalist reporter chief secretary chairman chairwoman adviser advisor "
                "politician executive coach plaintiff defendant prosecutor judge").split()
    for w in (n, n + "s")
) | {"men", "women", "people"}
# Things that show but do not speak: "satellite imagery showed", "sirens warned", "according to plans".
# A clause they introduce is the report's own account, not someone's statement.
MUTE_NOUNS = frozenset(
    w for n in "image imagery footage photo photograph picture metadata siren plan map".split()
    for w in (n, n + "s")
)
# Pronouns resolved to the nearest preceding person.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# The author's own voice in an opinion piece is not a quote.
AUTHOR_PRONOUNS = frozenset({"i", "we", "you", "us"})

# Words that call a claim untrue: "called the reports fake", "the allegations are baseless".
FALSE_WORDS = frozenset(
    "false untrue baseless groundless unfounded fabricated fabrication fabrications fake lie lies nonsense "
    "fiction fictitious absurd ridiculous bogus misleading propaganda disinformation misinformation slander "
    "smear hoax inaccurate incorrect wrong speculation speculative assertions".split()
)
# What a claim is said to lack when it is called untrue: "there is no truth in the report that ...",
# "the allegation has no basis". ("No evidence" says a claim is unproven, not that it is false.)
GROUND_NOUNS = frozenset("truth basis foundation substance merit".split())
