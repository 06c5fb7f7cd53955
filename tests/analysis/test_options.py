"""Policy options and implications: grouping of variants, stances, consequences, targets, and ids."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from storyline.analysis.corpus import Corpus
from storyline.analysis.entities import Entity
from storyline.analysis.implications import find_implications
from storyline.analysis.options import find_instruments, find_options, generic_option
from storyline.models import Mention, Statement

# Made-up states and bodies, so no fixture sentence speaks for a real one.
ACTORS = {
    "kb:ARV": ("Arvania", "state", ["Arvania"]),
    "kb:BEL": ("Belmora", "state", ["Belmora"]),
    "kb:CAS": ("Castria", "state", ["Castria"]),
    "kb:LU": ("Lowland Union", "igo", ["Lowland Union", "LU"]),
    "local:place:the-north-sea-rim": ("North Sea Rim", "place", ["North Sea Rim"]),
    "local:person:ida-marsh": ("Ida Marsh", "person", ["Ida Marsh"]),
    "local:person:tom-reyes": ("Tom Reyes", "person", ["Tom Reyes"]),
    "local:person:ana-kell": ("Ana Kell", "person", ["Ana Kell"]),
}


class Story:
    """A hand-built corpus: reports, actor mentions found by surface form, and statements."""

    def __init__(self) -> None:
        self.docs: dict[str, str] = {}
        self.statements: list[Statement] = []

    def report(self, doc: str, text: str) -> "Story":
        self.docs[doc] = text
        return self

    def say(self, doc: str, fragment: str, kind: str, status: str = "asserted", source: str | None = None,
            **kw) -> Statement:
        start = self.docs[doc].index(fragment)
        s = Statement(doc, start, start + len(fragment), fragment, kind, status, source=source,
                      source_kind="named" if source else "author", source_text=None if source else "author", **kw)
        self.statements.append(s)
        return s

    def corpus(self, shuffle: int | None = None) -> Corpus:
        mentions = []
        for doc, text in self.docs.items():
            taken: set[int] = set()
            for surface, eid, etype in sorted(((s, i, a[1]) for i, a in ACTORS.items() for s in a[2]),
                                              key=lambda x: -len(x[0])):
                for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
                    if not taken & set(range(m.start(), m.end())):
                        taken |= set(range(m.start(), m.end()))
                        mentions.append(Mention(doc, m.start(), m.end(), surface, "KB", eid, etype))
        entities = [Entity(i, a[0], a[1], None, aliases=list(a[2])) for i, a in ACTORS.items()]
        documents = {d: {"id": d, "text": t, "outlet": f"Outlet {d}"} for d, t in self.docs.items()}
        statements = list(self.statements)
        if shuffle is not None:
            random.Random(shuffle).shuffle(statements)
            random.Random(shuffle).shuffle(mentions)
        return Corpus(documents=documents, mentions=mentions, statements=statements, entities=entities, kb=None)


def by_name(options, name: str):
    return next(o for o in options if o.option == name)


def troop_debate() -> Story:
    story = Story()
    story.report("d1", "Ida Marsh said the Lowland Union should deploy LU troops to Belmora.")
    story.report("d2", "The Union must send Lowland Union troops to Belmora without delay.")
    story.report("d3", "Tom Reyes warned that sending LU troops would risk a wider war with Castria.")
    story.say("d1", "the Lowland Union should deploy LU troops to Belmora", "recommendation", "reported",
              source="local:person:ida-marsh", addressed="kb:LU", action="deploy LU troops to Belmora")
    story.say("d2", "The Union must send Lowland Union troops to Belmora without delay.", "recommendation",
              action="send Lowland Union troops to Belmora without delay")
    story.say("d3", "sending LU troops would risk a wider war with Castria", "prediction", "possible",
              source="local:person:tom-reyes", condition="sending LU troops",
              consequence="a wider war with Castria")
    return story


def test_options_two_advocates_and_one_opponent():
    options = find_options(troop_debate().corpus())
    assert [o.option for o in options] == ["LU troops in Belmora"]
    troops = options[0]
    assert troops.advocates == ["local:person:ida-marsh", "author:d2"]
    assert troops.opponents == ["local:person:tom-reyes"]
    assert troops.addressed == ["kb:LU"]
    assert troops.consequences == ["a wider war with Castria"]
    assert troops.docs == ["d1", "d2", "d3"]
    assert [e.doc for e in troops.evidence] == ["d1", "d2", "d3"]
    assert troops.evidence[2].text.startswith("sending LU troops")


def test_options_two_phrasings_of_sanctions_merge():
    story = Story()
    story.report("d1", "Sanctions on Castria should be broadened to its shipping sector.")
    story.report("d2", "Ana Kell urged Arvania to impose additional sanctions on Castria.")
    story.say("d1", "Sanctions on Castria should be broadened to its shipping sector.", "recommendation",
              action="be broadened to its shipping sector")
    story.say("d2", "Ana Kell urged Arvania to impose additional sanctions on Castria.", "recommendation",
              "reported", source="local:person:ana-kell", addressed="kb:ARV",
              action="impose additional sanctions on Castria")
    options = find_options(story.corpus())
    assert [(o.option, o.docs) for o in options] == [("sanctions", ["d1", "d2"])]
    assert options[0].advocates == ["author:d1", "local:person:ana-kell"]


def test_options_unrelated_recommendations_stay_apart():
    story = Story()
    story.report("d1", "Belmora should reopen the border crossing at Vell.")
    story.report("d2", "Castria must release the detained fishermen.")
    story.report("d3", "Belmora should consider reopening of the border crossings soon.")
    story.say("d1", "Belmora should reopen the border crossing at Vell.", "recommendation",
              addressed="kb:BEL", action="reopen the border crossing at Vell")
    story.say("d2", "Castria must release the detained fishermen.", "recommendation",
              addressed="kb:CAS", action="release the detained fishermen")
    story.say("d3", "Belmora should consider reopening of the border crossings soon.", "recommendation",
              addressed="kb:BEL", action="reopening of the border crossings soon")
    options = find_options(story.corpus())
    assert sorted((o.option, tuple(o.docs)) for o in options) == [
        ("release detained fishermen", ("d2",)),
        ("reopen border crossing", ("d1", "d3")),
    ]


def test_options_instrument_variants_and_non_matches():
    keys = lambda text: [h.key for h in find_instruments(text)]  # noqa: E731
    assert keys("provide more advanced weaponry") == ["military-aid"]
    assert keys("increase military, financial and humanitarian assistance") == [
        "economic-aid", "military-aid", "humanitarian-aid"]
    assert keys("engage in multilateral negotiations") == ["diplomacy"]
    assert keys("intensify diplomatic pressure on Castria") == ["diplomatic-pressure"]
    assert keys("extend the arms embargo") == ["arms-embargo"]
    assert keys("the presence of Castrian forces in Belmora") == []  # troops only when sent
    assert keys("hold a referendum") == []
    assert generic_option("be proactive rather than reactive") is None
    assert generic_option("reassess its strategy") is None


def test_a_deployment_is_found_by_the_words_it_ends_on_in_any_case():
    """Deployments whose verb is optional are looked for only in texts holding the words they end on; those
    words are found as the patterns find them, capitals and all."""
    hits = lambda text: [(h.key, h.qualifier) for h in find_instruments(text)]  # noqa: E731
    assert hits("Belmora may put Castrian BOOTS ON THE GROUND in the delta") == [("troops", "Castrian")]
    assert hits("an offer to send Lowland Union Peace-Keepers to the border") == [("peacekeeping", "Lowland Union")]
    assert hits("the council backed a Stabilisation Force for the coast") == [("peacekeeping", None)]
    assert hits("a Monitoring Mission would watch the truce line") == [("peacekeeping", None), ("ceasefire", None)]
    assert hits("the council backed a stable force for the coast") == []


def test_options_negated_recommendation_is_opposition():
    story = Story().report("d1", "Arvania should not send troops to Belmora, Ana Kell said.")
    story.say("d1", "Arvania should not send troops to Belmora, Ana Kell said.", "recommendation", "reported",
              source="local:person:ana-kell", addressed="kb:ARV", action="not send troops to Belmora")
    (option,) = find_options(story.corpus())
    assert (option.option, option.advocates, option.opponents) == ("troops in Belmora", [], ["local:person:ana-kell"])


def test_options_nobody_should_is_opposition_and_a_warned_effect_is_scepticism():
    story = Story()
    story.report("d1", "Nobody should be sending troops to Belmora now.")
    story.report("d2", "Ana Kell argues that broad sanctions would mostly hurt families in Castria.")
    story.report("d3", "Arvania should send troops to Belmora. "
                       "Tom Reyes says sanctions on Castria would curb its navy.")
    story.say("d1", "Nobody should be sending troops to Belmora now.", "recommendation",
              action="sending troops to Belmora now")
    story.say("d2", story.docs["d2"], "opinion", "reported", source="local:person:ana-kell")
    story.say("d3", "Arvania should send troops to Belmora.", "recommendation", addressed="kb:ARV",
              action="send troops to Belmora")
    story.say("d3", "Tom Reyes says sanctions on Castria would curb its navy.", "opinion", "reported",
              source="local:person:tom-reyes")
    options = {o.option: o for o in find_options(story.corpus())}
    assert (options["troops in Belmora"].advocates, options["troops in Belmora"].opponents) == (
        ["author:d3"], ["author:d1"])
    assert (options["sanctions"].advocates, options["sanctions"].opponents) == (
        ["local:person:tom-reyes"], ["local:person:ana-kell"])
    assert options["sanctions"].consequences == ["mostly hurt families in Castria", "curb its navy"]


def test_options_stances_named_around_a_proposal():
    story = Story().report(
        "d1", "Ida Marsh's earlier proposal of sending Lowland Union troops to Belmora was shot down by Tom Reyes.")
    story.say("d1", story.docs["d1"], "fact")
    (option,) = find_options(story.corpus())
    assert option.advocates == ["local:person:ida-marsh"]
    assert option.opponents == ["local:person:tom-reyes"]


def test_options_a_by_agent_speaks_of_the_noun_just_before_it():
    story = Story().report(
        "d1", "The Lowland Union's sanctions list a ban on broadcasters in Castria, on radio stations supported "
              "by Belmora and on the trading houses of its ports.")
    story.say("d1", story.docs["d1"], "fact")
    assert [o.advocates for o in find_options(story.corpus())] in ([], [[]])
    story = Story().report("d1", "Sending LU troops to Belmora, an idea first floated by Tom Reyes, found no backers.")
    story.say("d1", story.docs["d1"], "fact")
    (option,) = find_options(story.corpus())
    assert option.advocates == ["local:person:tom-reyes"]


def test_options_named_without_stance_joins_only_an_argued_option():
    story = Story().report("d1", "Arvania is expected to intensify sanctions on Castria. "
                                 "Belmora will send more troops.")
    story.say("d1", "Arvania is expected to intensify sanctions on Castria.", "prediction", "expected")
    story.say("d1", "Belmora will send more troops.", "prediction", "expected")
    assert find_options(story.corpus()) == []  # news of what others will do is not an option argued
    story.report("d2", "The Lowland Union should tighten sanctions on Castria.")
    story.say("d2", "The Lowland Union should tighten sanctions on Castria.", "recommendation",
              addressed="kb:LU", action="tighten sanctions on Castria")
    (option,) = find_options(story.corpus())
    assert (option.option, option.docs, option.advocates, option.opponents) == (
        "sanctions", ["d1", "d2"], ["author:d2"], [])


def test_options_positive_consequence_counts_as_advocacy():
    story = Story().report("d1", "Cutting off credit to Castria through sanctions would weaken its navy, "
                                 "Ana Kell said.")
    story.say("d1", "Cutting off credit to Castria through sanctions would weaken its navy", "prediction", "possible",
              source="local:person:ana-kell", condition="Cutting off credit to Castria through sanctions",
              consequence="weaken its navy")
    (option,) = find_options(story.corpus())
    assert option.advocates == ["local:person:ana-kell"] and option.consequences == ["weaken its navy"]


def test_options_ids_are_content_derived_and_order_is_stable():
    story = troop_debate()
    story.report("d4", "Belmora should seek talks with Castria.")
    story.say("d4", "Belmora should seek talks with Castria.", "recommendation", action="seek talks with Castria")
    first = find_options(story.corpus())
    assert [o.option for o in first] == ["LU troops in Belmora", "diplomacy and negotiations"]
    for seed in range(4):
        again = find_options(story.corpus(shuffle=seed))
        assert [(o.id, o.option, o.advocates, o.opponents) for o in again] == [
            (o.id, o.option, o.advocates, o.opponents) for o in first]
    alone = Story().report("x", "Belmora should seek talks with Castria.")
    alone.say("x", "Belmora should seek talks with Castria.", "recommendation", action="seek talks with Castria")
    assert find_options(alone.corpus())[0].id == first[1].id
    assert all(re.fullmatch(r"o[0-9a-f]{12}", o.id) for o in first)


# -- implications ------------------------------------------------------------------------


def implication_story() -> Story:
    story = Story()
    story.report("d1", "For Castria, the blockade presents both risks and openings. Ida Marsh may resign.")
    story.report("d2", "The crisis raises serious concerns for Arvania and Castria. Belmora shipped grain.")
    story.report("d3", "The North Sea Rim must prepare for a long standoff.")
    story.say("d1", "For Castria, the blockade presents both risks and openings.", "opinion")
    story.say("d1", "Ida Marsh may resign.", "prediction", "possible")
    story.say("d2", "The crisis raises serious concerns for Arvania and Castria.", "opinion")
    story.say("d2", "Belmora shipped grain.", "fact")
    story.say("d3", "The North Sea Rim must prepare for a long standoff.", "recommendation",
              action="prepare for a long standoff")
    return story


def test_implications_group_by_state_and_region():
    implications = find_implications(implication_story().corpus())
    assert [(i.target, i.target_name, i.docs) for i in implications] == [
        ("kb:CAS", "Castria", ["d1", "d2"]),
        ("kb:ARV", "Arvania", ["d2"]),
        ("North Sea Rim", "North Sea Rim", ["d3"]),
    ]
    castria = implications[0]
    assert castria.text.startswith("For Castria")
    assert [e.doc for e in castria.evidence] == ["d1", "d2"]


def test_implications_ignore_people_facts_and_plain_mentions():
    story = Story().report("d1", "Ida Marsh may resign soon. Belmora shipped grain. Talks with Castria may resume.")
    story.say("d1", "Ida Marsh may resign soon.", "prediction", "possible")
    story.say("d1", "Belmora shipped grain.", "fact")
    story.say("d1", "Talks with Castria may resume.", "prediction", "possible")
    assert find_implications(story.corpus()) == []


# -- integration: the real pipeline ---------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"

# An own-written three-report story in another region, for the same behaviour on real extraction.
OWN_STORY = {
    "a.txt": "Chilean Foreign Minister Ana Ruiz said on Monday that the Organization of American States "
             "should send peacekeepers to Haiti. Brazil should impose additional sanctions on the gangs' "
             "financiers, she added.",
    "b.txt": "Argentina's president urged the region to broaden sanctions against the armed groups. "
             "Sending foreign peacekeepers to Haiti would risk a long and costly occupation, "
             "the Haitian senator Paul Denis warned.",
    "c.txt": "Analysts said the Organization of American States must deploy peacekeepers to Haiti before the "
             "rainy season. Regional governments should also impose additional sanctions on the gang leaders. "
             "For the Caribbean, the crisis will bring more refugees.",
}


def _pipeline_corpus(texts: dict[str, str]) -> Corpus:
    pipeline = pytest.importorskip("storyline.nlp.pipeline")
    pytest.importorskip("storyline.nlp.statements")
    from storyline.analysis.entities import build_entities
    from storyline.kb.lookup import load_kb

    nlp = pipeline.load()
    documents, records = {}, {"mentions": [], "statements": [], "events": []}
    sentences = {}
    for n, (name, text) in enumerate(sorted(texts.items())):
        ext = next(pipeline.extract(nlp, [(name, text, None)]))
        documents[name] = {"id": name, "text": text, "outlet": name}
        sentences[name] = ext.sentences
        for kind in records:
            records[kind] += getattr(ext, kind)
    kb = load_kb()
    entities, remap = build_entities(records["mentions"], kb)
    corpus = Corpus(documents=documents, sentences=sentences, entities=entities, kb=kb, **records)
    corpus.apply_remap(remap)
    return corpus


@pytest.mark.integration
def test_options_own_story_with_the_real_pipeline():
    corpus = _pipeline_corpus(OWN_STORY)
    options = find_options(corpus)
    peacekeeping = by_name(options, "peacekeeping in Haiti")
    assert len(peacekeeping.advocates) == 2 and len(peacekeeping.opponents) == 1
    assert any("costly occupation" in c for c in peacekeeping.consequences)
    assert len(by_name(options, "sanctions").docs) >= 2
    targets = {i.target_name for i in find_implications(corpus)}
    assert "Caribbean" in targets and "Ana Ruiz" not in targets


@pytest.mark.integration
def test_options_seed_corpus_with_the_real_pipeline():
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    from storyline import config
    from storyline.ingest.loaders import LoadOptions, iter_path
    from storyline.ingest.prepare import prepare

    texts = {}
    for raw in iter_path(SEEDS, LoadOptions()):
        doc, _ = prepare(raw, config.defaults())
        texts[Path(raw.source).name[:3]] = doc.text
    corpus = _pipeline_corpus(texts)
    options = find_options(corpus)
    troops = next(o for o in options if o.option.startswith(("EU troops", "European Union troops")))
    assert troops.advocates and troops.opponents
    assert len(by_name(options, "sanctions").docs) >= 2
    assert len(by_name(options, "military aid").docs) >= 2
    targets = {i.target_name for i in find_implications(corpus)}
    assert {"Canada", "Europe"} <= targets


def test_options_a_report_describing_an_option_in_its_own_voice_takes_no_stance():
    text = "Sanctions on Castria would hurt its exporters, the Lowland Union's impact note says."
    story = Story().report("d1", text)
    story.say("d1", text, "fact")
    assert all(not o.opponents and not o.advocates for o in find_options(story.corpus()))
    # The same words as the author's opinion are a stance.
    opinion = Story().report("d1", text)
    opinion.say("d1", text, "opinion")
    assert [o.opponents for o in find_options(opinion.corpus())] == [["author:d1"]]


@pytest.mark.parametrize("text, stance", [
    ("The key concern is that sending LU troops would risk a wider war with Castria.", False),
    ("One objection was that sanctions on Castria would hurt Belmora's exporters most.", False),
    ("My concern is that sending LU troops would risk a wider war with Castria.", True),
])
def test_options_an_argument_relayed_without_its_holder_is_no_stance_of_the_report(text, stance):
    story = Story().report("d1", text)
    story.say("d1", text, "opinion")
    opponents = [o.opponents for o in find_options(story.corpus())]
    assert opponents == ([["author:d1"]] if stance else [])


def test_a_generic_option_needs_a_verb_at_its_head() -> None:
    assert generic_option("2.4 billion dollars from the insurer") is None
    assert generic_option("billion dollars in compensation") is None
    assert generic_option("sometimes accept painful compromises") is None
    assert generic_option("then return to the table") is None
    assert generic_option("reopen the northern crossing")[1] == "reopen northern crossing"


def test_a_qualifier_names_the_first_state_or_body_known_by_it_as_a_scan_of_the_actors_would():
    from storyline.analysis.options import _qualifier_id

    entities = [
        Entity("local:person:lowe", "Lowe Farrant", "person", aliases=["Lowe"]),
        Entity("kb:LU", "Lowland Union", "igo", aliases=["Lowland Union", "LU"]),
        Entity("kb:LOW", "Lowland Republic", "state", aliases=["Lowlands", "lu"]),
        Entity("kb:ARV", "Arvania", "state", aliases=["Arvanian"]),
    ]
    corpus = Corpus(documents={"d1": {"id": "d1", "text": "x"}}, entities=entities)
    s = Statement("d1", 0, 1, "x", "recommendation", "asserted")

    def scan(tail: str) -> str | None:
        return next((e.id for e in entities if e.type in ("igo", "state") and (
            tail.lower() in {a.lower() for a in e.aliases} or e.name.lower().split()[0] == tail.lower())), None)

    for qualifier in ("LU", "lowland", "Lowlands", "Yet Arvanian", "Lowe", "Farrant"):
        tail_ids = [scan(" ".join(qualifier.split()[i:])) for i in range(len(qualifier.split()))]
        expected = next((t for t in tail_ids if t), qualifier.split()[-1].lower())
        assert _qualifier_id(corpus, s, qualifier, [])[0] == expected
    assert _qualifier_id(corpus, s, "lowland", [])[0] == "kb:LU"  # the first of two actors named "Lowland..."
    corpus.entities = entities[2:]  # other actors: the lookup follows them
    assert _qualifier_id(corpus, s, "lowland", [])[0] == "kb:LOW"


def test_an_option_cites_each_sentence_once_in_the_order_raised():
    story = Story()
    story.report("d1", "Arvania should impose sanctions on Castria and send LU troops to Belmora.")
    story.report("d2", "Belmora must impose sanctions on Castria.")
    text = "Arvania should impose sanctions on Castria and send LU troops to Belmora."
    for _ in range(3):  # the same sentence read three times raises the option three times
        story.say("d1", text, "recommendation", action="impose sanctions on Castria")
    story.say("d2", "Belmora must impose sanctions on Castria.", "recommendation",
              action="impose sanctions on Castria")
    (option,) = [o for o in find_options(story.corpus()) if o.option == "sanctions"]
    assert [(e.doc, e.start) for e in option.evidence] == [("d1", 0), ("d2", 0)]
