"""Claims mechanisms that must hold on news nobody here has read (sentences written for these tests)."""

from __future__ import annotations

import pytest

from accord.extract.group_descriptions import description_lexicon
from accord.extract.periods import find_period
from accord.nlp import make_doc


def _claims(nlp, text: str, published: str | None = "2020-08-01"):
    return nlp(make_doc(nlp, "t", text, published))._.claims


def _one(nlp, text: str, published: str | None = "2020-08-01"):
    claims = _claims(nlp, text, published)
    assert len(claims) == 1, claims
    return claims[0]


# --- a count at the end of a change ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "measure", "change"), [
    ("The ministry said the number of Taliban attacks rose 20% to 1,900 over the period.", "Taliban attacks", 20),
    ("Mujahid said their attacks had dropped 40 percent to 95.", "Taliban attacks", -40),
    ("Officials said the Taliban's raids fell 25% to 60.", "Taliban raids", -25),
])
def test_a_count_after_a_change_is_measured_by_what_changed_and_keeps_its_percent(nlp, text, measure, change):
    claim = _one(nlp, text)
    assert (claim.measure, claim.change_percent) == (measure, change)


def test_its_names_the_side_the_claimant_speaks_for(nlp):
    claim = _one(nlp, "The Taliban carried out a raid in Kunduz. "
                      "The insurgents said its strikes had fallen 30% to 212 over the summer.")
    assert (claim.value, claim.claimant, claim.measure, claim.change_percent) == (212, "Taliban", "Taliban strikes",
                                                                                   -30)


def test_both_numbers_of_a_change_from_one_to_another_count_the_same_thing(nlp):
    claims = _claims(nlp, "Police said bombings climbed from 300 to 450.")
    assert [(c.value, c.measure) for c in claims] == [(300, "bombings"), (450, "bombings")]


# --- ranges ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Between 9,000 and 8,000 soldiers remain at the bases.", [(9000, "up to"), (8000, "at least")]),
    ("Officials said 20 to 30 fighters were killed.", [(20, "at least"), (30, "up to")]),
    ("Police said bombings climbed from 300 to 450.", [(300, None), (450, None)]),
    ("Police arrested 5 men and 3 women.", [(5, None), (3, None)]),
])
def test_the_ends_of_a_range_are_bounds(nlp, text, expected):
    assert [(c.value, c.qualifier) for c in _claims(nlp, text)] == expected


def test_a_range_end_without_its_noun_shares_the_other_ends_measure(nlp):
    claims = _claims(nlp, "Officials said 20 to 30 fighters were killed.")
    assert {c.measure for c in claims} == {"fighters killed"}


# --- periods with a start and an end --------------------------------------------------------------

@pytest.mark.parametrize(("text", "period"), [
    ("From June 3 to July 20, the army said it had carried out 140 raids.", ("2020-06-03", "2020-07-20")),
    ("Between May 1 and May 9, police recorded 17 bombings in the capital.", ("2020-05-01", "2020-05-09")),
    ("Monitors counted 45 violations from 2 to 8 March.", ("2020-03-02", "2020-03-08")),
    ("The group said it freed 30 hostages in June.", ("2020-06", "2020-06")),
])
def test_a_period_keeps_its_start_and_its_end(nlp, text, period):
    claim = _one(nlp, text)
    assert (claim.period_start, claim.period_end) == period


@pytest.mark.parametrize(("text", "expected"), [
    ("From June 3 to July 20, it said", ("2020-06-03", "2020-07-20")),
    ("attacks on March 1-7 were", ("2020-03-01", "2020-03-07")),
    ("from June 3 to 20", ("2020-06-03", "2020-06-20")),
    ("from November to February", ("2019-11", "2020-02")),
    ("from Jan. 5 through Feb. 2", ("2020-01-05", "2020-02-02")),
    ("from June 3, 2019 to July 20", ("2019-06-03", "2019-07-20")),
])
def test_find_period_reads_both_ends(text, expected):
    found = find_period(text, "2020-08-01")
    assert found is not None and (found.value.iso, found.value.end_iso) == expected


@pytest.mark.parametrize("text", ["rose from 300 to 450", "between 14,000 and 13,000 troops", "from May to be seen"])
def test_numbers_and_modal_may_are_not_periods(text):
    assert find_period(text, "2020-08-01") is None


# --- organisations named by a description --------------------------------------------------------

@pytest.mark.parametrize("description", ["the insurgents", "militants", "the armed group", "the militant group",
                                         "the rebels", "the jihadist faction"])
def test_descriptions_of_an_armed_group_are_recognised(description):
    assert description_lexicon().kind(description) == "armed"


@pytest.mark.parametrize("name", ["the ministry", "police", "the United Nations", "armed forces", "officials"])
def test_names_and_other_bodies_are_not_armed_group_descriptions(name):
    assert description_lexicon().kind(name) != "armed"


def test_a_described_group_is_the_armed_group_the_article_names_most(nlp):
    claim = _one(nlp, "The Houthis fired at a port. The Houthis also shelled a road near the Saudi border. "
                      "The rebels said 14 soldiers were killed in the exchange.")
    assert claim.claimant == "Houthis"


def test_a_description_stays_as_written_when_the_article_names_no_group(nlp):
    claim = _one(nlp, "The rebels said 9 soldiers were captured near the river.")
    assert claim.claimant == "rebels"


def test_a_bare_group_noun_is_the_organisation_named_last(nlp):
    claim = _one(nlp, "The Islamic State claimed the bombing in a statement. The group said 12 guards were killed.")
    assert claim.claimant == "Islamic State"


# --- lengths and weights are not counts ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The trucks drove along a 120-mile (190-kilometer) road to the border.",
    "The shelter lies nearly 40 kilometers (25 miles) north of the city.",
    "Troops dug a trench 300 meters long.",
    "The aid convoy carried 16 tonnes of flour.",
])
def test_lengths_and_weights_are_not_claims(nlp, text):
    assert _claims(nlp, text) == []


# --- who says it ------------------------------------------------------------------------------------

def test_a_described_source_is_named_by_its_appositive(nlp):
    claim = _one(nlp, "According to the rights group Amnesty International, 80 civilians died in the strikes.")
    assert claim.claimant == "Amnesty International"


def test_figures_in_a_document_are_claimed_by_the_organisation_that_issued_it(nlp):
    claim = _one(nlp, "The casualty figures, contained in a WHO bulletin dated 3 May, record that a further 800 "
                      "people have been injured.")
    assert claim.claimant == "WHO"


def test_they_after_a_relative_pronoun_is_the_plural_subject_before_it(nlp):
    claim = _one(nlp, "Local medics condemned a strike on a market, which they said killed at least 9 people.")
    assert claim.claimant == "Local medics"


def test_counts_after_a_speech_verbs_content_share_its_claimant(nlp):
    claims = _claims(nlp, "The blast hit a market near the port, with medics saying three traders were killed and "
                          "9 others wounded.")
    assert [(c.value, c.claimant) for c in claims] == [(3, "medics"), (9, "medics")]


# --- what a number in a name or a tally is ----------------------------------------------------------

@pytest.mark.parametrize("text", ["\"It cannot last,\" he told the France 24 channel.",
                                  "The mission flew on Apollo 11 in July 1969."])
def test_a_number_inside_a_name_is_not_a_claim(nlp, text):
    assert _claims(nlp, text) == []


def test_the_end_of_a_tally_counts_even_after_a_date(nlp):
    claim = _claims(nlp, "The two soldiers who died on Thursday raised the number of soldiers killed since the "
                         "beginning of June to 45.")[-1]
    assert (claim.value, claim.measure) == (45, "soldiers killed")


# --- a box of figures takes its source line ---------------------------------------------------------

FACTBOX = ("The fighting spread south in the spring.\n\n"
           "Toll of the war in the south\n\n"
           "1,250 deaths since March, 300 of them children\n\n"
           "86,000 people displaced inside the country\n\n"
           "WHO figures from 2 June\n\n"
           "The talks resumed on Monday.")


def test_lines_of_figures_take_the_source_line_of_their_box(nlp):
    claims = _claims(nlp, FACTBOX)
    assert {(c.value, c.claimant) for c in claims} == {(1250, "WHO"), (300, "WHO"), (86000, "WHO")}


def test_a_labelled_source_line_names_the_source():
    from accord.extract.claimants import factbox_source_after
    text = "Intro.\n\n5,000 refugees in camps\n\nSource: UNHCR\n"
    assert factbox_source_after(text, text.index(" in camps") + 9) == "UNHCR"


def test_a_source_line_beyond_prose_does_not_reach_back():
    from accord.extract.claimants import factbox_source_after
    prose = "The war began long ago and went on and on, longer than anyone could have thought possible at the time " \
            "it began, and it is still going on."
    text = f"Intro.\n\n5,000 refugees\n\n{prose}\n\nSource: UNHCR\n"
    assert factbox_source_after(text, text.index("refugees") + 8) is None


def test_an_age_in_brackets_after_a_name_is_not_a_claim(nlp):
    assert [c.value for c in _claims(nlp, "Mourners buried three men killed by shelling, among them Ivan Petrov "
                                          "(19).")] == [3]


def test_of_them_counts_what_the_count_before_it_counts(nlp):
    claims = _claims(nlp, "1,250 refugees crossed the border, 300 of them children.")
    assert [c.measure for c in claims][1] == claims[0].measure


def test_a_group_of_another_conflict_is_resolved_from_the_actor_table(nlp):
    claim = _one(nlp, "Boko Haram fighters raided a village in Borno. The army blamed Boko Haram. "
                      "The militants said 12 soldiers were killed.")
    assert claim.claimant == "Boko Haram"


def test_since_a_date_runs_to_publication(nlp):
    claim = _one(nlp, "Police said 40 people have died since March 3.")
    assert (claim.period_start, claim.period_end) == ("2020-03-03", "2020-08-01")


def test_an_outcome_already_in_the_measure_is_not_repeated(nlp):
    claim = _one(nlp, "The number of displaced people rose by 20% to 1.2 million, according to OCHA.")
    assert (claim.measure, claim.change_percent, claim.claimant) == ("displaced people", 20, "OCHA")


@pytest.mark.parametrize("text", ["About 700 prisoners were released on Tuesday, bringing the total to 4,000.",
                                  "About 700 prisoners were released, bringing the total number freed so far to "
                                  "more than 4,000."])
def test_a_running_total_counts_what_the_count_before_it_counts(nlp, text):
    claims = _claims(nlp, text)
    assert [c.measure for c in claims] == ["prisoners released", "prisoners released"]


@pytest.mark.parametrize("text", [
    "The council adopted a six-point plan and a 10-point roadmap.",
    "The court ruled 5-4 against the government.",
    "Call 0800 123 456 for help.",
    "Only one in five children attends school.",
    "Police said 3 in 10 homes were damaged.",
])
def test_compounds_scores_ratios_and_phone_numbers_are_not_claims(nlp, text):
    assert _claims(nlp, text) == []


def test_a_strength_or_a_membership_is_still_a_count(nlp):
    assert [c.value for c in _claims(nlp, "A 12-member delegation arrived with a 1,000-strong force.")] == [12, 1000]


def test_a_possessor_stays_in_the_claimants_name(nlp):
    claim = _one(nlp, "The militants killed 8 police officers, according to the governor's office.")
    assert claim.claimant == "governor's office"
