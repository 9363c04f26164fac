"""Agreements shipped with accord (`src/accord/data/agreements/*.yaml`), loadable by name."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from accord.agreement.schema import Agreement, parse_agreement
from accord.errors import DataFileError

_FOLDER = "agreements"


def bundled_names() -> list[str]:
    folder = resources.files("accord.data").joinpath(_FOLDER)
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


def read_definition(file_or_name: str) -> tuple[str, str]:
    """(YAML text, origin) of a file path, or of a bundled agreement given by its name."""
    path = Path(file_or_name)
    if path.suffix in (".yaml", ".yml") or path.exists():
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except OSError as err:
            raise DataFileError(str(path), f"cannot read: {err.strerror}") from err
    if file_or_name not in bundled_names():
        known = ", ".join(bundled_names())
        raise DataFileError(file_or_name, f"no such file, and no bundled agreement of that name (bundled: {known})")
    resource = resources.files("accord.data").joinpath(_FOLDER, f"{file_or_name}.yaml")
    return resource.read_text(encoding="utf-8"), f"bundled:{file_or_name}"


def resolve(file_or_name: str) -> tuple[Agreement, str, str]:
    """The validated agreement, its YAML text and where it came from."""
    text, origin = read_definition(file_or_name)
    return parse_agreement(text, origin), text, origin
