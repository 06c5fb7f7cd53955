"""Currency symbols, codes, words and national adjectives, mapped to ISO 4217 codes."""

from __future__ import annotations

import pycountry

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "₽": "RUB", "rub": "RUB",
    "₴": "UAH", "uah": "UAH", "₩": "KRW", "krw": "KRW", "₦": "NGN", "ngn": "NGN", "₱": "PHP", "php": "PHP",
    "c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD", "hk$": "HKD", "hkd": "HKD", "nz$": "NZD",
    "s$": "SGD", "chf": "CHF", "cny": "CNY", "rmb": "CNY", "mxn": "MXN", "brl": "BRL", "r$": "BRL",
    "zar": "ZAR", "kes": "KES", "rm": "MYR", "hk": "HKD", "egp": "EGP", "sar": "SAR", "aed": "AED", "ils": "ILS", "try": "TRY", "pln": "PLN", "sek": "SEK", "nok": "NOK",
    "byn": "BYN", "₺": "TRY", "₪": "ILS", "₫": "VND", "₸": "KZT", "₾": "GEL", "₼": "AZN", "৳": "BDT", "฿": "THB",
    "₵": "GHS", "₡": "CRC", "₮": "MNT", "₭": "LAK",
}
# Prefixes written in one token with the number ("RM23.50", "A$82m", "PS8.1bn" where a "£" was
# mangled into "PS", "Y=28,030" for a mangled "¥"). Case matters for the letters-only ones.
CURRENCY_PREFIXES = {
    "$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "PS": "GBP",
    "¥": "JPY", "Y=": "JPY", "JPY": "JPY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "INR": "INR", "₽": "RUB",
    "₴": "UAH", "₩": "KRW", "₦": "NGN", "₱": "PHP", "RM": "MYR", "A$": "AUD", "AU$": "AUD", "$A": "AUD",
    "$US": "USD", "HK$": "HKD", "NZ$": "NZD", "C$": "CAD", "CA$": "CAD", "S$": "SGD", "R$": "BRL",
    "CHF": "CHF", "CNY": "CNY", "RMB": "CNY", "AUD": "AUD", "CAD": "CAD", "HKD": "HKD", "NZD": "NZD",
    "SGD": "SGD", "ZAR": "ZAR", "KES": "KES", "NGN": "NGN", "EGP": "EGP", "SAR": "SAR", "AED": "AED",
    "KSh": "KES", "TSh": "TZS", "USh": "UGX", "Br": "BYN", "BYN": "BYN", "₺": "TRY", "₪": "ILS", "₫": "VND",
    "₸": "KZT", "₾": "GEL", "₼": "AZN", "৳": "BDT", "฿": "THB", "₵": "GHS", "GH₵": "GHS", "₡": "CRC", "₮": "MNT",
    "₭": "LAK",
}
# Prefixes in mixed case that are written spaced from the number too ("KSh 45 million", "TSh 2,000"): matched
# as written; "PS" (a mangled "£") and "Br" are left out, being words or initials when spaced.
SPACED_PREFIXES = frozenset(p for p in CURRENCY_PREFIXES if p not in ("PS", "Br") and p.isalpha()
                            and not p.isupper() and not p.islower())
# Local symbols in letters, written after the number as the currency's own country writes them
# (CLDR's symbol for its locale: "200 zł", "1 500 Kč"); matched as written. Left out: "kn" (also
# knots), "Ft" (also feet), "kr" (four crowns).
LOCAL_SYMBOLS = {"zł": "PLN", "Kč": "CZK", "лв": "BGN", "лв.": "BGN", "GH₵": "GHS", "Gs.": "PYG"}
# ISO 4217 codes that are also English words or common initials in capitals ("ALL", "TOP", "CUP",
# "CVE" a vulnerability's id): read as a currency beside a number only when the tables above name them.
WORD_CODES = frozenset("ALL TOP CUP MOP PEN MAD BOB GEL SOS ANG AMD LAK MNT BAM XXX XTS CVE STD".split())
# Currency words after the number; a national adjective before them picks the country.
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "ruble": "RUB", "rouble": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "won": "KRW",
    "rupee": "INR", "peso": None, "franc": "CHF", "shilling": "KES", "naira": "NGN", "rand": "ZAR",
    "riyal": "SAR", "dirham": "AED", "dinar": None, "lira": "TRY", "zloty": "PLN", "zlotys": "PLN",
    "shekel": "ILS", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "dong": "VND", "taka": "BDT",
    "birr": "ETB", "cedi": "GHS", "kwacha": "ZMW", "real": "BRL", "reais": "BRL", "krona": "SEK",
    "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "crown": None, "koruna": "CZK", "forint": "HUF", "leu": "RON", "lei": "RON",
}
CURRENCY_ADJECTIVES = {
    "canadian": "CAD", "australian": "AUD", "hong kong": "HKD", "singapore": "SGD", "new zealand": "NZD",
    "taiwan": "TWD", "taiwanese": "TWD", "zimbabwean": "ZWL", "mexican": "MXN", "philippine": "PHP",
    "argentine": "ARS", "argentinian": "ARS", "colombian": "COP", "chilean": "CLP", "cuban": "CUP",
    "dominican": "DOP", "uruguayan": "UYU", "pakistani": "PKR", "sri lankan": "LKR", "nepalese": "NPR",
    "indian": "INR", "ugandan": "UGX", "tanzanian": "TZS", "kenyan": "KES", "somali": "SOS", "swiss": "CHF",
    "cfa": "XOF", "egyptian": "EGP", "lebanese": "LBP", "syrian": "SYP", "sudanese": "SDG", "iraqi": "IQD",
    "jordanian": "JOD", "kuwaiti": "KWD", "libyan": "LYD", "tunisian": "TND", "algerian": "DZD",
    "bahraini": "BHD", "saudi": "SAR", "qatari": "QAR", "uae": "AED", "emirati": "AED", "turkish": "TRY",
    "danish": "DKK", "norwegian": "NOK", "swedish": "SEK", "czech": "CZK", "icelandic": "ISK", "russian": "RUB", "ukrainian": "UAH",
    "brazilian": "BRL", "south african": "ZAR", "nigerian": "NGN", "japanese": "JPY", "chinese": "CNY",
    "us": "USD", "u.s.": "USD", "american": "USD", "british": "GBP", "korean": "KRW", "south korean": "KRW",
}
# Countries named nearby that settle an ambiguous "pesos" or "dinars".
CURRENCY_BY_PLACE = {
    "philippines": "PHP", "mexico": "MXN", "argentina": "ARS", "colombia": "COP", "chile": "CLP",
    "cuba": "CUP", "uruguay": "UYU", "dominican republic": "DOP", "iraq": "IQD", "jordan": "JOD",
    "kuwait": "KWD", "libya": "LYD", "tunisia": "TND", "algeria": "DZD", "bahrain": "BHD", "serbia": "RSD",
    "denmark": "DKK", "sweden": "SEK", "norway": "NOK", "czech republic": "CZK", "czechia": "CZK", "iceland": "ISK",
}
# A currency's name as a unit, singular (CLDR's English names, lower case): a figure's ``unit``
# ("dollar per barrel"). The US dollar is the unmarked "dollar", as English writes it, and so is the
# shekel (CLDR's "Israeli new shekel": no other shekel is in use); sterling keeps ISO 4217's "pound
# sterling", since a bare "pound" is also a weight.
CURRENCY_NAMES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen", "CNY": "chinese yuan",
    "AED": "united arab emirates dirham", "ARS": "argentine peso", "AUD": "australian dollar",
    "BDT": "bangladeshi taka", "BHD": "bahraini dinar", "BRL": "brazilian real", "BYN": "belarusian ruble", "CAD": "canadian dollar",
    "CHF": "swiss franc", "CLP": "chilean peso", "COP": "colombian peso", "CUP": "cuban peso",
    "CZK": "czech koruna", "DKK": "danish krone", "DOP": "dominican peso", "DZD": "algerian dinar",
    "EGP": "egyptian pound", "ETB": "ethiopian birr", "GHS": "ghanaian cedi", "HKD": "hong kong dollar",
    "HUF": "hungarian forint", "IDR": "indonesian rupiah", "ILS": "shekel", "INR": "indian rupee",
    "IQD": "iraqi dinar", "ISK": "icelandic krona", "JOD": "jordanian dinar", "KES": "kenyan shilling",
    "KRW": "south korean won", "KWD": "kuwaiti dinar", "LBP": "lebanese pound", "LKR": "sri lankan rupee",
    "LYD": "libyan dinar", "MXN": "mexican peso", "MYR": "malaysian ringgit", "NGN": "nigerian naira",
    "NOK": "norwegian krone", "NPR": "nepalese rupee", "NZD": "new zealand dollar", "PHP": "philippine peso",
    "PKR": "pakistani rupee", "PLN": "polish zloty", "QAR": "qatari riyal", "RON": "romanian leu",
    "RSD": "serbian dinar", "RUB": "russian ruble", "SAR": "saudi riyal", "SDG": "sudanese pound",
    "SEK": "swedish krona", "SGD": "singapore dollar", "SOS": "somali shilling", "SYP": "syrian pound",
    "THB": "thai baht", "TND": "tunisian dinar", "TRY": "turkish lira", "TWD": "new taiwan dollar",
    "TZS": "tanzanian shilling", "UAH": "ukrainian hryvnia", "UGX": "ugandan shilling", "UYU": "uruguayan peso",
    "VND": "vietnamese dong", "XOF": "west african cfa franc", "ZAR": "south african rand",
    "ZMW": "zambian kwacha", "ZWL": "zimbabwean dollar", "GBX": "penny sterling", "KZT": "kazakhstani tenge",
    "GEL": "georgian lari", "AZN": "azerbaijani manat", "CRC": "costa rican colon", "MNT": "mongolian tugrik",
    "LAK": "laotian kip", "BGN": "bulgarian lev", "PYG": "paraguayan guarani",
}


def iso_code(word: str) -> str | None:
    """An ISO 4217 code written after a number in capitals ("1,500 CZK"), also as a price quote's
    instrument code ("108.79 JPY="); None for other words."""
    code = word[:-1] if word.endswith("=") else word
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        return None
    if code.lower() in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[code.lower()]
    if code in WORD_CODES:
        return None
    return code if pycountry.currencies.get(alpha_3=code) is not None else None


def currency_name(code: str) -> str | None:
    """A currency's name as a unit, singular, lower case: the table above, else ISO 4217's name."""
    if code in CURRENCY_NAMES:
        return CURRENCY_NAMES[code]
    found = pycountry.currencies.get(alpha_3=code) if len(code) == 3 else None
    return found.name.lower() if found is not None else None
