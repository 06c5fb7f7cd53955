"""Words that tell an actor's name from its surroundings: heads of event, weapon and site names, nouns
of places and facets, prepositions of place. Shared by the span checks and the resolution of one span."""

from __future__ import annotations

from storyline.nlp.actor_roles import TITLE_WORDS

# Compass words: "the West", "Western officials", "the Western Nato alliance". A direction is not an
# actor; in front of a name it is a descriptor to strip.
COMPASS = {"west", "western", "east", "eastern", "north", "northern", "south", "southern"}
# Head nouns of the name of an event or an agreement ("the Munich Security Conference", "the Cuban
# Missile Crisis", "the Minsk Protocol"): not actors.
EVENT_HEADS = {"conference", "summit", "games", "olympics", "championship", "championships",
               "festival", "exercise", "exercises", "drills", "drill", "expo", "cup", "marathon", "dialogue",
               "crisis", "war", "revolution", "uprising", "invasion", "election", "elections", "referendum",
               "accord", "accords", "agreement", "treaty", "pact", "protocol", "charter", "decree", "declaration",
               "memorandum", "formula", "doctrine", "breakfast", "initiative", "statute", "convention", "conventions",
               "talks", "negotiations", "riots", "protests", "massacre", "landings", "offensive", "counteroffensive",
               "blockade", "ceasefire", "truce", "coup", "genocide"}
# Head nouns of a standing body that is also a meeting ("the Pacific Islands Forum" as against "at the
# World Urban Forum"): an event only where the report says it is attended or held, otherwise a body, never
# a place.
BODY_OR_EVENT_HEADS = {"forum"}
# Nouns that open the name of a battle or a siege ("the Battle of Mosul", "the Fall of Kabul").
BATTLE_HEADS = {"siege", "battle", "fall", "liberation", "sack", "massacre", "bombing"}
# Nouns that open the name of an agreement or a document ("the Treaty on ...", "the Charter of ...").
DOCUMENT_HEADS = {"treaty", "charter", "convention", "protocol", "agreement", "accord", "declaration", "memorandum",
                  "pact", "decree", "resolution", "statute"}
# Head nouns of the name of a weapon or vehicle ("Bradley Infantry Fighting Vehicles"): things.
THING_HEADS = {"vehicle", "vehicles", "tank", "tanks", "missile", "missiles", "rocket", "rockets", "drone", "drones",
               "howitzer", "howitzers", "launcher", "launchers", "rifle", "rifles", "jet", "jets", "aircraft",
               "helicopter", "helicopters", "frigate", "destroyer", "submarine", "warship", "warships", "bomber",
               "bombers", "warplane", "warplanes", "artillery", "gun", "guns", "interceptor", "interceptors"}
# Nouns of a ship, a boat or a train: a name right after one ("the landing ship Caesar Kunikov"), before one
# ("the Ivan Franko express train") or set beside one ("the Ivan Khurs, a reconnaissance vessel") is the
# vessel's, not a person's or a body's ("carrier" only as "bulk", "cargo" or "aircraft carrier": "the mobile
# carrier Kyivstar" is a body).
VESSEL_NOUNS = {"ship", "vessel", "boat", "cruiser", "frigate", "corvette", "destroyer", "submarine", "warship",
                "flagship", "tanker", "freighter", "ferry", "icebreaker", "trawler", "yacht", "tugboat", "barge",
                "minesweeper", "cutter", "train", "locomotive"}
CARRIER_KINDS = {"bulk", "cargo", "aircraft", "helicopter", "container"}
# Words that say what kind of vessel a name's noun is: "the Sapsan express train", "the Eagle S oil tanker".
VESSEL_KINDS = {"express", "passenger", "freight", "cargo", "patrol", "landing", "missile", "container", "grain",
                "oil", "night", "research", "cruise", "hospital", "supply", "reconnaissance", "intelligence"}
# Words of the name of a railway, an airline or a shipping line ("Rail Baltica", "Wizz Airways"): a body's
# name, never a person's.
TRANSPORT_WORDS = {"rail", "railway", "railways", "railroad", "airlines", "airways", "shipping"}
# Prefixes of a ship's name: "MV Brave Commander", "HMS Defender".
SHIP_PREFIXES = {"MV", "MS", "MT", "SS", "HMS", "USS", "RFS", "INS", "HMAS", "HMCS"}
# Title words that end an office's name and never a body's ("National Security Advisor").
TITLE_ENDS = {"advisor", "adviser", "director", "spokesperson", "spokesman", "spokeswoman", "minister", "secretary",
              "ambassador", "envoy", "chairman", "chairwoman", "commissioner", "commander", "counsellor", "counselor",
              "administrator", "rapporteur", "coordinator"}
# Head nouns of a named site ("Hostomel Airfield", "Trezzini Palace Hotel"): a place, not a person or body.
SITE_HEADS = {"airfield", "airport", "airbase", "hotel", "isthmus", "station", "dam", "bridge", "refinery", "port",
              "stadium", "square", "plant", "shipyard", "terminal", "mine", "kurgan", "highway", "motorway",
              "palace", "castle", "cathedral", "monastery"}
# Words that name a newspaper, broadcaster or publication: "Diario La Nacion", "Gazeta", "Kyiv Post".
MEDIA_WORDS = {"times", "post", "journal", "herald", "tribune", "gazette", "gazeta", "gazzetta", "diario", "daily",
               "radio", "tv", "television", "news", "telegraph", "press", "magazine", "weekly", "pravda",
               "izvestia", "zeitung", "playbook", "courier", "observer", "chronicle", "monitor", "dispatch"}
# Verbs whose object is where someone goes: "struggled to reach Rara", "fled Kalikot".
MOTION_VERBS = {"reach", "reached", "reaching", "enter", "entered", "entering", "flee", "fled", "fleeing",
                "evacuate", "evacuated", "evacuating", "shell", "shelled", "shelling", "bomb", "bombed",
                "bombing", "capture", "captured", "capturing", "recapture", "recaptured", "liberate",
                "liberated", "occupy", "occupied", "encircle", "encircled", "besiege", "besieged",
                "annex", "annexed", "annexing", "neighbouring", "neighboring", "surround", "surrounded",
                "tour", "toured", "touring", "visit", "visited", "visiting"}
# Nouns whose "of"-phrase names a place: "the annexation of Crimea", "the outskirts of Kalikot".
PLACE_OF_NOUNS = {"annexation", "occupation", "invasion", "siege", "shelling", "bombardment", "outskirts",
                  "suburbs", "outskirt", "takeover", "take-over", "peninsula", "part", "parts", "residents",
                  "mayor", "governor", "assault", "fall", "battle", "liberation", "encirclement", "evacuation"}
# Nouns of fighting whose "for"-phrase names a place: "the battle for Mosul".
FIGHT_NOUNS = {"battle", "battles", "fight", "fighting", "struggle"}
# Common nouns that make the name before them an event: "Nato exercise Steadfast Defender".
EVENT_NOUNS = {"exercise", "exercises", "drills", "drill", "operation", "summit", "conference", "games",
               "festival", "tournament", "campaign", "offensive", "storm", "hurricane", "typhoon", "cyclone"}
# Nouns after a name that keep it an actor: "Hamas fighters", "Wagner group", "Tesla shares" are not
# kept, but "the Azov battalion" is the battalion's own name.
ACTOR_NOUNS = TITLE_WORDS | {
    "group", "groups", "movement", "party", "militia", "militias", "battalion", "brigade", "regiment",
    "alliance", "company", "agency", "bank", "coalition", "network", "government", "administration",
    "troops", "soldiers", "forces", "military", "army", "navy", "fighters", "officials", "authorities",
    "members", "supporters", "leadership", "regime", "ministry", "lawmakers", "leaders", "cabinet",
    "people", "citizens", "civilians", "residents", "population", "delegation", "team", "office",
    "council", "committee", "commission", "court", "parliament", "police", "staff", "workers",
    "region", "oblast", "province", "city", "district", "border", "area", "county", "town", "village",
}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "our", "your", "their", "its", "his",
               "her", "my", "every", "each", "any", "some", "no"}
# Nouns after a demonym that make the phrase an actor's facet: "North Korean troops".
FACETS = {
    "military": {"troops", "soldiers", "forces", "military", "army", "navy", "units", "personnel",
                 "fighters", "officers", "commanders", "battalions", "brigades", "marines", "sailors"},
    "government": {"government", "officials", "authorities", "leadership", "regime", "ministry",
                   "diplomats", "administration", "officers", "lawmakers", "leaders", "cabinet"},
    "people": {"people", "citizens", "civilians", "nationals", "workers", "residents", "population"},
}
# Generic nouns after a place name ("the Kursk region": the place is Kursk) and named
# features that are part of the name ("the Korean Peninsula").
GENERIC_PLACE_NOUNS = {"region", "oblast", "province", "city", "district", "border", "front", "area",
                       "county", "governorate", "prefecture", "municipality", "town", "village", "neighborhood",
                       "neighbourhood", "suburb", "raion", "krai", "estate", "camp", "township"}
ADMIN_NOUNS = {"oblast", "province", "governorate", "prefecture", "county"}
# Nouns that, after a city's name, name the province around it and named for it ("the Kharkiv region",
# "Kharkiv oblast"): a place of its own, not the city.
CITY_REGION_NOUNS = {"region", "oblast", "province", "governorate", "prefecture", "raion", "krai"}
FEATURE_NOUNS = {"peninsula", "valley", "river", "sea", "island", "islands", "strait", "gulf", "mountains", "basin",
                 "delta", "coast", "desert", "highlands", "plateau"}
PLACE_NOUNS = GENERIC_PLACE_NOUNS | FEATURE_NOUNS
STORM_WORDS = {"typhoon", "hurricane", "cyclone", "storm", "tropical", "super-typhoon"}
LOCATIVE = {"in", "at", "near", "from", "to", "into", "across", "around", "outside", "inside", "toward", "towards"}
TYPE_OF_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                 "FAC": "place", "PRODUCT": "other", "NORP": "group"}
# Verbs of travel whose "to"-phrase names where someone went: "travelled to Tambobamba".
TRAVEL_VERBS = {"travel", "travels", "travelled", "traveled", "travelling", "traveling", "go", "goes", "went",
                "going", "fly", "flies", "flew", "flown", "flying", "move", "moved", "moving", "return",
                "returned", "returning", "head", "headed", "heading", "drive", "drove", "driven", "sail",
                "sailed", "march", "marched", "walk", "walked", "deploy", "deployed", "sent", "send",
                "relocate", "relocated", "evacuated", "transferred", "airlifted", "trekked", "journeyed"}
# Feasts and holidays: "the Easter message", "before Ramadan" name a time, not an actor or a place.
HOLIDAYS = {"easter", "christmas", "ramadan", "eid", "diwali", "passover", "hanukkah", "thanksgiving", "lent",
            "advent", "nowruz", "navruz", "ashura", "yom", "kippur", "hajj", "halloween", "whitsun", "epiphany"}
