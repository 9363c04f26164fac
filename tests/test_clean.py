"""Cleaning on hand-written imitations of news copies (no corpus text here)."""

from __future__ import annotations

from accord.api import prepare
from accord.ingest.clean import clean
from accord.ingest.header_lines import date_line, parse_absolute_date
from accord.models import Article

BODY = (
    "The two delegations met in the capital on Friday to discuss a ceasefire.\n\n"
    "“We are ready to talk,” the envoy said after the meeting."
)


def paras(text: str) -> list[str]:
    return text.split("\n\n")


def test_keeps_paragraphs_blank_line_separated_and_joins_wrapped_lines():
    cleaned = clean("First line of a paragraph\nwrapped here.\n\n\nSecond paragraph.")
    assert cleaned.text == "First line of a paragraph wrapped here.\n\nSecond paragraph."


def test_keeps_curly_quotes_and_normalises_guillemets_and_dashes():
    cleaned = clean("He said «we agree» ― and left.")
    assert cleaned.text == "He said “we agree” — and left."


def test_markdown_links_become_their_text():
    assert clean("Read [the statement](https://example.org/a) today.").text == "Read the statement today."


def test_drops_share_and_newsletter_prompts():
    raw = f"Share this article\n\n{BODY}\n\nSign up for our newsletter\n\nSubscribe to our daily newsletter for updates"
    assert clean(raw).text == BODY


def test_drops_subscribe_and_alert_prompts_of_any_outlet():
    prompts = [
        "Subscribe to the Example Courier evening digest for the latest from the valley.",
        "Subscribe for weekly updates.",
        "Breaking news and analysis: sign up for Example Wire alerts.",
        "Want more? Subscribe to our podcast.",
    ]
    assert clean("\n\n".join([BODY, *prompts])).text == BODY


def test_a_call_to_sign_up_inside_the_story_stays():
    text = "The commander told the crowd: sign up for the army and defend the town."
    assert clean(f"{BODY}\n\n{text}").text == f"{BODY}\n\n{text}"


def test_drops_footer_lines_that_string_prompts_together():
    footers = [
        "Share | Tweet | Email © Example Courier 2021",
        "Follow the Example Courier on social media. © 2021 Example Courier",
        "Share this report. Tags: ceasefire, border",
        "© Example Courier 2021 — Subscribe for daily updates.",
        "Copyright Example Courier 2021. Share | Print",
        "Share this article: Facebook | Twitter | WhatsApp",
    ]
    assert clean("\n\n".join([BODY, *footers])).text == BODY


def test_a_paragraph_with_one_sentence_of_content_is_kept_whole():
    text = "Share prices fell sharply on Monday. Email traffic between the ministries stopped."
    assert clean(f"{BODY}\n\n{text}").text == f"{BODY}\n\n{text}"


def test_drops_bracketed_media_notes_and_syndication_lines():
    notes = [
        "[Photo: Elders meet in the square of the town. Credit: Example Courier / File]",
        "[Caption: A convoy on the road north. Photo: Example Wire]",
        "[Graphic: the stages of the plan. Example Review]",
        "Photo caption: The envoy speaks to reporters at the airport.",
        "[Republished with permission from the Example Courier]",
    ]
    assert clean("\n\n".join([notes[-1], BODY, *notes[:-1]])).text == BODY


def test_cuts_outlet_photo_credit_in_parentheses_and_keeps_the_caption():
    raw = f"{BODY}\n\nVillagers wait at a clinic in the east. (Example Courier photo)"
    assert paras(clean(raw).text)[-1] == "Villagers wait at a clinic in the east."


def test_drops_copyright_and_disclaimers():
    raw = f"{BODY}\n\n© 2020 Example Media Group. All rights reserved.\n\nCopyright 2019 The Example Times, LLC."
    assert clean(raw).text == BODY


def test_drops_reader_notes():
    raw = f"Editor's note: This piece was updated with new figures.\n\n{BODY}"
    assert clean(raw).text == BODY


def test_cuts_bracketed_photo_credit_and_keeps_the_caption_words():
    raw = f"{BODY}\n\nSoldiers guard a checkpoint near the airport [Jane Roe/Example Agency]"
    assert paras(clean(raw).text) == [*paras(BODY), "Soldiers guard a checkpoint near the airport"]


def test_cuts_agency_photo_credits_and_drops_photo_credit_lines():
    raw = (
        "In this March 3 photo, a convoy passes a market in the north. (AP Photo/John Smith)\n\n"
        f"{BODY}\n\nPhoto: John Smith / Reuters\n\nA destroyed bridge outside the city. Photograph: Jo Bloggs/AFP"
    )
    assert paras(clean(raw).text) == [
        "In this March 3 photo, a convoy passes a market in the north.", *paras(BODY),
        "A destroyed bridge outside the city.",
    ]


def test_file_photo_marker_and_wire_credit_are_cut():
    raw = f"FILE PHOTO: Protesters gather at the site of a blast in the city. REUTERS/Jo Bloggs/File Photo\n\n{BODY}"
    assert paras(clean(raw).text)[0] == "Protesters gather at the site of a blast in the city."


def test_caption_printed_twice_keeps_both_copies_without_credits():
    caption = "A convoy passes a market in the north of the country on Monday, officials said. (AP Photo/Jo Bloggs)"
    cleaned = clean(f"{caption}\n\n{caption}\n\n{BODY}")
    kept = "A convoy passes a market in the north of the country on Monday, officials said."
    assert paras(cleaned.text) == [kept, kept, *paras(BODY)]


def test_drops_embedded_media_caption_widgets():
    raw = f"Media playback is unsupported on your device Media caption Scenes from the city\n\n{BODY}\n\n" \
          "Image copyright Example Images Image caption A crowd outside the ministry"
    assert clean(raw).text == BODY


def test_keeps_editorial_brackets_inside_a_sentence():
    text = "He said the [Afghan] forces would stay in the area until spring."
    assert clean(text).text == text


def test_drops_cartoon_teasers_and_related_lines():
    teasers = "More:\n\nRead more: Ceasefire talks resume\n\nRelated: Envoy visits"
    raw = f"The Week in Cartoons May 4-8\n\n{BODY}\n\n{teasers}"
    assert clean(raw).text == BODY


def test_drops_shouted_links_to_other_stories_but_keeps_short_capital_subheads():
    raw = f"{BODY}\n\nENVOY SAYS TALKS WILL RESUME NEXT MONTH\n\nWHAT NEXT?\n\nThe talks resume in May."
    assert paras(clean(raw).text) == [*paras(BODY), "WHAT NEXT?", "The talks resume in May."]


def test_drops_byline_and_tag_lines():
    raw = f"By Jane Doe, Associated Press\n\n{BODY}\n\nRegion: Middle East\n\nTheme: Peace talks\n\nTags: ceasefire"
    assert clean(raw).text == BODY


def test_sentence_starting_with_by_is_not_a_byline():
    raw = f"{BODY}\n\nBy the end of the week, both sides had agreed to a truce."
    assert clean(raw).text.endswith("By the end of the week, both sides had agreed to a truce.")


def test_drops_author_and_agency_lines_above_the_body():
    raw = f"Jane Doe\n\nEXAMPLE TODAY\n\nUSA TODAY\n\n{BODY}"
    assert paras(clean(raw).text)[-2:] == paras(BODY)
    assert "Jane Doe" not in clean(raw).text


def test_drops_wire_contributor_lines_and_separators():
    raw = f"{BODY}\n\n___\n\nAssociated Press writers Jane Doe and Joe Bloggs contributed to this report."
    assert clean(raw).text == BODY


def test_finds_title_in_short_first_line():
    cleaned = clean(f"Envoys agree on prisoner exchange\n{BODY}")
    assert cleaned.title == "Envoys agree on prisoner exchange"
    assert cleaned.text == BODY


def test_first_line_with_final_punctuation_is_not_a_title():
    cleaned = clean(BODY)
    assert cleaned.title is None
    assert cleaned.text == BODY


def test_given_title_wins_and_repeated_headline_is_dropped():
    cleaned = clean(f"Envoys agree on prisoner exchange\n\n{BODY}", title="Envoys Agree on Prisoner Exchange")
    assert cleaned.title == "Envoys Agree on Prisoner Exchange"
    assert cleaned.text == BODY


def test_finds_published_date_lines():
    assert clean(f"Published 6 May 2020\n\n{BODY}").published == "2020-05-06"
    assert clean(f"Example News, May 06, 2020\n\n{BODY}").published == "2020-05-06"
    assert clean(f"Wednesday, May 6, 2020\n\n{BODY}").published == "2020-05-06"


def test_finds_published_and_updated_dates_beside_the_outlet_or_author():
    assert clean(f"Example Courier — Published 6 May 2020\n\n{BODY}").published == "2020-05-06"
    assert clean(f"Published May 6, 2020 — Example Courier\n\n{BODY}").published == "2020-05-06"
    assert clean(f"{BODY}\n\nBy Jane Doe – Updated 7 May 2020").published == "2020-05-07"
    assert clean(f"Example Courier — Published 6 May 2020\n\n{BODY}").text == BODY


def test_sentence_with_a_dashed_aside_on_publication_is_not_a_date_line():
    aside = "The report — published 6 May 2020 — said the army had withdrawn."
    assert date_line(aside, near_top=True) is None
    assert date_line("KABUL — Published figures on 6 May 2020 show a rise", near_top=True) is None
    assert clean(f"{aside}\n\n{BODY}").published is None


def test_date_lines_are_removed_from_the_text():
    assert clean(f"Published 6 May 2020\n\n{BODY}").text == BODY


def test_published_wins_over_updated():
    raw = f"Updated: 8 May 2020 10:45\n\nPublished: 6 May 2020\n\n{BODY}"
    assert clean(raw).published == "2020-05-06"


def test_updated_date_is_used_when_nothing_else_is_given():
    assert clean(f"{BODY}\n\nUpdated: May 7, 2020").published == "2020-05-07"


def test_no_date_is_made_up():
    assert clean(BODY).published is None
    assert clean(f"Updated at 10:45 a.m.\n\n{BODY}").published is None


def test_sentence_with_a_date_is_neither_a_date_line_nor_dropped():
    sentence = "The agreement was signed on May 6, 2020 in the capital."
    assert date_line(sentence, near_top=True) is None
    assert clean(sentence).text == sentence


def test_partial_dates_are_not_parsed():
    assert parse_absolute_date("May 2020") is None
    assert parse_absolute_date("Tuesday") is None


def test_cleaning_is_deterministic_and_idempotent():
    raw = f"Share this article\n\n{BODY}\n\n© 2020 Example"
    once = clean(raw).text
    assert clean(raw).text == once
    assert clean(once).text == once


def test_published_wins_over_updated_on_one_line():
    assert date_line("Updated 8 May 2020 · Published 6 May 2020", near_top=True) == ("published", "2020-05-06")
    assert clean(f"Updated: May 8, 2020 | Published: May 6, 2020\n\n{BODY}").published == "2020-05-06"
    assert date_line("Updated 8 May 2020 · Example Courier", near_top=True) == ("updated", "2020-05-08")


def test_outlet_beside_the_date_is_the_source():
    assert clean(f"Example Courier — Published 6 May 2020\n\n{BODY}").source == "Example Courier"
    assert clean(f"Posted on May 6, 2020 | River Gazette\n\n{BODY}").source == "River Gazette"
    assert clean(f"Valley Times · Published 6 May 2020\n\n{BODY}").source == "Valley Times"
    assert clean(f"Published 6 May 2020\n\n{BODY}").source is None


def test_outlet_named_on_a_byline_is_the_source():
    assert clean(f"By Jane Doe, Example Courier\n\n{BODY}").source == "Example Courier"
    assert clean(f"By Jane Doe and John Roe, Example Courier staff\n\n{BODY}").source == "Example Courier"
    assert clean(f"By the Example Courier foreign desk\n\n{BODY}").source == "Example Courier"
    assert clean(f"By Jane Doe, Example Courier Kabul correspondent\n\n{BODY}").source == "Example Courier"
    assert clean(f"By the Example Courier foreign desk\n\n{BODY}").text == BODY


def test_author_role_or_place_on_a_byline_is_not_a_source():
    assert clean(f"By Jane Doe\n\n{BODY}").source is None
    assert clean(f"By Jane Doe, Senior Correspondent\n\n{BODY}").source is None
    assert clean(f"By Jane Doe, Kabul\n\n{BODY}").source is None
    assert clean(f"By Jane Doe, John Roe and Ann Poe\n\n{BODY}").source is None
    assert clean(f"{BODY}\n\nBy Jane Doe – Updated 7 May 2020").source is None


def test_sentence_naming_an_outlet_is_not_a_source():
    sentence = "The Example Courier reported on 6 May 2020 that the talks had stalled."
    assert clean(f"{sentence}\n\n{BODY}").source is None
    assert clean(f"By the end of the week the envoy had left.\n\n{BODY}").source is None


def test_wire_dateline_credits_the_agency():
    assert clean("CAIRO, Egypt (Example Wire) — The two delegations met on Friday.").source == "Example Wire"
    assert clean("CAIRO (Example Wire) - The two delegations met on Friday.").source == "Example Wire"
    assert clean("The envoy (a former minister) — who had resigned — spoke on Friday.").source is None


def test_outlet_on_the_byline_comes_before_the_dateline_agency():
    raw = "By Jane Doe, Example Courier\n\nCAIRO (Example Wire) — The two delegations met on Friday."
    assert clean(raw).source == "Example Courier"


def test_given_source_wins_over_the_outlet_found_in_the_text():
    text = f"By Jane Doe, Example Courier\n\n{BODY}"
    assert prepare(Article(id="a", text=text)).source == "Example Courier"
    assert prepare(Article(id="a", text=text, source="River Gazette")).source == "River Gazette"
    assert prepare(Article(id="a", text=text), source="Field notes").source == "Field notes"
