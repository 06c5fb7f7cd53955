"""The names a report's own outlet goes by, as match forms: written names and web addresses."""

from storyline.nlp.actor_outlets import outlet_forms
from storyline.nlp.runner import outlet_names


def test_a_masthead_and_a_web_address_give_the_outlets_name():
    assert outlet_forms(("THE HARBOUR GAZETTE",)) == {"harbourgazette"}
    assert outlet_forms(("www.harbourgazette.com",)) == {"harbourgazette"}
    assert outlet_forms(("news.lakeside-times.co.uk",)) == {"lakesidetimes"}
    assert outlet_forms(("TV",)) == set()  # too short to stand for a name


def test_a_rows_stated_outlet_and_masthead_are_both_its_names():
    assert outlet_names({"outlet": "valleypost.org", "masthead": "VALLEY POST"}) == ("valleypost.org", "VALLEY POST")
    assert outlet_names({"outlet": None, "masthead": None}) == ()
    assert outlet_names({"id": "x"}) == ()
