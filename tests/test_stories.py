"""Story clustering on hand-written articles: same happening and close dates share a story."""

from __future__ import annotations

from accord.link.stories import cluster_stories, days_apart, same_story

TRUCE_A = (
    "Negotiators agreed on Monday in the coastal city of Port Emmer to extend the northern truce by two weeks, "
    "with observers patrolling the front line and a joint committee in the customs house hearing violations."
)
TRUCE_B = (
    "The northern truce will last two more weeks after Monday's talks in Port Emmer, mediators said; observers "
    "are to patrol the front line and report violations to a joint committee meeting in the customs house."
)
FLOOD = (
    "Heavy rain flooded the southern valley on Thursday, cutting the railway and forcing thousands of farmers to "
    "leave their villages, while engineers worked through the night to shore up the dam above the river town."
)
QUAKE = (
    "An earthquake struck the western highlands on Saturday, collapsing a school and a clinic; rescue teams "
    "searched the rubble for survivors as aftershocks shook mountain villages and landslides blocked roads."
)


def doc(doc_id: str, text: str, published: str | None, title: str = "") -> dict:
    return {"id": doc_id, "title": title, "clean_text": text, "published": published, "language": "en"}


def corpus(*docs: dict) -> list[dict]:
    # Unrelated filler documents give the TF-IDF weights a background, as a real corpus does.
    return [*docs, doc("flood", FLOOD, "2020-05-01"), doc("quake", QUAKE, "2020-07-11")]


def test_reports_of_the_same_happening_days_apart_share_a_story():
    story = cluster_stories(corpus(doc("a", TRUCE_A, "2020-03-02"), doc("b", TRUCE_B, "2020-03-03")), {})
    assert story["a"] == story["b"] == "a"


def test_same_wording_months_apart_is_another_story():
    story = cluster_stories(corpus(doc("a", TRUCE_A, "2020-03-02"), doc("b", TRUCE_B, "2020-09-20")), {})
    assert story["a"] != story["b"]


def test_different_happenings_are_different_stories():
    story = cluster_stories(corpus(doc("a", TRUCE_A, "2020-03-02")), {})
    assert len({story["a"], story["flood"], story["quake"]}) == 3


def test_undated_report_joins_on_text_alone():
    story = cluster_stories(corpus(doc("a", TRUCE_A, "2020-03-02"), doc("b", TRUCE_B, None)), {})
    assert story["a"] == story["b"]


def test_undated_report_cannot_chain_stories_far_apart():
    docs = corpus(doc("early", TRUCE_A, "2020-03-02"), doc("late", TRUCE_A + " Again.", "2021-03-02"),
                  doc("undated", TRUCE_B, None))
    story = cluster_stories(docs, {})
    assert story["early"] != story["late"]


def test_duplicate_joins_its_originals_story():
    story = cluster_stories(corpus(doc("a", TRUCE_A, "2020-03-02"), doc("copy", TRUCE_A, "2020-03-02")),
                            {"copy": "a"})
    assert story["copy"] == story["a"]


def test_same_story_needs_close_dates_or_stronger_text():
    assert same_story(0.3, 1)
    assert not same_story(0.3, 30)
    assert not same_story(0.17, None)
    assert days_apart("2020-03-01", "2020-03-04") == 3
    assert days_apart("2020-03", "2020-03-04") is None
    assert days_apart(None, "2020-03-04") is None
