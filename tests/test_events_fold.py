"""One happening, several reports: what folds within one article and what stays apart."""


def test_two_days_one_writer_gives_are_two_decisions(events_of):
    events = events_of("President Trump said Monday that the talks with the Taliban are dead.\n\n"
                       "Trump had called off a meeting with the Taliban on Sunday at Camp David.",
                       published="2019-09-10")
    rejections = [e for e in events if e.type == "REJECT"]
    assert sorted(e.date for e in rejections) == ["2019-09-08", "2019-09-09"]


def test_a_past_report_does_not_take_the_day_of_a_planned_one(events_of):
    events = events_of("The rebels released prisoners, the army said.\n\n"
                       "The rebels will release more prisoners on September 20, the spokesman said.",
                       published="2019-09-10")
    past = [e for e in events if e.type == "RETREAT" and not e.planned]
    assert past and all(e.date != "2019-09-20" for e in past)
