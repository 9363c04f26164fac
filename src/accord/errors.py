"""Errors that name the input they came from."""

from __future__ import annotations


class InputError(Exception):
    """A rejected input: one line naming the file (and line) and what is wrong."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class DataFileError(Exception):
    """A malformed data file (a YAML lexicon): one line naming the file and line.

    Not an `InputError`: every article needs the lexicons, so the run stops instead of
    rejecting each article in turn.
    """

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class ExtractionError(InputError):
    """A document stored without extractions: the per-document stage failed on it (an exception, its
    time budget, a dead worker). `origin` names the input, `doc_id` the stored document."""

    def __init__(self, origin: str, reason: str, doc_id: str = ""):
        super().__init__(origin, reason)
        self.doc_id = doc_id


class StoreError(Exception):
    """The store cannot be opened or written (missing, busy, read-only, disk full): one line, no traceback."""
