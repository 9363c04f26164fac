"""accord's data files: lexicons, actors, places, boilerplate (YAML an analyst can extend without code)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from accord.errors import DataFileError


def read_yaml(name: str) -> Any:
    """The parsed content of `src/accord/data/<name>`, read from the installed package."""
    return load_yaml_file(resources.files(__name__).joinpath(name))


def load_yaml_file(path: Path | Traversable) -> Any:
    """Parsed YAML; a file that is not valid YAML raises a `DataFileError` naming the file and line."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as err:
        raise DataFileError(*_where_and_why(path, err)) from err
    except yaml.YAMLError as err:
        raise DataFileError(str(path), f"malformed YAML: {err}") from err
    except UnicodeDecodeError as err:
        raise DataFileError(str(path), f"not UTF-8 (invalid byte at offset {err.start})") from err


def _where_and_why(path: Path | Traversable, err: yaml.MarkedYAMLError) -> tuple[str, str]:
    """`file:line` of the problem, and the parser's words for it (with where the open construct began)."""
    mark = err.problem_mark or err.context_mark
    where = f"{path}:{mark.line + 1}" if mark else str(path)
    reason = f"malformed YAML: {err.problem or err.context}"
    if mark:
        reason += f" at column {mark.column + 1}"
    if err.context and err.problem and err.context_mark:
        reason += f" ({err.context} from line {err.context_mark.line + 1})"
    return where, reason
