"""said_on from the sentence that introduces a speaker, carried to that speaker's later quotes."""

from __future__ import annotations

from conftest import quote_starting

# `quotes_of` (conftest.py) reads each text as published on Saturday 2020-03-07: Thursday is 2020-03-05,
# Friday 2020-03-06.


def test_day_of_an_introducing_sentence_without_quotes_dates_the_next_he_said_quote(quotes_of):
    text = ("The mayor, Anna Berg, acknowledged on Thursday the cost of the repairs.\n\n"
            '"We will find the money somewhere," she said.')
    assert quote_starting(quotes_of(text), "We will find").said_on == "2020-03-05"


def test_day_carries_to_the_speakers_continuation_quote_in_the_next_paragraph(quotes_of):
    text = ('"The dam will hold," the engineer Paul Novak said on Thursday.\n\n'
            '"Nobody downstream needs to leave their homes."')
    assert quote_starting(quotes_of(text), "Nobody downstream").said_on == "2020-03-05"


def test_a_later_day_for_the_same_speaker_replaces_the_earlier_one(quotes_of):
    text = ('Paul Novak said on Thursday that the dam would hold.\n\n'
            'Paul Novak warned on Friday that the river was still rising.\n\n'
            '"We are watching it hour by hour," Novak said.')
    assert quote_starting(quotes_of(text), "We are watching").said_on == "2020-03-06"


def test_day_of_another_speakers_statement_is_not_carried(quotes_of):
    text = ('Paul Novak said on Thursday that the dam would hold.\n\n'
            '"The river is falling," said Maria Ortiz, a hydrologist.')
    assert quote_starting(quotes_of(text), "The river is falling").said_on is None


def test_participle_in_front_of_the_speech_verb_dates_the_words(quotes_of):
    text = 'Speaking on Thursday at the border, the governor said "the crossing will reopen soon."'
    assert quote_starting(quotes_of(text), "the crossing will reopen").said_on == "2020-03-05"


def test_day_the_occasion_was_published_dates_the_words(quotes_of):
    text = 'In a column published Thursday, Paul Novak said the plan would "save the valley."'
    assert quote_starting(quotes_of(text), "save the valley").said_on == "2020-03-05"


def test_day_of_an_event_inside_a_relative_clause_does_not_date_the_words(quotes_of):
    text = 'Paul Novak, who visited the dam on Thursday, said "the walls are sound."'
    assert quote_starting(quotes_of(text), "the walls are sound").said_on is None


def test_the_following_day_counts_from_the_last_day_the_text_gave(quotes_of):
    text = ("The council voted on Thursday.\n\n"
            'In a statement released the following day, Mayor Anna Berg said "the vote was fair."')
    assert quote_starting(quotes_of(text), "the vote was fair").said_on == "2020-03-06"


def test_words_of_a_participle_share_the_day_of_the_main_verb(quotes_of):
    text = 'Mayor Anna Berg denounced the vote on Thursday, calling it "a farce from start to finish."'
    assert quote_starting(quotes_of(text), "a farce").said_on == "2020-03-05"


def test_day_of_an_attribution_parsed_as_a_conjunct_is_not_the_day_of_the_reported_speaker(quotes_of):
    text = ("Foreign Minister Anna Berg has called and spoken with the rebel commander, a spokesman for the "
            "rebels said Tuesday, amid a row in the capital over when the president was told.\n\n"
            '"We want the talks to go on," Berg said.')
    assert quote_starting(quotes_of(text), "We want the talks").said_on is None


def test_day_of_an_occasion_dates_the_quotes_of_the_next_sentence_and_the_speakers_later_ones(quotes_of):
    text = ("The city has voiced doubts about the dam, including in comments on Thursday.\n\n"
            '"The repairs are too slow," the city engineer Paul Novak told reporters.\n\n'
            '"We have waited long enough," Novak said.')
    quotes = quotes_of(text)
    assert quote_starting(quotes, "The repairs are too slow").said_on == "2020-03-05"
    assert quote_starting(quotes, "We have waited").said_on == "2020-03-05"


def test_day_of_an_occasion_does_not_reach_past_the_next_sentence(quotes_of):
    text = ("The city has voiced doubts about the dam, including in comments on Thursday.\n\n"
            "The river rose again overnight.\n\n"
            '"The repairs are too slow," the city engineer Paul Novak told reporters.')
    assert quote_starting(quotes_of(text), "The repairs are too slow").said_on is None


def test_day_of_an_event_that_is_not_an_occasion_does_not_date_the_next_sentence(quotes_of):
    text = ("The city council met on Thursday to discuss the dam.\n\n"
            '"The repairs are too slow," the city engineer Paul Novak told reporters.')
    assert quote_starting(quotes_of(text), "The repairs are too slow").said_on is None


def test_the_following_day_counts_from_a_happening_not_from_a_date_naming_a_thing(quotes_of):
    text = ("The council voted on Thursday against the March 2 budget plan.\n\n"
            'In a statement released the following day, Mayor Anna Berg said "the vote was fair."')
    assert quote_starting(quotes_of(text), "the vote was fair").said_on == "2020-03-06"


def test_the_following_day_of_a_press_release_dates_the_words_of_its_participle(quotes_of):
    text = ("The ministers met in the capital on Wednesday and rejected the border deal.\n\n"
            "In a short press release issued the following day, the Interior Ministry rejected the findings "
            'of the meeting, calling them "void and without any legal effect".')
    assert quote_starting(quotes_of(text), "void and without").said_on == "2020-03-05"


def test_a_day_given_as_a_time_of_day_dates_the_words(quotes_of):
    text = '"The talks are over," Anna Berg said on Monday night.'
    assert quote_starting(quotes_of(text), "The talks are over").said_on == "2020-03-02"


def test_a_day_deep_inside_the_occasion_phrase_dates_the_words(quotes_of):
    text = 'In an interview with a local radio station on Thursday, Anna Berg said "the talks are over."'
    assert quote_starting(quotes_of(text), "the talks are over").said_on == "2020-03-05"


def test_a_day_inside_what_a_speaker_reports_is_not_the_day_carried_to_later_quotes(quotes_of):
    text = ("On Friday, Mayor Anna Berg announced she had asked for the police chief's resignation "
            "Thursday night.\n\n"
            '"I thank him for his service," Berg wrote.')
    assert quote_starting(quotes_of(text), "I thank him").said_on == "2020-03-06"


def test_an_act_done_in_a_dated_speech_introduces_the_speakers_later_quotes(quotes_of):
    text = ("Mayor Anna Berg rejected the plan in a speech on Thursday.\n\n"
            '"It is a bad plan," Berg said.')
    assert quote_starting(quotes_of(text), "It is a bad plan").said_on == "2020-03-05"


def test_an_act_after_a_dated_speech_does_not_introduce_the_speakers_later_quotes(quotes_of):
    text = ("Mayor Anna Berg left the hall after her speech on Thursday.\n\n"
            "The council met again on Friday to vote on the budget.\n\n"
            '"It is a bad plan," Berg said.')
    assert quote_starting(quotes_of(text), "It is a bad plan").said_on is None
