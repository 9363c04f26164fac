"""The extractor fingerprint: a hash of everything that decides what accord extracts from a text.

A stored document is extracted again when the fingerprint it was extracted under differs from the
current one: after a new release, an edited lexicon under data/ (the advertised way to extend
accord), or changed extractor code. Only content counts (the package version, the bytes of the files
and their names inside the package), never mtimes or where the package is installed, so two copies
of the same accord agree and touching a file changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from accord import __version__

PACKAGE_ROOT = Path(__file__).resolve().parent
# What extraction depends on, relative to the package root: every file of data/ (YAML and the loader),
# the extractors, the cleaner that makes their input (with the modules it reads headers and edges
# with), and the pipeline that runs them. A new module the cleaner imports belongs here.
FINGERPRINTED = ("data/**/*", "extract/**/*.py", "ingest/clean.py", "ingest/edges.py", "ingest/header_lines.py",
                 "nlp.py")
# Agreements are read by the corpus-stage tracker, not by the extractors: editing one re-tracks, not re-extracts.
_SKIPPED_PARTS = {"__pycache__", "agreements"}
DIGEST_CHARS = 16


def fingerprinted_files(root: Path, patterns: Iterable[str] = FINGERPRINTED) -> list[Path]:
    """The files under `root` the fingerprint covers, in a fixed order (by their path inside `root`)."""
    found = {path for pattern in patterns for path in root.glob(pattern)
             if path.is_file() and not _SKIPPED_PARTS & set(path.relative_to(root).parts)}
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def fingerprint_of(root: Path, version: str = __version__) -> str:
    """"<version>+<hash>" of the version and of the name (inside `root`) and bytes of every covered file."""
    digest = hashlib.sha256(version.encode("utf-8"))
    for path in fingerprinted_files(root):
        name = path.relative_to(root).as_posix().encode("utf-8")
        content = path.read_bytes()
        # Lengths frame each part, so moving bytes from one file to the next changes the hash.
        for part in (name, content):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return f"{version}+{digest.hexdigest()[:DIGEST_CHARS]}"


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """The fingerprint of the running accord, computed once per process."""
    return fingerprint_of(PACKAGE_ROOT)
