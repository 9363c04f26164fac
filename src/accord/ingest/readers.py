"""Readers: files and folders in, `Article`s out (see ../shared/spec/EXPORTS.md, "Input").

A reader never raises for one bad article: it yields an `InputError` in its place,
so the good articles of the same run are still stored.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from accord.errors import InputError
from accord.ingest.validate import checked
from accord.models import Article

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
MAX_FILE_BYTES = 20 * 1024 * 1024  # one article; a bigger file is not an article
MAX_JSONL_LINE_BYTES = 5 * 1024 * 1024

ReadResult = Article | InputError
# A folder's notes about itself, not an article (a file named on the command line is still read).
FOLDER_NOTES = {"readme.md", "readme.txt"}
# What a broken .gz raises: BadGzipFile/EOFError for a bad header or a cut-off file, zlib.error for
# corrupt compressed data.
UNREADABLE = (OSError, EOFError, zlib.error)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".jsonl.gz"):
        return ".jsonl.gz"
    return path.suffix.lower()


def is_supported(path: Path) -> bool:
    return _suffix(path) in TEXT_SUFFIXES | HTML_SUFFIXES | {".jsonl", ".jsonl.gz"}


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Files as given, folders recursively (supported files only, sorted)."""
    for path in paths:
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*"))
                        if p.is_file() and is_supported(p) and p.name.lower() not in FOLDER_NOTES)
        elif path.is_file():
            if is_supported(path):
                yield path
            else:
                kinds = ".txt .md .html .htm .jsonl .jsonl.gz"
                yield InputError(str(path), f"unsupported file type '{path.suffix}' (use {kinds})")
        else:
            yield InputError(str(path), "no such file or folder")


BINARY_SAMPLE_BYTES = 8192
MAX_CONTROL_SHARE = 0.05  # text has tabs and newlines; a file with more control bytes than this is binary
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")


def looks_binary(data: bytes) -> bool:
    sample = data[:BINARY_SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return bool(sample) and controls / len(sample) > MAX_CONTROL_SHARE


def decode(data: bytes, origin: str, line_number: int | None = None) -> tuple[str, list[str]]:
    """Bytes (a whole file, or one JSONL line when `line_number` is given) to text, line by line: UTF-8;
    a line that is not valid UTF-8 is read as cp1252 when it holds no UTF-8 at all (what mis-saved news
    copies usually are), else as UTF-8 with U+FFFD for the bad bytes. Either way a note names the lines;
    one bad byte never changes how the other lines read."""
    if looks_binary(data):
        what = "binary file" if line_number is None else f"binary data on line {line_number}"
        raise InputError(origin, f"{what} (control bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines, cp1252, replaced = [], [], []
    for number, raw in enumerate(data.splitlines(keepends=True), start=line_number or 1):
        try:
            lines.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        text = raw.decode("utf-8", errors="replace")
        if any(ord(ch) > 127 and ch != "\ufffd" for ch in text):
            replaced.append(number)
        else:
            text = raw.decode("cp1252", errors="replace")
            cp1252.append(number)
        lines.append(text)
    return "".join(lines), _decoding_notes(cp1252, replaced)


def _decoding_notes(cp1252: list[int], replaced: list[int]) -> list[str]:
    def named(numbers: list[int]) -> str:
        shown = ", ".join(str(n) for n in numbers[:10])
        return f"line{'s' if len(numbers) > 1 else ''} {shown}{' …' if len(numbers) > 10 else ''}"

    notes = []
    if cp1252:
        notes.append(f"invalid UTF-8 on {named(cp1252)}; decoded as cp1252")
    if replaced:
        notes.append(f"invalid UTF-8 on {named(replaced)}; bad bytes replaced with U+FFFD")
    return notes


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 2**20
        raise InputError(str(path), f"file is {size / 1e6:.0f} MB, larger than the {limit} MiB limit for one article")
    if size == 0:
        raise InputError(str(path), "empty file")
    return path.read_bytes()


def read_text_file(path: Path) -> Article:
    text, notes = decode(_read_bytes(path), str(path))
    if _suffix(path) == ".md":
        from accord.ingest.markdown import markdown_to_text

        text = markdown_to_text(text)
    if not text.strip():
        raise InputError(str(path), "no text (file is blank)")
    return Article(id=path.stem, text=text, origin=str(path), notes=notes)


def read_html_file(path: Path) -> Article:
    from accord.ingest.html import article_from_html

    html, notes = decode(_read_bytes(path), str(path))
    article = article_from_html(html, doc_id=path.stem, origin=str(path))
    article.notes.extend(notes)
    return article


def _article_from_json(obj: object, origin: str) -> Article:
    if not isinstance(obj, dict):
        raise InputError(origin, "a JSONL line must be an object")
    missing = [key for key in ("id", "text") if key not in obj]
    if missing:
        raise InputError(origin, f"missing key(s) {', '.join(repr(k) for k in missing)}")
    text = obj["text"]
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "'text' is empty or not a string")

    def optional(key: str) -> str | None:
        value = obj.get(key)
        return str(value) if value not in (None, "") else None

    return Article(
        id=str(obj["id"]),
        text=text,
        title=optional("title"),
        source=optional("source"),
        url=optional("url"),
        published=optional("published"),
        language=optional("language"),
        origin=origin,
    )


def bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | int]:
    """The lines of a binary file; a line longer than `limit` comes as its length, never held in memory."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while chunk := handle.readline(limit):  # skip the rest of the over-long line
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
        yield size


def is_jsonl(path: Path) -> bool:
    return _suffix(path) in (".jsonl", ".jsonl.gz")


def open_jsonl(path: Path) -> BinaryIO:
    """A .jsonl or .jsonl.gz file opened for binary reading (decompressed as it is read)."""
    return gzip.open(path, "rb") if _suffix(path) == ".jsonl.gz" else path.open("rb")


def count_jsonl_records(path: Path) -> int:
    """Non-blank lines of a .jsonl(.gz), streamed without parsing, as `read_jsonl` will yield them:
    an unreadable rest, or a file without lines, counts as one (its error)."""
    count = 0
    try:
        with open_jsonl(path) as handle:
            for line in bounded_lines(handle, MAX_JSONL_LINE_BYTES):
                count += not isinstance(line, bytes) or bool(line.strip())
    except UNREADABLE:
        count += 1
    return max(count, 1)


def read_jsonl(path: Path) -> Iterator[ReadResult]:
    articles = 0
    try:
        with open_jsonl(path) as handle:
            for number, raw in enumerate(bounded_lines(handle, MAX_JSONL_LINE_BYTES), start=1):
                origin = f"{path}:{number}"
                if isinstance(raw, bytes) and not raw.strip():
                    continue
                articles += 1
                if isinstance(raw, int):
                    yield InputError(origin, f"line is {raw / 1e6:.0f} MB, over the limit for one article")
                    continue
                try:
                    line, notes = decode(raw, origin, line_number=number)
                    article = _article_from_json(json.loads(line), origin)
                    article.notes.extend(notes)
                    yield article
                except json.JSONDecodeError as err:
                    yield InputError(origin, f"malformed JSON ({err.msg} at column {err.colno})")
                except InputError as err:
                    yield err
    except UNREADABLE as err:  # e.g. a truncated, corrupt or fake .gz
        reason = " ".join(str(err).split()) or type(err).__name__
        yield InputError(str(path), f"cannot read after {articles} line(s): {reason}")
        return
    if articles == 0:
        yield InputError(str(path), "empty file (no JSON lines)")


def read_path(path: Path) -> Iterator[ReadResult]:
    """The articles of one file, each checked (ingest/validate.py), or an `InputError` in its place."""
    suffix = _suffix(path)
    if is_jsonl(path):
        for item in read_jsonl(path):
            yield _checked(item)
        return
    try:
        if suffix in TEXT_SUFFIXES:
            yield checked(read_text_file(path))
        else:
            yield checked(read_html_file(path), page_metadata=True)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(str(path), f"cannot read: {err.strerror or err}")


def _checked(item: ReadResult) -> ReadResult:
    if isinstance(item, InputError):
        return item
    try:
        return checked(item)
    except InputError as err:
        return err


def read_all(paths: Iterable[Path]) -> Iterator[ReadResult]:
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_path(item)
