"""Headers and footers of sites never seen, found by position and cue density (all text written here)."""

from __future__ import annotations

import pytest

from accord.ingest.clean import clean
from accord.ingest.edges import Kind, edge_cues, paragraph_kind, separate_lines, trim_edges

BODY = [
    "The two delegations met in the capital on Friday to discuss a ceasefire along the northern front.",
    "“We are ready to talk,” the envoy said after the meeting, adding that prisoners could be exchanged.",
    "Fighting continued overnight in three villages east of the river, residents said.",
    "The talks are due to resume next week in a neutral country.",
]


def cleaned(*parts: str) -> list[str]:
    return clean("\n\n".join(parts)).text.split("\n\n")


WIRE_FOOTER = [
    "(Reporting by Ana Lind in the capital; additional reporting by Tom Berg; editing by Mark Hale)",
    "Our standards: the Example Wire trust principles.",
    "© 2024 Example Wire. This material may not be published, broadcast, rewritten or redistributed.",
]

OPINION_FOOTER = [
    "The views expressed in this article are the author's own and do not necessarily reflect the editorial "
    "stance of the Example Review.",
    "Disclaimer: Nothing published on this site constitutes legal, financial or medical advice. Readers should "
    "consult a qualified professional before acting on any information in this article.",
    "Fair use notice: This site contains copyrighted material whose use has not always been specifically "
    "authorised by the copyright owner. We make such material available in an effort to advance understanding "
    "of political and human rights issues. We believe this constitutes a fair use of any such copyrighted "
    "material as provided for in section 107 of the US Copyright Law. If you wish to use copyrighted material "
    "from this site for purposes of your own that go beyond fair use, you must obtain permission from the "
    "copyright owner.",
    "Featured image: Jane Roe / Getty Images",
    "Support our journalism: become a member or donate today.",
    "Example Review",
    "Contact: letters@example-review.org | 12 Harbour Lane, Portsmouth",
]

NGO_FOOTER = [
    "Note to editors:",
    "About Example Aid: Example Aid is an independent humanitarian charity working in 30 countries. "
    "Registered charity no. 1234567.",
    "For media enquiries contact press@example-aid.org or call +44 20 7946 0000.",
    "Donate now",
    "Share this page",
]

PARAPHRASED_COPY_FOOTER = [
    "This article was originally published on the Example Courier. Read the original article.",
    "Republished under a Creative Commons licence.",
    "Follow us on Telegram for more updates: @examplecourier",
]

PHOTO_STORY_FOOTER = [
    "Photos: Sam Lee / Example Agency",
    "Thank you for reading. Sign up for our weekly briefing at www.example-news.com/briefing",
]


AGENCY_NOTES_FOOTER = [
    "___",
    "Roe reported from the capital. Example Wire writers Tom Berg in Geneva and Ann Poe in Vienna "
    "contributed to this report.",
    "Stories by the Example Foundation are free to eligible publishers. For licensing requests, write to "
    "rights@example-foundation.org.",
]


COMMENT_PROMPT_FOOTER = [
    "Share your thoughts on this story in the comments below.",
    "This material may not be published, broadcast, rewritten or redistributed. All rights reserved.",
    "Become a member today and support independent journalism.",
]


@pytest.mark.parametrize("footer", [WIRE_FOOTER, OPINION_FOOTER, NGO_FOOTER, PARAPHRASED_COPY_FOOTER,
                                    PHOTO_STORY_FOOTER, AGENCY_NOTES_FOOTER, COMMENT_PROMPT_FOOTER],
                         ids=["wire", "opinion-legal", "ngo", "paraphrased-copy", "photo-story", "agency-notes",
                              "comment-prompt"])
def test_an_unseen_sites_footer_goes_and_the_story_stays(footer):
    assert cleaned(*BODY, *footer) == BODY


HEADERS = [
    ["Home » News » Middle East", "Listen to this article · 4 min read", "Sign in to save this story"],
    ["Photo: Jane Roe / Getty Images", "Support independent reporting: become a member."],
    ["World", "Skip to the main story", "Subscribe today for unlimited access to our reporting"],
]


@pytest.mark.parametrize("header", HEADERS, ids=["breadcrumbs", "image-credit", "subscription"])
def test_an_unseen_sites_header_goes_and_the_story_stays(header):
    assert cleaned(*header, *BODY) == BODY


def test_a_subtitle_after_the_header_stays():
    subtitle = "Talks stall as the deadline passes"
    assert cleaned("Listen to this article · 4 min read", subtitle, *BODY) == [subtitle, *BODY]


@pytest.mark.parametrize("last", [
    "The newspaper is locked in a copyright dispute with the broadcaster over its fair use of the footage.",
    "“Write to me at mayor@example.gov if you see anything,” the mayor told residents.",
    "Readers can find the full report on the ministry's website, www.example.gov.",
    "The charity, which depends on donations from members, has suspended its work in the region.",
    "Residents queue for water in the damaged district on Tuesday.",
    "He said subscribers to the rebel channel had been arrested.",
    "Donations to the flood fund passed $2 million on Monday.",
])
def test_a_last_paragraph_that_mentions_notice_words_stays_before_a_footer(last):
    assert cleaned(*BODY, last, *OPINION_FOOTER) == [*BODY, last]


def test_a_first_paragraph_that_quotes_an_email_stays_after_a_header():
    first = "“Send your evidence to inquiry@example.org,” the commission's chair said on Monday."
    assert cleaned("Home » News » Africa", first, *BODY) == [first, *BODY]


def test_a_caption_that_is_a_news_sentence_stays_and_its_credit_goes():
    caption = "Residents queue for water in the damaged district on Tuesday. Photo: Sam Lee / Example Agency"
    assert cleaned(caption, *BODY, *PHOTO_STORY_FOOTER) == [
        "Residents queue for water in the damaged district on Tuesday.", *BODY]


def test_notice_words_inside_the_story_are_never_cut():
    middle = "Subscribers to the newsletter of the group were questioned by police, the ministry said."
    story = [*BODY[:2], middle, *BODY[2:]]
    assert cleaned(*story, *NGO_FOOTER) == story


@pytest.mark.parametrize(("paragraph", "kind"), [
    ("© 2024 Example Media. All rights reserved.", Kind.NOTICE),
    ("Become a member today", Kind.NOTICE),
    ("12 Harbour Lane, Portsmouth PO1 2AB", Kind.FURNITURE),
    ("Our standards: the trust principles.", Kind.FURNITURE),
    ("Fighting continued overnight, residents said.", Kind.TEXT),
    ("Editor's note: An earlier version of this story misstated what the minister said.", Kind.NOTICE),
    ("The donors who contributed to the fund were thanked by the mayor on Monday evening.", Kind.TEXT),
    ("It was not clear how much each of the donor countries had contributed.", Kind.TEXT),
    ("Example Wire writer Ann Poe at the United Nations contributed.", Kind.NOTICE),
    ("The group asked its supporters to donate blood, the hospital director said.", Kind.TEXT),
    ("“Subscribe to our channel and share this video,” the commander said.", Kind.TEXT),
    ("I am proud to announce that our volunteers will join us on the border next week to help the families "
     "who need support.", Kind.TEXT),
])
def test_paragraph_kinds(paragraph, kind):
    assert paragraph_kind(paragraph, edge_cues()) is kind


def test_a_text_without_article_paragraphs_is_left_whole():
    # Edges need a body between them; line patterns, not structure, reject a page of prompts only.
    short_item = ["Donations to the flood fund passed $2 million, organisers reported."]
    assert trim_edges(short_item) == short_item
    assert trim_edges(["Share this page", "© 2024 Example Media"]) == ["Share this page", "© 2024 Example Media"]


def test_a_header_notice_is_never_taken_for_the_title():
    found = clean("Listen to this article · 4 min read\n\n" + "\n\n".join(BODY))
    assert found.title is None
    assert found.text.split("\n\n") == BODY


def test_a_footer_on_single_lines_below_the_story_goes():
    page = "\n".join([*BODY, *OPINION_FOOTER])  # one line per paragraph, no blank lines
    assert clean(page).text == " ".join(BODY)


def test_a_story_wrapped_at_a_fixed_width_keeps_its_last_lines():
    wrapped = ("The two delegations met in the capital on Friday to discuss a\n"
               "ceasefire. The mayor urged residents to donate blood at the\n"
               "Central Hospital, which treats our wounded.\n"
               "Share this page")
    assert clean(wrapped).text == ("The two delegations met in the capital on Friday to discuss a ceasefire. The mayor "
                                   "urged residents to donate blood at the Central Hospital, which treats our wounded.")


def test_separate_lines_keeps_wrapped_lines_together():
    lines = ["The envoy met the commanders of the three armed groups in", "the north on Friday.",
             "Share this page", "© 2024 Example Media"]
    assert separate_lines(lines) == [lines[:2], [lines[2]], [lines[3]]]


FOOTERS = [WIRE_FOOTER, OPINION_FOOTER, NGO_FOOTER, PARAPHRASED_COPY_FOOTER, PHOTO_STORY_FOOTER, AGENCY_NOTES_FOOTER]


def test_headers_and_footers_grafted_onto_corpus_articles_go_and_nothing_else(corpus_articles):
    # Each shared-corpus article (read at run time) gets one of the headers and footers written above,
    # in turn; its clean text must come out exactly as without them.
    changed = []
    for i, (doc_id, article) in enumerate(sorted(corpus_articles.items())):
        header, footer = HEADERS[i % len(HEADERS)], FOOTERS[i % len(FOOTERS)]
        grafted = "\n\n".join([*header, article["text"].strip(), *footer])
        if clean(grafted, article.get("title")).text != clean(article["text"], article.get("title")).text:
            changed.append(doc_id)
    assert not changed
