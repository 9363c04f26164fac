"""What the HTML report and the dashboard share: a Jinja2 environment that escapes everything, sentence anchors,
JSON safe inside a <script> element, and the split of an article into highlighted segments.

Article text and titles are untrusted: autoescape is on for every template, and data handed to the charts is
JSON with "<", ">" and "&" written as \\u escapes, so no string can close the <script> element that holds it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"


def json_for_script(value: Any) -> Markup:
    text = json.dumps(value, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def sentence_anchor(doc: str | None, start: int | None, end: int | None) -> str:
    """The id of a cited sentence in the report: readable, and safe in a URL fragment."""
    return "s-" + re.sub(r"[^A-Za-z0-9_.-]", "_", doc or "") + f"-{start}-{end}"


def offsets_anchor(start: int | None, end: int | None) -> str:
    """The id of a highlighted span on an article page: /documents/DOC#o-START-END."""
    return f"o-{start}-{end}"


def environment(*folders: Path) -> Environment:
    env = Environment(loader=FileSystemLoader([str(f) for f in (*folders, TEMPLATES)]), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["tojson_script"] = json_for_script
    env.filters["figure"] = figure
    env.globals["sentence_anchor"] = sentence_anchor
    env.globals["offsets_anchor"] = offsets_anchor
    return env


def figure(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


@dataclass
class Segment:
    """A run of text covered by the same marks (kinds like "quote", "claim", "event")."""

    text: str
    kinds: list[str] = field(default_factory=list)
    starts: list[tuple[int, int]] = field(default_factory=list)  # marks that begin here: anchor targets
    labels: list[str] = field(default_factory=list)


def segments(text: str, marks: list[dict[str, Any]]) -> list[Segment]:
    """Cut `text` at every mark boundary; each piece knows which marks cover it (marks may overlap or nest).

    A mark is {"kind", "start", "end", "label"}; marks with offsets outside the text are ignored.
    """
    valid = [m for m in marks if m.get("start") is not None and m.get("end") is not None
             and 0 <= m["start"] < m["end"] <= len(text)]
    cuts = sorted({0, len(text), *(m["start"] for m in valid), *(m["end"] for m in valid)})
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in valid if m["start"] <= left and right <= m["end"]]
        pieces.append(Segment(
            text=text[left:right],
            kinds=sorted({m["kind"] for m in covering}),
            starts=[(m["start"], m["end"]) for m in valid if m["start"] == left],
            labels=[m["label"] for m in covering if m.get("label")],
        ))
    return pieces
