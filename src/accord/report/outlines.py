"""Country outlines for the event maps, read from files a package installs (no tile server, no download).

vega_datasets' world-110m is fetched from a URL at run time (its 0.9.0 wheel ships no world outlines), so the
outlines come from `countryinfo`, whose wheel holds a small GeoJSON outline (Natural Earth 1:110m scale) for
each of 173 countries. Coordinates are rounded to 0.01° (about 1 km), plenty for a world map, to keep the
report small.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def _rounded(coordinates: Any) -> Any:
    if isinstance(coordinates, float | int):
        return round(float(coordinates), 2)
    return [_rounded(c) for c in coordinates]


@lru_cache(maxsize=1)
def world_outlines() -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the world's countries (empty when the package is missing)."""
    features: list[dict[str, Any]] = []
    try:
        folder = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:  # the map then shows the events' points without borders
        return {"type": "FeatureCollection", "features": features}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        shapes = json.loads(entry.read_text(encoding="utf-8")).get("geoJSON") or {}
        for feature in shapes.get("features", []):
            geometry = feature.get("geometry") or {}
            if geometry.get("coordinates"):
                features.append({"type": "Feature", "properties": {"name": feature.get("properties", {}).get("name")},
                                 "geometry": {"type": geometry["type"],
                                              "coordinates": _rounded(geometry["coordinates"])}})
    return {"type": "FeatureCollection", "features": features}
