"""Every filter of accord.extract.events.filters drops a sentence written for it, and records its name; the
same shape without the cue is kept. `accord explain` tells both."""

from __future__ import annotations

import pytest

from accord.extract.events.filters import FILTERS
from accord.nlp import make_doc

# (filter, sentence it drops, trigger word, a sentence without the cue that is kept or None)
DROPS = [
    ("subheading", "Airstrike near Aleppo\nJets bombed the town on Monday.", "Airstrike", None),
    ("topic_not_happening", "Analysts doubt talks can succeed.", "talks", "Talks began in Oslo on Monday."),
    ("verb_as_modifier", "The negotiating team flew home.", "negotiating", None),
    ("inside_quote", "\u201cWe will attack the city,\u201d the commander said.", "attack", None),
    ("document_content", "The draft text calls for a ceasefire.", "calls",
     "The minister called for a ceasefire on Monday."),
    ("trend_or_rate", "Villagers fear the nightly airstrikes.", "airstrikes", None),
    ("habitual", "Militias often clash along the river.", "clash", "Militias clashed along the river on Monday."),
    ("generic_present_passive", "Civilians are attacked by drones near the market.", "attacked",
     "Civilians were attacked by drones near the market on Monday."),
    ("describing_passive", "They opened a corridor whose route was agreed by both sides.", "agreed", None),
    ("truce_in_other_role", "Both sides announced the ceasefire agreement on Monday.", "ceasefire",
     "Both sides announced a ceasefire on Monday."),
    ("accord_terms", "They signed a deal that would see the troops withdraw.", "withdraw", None),
    ("launch_purpose", "The valley was used as a base for raids.", "raids", None),
    ("running_toll", "400 civilians have been killed in the valley since January.", "killed",
     "Gunmen killed four civilians in the valley on Monday."),
    ("span_of_conflict", "The deal would end nearly 18 years of fighting.", "fighting",
     "The army ended the fighting on Monday."),
    ("names_a_site", "Mourners gathered at the site of the explosion.", "explosion", None),
    ("consequence_of_threat", "They said any raid will be met with force.", "raid", None),
    ("characterising_clause", "They joined a militia that attacked convoys.", "attacked",
     "They joined the militia that attacked the convoy on Monday."),
    ("topic_of_other_trigger", "The militia cancelled the summit.", "summit", None),
    ("what_stops", "The army ordered a halt to the attacks on Monday.", "attacks", None),
    ("lesser_assault", "A rocket attack killed four soldiers in Kabul on Monday.", "killed", None),
    ("negated", "The rebels did not attack the town.", "attack", "The rebels attacked the town on Monday."),
    ("possibility", "Diplomats discussed a possible summit in Oslo.", "summit", None),
    ("conditional", "If the army attacks the town, the talks are over.", "attacks", None),
    ("counterfactual", "It would have been toxic for the general to meet the president.", "meet",
     "The general met the president on Monday."),
    ("wished_or_threatened", "The rebels vowed to attack the port.", "attack", None),
    ("plan_told_in_past", "The envoys were going to meet in Cairo.", "meet", "The envoys met in Cairo on Monday."),
    ("standing_position", "The junta has long rejected any talks.", "rejected", None),
    ("modal_possibility", "The militia could attack the airport.", "attack",
     "The militia attacked the airport on Monday."),
]


def candidates_of(nlp, text: str):
    doc = nlp(make_doc(nlp, "t", text, "2024-05-10"))
    return doc, list(doc._.event_candidates)


def test_every_filter_has_a_sentence_it_drops():
    assert sorted(name for name, *_ in DROPS) == sorted(f.name for f in FILTERS)


def test_filter_names_are_unique_and_documented_with_an_example():
    names = [f.name for f in FILTERS]
    assert len(names) == len(set(names))
    assert all('"' in f.doc for f in FILTERS)


@pytest.mark.parametrize(("name", "text", "trigger", "kept"), DROPS, ids=[d[0] for d in DROPS])
def test_filter_drops_its_sentence_and_records_its_name(nlp, name, text, trigger, kept):
    doc, candidates = candidates_of(nlp, text)
    dropped = [c for c in candidates if c.trigger == trigger]
    assert dropped and dropped[0].dropped_by == name
    assert any(c.dropped_by == name and c.trigger == trigger for c in doc._.dropped_events)
    if kept is not None:
        _, others = candidates_of(nlp, kept)
        assert any(c.event is not None for c in others), f"{kept!r} should give an event"


def test_every_event_has_the_candidate_it_came_from(nlp):
    doc, candidates = candidates_of(nlp, "Rebels attacked a checkpoint in Aleppo on Monday. The army did not "
                                         "respond. Jets bombed the rebels' base on Tuesday.")
    became = {c.event for c in candidates if c.event is not None}
    assert became == set(range(len(doc._.event_mentions)))
    assert all((c.event is None) != (c.dropped_by is None) for c in candidates)


def test_explain_prints_the_event_or_the_filter_of_each_candidate():
    from accord.extract.events.explain import explain_text, explanation_lines

    lines = explanation_lines(explain_text("t", "The rebels did not attack the town. Jets bombed the port of "
                                                "Aden on Monday.", "2024-05-10"))
    assert any("'attack' (ASSAULT): dropped by negated" in line for line in lines)
    assert any("'bombed' (ASSAULT): event #0: ASSAULT" in line for line in lines)


def test_explain_command_reads_the_stored_document(tmp_path):
    from typer.testing import CliRunner

    from accord import api
    from accord.cli import app

    source = tmp_path / "a.txt"
    source.write_text("The rebels did not attack the town. Jets bombed the port of Aden on Monday.", encoding="utf-8")
    db = tmp_path / "a.duckdb"
    api.ingest([source], db)
    result = CliRunner().invoke(app, ["explain", "a", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "dropped by negated" in result.output
    missing = CliRunner().invoke(app, ["explain", "nope", "--db", str(db)])
    assert missing.exit_code == 1


def test_clause_on_the_subject_is_the_report_itself(nlp):
    _, candidates = candidates_of(nlp, "A gunman who attacked a wedding party in Herat was arrested.")
    attacked = [c for c in candidates if c.trigger == "attacked"]
    assert attacked and attacked[0].dropped_by != "characterising_clause"


@pytest.mark.parametrize("text", [
    "More than 400 civilians have been killed in the valley since January.",
    "Three other soldiers have been killed in recent weeks in the province.",
    "So far, 90 soldiers have died in the province this year.",
    "The sergeant was the third soldier killed in the province this month.",
    "The medic is the 12th aid worker to be killed in Somalia this year.",
    "An average of 20 people have been killed daily in the region.",
])
def test_death_counted_over_a_period_or_ranked_in_a_tally_is_no_happening(events_of, text):
    assert not [e for e in events_of(text) if e.type == "ASSAULT"]


def test_deaths_reported_with_their_attack_still_report_it(events_of):
    assert [e for e in events_of("Twelve people have been killed in a bombing in the capital.") if e.type == "ASSAULT"]


def test_years_of_fighting_name_the_length_of_a_conflict(events_of):
    assert not [e for e in events_of("The accord would end nearly two decades of fighting in the region.")
                if e.type == "ASSAULT"]


def test_dated_shelling_after_a_span_word_still_reports(events_of):
    assert [e for e in events_of("The army ended weeks of shelling on Monday in the north.") if e.type == "ASSAULT"]


def test_what_a_condition_of_an_accord_calls_for_is_its_content(events_of):
    events = events_of("One condition of the accord calls for the release of all detainees.")
    assert not [e for e in events if e.type == "REQUEST"]


@pytest.mark.parametrize("text", [
    "With the rivals unable to agree on a cabinet, the talks stalled.",
    "Their failure to reach a deal in Geneva surprised nobody.",
])
def test_what_parties_failed_or_were_unable_to_do_did_not_happen(events_of, text):
    assert not [e for e in events_of(text) if e.type == "AGREE"]


def test_the_blast_that_would_have_killed_hundreds_killed_no_one(events_of):
    assert not [e for e in events_of("Without the warning, the strike on the market would have killed hundreds.")
                if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "event_type", "reported"), [
    ("The delegation negotiating with the rebels made a concession.", "CONSULT", False),
    ("The ministry issued a statement condemning the strikes on Monday.", "ACCUSE", True),
    ("The rebels said they will not talk until the release of the prisoners takes place.", "RETREAT", False),
    ("Fighting raged in the north until the truce took effect on Monday.", "RETREAT", True),
], ids=["participle-after-its-noun-describes-who-they-are", "statement-condemning-is-still-a-condemnation",
        "awaited-in-a-present-until-clause-has-not-happened", "past-until-clause-still-reports"])
def test_the_clause_a_trigger_sits_in_decides_whether_it_reports(events_of, text, event_type, reported):
    assert bool([e for e in events_of(text) if e.type == event_type]) is reported


@pytest.mark.parametrize("text", [
    "It was not specified when the ceasefire would begin.",
    "Nobody knows how the talks will proceed in Geneva.",
    "The agenda will address how to implement a ceasefire in the south.",
])
def test_a_question_about_what_is_still_to_come_reports_nothing(events_of, text):
    assert not [e for e in events_of(text) if e.type in ("RETREAT", "CONSULT")]


def test_how_a_past_attack_unfolded_still_reports_it(events_of):
    assert [e for e in events_of("Officials explained how the rebels attacked the convoy on Monday.")
            if e.type == "ASSAULT"]
