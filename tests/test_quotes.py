"""accord_quotes through the real spaCy pipeline, on sentences written for the tests."""

from __future__ import annotations

import pytest

from accord.nlp import make_doc

PUBLISHED = "2020-03-07"  # a Saturday


@pytest.fixture
def quotes_of(nlp):
    def run(text: str, published: str | None = PUBLISHED):
        doc = nlp(make_doc(nlp, "t", text, published))
        for quote in doc._.quotes:
            assert doc.text[quote.start:quote.end] == quote.text
        return doc._.quotes

    return run


def only(quotes, direct=True):
    return [q for q in quotes if q.direct is direct]


def test_direct_quote_is_attributed_to_the_named_speaker_after_it(quotes_of):
    (quote,) = only(quotes_of('"We will rebuild the bridge by spring," Governor Maria Lopez said.'))
    assert quote.text.startswith("We will rebuild the bridge")
    assert quote.speaker == "Maria Lopez"
    assert quote.speaker_org == "Governor"


def test_title_is_stripped_from_the_name_and_kept_as_role(quotes_of):
    (quote,) = only(quotes_of('Defense Secretary Mark Esper said, "The troops will come home."'))
    assert quote.speaker == "Mark Esper"
    assert quote.speaker_org == "Defense Secretary"


def test_family_name_alone_resolves_to_the_fullest_name_in_the_article(quotes_of):
    text = ('Defense Secretary Mark Esper visited the base on Tuesday.\n\n'
            '"The plan is sound and we will follow it," Esper told reporters.')
    (quote,) = only(quotes_of(text))
    assert quote.speaker == "Mark Esper"


def test_pronoun_speaker_resolves_to_the_earlier_person(quotes_of):
    text = ('Senator Paul Adams met the delegation in the capital.\n\n'
            '"This is the best chance for peace in years," he said.')
    (quote,) = only(quotes_of(text))
    assert quote.speaker == "Paul Adams"


def test_continuing_quote_in_next_paragraph_belongs_to_the_last_speaker(quotes_of):
    text = ('"The first convoy left at dawn," said Colonel James Reed.\n\n'
            '"The second convoy will follow once the road is cleared of mines and the bridges are checked."')
    quotes = only(quotes_of(text))
    assert [q.speaker for q in quotes] == ["James Reed", "James Reed"]


def test_quote_split_by_attribution_gives_two_quotes_by_one_speaker(quotes_of):
    text = '"The road is open," Mayor Ana Ruiz said. "Trucks can pass again from Monday morning."'
    quotes = only(quotes_of(text))
    assert len(quotes) == 2
    assert {q.speaker for q in quotes} == {"Ana Ruiz"}


def test_organisation_speaker_has_no_person_name(quotes_of):
    text = 'The Taliban said in a statement that "the agreement must be honoured by all sides."'
    quotes = quotes_of(text)
    assert quotes and all(q.speaker is None for q in quotes)
    assert "Taliban" in (quotes[0].speaker_org or "")


def test_unnamed_speaker_keeps_the_description(quotes_of):
    text = 'The checkpoint was attacked overnight, a spokeswoman for the provincial governor said.'
    (quote,) = only(quotes_of(text), direct=False)
    assert quote.speaker is None
    assert "spokeswoman" in quote.speaker_org


def test_reported_speech_text_is_the_reported_clause_only(quotes_of):
    (quote,) = only(quotes_of("Officials said the blast destroyed two houses near the market."), direct=False)
    assert quote.text == "the blast destroyed two houses near the market"
    assert quote.speaker is None


def test_reported_speech_with_that_drops_the_complementizer(quotes_of):
    text = "General Ali Karimi warned that the militants would attack the northern districts."
    (quote,) = only(quotes_of(text), direct=False)
    assert quote.text == "the militants would attack the northern districts"
    assert quote.speaker == "Ali Karimi"


def test_according_to_gives_reported_speech_with_its_source(quotes_of):
    text = "The talks were postponed by a week, according to a diplomat familiar with the plans."
    (quote,) = only(quotes_of(text), direct=False)
    assert quote.text == "The talks were postponed by a week"
    assert quote.speaker is None and quote.speaker_org.startswith("a diplomat")


def test_said_on_resolves_the_weekday_against_the_publication_date(quotes_of):
    (quote,) = only(quotes_of('"We are ready," Minister Omar Haidari said on Thursday.'))
    assert quote.said_on == "2020-03-05"


def test_said_on_is_null_without_a_time_cue(quotes_of):
    (quote,) = only(quotes_of('"We are ready," Minister Omar Haidari said.'))
    assert quote.said_on is None


def test_said_on_is_null_when_the_article_has_no_publication_date(quotes_of):
    (quote,) = only(quotes_of('"We are ready," Minister Omar Haidari said on Thursday.', published=None))
    assert quote.said_on is None


def test_a_date_inside_the_reported_clause_does_not_date_the_statement(quotes_of):
    text = "Minister Omar Haidari said the prisoners would be freed on Tuesday."
    (quote,) = only(quotes_of(text), direct=False)
    assert quote.said_on is None


def test_short_partial_quote_inside_a_sentence_is_a_quote(quotes_of):
    quotes = only(quotes_of('President Ruth Okafor called the ceasefire "fragile" in a speech.'))
    assert [q.text for q in quotes] == ["fragile"]
    assert quotes[0].speaker == "Ruth Okafor"


def test_titles_in_quotation_marks_are_not_quotes(quotes_of):
    text = 'The army launched Operation "Desert Dawn" in the south, and the book "Long Road Home" sold well.'
    assert only(quotes_of(text)) == []


def test_scare_quotes_without_a_speaker_are_not_quotes(quotes_of):
    assert only(quotes_of('A weeklong "lull in fighting" began across the region.')) == []


def test_transcript_speech_is_not_a_quote_but_quotes_inside_it_are(quotes_of):
    text = ("THE PRESIDENT: Thank you all for coming today.\n\n"
            "Q: Will the troops leave this year?\n\n"
            "THE PRESIDENT: We said we would leave, and we will leave.\n\n"
            'Q: Your adviser called the plan "reckless," sir.')
    quotes = quotes_of(text)
    assert all(q.direct for q in quotes)
    assert [q.text for q in quotes] == ["reckless,"]


def test_quote_paragraph_after_an_attributing_sentence_takes_its_speaker_and_day(quotes_of):
    text = ("On Thursday, Prime Minister Lena Varga accused the rebels of breaking the truce.\n\n"
            "\u201cThey fired on our positions twice in one night and we will answer.\u201d")
    (quote,) = only(quotes_of(text))
    assert quote.speaker == "Lena Varga"
    assert quote.said_on == "2020-03-05"


def test_unnamed_speaker_named_in_the_next_sentence_is_that_person(quotes_of):
    text = ('The shelling was "deeply worrying," a senior army commander said on Friday.\n\n'
            "General Tomas Brandt, who leads the northern corps, spoke to reporters at the airbase.")
    (quote,) = only(quotes_of(text))
    assert quote.speaker == "Tomas Brandt"
    assert quote.said_on == "2020-03-06"


def test_role_in_apposition_marks_the_name_as_a_person(quotes_of):
    text = 'Karim Nadiri, spokesman for the ministry, said "the border crossing stays closed for now."'
    quotes = quotes_of(text)
    assert quotes and all(q.speaker == "Karim Nadiri" for q in quotes)


def test_the_statement_said_carries_the_day_of_the_statement_mentioned_before(quotes_of):
    text = ("Late on Thursday, Governor Ada Stein, in a statement released by her office, announced the bridge "
            "would reopen. The statement also said drivers would pay no toll for a month.")
    quote = next(q for q in only(quotes_of(text), direct=False) if q.text.startswith("drivers"))
    assert quote.said_on == "2020-03-05"


def test_the_statement_said_stays_undated_when_the_earlier_statement_has_no_day(quotes_of):
    text = ("Governor Ada Stein, in a statement released by her office, announced the bridge would reopen. "
            "The statement also said drivers would pay no toll for a month.")
    quote = next(q for q in only(quotes_of(text), direct=False) if q.text.startswith("drivers"))
    assert quote.said_on is None


def test_undated_article_weekday_is_the_written_date_on_that_weekday(quotes_of):
    text = ("In a message on Saturday, Mayor Tom Baker said the parade was cancelled.\n\n"
            "The parade is off this year. \u2014 Tom Baker (@mayortom) March 7, 2020")
    quote = next(q for q in only(quotes_of(text, published=None), direct=False) if "parade" in q.text)
    assert quote.said_on == "2020-03-07"


def test_undated_article_weekday_stays_null_when_no_written_date_falls_on_it(quotes_of):
    text = ("In a message on Sunday, Mayor Tom Baker said the parade was cancelled.\n\n"
            "The parade is off this year. \u2014 Tom Baker (@mayortom) March 7, 2020")
    quote = next(q for q in only(quotes_of(text, published=None), direct=False) if "parade" in q.text)
    assert quote.said_on is None


def test_reported_clause_around_a_short_quoted_fragment_is_kept_with_the_fragment(quotes_of):
    quotes = quotes_of('The minister said the new dam would "save the valley" from floods every spring.')
    reported = [q.text for q in only(quotes, direct=False)]
    assert reported == ['the new dam would "save the valley" from floods every spring']
    assert [q.text for q in only(quotes)] == ["save the valley"]


def test_reported_clause_that_is_mostly_a_quote_is_recorded_only_as_the_quote(quotes_of):
    quotes = quotes_of('The minister said the dam "will protect every village in the valley for a century."')
    assert only(quotes, direct=False) == []


def test_accused_x_of_y_reports_the_accused_and_the_charge(quotes_of):
    quotes = quotes_of("The governor accused the rebels of shelling the market on purpose.")
    (quote,) = only(quotes, direct=False)
    assert quote.text == "the rebels of shelling the market on purpose"
    assert quote.speaker_org == "The governor"


def test_accused_x_without_a_charge_reports_nothing(quotes_of):
    assert only(quotes_of("The governor accused the rebels in a long speech."), direct=False) == []


def test_clause_before_a_comma_and_its_attribution_is_reported_speech(quotes_of):
    # the parser makes "said" a conjunct of "called" here, not the governor of the clause
    text = ("Foreign Minister Anna Berg has called and spoken with the rebel commander, a spokesman for the "
            "rebels said Tuesday, amid a row in the capital over when the president was told.")
    (quote,) = only(quotes_of(text), direct=False)
    assert quote.text == "Foreign Minister Anna Berg has called and spoken with the rebel commander"
    assert quote.speaker_org == "a spokesman for the rebels"
    assert quote.said_on == "2020-03-03"


def test_clause_before_a_parenthetical_attribution_is_reported_speech(quotes_of):
    (quote,) = only(quotes_of("The rebels freed the hostages, a spokesman said, and the army withdrew."), direct=False)
    assert quote.text == "The rebels freed the hostages"


def test_clause_joined_by_and_to_a_speech_verb_is_not_its_reported_speech(quotes_of):
    quotes = quotes_of("The army retook the bridge on Monday, and a military spokesman said nothing about losses.")
    assert only(quotes, direct=False) == []


def test_informed_that_reports_a_clause(quotes_of):
    (quote,) = only(quotes_of("The mayor informed the council that the bridge would stay closed."), direct=False)
    assert quote.text == "the bridge would stay closed"


def test_participle_modifying_a_noun_reports_nothing(quotes_of):
    # "informed" reports speech, but here it only describes the official who told the paper
    text = ("Earlier this month the paper was told by an official informed on the matter that the army and "
            "the police were planning a joint raid.")
    reported = only(quotes_of(text), direct=False)
    assert [(q.speaker_org, q.text) for q in reported] == [
        ("an official", "the army and the police were planning a joint raid")]
