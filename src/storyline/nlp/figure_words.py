"""Word lists the figures extractor reads: counted nouns, casualty verbs, speech verbs and stage cues."""

from __future__ import annotations


def inflect(*bases: str) -> frozenset[str]:
    """A verb's regular forms ("confirm" -> confirm, confirms, confirmed, confirming; "commit" -> committed)."""
    forms = set()
    for base in bases:
        if base.endswith("e"):
            forms |= {base, base + "s", base + "d", base[:-1] + "ing"}
        elif base.endswith("y") and base[-2] not in "aeiou":
            forms |= {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
        else:
            forms |= {base, base + "s", base + "ed", base + "ing"}
            if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
                # "commit" -> committed, "kidnap" -> kidnapping, "top" -> topped (a stray "visitted" matches nothing)
                forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return frozenset(forms)


# What is counted, by the noun as written (lower case, singular and plural).
COUNTED = {
    "troops": "troop troops soldier soldiers personnel officer officers force forces fighter fighters "
              "serviceman servicemen servicemember servicemembers marine marines sailor sailors paratrooper "
              "paratroopers mercenary mercenaries reservist reservists conscript conscripts recruit recruits "
              "combatant combatants militant militants militiamen commando commandos infantrymen "
              "reinforcements contingent guardsmen insurgent insurgents rebel rebels guerrilla guerrillas "
              "sniper snipers saboteur saboteurs partisan partisans military militaries",
    "casualties": "casualty casualties victim victims missing",
    "killed": "death deaths dead fatality fatalities body bodies life lives killed toll",
    "wounded": "wounded injured injury injuries",
    "prisoners": "prisoner prisoners pow pows detainee detainees captive captives hostage hostages inmate inmates",
    "displaced": "displaced evacuee evacuees idp idps homeless",
    "refugees": "refugee refugees asylum-seeker asylum-seekers",
    "missiles": "missile missiles rocket rockets icbm icbms",
    "drones": "drone drones uav uavs",
    "shells": "shell shells munition munitions",
    "tanks": "tank tanks",
    "vehicles": "vehicle vehicles apc apcs",
    "aircraft": "aircraft airplane airplanes plane planes jet jets warplane warplanes helicopter "
                "helicopters bomber bombers fighter-jet fighter-jets",
    "ships": "ship ships vessel vessels warship warships boat boats gunboat gunboats frigate frigates submarine submarines "
             "destroyer destroyers cruiser cruisers corvette corvettes minesweeper minesweepers",
    "votes": "vote votes ballot ballots",
    "people": "people person persons civilian civilians resident residents child children woman women "
              "man men individual individuals citizen citizens inhabitant inhabitants villager villagers "
              "worker workers migrant migrants family families patient patients student students "
              "protester protesters protestors demonstrator demonstrators",
}
COUNT_OF = {word: kind for kind, words in COUNTED.items() for word in words.split()}
# Two-word names whose first word decides ("death toll", "asylum seekers", "fighter jets").
COMPOUNDS = {
    ("death", "toll"): "killed", ("casualty", "toll"): "casualties", ("asylum", "seekers"): "refugees",
    ("asylum", "seeker"): "refugees", ("service", "members"): "troops", ("service", "member"): "troops",
    ("fighter", "jets"): "aircraft", ("fighter", "jet"): "aircraft", ("artillery", "shells"): "shells",
    ("cruise", "missiles"): "missiles", ("ballistic", "missiles"): "missiles",
    ("personnel", "carriers"): "vehicles", ("personnel", "carrier"): "vehicles",
}
# Nouns whose "of" names the dead: "the bodies of 20 civilians", "the deaths of 12 miners".
DEATH_NOUNS = frozenset("body bodies remains corpse corpses death deaths killing killings murder murders".split())
# Nouns that stand for a count of something else ("the number of refugees", "the toll").
PROXY_NOUNS = frozenset("number toll figure figures count total tally estimate estimates".split())
# Nouns that only say a count of people: the verb or adjective next to them says which kind.
GENERIC = frozenset({"people"})

KILLED_WORDS = inflect("kill", "execute", "perish", "slay") | {"dead", "died", "die", "dies", "dying", "slain", "killing"}
# Said of people only, these are killed ("eliminated 200 militants"; "eliminated 200 jobs" is no toll).
ELIMINATED_WORDS = inflect("eliminate", "liquidate", "neutralise", "neutralize")
# Losses of people count killed, wounded and captured together ("the army has lost 1,000 soldiers").
LOSS_WORDS = frozenset("lose loses lost losing".split())
WOUNDED_WORDS = inflect("injure", "wound", "hospitalise", "hospitalize") | {"hurt"}
TOOK_LIVES = inflect("claim", "cost") | frozenset("take takes took taken taking".split())
# Animals counted in a drought, flood or epidemic: their deaths are losses of stock, not a human toll.
ANIMAL_NOUNS = frozenset("animal livestock cattle cow sheep goat camel pig horse donkey chicken poultry bird fish".split())
HOSPITAL_WORDS = frozenset("hospital hospitals clinic clinics infirmary".split())
# People moved by force ("deported to Russia") are displaced wherever they were taken, never refugees.
DEPORTED_WORDS = inflect("deport")
DISPLACED_WORDS = inflect("displace", "evacuate", "uproot") | {"homeless", "fled", "flee", "fleeing", "flees"} | DEPORTED_WORDS
LEAVE_WORDS = inflect("abandon") | frozenset("leave leaves left leaving".split())
HOME_WORDS = frozenset("home homes house houses village villages town towns".split())
# Verbs whose subject undergoes what they say, even with an object: "thousands fled the city".
# People who cross into another country are refugees ("100,000 people have crossed into Poland").
CROSS_WORDS = inflect("cross")
# Those who, crossing into another country, are refugees (not workers, fans or troops crossing for their own ends).
CROSSING_PEOPLE = frozenset("people persons civilians families women children residents".split())
UNDERGONE = frozenset("fled flee flees fleeing died die dies perished escaped".split())
PRISONER_WORDS = inflect("capture", "detain", "arrest", "abduct", "kidnap", "seize") | {"taken", "held"}
MISSING_WORDS = {"missing", "unaccounted"}
# A bare number that counts inhabitants: "a population of 40 million", "(pop. 1.5 million)", "2 million live there".
POPULATION_WORDS = frozenset("population populations pop inhabitants".split())
LIVE_WORDS = inflect("live", "reside", "dwell")
# Nouns whose level is an age in years: "life expectancy is around 73", "the retirement age rises to 64".
AGE_NOUNS = frozenset("age expectancy lifespan life-span".split())
PLACE_NOUNS = frozenset("nation country city town state island region republic kingdom".split())  # "a city of 2 million"
REFUGEE_DIRECTIONS = {"into", "to", "across", "abroad"}

# Verbs whose subject is the source of a figure in their object or complement.
SPEECH_VERBS = inflect(
    "state", "report", "announce", "confirm", "note", "add", "claim", "estimate", "warn", "indicate",
    "reveal", "disclose", "assert", "insist", "acknowledge", "allege", "believe", "assess", "suggest",
    "count", "record", "document", "tally", "declare", "explain", "brief", "inform", "testify",
    "conclude", "calculate", "project", "predict", "forecast", "expect", "cite", "quote", "tweet",
    "stress", "emphasise", "emphasize", "argue", "observe",
    "mention", "detail", "describe", "verify", "register", "log", "accuse", "deny", "show",
    "revise", "identify",
) | {"said", "say", "says", "saying", "told", "tell", "tells", "telling", "wrote", "writes", "written",
     "shown", "found", "finds", "admitted", "admits", "admit", "thinks", "thought", "put", "puts", "putting",
     "estimated", "according"}
# Verbs that give figures only through a document ("issued a bulletin giving 6,408,844 votes").
DOCUMENT_VERBS = inflect("issue", "release", "publish", "post", "update", "circulate")
DOCUMENT_NOUNS = frozenset(
    "bulletin bulletins report reports statement statements figures data results tally count estimate "
    "estimates update list assessment communique communiqué release briefing".split()
)
# Whoever puts, raises or revises a toll or a figure is its source ("put turnout at 59 per cent").
OWN_FIGURE_NOUNS = frozenset("number toll figure figures count total tally estimate estimates turnout".split())
ADD_FORMS = inflect("add")
# Nouns that carry a figure for someone ("reports that thousands...", "the UN's estimate of 5,000").
SOURCE_NOUNS = frozenset(
    "report reports claim claims estimate estimates assessment assessments statement statements data "
    "figures survey surveys study studies analysis count tally census intelligence sources reporting "
    "briefing briefings findings bulletin bulletins poll polls polling".split()
)
# Indefinite pronouns a report speaks of people by, naming no one who gives a figure ("many expect", "some say").
INDEFINITE_SPEAKERS = frozenset("many some others few most several".split())
NO_SPEAKER = frozenset("it this that which who what there".split()) | INDEFINITE_SPEAKERS

STAGE_INITIAL = frozenset("initial initially first preliminary".split())
STAGE_FIRST_NOUNS = frozenset("batch wave contingent group deployment tranche phase".split())
STAGE_ADDITIONAL = frozenset("additional more another extra further fresh reinforcement reinforcements".split())
STAGE_TOTAL = frozenset("total overall altogether cumulative totalling totaling totalled totaled".split())
STAGE_INCREASE = inflect("increase", "rise", "grow", "climb", "swell", "jump", "surge", "soar", "expand",
                         "boost", "raise", "double", "triple", "balloon", "mount") | {"rose", "grew", "risen", "grown"}
STAGE_POTENTIAL = frozenset("potential possible potentially possibly could may might".split())

STATUS_POSSIBLE = frozenset("reportedly allegedly purportedly could may might possibly potentially perhaps "
                            "likely probably".split())
STATUS_CONFIRMED = frozenset("confirmed confirm confirms confirming verified verifies".split())
STATUS_EXPECTED = frozenset("expected expects expect anticipated projected forecast forecasts will 'll "
                            "set scheduled due".split())
NEGATIONS = frozenset("not n't never no".split())

# Words before a number that make it a label, not a quantity ("page 12", "Resolution 2231").
LABEL_WORDS = frozenset(
    "p. pp. p pp page pages section sections article articles chapter chapters paragraph para clause "
    "no. number # resolution rule amendment vol. vol volume issue table figure fig. fig item point "
    "route highway flight room platform gate unit apartment apt. suite box code tel tel. phone call "
    "ext. ext annex appendix verse line lines level grade block building floor category image photo picture "
    "slide".split()
)
# Entity labels whose numbers are names, dates or ranks rather than quantities.
# Street words that make "number + name + word" an address ("575 Wilbraham Road").
STREET_WORDS = frozenset(
    "road rd street st avenue ave lane ln way drive dr boulevard blvd place pl square court ct terrace "
    "crescent close highway parkway row walk".split())
# Modifiers of a counted noun that say nothing of its kind ("1,000 more troops").
# Adjectives of a continent or region, which name no owner: they narrow what is counted ("seven European countries").
REGION_ADJECTIVES = frozenset("european african asian arab nordic scandinavian baltic balkan caribbean".split())
NOT_KIND_WORDS = frozenset("more other additional extra further new own such total estimated".split())
# Ammunition and guns named by their calibre ("155mm shells"): the number names the kind.
CALIBRE_NOUNS = frozenset("shell shells round rounds artillery gun guns howitzer howitzers mortar mortars cannon cannons "
                          "ammunition munitions rocket rockets bullet bullets cartridge cartridges".split())
SKIP_ENTS = frozenset("DATE TIME ORDINAL LAW PRODUCT WORK_OF_ART EVENT FAC ORG PERSON GPE LOC NORP LANGUAGE".split())
# Determiners and possessives before a small spelled number make it a reference ("the two leaders").
REFERRING = frozenset("the these those its their both all his her our your my each every such".split())
PRONOUN_ONE_NEXT = frozenset("of that who which another thing".split())
# Units that "one" takes in ways of speaking, not measures: "at one point", "set one foot in", "not one inch".
IDIOM_UNITS = frozenset(("point", "foot", "inch"))
# Stock indices named by how many shares they hold: the word before the number and the number.
INDEX_NAMES = frozenset((name, float(size)) for name, sizes in {
    "s&p": (100, 400, 500, 600), "sp": (500,), "ftse": (100, 250, 350), "nikkei": (225,), "dax": (30, 40),
    "cac": (40,), "stoxx": (50, 600), "russell": (1000, 2000, 3000), "asx": (200,), "ibex": (35,), "nifty": (50,),
    "kospi": (200,), "aex": (25,), "smi": (20,), "omx": (30,), "wig": (20,), "bux": (20,), "tsx": (60,),
}.items() for size in sizes)

# What respondents do when a poll asks them: the verbs and adjectives of a share that holds a view ("72 percent
# oppose", "47 percent are concerned").
OPINION_VERBS = frozenset(
    "say think believe support oppose back approve disapprove favour favor want agree disagree trust distrust expect "
    "fear prefer reject blame feel worry view consider rate like dislike".split())
OPINION_ADJECTIVES = frozenset(
    "concerned opposed worried satisfied dissatisfied confident optimistic pessimistic unsure undecided supportive "
    "favourable favorable unfavourable unfavorable afraid".split())

# Nouns for a body that speaks for itself ("the fire service", "the ministry", "organisers").
BODY_NOUNS = frozenset(
    "ministry ministries service services agency agencies office department police army military government "
    "authorities council committee commission organisers organizers union unions monitors observers".split())
