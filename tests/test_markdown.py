"""Markdown inputs (.md) lose their markup before cleaning; .txt inputs keep every character."""

from __future__ import annotations

from pathlib import Path

from accord import api
from accord.ingest.markdown import markdown_to_text
from accord.ingest.readers import read_text_file
from accord.store import Store

ARTICLE_MD = """# Envoy returns to the capital for talks

*By A. Writer, Example Wire*

![A convoy on the road](https://example.org/convoy.jpg)

**KABUL** — The envoy met the _commanders_ on Monday, [officials said](https://example.org/a).

"The talks will go on until there is a *lasting* ceasefire," the envoy told reporters.
"""


def test_markup_goes_and_the_words_stay():
    text = markdown_to_text(ARTICLE_MD)
    assert text.split("\n\n") == [
        "Envoy returns to the capital for talks",
        "By A. Writer, Example Wire",
        "KABUL — The envoy met the commanders on Monday, officials said.",
        "\"The talks will go on until there is a lasting ceasefire,\" the envoy told reporters.",
    ]


def test_characters_that_are_not_markup_are_kept():
    assert markdown_to_text("The file_name_v2 has 2 * 3 = 6 rows.") == "The file_name_v2 has 2 * 3 = 6 rows."


def test_md_file_is_stripped_but_txt_file_is_not(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE_MD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_MD, encoding="utf-8")
    assert "**" not in read_text_file(tmp_path / "a.md").text
    assert read_text_file(tmp_path / "b.txt").text == ARTICLE_MD


def test_stored_md_article_has_a_clean_title_and_offsets_into_its_clean_text(tmp_path: Path):
    path = tmp_path / "envoy.md"
    path.write_text(ARTICLE_MD, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    assert api.ingest([path], db).rejected == []
    with Store(db) as store:
        doc = store.document("envoy")
        quotes = store.rows("SELECT text, start, \"end\" FROM quotes")
    assert doc["title"] == "Envoy returns to the capital for talks"
    assert not any(mark in doc["clean_text"] for mark in ("**", "_commanders_", "](", "# "))
    quoted = "The talks will go on until there is a lasting ceasefire,"
    # The lead after the "KABUL —" dateline is reported speech ("..., officials said") as well.
    reported = "The envoy met the commanders on Monday"
    assert sorted(doc["clean_text"][q["start"]:q["end"]] for q in quotes) == [reported, quoted]
