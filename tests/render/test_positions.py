"""Which statements and quotations the briefing shows as an actor's positions (no model needed)."""

from __future__ import annotations

from storyline.render.view import positions


def _statement(doc, start, text, kind, source="kb:port-authority", source_kind="named", cues=None, source_text=None):
    if cues is None:  # the reporting word of the sentence, as the extraction records it
        cues = [w for w in ("said", "urged", "believes", "wrote", "fears") if w in text.split()][:1]
    return {"doc": doc, "start": start, "end": start + len(text), "text": text, "kind": kind,
            "source": source, "source_kind": source_kind, "cues": cues, "source_text": source_text or "the source"}


def _quote(doc, start, text, speaker="kb:port-authority", partial=False, direct=True):
    return {"doc": doc, "start": start, "end": start + len(text), "text": text, "speaker": speaker, "partial": partial,
            "direct": direct}


def test_what_an_actor_urges_comes_before_what_it_reports() -> None:
    data = {
        "documents": [{"id": "a"}, {"id": "b"}],
        "statements": [
            _statement("a", 0, "The port authority said two cranes were damaged in the storm.", "fact"),
            _statement("b", 0, "The port authority urged shippers to reroute cargo to the northern terminal.",
                       "recommendation"),
            _statement("b", 200, "The union believes the closure will last a month.", "opinion", source="kb:union"),
            _statement("a", 300, "The port is likely to lose a week of trade, the editor wrote.", "prediction",
                       source="kb:port-authority", source_kind="author"),
        ],
        "quotes": [],
    }
    got = positions(data)
    assert [s["kind"] for s in got["kb:port-authority"]] == ["recommendation", "fact"]  # the author's voice is not its
    assert [s["text"] for s in got["kb:union"]] == ["The union believes the closure will last a month."]


def test_fragments_and_quotations_inside_a_shown_sentence_are_left_out() -> None:
    sentence = "The port authority said the terminal would stay shut until the divers finish their inspection."
    data = {
        "documents": [{"id": "a"}],
        "statements": [_statement("a", 0, sentence, "fact")],
        "quotes": [
            _quote("a", 27, "the terminal would stay shut until the divers finish their inspection"),  # inside it
            _quote("a", 400, "northern terminal"),                                 # a two-word fragment
            _quote("a", 500, "we will not reopen before every berth is declared safe", partial=True),
            _quote("a", 600, "Every berth will be inspected before a single ship docks again."),
        ],
    }
    got = [item["text"] for item in positions(data)["kb:port-authority"]]
    assert got == [sentence, "Every berth will be inspected before a single ship docks again."]


def test_an_unresolved_source_without_a_name_is_not_shown_as_a_blank() -> None:
    from storyline.render.view import _who

    documents = {"d1": {"id": "d1", "title": "Port report", "outlet": "Harbour Times", "published": "2025-03-02"}}
    assert _who(["named:d1:", "named:d1:the harbour master"], {}, documents) == "the harbour master"
    assert _who(["named:d1:"], {}, documents) == "none named"


def test_notable_quotes_show_the_speakers_words_alone() -> None:
    from storyline.render.view import Citations, _quotes

    text = ('She described the crossing as "nine hours of queues". '
            '"We will not leave until the last family is out," said the mayor, Ana Ruiz.')
    said = "We will not leave until the last family is out"
    a, b = text.index("the crossing"), text.index("queues") + len('queues"')
    c = text.index(said)
    quotes = [
        {"doc": "d1", "start": a, "end": b, "text": text[a:b], "direct": True, "partial": False,
         "speaker": None, "speaker_text": "She"},
        {"doc": "d1", "start": c, "end": c + len(said), "text": said, "direct": True, "partial": False,
         "speaker": None, "speaker_text": "the mayor, Ana Ruiz"},
    ]
    data = {"quotes": quotes, "documents": [{"id": "d1", "text": text}]}
    section = _quotes(data, {}, Citations(data), limit=5)
    assert [line.text for line in section.items] == [said]


def test_a_position_belongs_to_the_actor_who_holds_it_not_to_one_the_report_writes_about() -> None:
    held = "The fishermen's union fears that the new quota may close half the harbour's boats."
    data = {
        "documents": [{"id": "a"}],
        "statements": [
            _statement("a", 0, held, "opinion", source="kb:union", cues=["fears", "may"]),
            # the report's guess at what the union thinks: the hedge frames the attribution itself
            _statement("a", 100, "The union, short of members, likely sees the strike as its last lever.", "fact",
                       source="kb:union", cues=["likely", "see"]),
            # the report describing the actor in a relative clause
            _statement("a", 200, "On the other side are the trawler owners, who view the quota as overdue.", "fact",
                       source="kb:owners", cues=["view"], source_text="who"),
            # an actor the sentence is about, with no reporting word at all
            _statement("a", 300, "The owners could lose their licences if the quota is breached twice.", "prediction",
                       source="kb:owners", cues=["could", "if"]),
        ],
        "quotes": [
            _quote("a", 400, "the quota as a death sentence for small boats", speaker="kb:owners", direct=False),
        ],
    }
    got = positions(data)
    assert [s["text"] for s in got["kb:union"]] == [held]
    assert "kb:owners" not in got
