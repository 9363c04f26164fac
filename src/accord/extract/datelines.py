"""Datelines: "KABUL, Afghanistan (AP) — ", "Doha, Qatar - ", "WASHINGTON/ISLAMABAD (Reuters) - ", "(CNN) ".

A wire story opens with where it was filed. Parsed as part of the first sentence, the place becomes the
subject ("Doha, Qatar - US officials ... have signed": Qatar signed). `accord_paragraph_breaks` makes the lead
start after the dateline, and the place stays available as where the lead's news is, when the lead itself
names no place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.extract.places import Location, resolve_place

_NAME = r"[A-Z][A-Za-z.'’-]*(?:[ /][A-Z][A-Za-z.'’-]*){0,3}"
DATELINE = re.compile(
    rf"(?P<place>{_NAME})(?:,\s+(?P<region>{_NAME}))?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # "CITY, Month Day (Agency) —"
    r"(?:\s+\((?P<agency>[A-Z][^()\n]{0,30})\))?\s*[-–—]+\s+(?=\S)"
    r"|\((?P<agency_only>[A-Z][A-Za-z.]{1,15})\)\s+(?=[A-Z])"
)
# Captions and bylines can come before the dateline; it is never further in than this.
FIRST_PARAGRAPHS = 5


@dataclass(frozen=True)
class Dateline:
    start: int  # character offsets of the whole dateline in the text
    end: int  # where the lead sentence starts
    location: Location | None


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening one of the first paragraphs, if any."""
    offset = 0
    for paragraph in text.split("\n")[:FIRST_PARAGRAPHS * 2]:  # blank lines between paragraphs count too
        match = DATELINE.match(paragraph)
        if match:
            found = _dateline(match, offset)
            if found is not None:
                return found
        offset += len(paragraph) + 1
    return None


def _dateline(match: re.Match[str], offset: int) -> Dateline | None:
    if match.group("agency_only"):
        return Dateline(offset, offset + match.end(), None)
    place, region, agency = match.group("place"), match.group("region"), match.group("agency")
    # Without an agency or a region, only a place in capitals ("WASHINGTON —") is a dateline, not "Kabul - ".
    if not (agency or region or place.isupper()):
        return None
    location = _resolve(place.split("/")[0]) or (_resolve(region) if region else None)
    if location is None:
        return None  # "FILE - In this photo": not a place
    return Dateline(offset, offset + match.end(), location)


def _resolve(name: str) -> Location | None:
    return resolve_place(name.title() if name.isupper() else name)
