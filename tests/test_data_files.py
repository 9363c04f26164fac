"""The YAML data files: a malformed one stops the run with one line naming the file and line, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import accord.data
from accord.cli import app
from accord.data import load_yaml_file, read_yaml
from accord.errors import DataFileError
from accord.ingest.clean import boilerplate_rules

UNCLOSED_LIST = "whole_line:\n  - '^Share this'\nbyline: ['^By ', '^From '\npublisher_line: []\n"


def test_packaged_data_files_all_parse():
    folder = Path(accord.data.__file__).parent
    for path in sorted(folder.glob("*.yaml")):
        assert read_yaml(path.name) is not None, path.name


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text("verbs:\n  - said\n  - told\n  bad: indent\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_yaml_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:4: malformed YAML")
    assert "\n" not in message


def test_unclosed_construct_also_says_where_it_began(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text(UNCLOSED_LIST, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"^\S+:4: .*from line 3\)$"):
        load_yaml_file(path)


def test_data_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_bytes("places: [Herāt]".encode("utf-16"))
    with pytest.raises(DataFileError, match=r"not UTF-8"):
        load_yaml_file(path)


@pytest.fixture
def broken_boilerplate(tmp_path, monkeypatch):
    """The package's data folder swapped for one whose boilerplate.yaml is malformed."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "boilerplate.yaml").write_text(UNCLOSED_LIST, encoding="utf-8")
    monkeypatch.setattr(accord.data.resources, "files", lambda package: folder)
    boilerplate_rules.cache_clear()
    yield folder / "boilerplate.yaml"
    boilerplate_rules.cache_clear()


def test_cli_prints_one_line_error_for_a_malformed_data_file(tmp_path, broken_boilerplate):
    article = tmp_path / "note.txt"
    article.write_text("The envoy met the commanders in the capital on Monday.", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(article), "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)  # an exit with a message, not a traceback
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1
    assert errors[0].startswith(f"error: {broken_boilerplate}:4: malformed YAML")
