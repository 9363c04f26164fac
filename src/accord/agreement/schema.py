"""The agreement file format: a peace agreement's provisions and the evidence rules that track them.

An agreement is data (YAML under `src/accord/data/agreements/` or any file an analyst writes):
parties, signing date, and provisions, each with an obligor, a kind, a deadline and the rules that
say which events, claims and quotes count as its completion, part of it, or a violation. The models
below validate such a file with pydantic; `load_agreement` turns any mistake into a one-line
`DataFileError` naming the file, the line and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from accord.errors import DataFileError

ProvisionKind = Literal["do", "refrain", "condition", "aspiration"]

# What a matching row says about the provision:
#   met        its completion (an event that happened, a claim that reaches the target, "has been completed")
#   partial    part of it (a count below the target, "began releasing")
#   violation  a reported violation or refusal by the obligor
#   not_yet    a report that it is still to come (a planned event, "has not yet begun")
#   context    related, never decisive (shown to the analyst only)
Counts = Literal["met", "partial", "violation", "not_yet", "context"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_patterns(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"'{pattern}' is not a regular expression ({err})") from err
    return patterns


class EventRule(_Strict):
    """Event mentions that count: PLOVER types and modes, actors, places, words of the sentence."""

    types: list[str] = []          # PLOVER types (empty: any type; the words then say what counts)
    modes: list[str] = []          # any of these modes (empty: any mode, null included)
    actors: list[str] = []         # actor1 is one of these (empty: anyone)
    targets: list[str] = []        # actor2 is one of these (empty: anyone, or nobody)
    places: list[str] = []         # location country or name is one of these, or the event has no place
    words: list[str] = []          # the sentence matches one of these regular expressions (case-insensitive)
    unless: list[str] = []         # and none of these ("will", "decided to": a plan told as a fact)
    planned: bool | None = None    # only planned (true) or only happened (false) mentions; null: both
    counts: Counts = "met"

    _patterns = field_validator("words", "unless")(classmethod(lambda cls, v: _check_patterns(v)))


class ClaimRule(_Strict):
    """Claims that count towards a number: a measure's words, and the target they are compared with."""

    measures: list[str] = Field(min_length=1)  # the claim's measure matches one of these regular expressions
    words: list[str] = []                      # and its sentence matches one of these regular expressions
    unless: list[str] = []                     # and none of these ("will", "would": a plan, not a count)
    target: float | None = None                # defaults to the provision's target; 0: any count counts
    direction: Literal["at_least", "at_most"] = "at_least"  # "release 5,000": at_least; "down to 8,600": at_most
    baseline: float | None = None              # the count at signing, for an at_most target's progress
    counts: Counts = "met"                     # what reaching the target means (below it: partial)

    _patterns = field_validator("measures", "words", "unless")(classmethod(lambda cls, v: _check_patterns(v)))


class QuoteRule(_Strict):
    """Quotes whose words say the provision was done, broken or is still to come."""

    phrases: list[str] = Field(min_length=1)  # regular expressions, case-insensitive, searched in the quote
    counts: Counts

    _patterns = field_validator("phrases")(classmethod(lambda cls, v: _check_patterns(v)))


class EvidenceRules(_Strict):
    events: list[EventRule] = []
    claims: list[ClaimRule] = []
    quotes: list[QuoteRule] = []


class Provision(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    obligor: str
    beneficiary: str | None = None
    obligation: str
    kind: ProvisionKind = "do"
    binding: bool = True
    deadline: str | None = None    # "2020-03-10", "14 months after signing", "with start-negotiations"
    starts: str | None = None      # a refrain obligation runs from here (default: signing)
    target: float | None = None
    depends_on: list[str] = []
    note: str | None = None        # what the text says, in a line, for the analyst
    evidence: EvidenceRules = EvidenceRules()

    @field_validator("deadline", "starts", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        return value.isoformat() if isinstance(value, dt.date) else value

    @field_validator("deadline", "starts")
    @classmethod
    def _deadline_is_readable(cls, value: str | None) -> str | None:
        from accord.agreement.deadlines import parse_deadline

        if value is not None:
            parse_deadline(value)  # raises ValueError with the accepted forms
        return value


class Agreement(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str
    signed: dt.date
    place: str | None = None
    parties: list[str] = Field(min_length=2)
    source: str | None = None      # where the text can be read (a citation, not a copy)
    # What an article must be about for its rows to count: regular expressions, one of which matches its
    # title or lead (first 1,500 characters). Keeps other conflicts' withdrawals and releases out.
    scope: list[str] = []
    provisions: list[Provision] = Field(min_length=1)

    _patterns = field_validator("scope")(classmethod(lambda cls, v: _check_patterns(v)))

    @model_validator(mode="after")
    def _references_resolve(self) -> Agreement:
        ids = [p.id for p in self.provisions]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"provision ids repeat: {', '.join(duplicates)}")
        for provision in self.provisions:
            for dependency in provision.depends_on:
                if dependency not in ids or dependency == provision.id:
                    raise ValueError(f"provision '{provision.id}' depends_on unknown provision '{dependency}'")
        from accord.agreement.deadlines import resolve_deadlines

        resolve_deadlines(self.signed, {p.id: p.deadline for p in self.provisions})  # anchors exist, no circle
        return self

    def deadlines(self) -> dict[str, dt.date | None]:
        from accord.agreement.deadlines import resolve_deadlines

        return resolve_deadlines(self.signed, {p.id: p.deadline for p in self.provisions})

    def provision(self, provision_id: str) -> Provision:
        return next(p for p in self.provisions if p.id == provision_id)


def load_agreement(path: str | Path) -> Agreement:
    """A validated agreement; any mistake is a `DataFileError` 'file:line: field: reason'."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(str(path), f"cannot read: {err.strerror}") from err
    return parse_agreement(text, str(path))


def parse_agreement(text: str, origin: str) -> Agreement:
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{origin}:{mark.line + 1}" if mark else origin
        raise DataFileError(where, f"malformed YAML: {getattr(err, 'problem', None) or err}") from err
    if not isinstance(data, dict):
        raise DataFileError(origin, "an agreement file is a mapping (id, title, signed, parties, provisions)")
    try:
        return Agreement.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        location = tuple(first["loc"])
        field = ".".join(_field_name(data, location)) or "(top level)"
        line = _line_of(root, location)
        where = f"{origin}:{line}" if line else origin
        raise DataFileError(where, f"{field}: {_reason(first)}") from err


def _reason(error: dict[str, Any]) -> str:
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _field_name(data: Any, location: tuple[Any, ...]) -> list[str]:
    """'provisions[2].deadline' reads better with the provision's id: 'provisions[troops-8600].deadline'."""
    names: list[str] = []
    node = data
    for key in location:
        if isinstance(key, int) and isinstance(node, list):
            item = node[key] if key < len(node) else None
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else key
            if names:
                names[-1] += f"[{label}]"
            else:
                names.append(f"[{label}]")
            node = item
        else:
            names.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return names


def _line_of(node: yaml.Node | None, location: tuple[Any, ...]) -> int | None:
    """The 1-based line of the deepest YAML node on the error's path (its parent's when the key is missing)."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in location:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((value for k, value in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line
