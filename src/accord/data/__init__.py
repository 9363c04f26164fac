"""accord's data files: lexicons, actors, places, boilerplate (YAML an analyst can extend without code)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_yaml(name: str) -> Any:
    """The parsed content of `src/accord/data/<name>`, read from the installed package."""
    return yaml.safe_load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
