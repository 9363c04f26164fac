"""One happening, several reports: what folds within one article and what stays apart."""


def test_two_days_one_writer_gives_are_two_decisions(events_of):
    events = events_of("President Trump said Monday that the talks with the Taliban are dead.\n\n"
                       "Trump had called off a meeting with the Taliban on Sunday at Camp David.",
                       published="2019-09-10")
    rejections = [e for e in events if e.type == "REJECT"]
    assert sorted(e.date for e in rejections) == ["2019-09-08", "2019-09-09"]


def _threats(events):
    return [e for e in events if e.type == "THREATEN"]


def test_a_consequence_stated_for_the_other_sides_act_is_a_threat(events_of):
    events = events_of("The army spokesman said Friday that the truce will be called off if the militants attack "
                       "the border posts.", published="2021-05-10")
    threats = _threats(events)
    assert len(threats) == 1
    assert (threats[0].date, threats[0].planned) == ("2021-05-07", False)


def test_any_act_met_with_a_response_is_a_threat_to_the_addressee(events_of):
    events = events_of("We have told the Taliban that any attack on our soldiers will be met with a strong "
                       "response.", published="2021-05-10")
    threats = _threats(events)
    assert len(threats) == 1
    assert threats[0].actor2 == "Taliban"


def test_a_conditional_promise_is_not_a_threat(events_of):
    events = events_of("The minister said Friday that the government will release the prisoners if the "
                       "Taliban cut their ties with al-Qaida.", published="2021-05-10")
    assert _threats(events) == []


def test_making_clear_that_any_attack_draws_force_is_a_threat(events_of):
    for text in ("The government made it clear that any attack on the convoy will be met with force.",
                 "We have made clear to the Taliban that any attack on our forces will be met with a swift response."):
        events = events_of(text, published="2021-05-10")
        assert len(_threats(events)) == 1, text
        assert "Taliban" in text or _threats(events)[0].actor2 is None
        assert "Taliban" not in text or _threats(events)[0].actor2 == "Taliban"
        assert not any(e.type == "ASSAULT" for e in events), text  # the attack is the condition, not a fact


def test_a_release_and_a_withdrawal_are_two_retreats(events_of):
    events = events_of("The rebels released 40 prisoners in the north. Separately, a withdrawal of government "
                       "troops from the valley began.", published=None)
    assert sorted(e.mode for e in events if e.type == "RETREAT") == ["release", "withdraw"]


def test_an_undated_report_folded_with_a_planned_date_becomes_planned(events_of):
    events = events_of("The two sides are in talks in Geneva. The talks are expected to conclude in July.",
                       published="2020-03-06")
    consult = [e for e in events if e.type == "CONSULT"]
    assert [e.date for e in consult] == ["2020-07"] and consult[0].planned
