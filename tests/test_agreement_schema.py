"""The agreement file format: valid files load, every mistake is one line naming file, line and field."""

import datetime as dt

import pytest

from accord.agreement.bundled import bundled_names, resolve
from accord.agreement.schema import load_agreement, parse_agreement
from accord.errors import DataFileError

VALID = """\
id: test-accord
title: A test accord
signed: 2020-02-29
parties: [Side A, Side B]
provisions:
  - id: withdraw
    obligor: Side A
    obligation: Leave the valley.
    deadline: 14 months after signing
    depends_on: [guarantee]
    evidence:
      events:
        - types: [RETREAT]
          words: ['left the valley']
  - id: guarantee
    obligor: Side B
    obligation: Host no armed group.
    kind: condition
  - id: release
    obligor: Side A
    obligation: Free the detainees when talks open.
    deadline: with talks
    target: 500
  - id: talks
    obligor: Side B
    obligation: Open talks.
    deadline: 2020-03-10
"""


def _error(text: str) -> str:
    with pytest.raises(DataFileError) as caught:
        parse_agreement(text, "accord.yaml")
    return str(caught.value)


def test_a_valid_file_loads_with_its_provisions_and_deadlines(tmp_path):
    path = tmp_path / "accord.yaml"
    path.write_text(VALID, encoding="utf-8")
    agreement = load_agreement(path)
    assert [p.id for p in agreement.provisions] == ["withdraw", "guarantee", "release", "talks"]
    assert agreement.provision("withdraw").depends_on == ["guarantee"]
    assert agreement.deadlines()["withdraw"] == dt.date(2021, 4, 29)
    assert agreement.deadlines()["release"] == dt.date(2020, 3, 10)  # "with talks": the talks' deadline
    assert agreement.provision("guarantee").binding is True


def test_a_missing_field_names_the_file_line_and_provision():
    text = VALID.replace("    obligor: Side B\n    obligation: Host no armed group.\n",
                         "    obligation: Host no armed group.\n")
    assert _error(text) == "accord.yaml:15: provisions[guarantee].obligor: Field required"


def test_an_unknown_kind_is_refused_with_the_choices():
    message = _error(VALID.replace("kind: condition", "kind: promise"))
    assert message.startswith("accord.yaml:18: provisions[guarantee].kind: Input should be 'do', 'refrain',")


def test_an_unreadable_deadline_lists_the_accepted_forms():
    message = _error(VALID.replace("14 months after signing", "soon"))
    assert message.startswith("accord.yaml:9: provisions[withdraw].deadline: deadline 'soon' is not a date")


def test_a_dependency_on_an_unknown_provision_is_refused():
    message = _error(VALID.replace("depends_on: [guarantee]", "depends_on: [guarantees]"))
    assert "depends_on unknown provision 'guarantees'" in message


def test_a_deadline_after_a_provision_without_one_is_refused():
    message = _error(VALID.replace("deadline: with talks", "deadline: with guarantee"))
    assert "refers to 'guarantee', which has no deadline" in message


def test_a_misspelt_field_is_refused_not_ignored():
    message = _error(VALID.replace("    target: 500", "    targt: 500"))
    assert message == "accord.yaml:23: provisions[release].targt: Extra inputs are not permitted"


def test_a_rule_word_that_is_not_a_regular_expression_is_refused():
    message = _error(VALID.replace("'left the valley'", "'left (the valley'"))
    assert "provisions[withdraw].evidence.events[0].words: 'left (the valley' is not a regular expression" in message


def test_malformed_yaml_names_the_line():
    assert _error(VALID.replace("parties: [Side A, Side B]", "parties: [Side A, Side B")).startswith("accord.yaml:")


def test_the_bundled_agreements_load_by_name():
    assert {"us-taliban-2020", "minsk-2015"} <= set(bundled_names())
    doha, _, origin = resolve("us-taliban-2020")
    assert origin == "bundled:us-taliban-2020"
    deadlines = doha.deadlines()
    assert deadlines["withdraw-all-forces"] == dt.date(2021, 4, 29)
    assert deadlines["reduce-to-8600"] == dt.date(2020, 7, 13)
    assert deadlines["release-prisoners"] == deadlines["start-negotiations"] == dt.date(2020, 3, 10)
    assert doha.provision("reduce-violence").binding is False
    minsk = resolve("minsk-2015")[0]
    assert minsk.deadlines()["prisoner-exchange"] == dt.date(2015, 3, 8)


def test_an_unknown_name_lists_the_bundled_agreements():
    with pytest.raises(DataFileError, match="bundled: .*us-taliban-2020"):
        resolve("no-such-accord")
