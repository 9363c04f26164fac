"""Altair charts shared by the HTML report and the dashboard: each returns a Vega-Lite spec (a dict).

The rows come from `accord.queries`; a mark that stands for a sentence or a group of them carries an `href`
(a field the caller fills), so a click goes to the evidence. No data is fetched: every spec holds its values.
"""

from __future__ import annotations

import math
from typing import Any

import altair as alt

Spec = dict[str, Any]
WIDTH = 680


def _spec(chart: alt.TopLevelMixin) -> Spec:
    # schema validation costs ~150 ms a chart (a page load); these specs are fixed by this module and tested
    return chart.to_dict(validate=False)


def documents_chart(rows: list[dict[str, Any]]) -> Spec:
    """Documents per publication week, stacked by source."""
    chart = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("week:T", title="week"), y=alt.Y("sum(docs):Q", title="documents"),
        color=alt.Color("source:N", legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=["week:T", "source:N", "docs:Q"],
    ).properties(width=WIDTH, height=180, title="Documents by week and source")
    return _spec(chart)


def timeline_chart(rows: list[dict[str, Any]]) -> Spec:
    """Events per week, stacked by PLOVER type; a bar links to that week's events (`href`)."""
    chart = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("week:T", title="week"), y=alt.Y("sum(events):Q", title="events"),
        color=alt.Color("type:N", title="PLOVER type", legend=alt.Legend(orient="bottom", columns=6)),
        href="href:N", tooltip=["week:T", "type:N", "events:Q"],
    ).properties(width=WIDTH, height=200, title="Events by week and PLOVER type (planned events left out)")
    return _spec(chart)


def _view(places: list[dict[str, Any]]) -> tuple[list[float], float]:
    """Centre and Mercator scale that frame every event with a margin (the whole world would hide them)."""
    lons = [p["lon"] for p in places]
    lats = [p["lat"] for p in places]
    span = max(max(lons) - min(lons), (max(lats) - min(lats)) * 1.6, 16.0) * 1.25 + 6.0
    centre = [(max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2]
    return centre, WIDTH / math.radians(span)


def map_chart(places: list[dict[str, Any]], outlines: dict[str, Any] | str) -> Spec:
    """Country outlines with each place's events as a circle sized by their count; a circle links (`href`).

    `outlines` is a GeoJSON FeatureCollection (inlined: the report) or a same-site URL serving one (the dashboard,
    so the browser caches it across pages).
    """
    centre, scale = _view(places) if places else ([0.0, 20.0], WIDTH / (2 * math.pi))
    projection = {"type": "mercator", "center": centre, "scale": scale}
    # inline outlines join the spec after Altair has built it: Altair walks every value it is given (seconds
    # for 170 countries), and Vega-Lite reads a named dataset from the spec's top-level "datasets"
    land_data = (alt.Data(url=outlines, format=alt.DataFormat(type="json", property="features"))
                 if isinstance(outlines, str) else alt.NamedData(name="world_outlines"))
    land = alt.Chart(land_data).mark_geoshape(
        fill="#eeeeea", stroke="#9a9a9a", strokeWidth=0.6, clip=True).project(**projection)
    points = alt.Chart(alt.Data(values=places)).mark_circle(color="#b5402a", opacity=0.75, clip=True).encode(
        longitude="lon:Q", latitude="lat:Q",
        size=alt.Size("events:Q", title="events", scale=alt.Scale(range=[40, 900])),
        href="href:N", tooltip=["name:N", "country:N", "events:Q"],
    ).project(**projection)
    chart = alt.layer(land, points).properties(width=WIDTH, height=380, title="Where events happened")
    spec = _spec(chart)
    if not isinstance(outlines, str):
        spec.setdefault("datasets", {})["world_outlines"] = outlines["features"]
    return spec


def speakers_chart(rows: list[dict[str, Any]]) -> Spec:
    """One dot per quote of the most quoted people, on the day it was said; a dot links to its sentence."""
    dated = [r for r in rows if r.get("day") and len(r["day"]) == 10]
    chart = alt.Chart(alt.Data(values=dated)).mark_circle(size=70, opacity=0.7).encode(
        x=alt.X("day:T", title="day said (else published)"), y=alt.Y("speaker:N", title=None),
        color=alt.Color("speaker:N", legend=None), href="href:N", tooltip=["speaker:N", "day:T", "text:N"],
    ).properties(width=WIDTH - 140, height=max(60, 26 * len({r["speaker"] for r in dated})),
                 title="Quotes of the most quoted people over time")
    return _spec(chart)
