"""Units of measurement written after a number: surface forms mapped to one name each.

Names follow the SI spelling that pint uses (``metre``, ``kilogram``, ``mile per hour``);
``storyline.nlp.numbers`` reads them after a number, glued ("50mph", "10kW") or spaced
("5.5 kWh", "miles per hour"). Durations keep their plural as the measure ("years"). ``canonical`` gives the unit's name for
a figure's ``unit`` field: singular, in words, durations included ("year", "dollar per barrel").
"""

from __future__ import annotations

# name: surface forms. Forms in this table are matched case-insensitively, except the
# CASED ones below, where case separates units ("W" watt, "w" nothing; "F" farad).
_UNITS = {
    "metre": "m metre metres meter meters",
    "kilometre": "km kms kilometre kilometres kilometer kilometers",
    "centimetre": "cm centimetre centimetres centimeter centimeters",
    "millimetre": "mm millimetre millimetres millimeter millimeters",
    "micrometre": "μm µm micron microns micrometre micrometres micrometer micrometers",
    "nanometre": "nanometre nanometres nanometer nanometers",
    "mile": "mile miles mi",
    "foot": "ft foot feet",
    "inch": "in. inch inches ″",
    "yard": "yd yds yard yards",
    "square metre": "m2 m² sqm",
    "square kilometre": "km2 km² sqkm",
    "square foot": "sqft",
    "cubic metre": "m3 m³",
    "hectare": "ha hectare hectares",
    "acre": "acre acres",
    "kilogram": "kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes",
    "gram": "g gram grams gramme grammes",
    "milligram": "mg milligram milligrams",
    "microgram": "μg µg microgram micrograms",
    "pound-mass": "lb lbs",
    "ounce": "oz ounce ounces",
    "metric ton": "tonne tonnes t",
    "ton": "ton tons",
    "gigaton": "gigaton gigatons gigatonne gigatonnes",
    "litre": "l litre litres liter liters",
    "millilitre": "ml millilitre millilitres milliliter milliliters",
    "gallon": "gallon gallons gal",
    "quart": "quart quarts qt",
    "pint": "pint pints",
    "barrel": "barrel barrels bbl",
    "barrel per day": "barrel-a-day bpd",
    "mile per hour": "mph",
    "kilometre per hour": "km/h kmh kph km/hr",
    "metre per second": "m/s",
    "mile per gallon": "mpg",
    "knot": "knot knots kt kts",
    "celsius": "°c ºc celsius centigrade c",
    "fahrenheit": "°f ºf fahrenheit f",
    "degree": "° degree degrees",
    "watt": "w watt watts",
    "kilowatt": "kw kilowatt kilowatts",
    "megawatt": "mw megawatt megawatts",
    "gigawatt": "gw gigawatt gigawatts",
    "kilowatt hour": "kwh kilowatt-hour kilowatt-hours",
    "megawatt hour": "mwh megawatt-hour megawatt-hours",
    "gigawatt hour": "gwh gigawatt-hour gigawatt-hours",
    "terawatt hour": "twh terawatt-hour terawatt-hours",
    "volt": "v volt volts",
    "kilovolt": "kv kilovolt kilovolts",
    "kilovolt per centimetre": "kv/cm",
    "ampere": "a amp amps ampere amperes",
    "ampere per square centimetre": "a/cm2 a/cm²",
    "milliampere-hour": "mah milliampere-hour milliampere-hours",
    "farad": "f farad farads",
    "hertz": "hz hertz",
    "kilohertz": "khz kilohertz",
    "megahertz": "mhz megahertz",
    "gigahertz": "ghz gigahertz",
    "horsepower": "hp horsepower ps",
    "brake horsepower": "bhp",
    "newton metre": "nm",
    "pound-foot": "lb-ft pound-feet pound-foot",
    "revolutions per minute": "rpm",
    "pascal": "pa pascal pascals",
    "gigapascal": "gpa gigapascal gigapascals",
    "bar": "bar bars",
    "byte": "byte bytes",
    "kilobyte": "kb kilobyte kilobytes",
    "megabyte": "mb megabyte megabytes",
    "gigabyte": "gb gigabyte gigabytes",
    "terabyte": "tb terabyte terabytes",
    "megabit per second": "mbps mb/s",
    "gigabit per second": "gbps gb/s",
    "decibel": "db decibel decibels",
    "calorie": "calorie calories kcal",
    "joule": "j joule joules",
    "kilojoule": "kj kilojoule kilojoules",
    "megajoule": "mj megajoule megajoules",
    "british thermal unit": "btu btus",
    "mega british thermal unit": "mmbtu mmbtus",
    "terawatt": "tw terawatt terawatts",
    "kilopascal": "kpa kilopascal kilopascals",
    "megapascal": "mpa megapascal megapascals",
    "hectopascal": "hpa hectopascal hectopascals",
    "millibar": "mbar millibar millibars",
    "pound per square inch": "psi",
    "sievert": "sv sievert sieverts",
    "millisievert": "msv millisievert millisieverts",
    "microsievert": "μsv µsv microsievert microsieverts",
    "becquerel": "bq becquerel becquerels",
    "millisecond": "ms millisecond milliseconds",
    "kiloton": "kiloton kilotons kilotonne kilotonnes",
    "megaton": "megaton megatons megatonne megatonnes",
    "petabyte": "pb petabyte petabytes",
    "carat": "carat carats",
    "teaspoon": "tsp teaspoon teaspoons",
    "tablespoon": "tbsp tablespoon tablespoons",
    "light-year": "light-year light-years",
    "kilometre per second": "km/s",
    "parts-per-million": "ppm",
    "parts-per-billion": "ppb",
    "basis point": "bps",
    "point": "point points pts",
    "cent": "cent cents",
}
# Durations: the plural is the measure (as the figure tables already name them).
_DURATIONS = {
    "years": "year years yr yrs", "months": "month months", "weeks": "week weeks wk wks",
    "days": "day days", "hours": "hour hours hr hrs h", "minutes": "minute minutes min mins",
    "seconds": "second seconds sec secs",
}
# Forms whose case carries meaning: matched only as written.
CASED = {"W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "F": "farad", "A": "ampere",
         "V": "volt", "kV": "kilovolt", "C": "celsius", "Nm": "newton metre", "nm": "nanometre",
         "PS": "horsepower", "Pa": "pascal", "MB": "megabyte", "Mb": "megabit", "GB": "gigabyte",
         "TB": "terabyte", "kB": "kilobyte", "KB": "kilobyte", "J": "joule", "TW": "terawatt", "Sv": "sievert",
         "mSv": "millisievert", "Bq": "becquerel", "PB": "petabyte", "MJ": "megajoule", "kJ": "kilojoule",
         "MWe": "megawatt electric", "GWe": "gigawatt electric", "TEU": "twenty-foot equivalent unit",
         "TEUs": "twenty-foot equivalent unit", "boe": "barrel of oil equivalent", "BOE": "barrel of oil equivalent"}
# Lower-case forms too common as words, or ambiguous in lower case, to be read as a unit
# when spaced from the number ("5 in the list", "2 a day"); they still count when glued ("5in").
GLUED_ONLY = {"in.", "in", "a", "t", "l", "g", "f", "c", "v", "w", "h", "s", "min", "mi", "ha", "pa", "nm",
              "hp", "ps", "db", "bar", "bars", "kt", "sec", "hr", "yr", "wk", "gal", "ft", "m",
              "j", "ms", "sv", "bq", "pb", "tw", "mj", "kj", "tsp", "mpa"}

# Of those, forms that are units when spaced too, written exactly so ("300 hp"; "HP" is a company).
SPACED_AS_WRITTEN = {"hp", "kt"}

UNITS: dict[str, str] = {f: name for name, forms in _UNITS.items() for f in forms.split()}
DURATIONS: dict[str, str] = {f: name for name, forms in _DURATIONS.items() for f in forms.split()}

MULTIWORD = {
    "sq m": "square metre", "square metre": "square metre", "square metres": "square metre",
    "square meter": "square metre", "square meters": "square metre", "sq km": "square kilometre",
    "square kilometre": "square kilometre", "square kilometres": "square kilometre",
    "square kilometer": "square kilometre", "square kilometers": "square kilometre", "sq mi": "square mile",
    "square mile": "square mile", "square miles": "square mile", "sq ft": "square foot",
    "square foot": "square foot", "square feet": "square foot", "cu ft": "cubic foot",
    "cubic foot": "cubic foot", "cubic feet": "cubic foot", "cubic metre": "cubic metre",
    "cubic metres": "cubic metre", "cubic meter": "cubic metre", "cubic meters": "cubic metre",
    "nautical mile": "nautical mile", "nautical miles": "nautical mile", "fl oz": "fluid ounce",
    "fluid ounce": "fluid ounce", "fluid ounces": "fluid ounce",
    "barrels a day": "barrel per day", "barrels per day": "barrel per day", "barrel - a - day": "barrel per day",
    "barrels - a - day": "barrel per day",
    "miles per hour": "mile per hour", "miles an hour": "mile per hour", "mile per hour": "mile per hour",
    "km / h": "kilometre per hour", "km / hr": "kilometre per hour",
    "kilometres per hour": "kilometre per hour", "kilometers per hour": "kilometre per hour",
    "kilometres an hour": "kilometre per hour", "kilometers an hour": "kilometre per hour",
    "metres per second": "metre per second", "meters per second": "metre per second",
    "miles per gallon": "mile per gallon", "degrees celsius": "celsius", "degree celsius": "celsius",
    "degrees centigrade": "celsius", "degrees fahrenheit": "fahrenheit", "degree fahrenheit": "fahrenheit",
    "kilowatt hour": "kilowatt hour", "kilowatt hours": "kilowatt hour", "megawatt hours": "megawatt hour",
    "megawatt hour": "megawatt hour", "gigawatt hours": "gigawatt hour", "gigawatt hour": "gigawatt hour",
    "terawatt hours": "terawatt hour", "kilovolts per centimetre": "kilovolt per centimetre",
    "kilovolts per centimeter": "kilovolt per centimetre", "kv / cm": "kilovolt per centimetre",
    "newton metres": "newton metre", "newton meters": "newton metre", "megabits per second": "megabit per second",
    "gigabits per second": "gigabit per second", "parts per million": "parts-per-million",
    "parts per billion": "parts-per-billion", "basis points": "basis point", "basis point": "basis point",
    "cubic kilometre": "cubic kilometre", "cubic kilometres": "cubic kilometre", "cubic kilometer": "cubic kilometre",
    "cubic kilometers": "cubic kilometre", "square inch": "square inch", "square inches": "square inch",
    "square yard": "square yard", "square yards": "square yard", "light year": "light-year", "light years": "light-year",
    "light - year": "light-year", "light - years": "light-year", "km / s": "kilometre per second",
    "pounds per square inch": "pound per square inch", "british thermal units": "british thermal unit",
    "british thermal unit": "british thermal unit", "troy ounce": "troy ounce", "troy ounces": "troy ounce",
    "lb - ft": "pound-foot", "pound - feet": "pound-foot", "pound - foot": "pound-foot", "a / cm2": "ampere per square centimetre",
}
MULTI = {tuple(form.split()): name for form, name in MULTIWORD.items()}
# The same units hyphenated before a noun, as the tokenizer splits them: "a 1,000-square-mile zone"
MULTI.update({tuple(" - ".join(form.split()).split()): name for form, name in MULTIWORD.items()
              if "-" not in form and len(form.split()) == 2})
# Customary measures written with the system they belong to ("42 US gallons", "20 imperial pints", "one US fluid
# ounce"): the same unit, its system said before it.
SYSTEM_WORDS = ("us", "u.s.", "imperial", "uk")
SYSTEM_UNITS = frozenset(("gallon", "quart", "pint", "fluid ounce", "ounce", "ton"))
MULTI.update({(system, *words): name for system in SYSTEM_WORDS
              for words, name in [*MULTI.items(), *(((form,), name) for form, name in UNITS.items())]
              if name in SYSTEM_UNITS and "-" not in words})
LONGEST = max(len(words) for words in MULTI)


def unit_name(form: str, glued: bool = False) -> str | None:
    """The unit one written form names ("kWh" -> kilowatt hour); ``glued`` when it touches the number.
    A full stop that the tokenizer kept on a sentence's last word ("250 kW.") is not part of the form."""
    if form.endswith(".") and len(form) > 1 and form.lower() not in UNITS:
        form = form[:-1]
    if form in CASED:
        return CASED[form]
    lower = form.lower()
    if lower in ("f", "c", "a", "v", "w", "ps", "pa") or form == "G":
        return None  # case decides these: "5F" is a farad, "5f" nothing; "5g" a gram, "5G" a network
    if not glued and lower in GLUED_ONLY and form not in SPACED_AS_WRITTEN:
        return None
    return UNITS.get(lower)


def duration_name(form: str, glued: bool = False) -> str | None:
    """The duration a written form names ("years"; "3min" glued), or None."""
    lower = form.lower()
    if not glued and lower in GLUED_ONLY | {"h", "s", "mins", "secs", "hrs", "yrs", "wks"}:
        return None
    return DURATIONS.get(lower)


def phrase_at(texts: list[str], glued: bool = False) -> tuple[int, str] | None:
    """The longest unit phrase at the start of ``texts`` (tokens as written): (tokens used, name)."""
    lower = [t.lower() for t in texts[:LONGEST]]
    for size in range(len(lower), 1, -1):
        if (name := MULTI.get(tuple(lower[:size]))) is not None:
            return size, name
    if texts and (name := unit_name(texts[0], glued)):
        return 1, name
    return None


# Plurals that the endings below get wrong; "people" and collective nouns stay as they are.
_IRREGULAR = {
    "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "geese": "goose", "oxen": "ox", "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf",
    "halves": "half", "shelves": "shelf", "wolves": "wolf", "thieves": "thief", "calves": "calf",
    "loaves": "loaf", "criteria": "criterion", "phenomena": "phenomenon", "crises": "crisis",
    "analyses": "analysis", "theses": "thesis", "diagnoses": "diagnosis", "hypotheses": "hypothesis",
    "causes": "cause", "houses": "house", "uses": "use", "excuses": "excuse", "pauses": "pause",
    "clauses": "clause", "abuses": "abuse", "muses": "muse", "fuses": "fuse", "buses": "bus", "gases": "gas",
    "quizzes": "quiz", "headaches": "headache", "niches": "niche", "caches": "cache", "avalanches": "avalanche",
    "moustaches": "moustache", "indices": "index", "matrices": "matrix", "vertices": "vertex",
    "cacti": "cactus", "fungi": "fungus", "nuclei": "nucleus", "radii": "radius", "stimuli": "stimulus",
    "alumni": "alumnus", "kronor": "krona", "kroner": "krone", "reais": "real", "lei": "leu",
    "movies": "movie", "cookies": "cookie", "rookies": "rookie", "zombies": "zombie", "pies": "pie",
    "ties": "tie", "lies": "lie", "toes": "toe", "foes": "foe", "shoes": "shoe", "canoes": "canoe",
}
# Singulars that end in "s" ("virus", "analysis", "class", "politics", "news", "series").
# Nouns in -use whose plural is not the -us plural of "viruses", "bonuses", "buses".
_USE_NOUNS = frozenset("abuses excuses fuses muses ruses refuses misuses overuses recluses".split())
_ENDS_IN_S = ("ss", "us", "is", "ics", "series", "species", "headquarters", "premises")
_INVARIANT = frozenset({"news", "means"})  # whole words only: "Crimeans" ends in "means"


def singular(word: str) -> str:
    """A plural noun's singular, lower case, by the regular English endings ("countries" -> "country",
    "viruses" -> "virus", "boxes" -> "box", "fishermen" -> "fisherman"); other words unchanged."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    last = lower.rsplit("-", 1)[-1]
    if last in _IRREGULAR:
        return lower[: -len(last)] + _IRREGULAR[last]  # "horse-shoes"
    if lower.endswith("men") and len(lower) > 5 and not lower.endswith(("amen", "ymen", "imen", "semen", "lumen")) \
            and (not lower.endswith("omen") or lower.endswith("women")):
        return lower[:-3] + "man"  # "fishermen", "chairmen"
    if word[:1].isupper() and lower.endswith("is") and not lower.endswith("sis") and len(lower) > 5:
        return lower[:-1]  # a people: "Yemenis", "Iraqis", "Pakistanis"
    if len(lower) <= 3 or not lower.endswith("s") or lower.endswith(_ENDS_IN_S) or last in _INVARIANT:
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ouses", "auses")) or last in _USE_NOUNS:
        return lower[:-1]  # "houses", "causes", "excuses": a noun ending in -use
    if lower.endswith(("uses", "sses", "shes", "ches", "xes", "zzes", "oes")):
        return lower[:-2]  # "viruses", "bonuses", "classes", "matches", "boxes", "heroes"
    return lower[:-1]


# The singular of each duration measure ("years" -> "year").
DURATION_SINGULAR = {name: name[:-1] for name in _DURATIONS}


def canonical(unit: str | None, per: str | None = None) -> str | None:
    """A figure's ``unit``: the unit's name, durations singular, with its denominator ("dollar per barrel")."""
    if unit is None:
        return None
    unit = DURATION_SINGULAR.get(unit, unit)
    return f"{unit} per {per}" if per else unit


# Statistics counted under their abbreviation ("0.5 WAR", "a 2.45 ERA", "102 RBIs", "3 TDs"): the name in
# words, singular. Matched as written (capitals, an optional plural "s"): "war" and "era" are words.
ABBREVIATIONS = {
    "WAR": "win above replacement", "ERA": "earned run average", "RBI": "run batted in", "TD": "touchdown",
    "PPG": "point per game", "RPG": "rebound per game", "APG": "assist per game", "SPG": "steal per game",
    "BPG": "block per game", "FG": "field goal", "KO": "knockout",
}


def abbreviation(word: str) -> str | None:
    """A statistic's name from its abbreviation as written ("RBIs" -> "run batted in"), or None."""
    if word in ABBREVIATIONS:
        return ABBREVIATIONS[word]
    return ABBREVIATIONS.get(word[:-1]) if word.endswith("s") and word[:-1].isupper() else None


def counted(written: str | None) -> str | None:
    """A counted noun as a unit: as written, lower case, its last word singular
    ("European countries" -> "european country", "first-team players" -> "first-team player"); a
    statistic's abbreviation spelled out ("102 RBIs" -> "run batted in")."""
    if not written or not written[0].isalpha():
        return None  # ".DXY", "-": a code or a mark, not a noun
    words = written.split()
    words = [w.lower() for w in words[:-1]] + [abbreviation(words[-1]) or singular(words[-1])]
    return " ".join(words)
