"""Round-4 recall and type rules of the events extractor (sentences written for these tests)."""


def test_this_weeks_summit_is_dated_by_its_week_not_by_the_cancelling_day(events_of):
    # Published on a Sunday: the recogniser tags only "week"; the summit is in this week, not on Sunday.
    mentions = events_of("King Hamad on Sunday canceled plans to attend this week's summit at the White House "
                         "with President Obama.", published="2015-05-10")
    summits = [m for m in mentions if m.type == "CONSULT"]
    assert summits and summits[0].date == "2015-05"


def test_a_happening_someone_has_plans_to_attend_is_planned(events_of):
    mentions = events_of("The prime minister has plans to attend the summit in Geneva.")
    summits = [m for m in mentions if m.type == "CONSULT"]
    assert summits and summits[0].planned


def test_a_separate_ceremony_on_the_same_day_is_a_happening_of_its_own(events_of):
    events = events_of("The United States and the Taliban will sign a peace deal on Saturday. "
                       "A separate ceremony will be held on Saturday in Kabul.")
    signings = [e for e in events if e.type == "SUPPORT"]
    assert len(signings) == 2
    assert signings[0].location is None and signings[1].location["name"] == "Kabul"
