"""The progress-bar total: as many steps as the readers will yield articles or errors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from accord import api
from accord.ingest.readers import read_all


def jsonl_text(ids: list[str]) -> str:
    lines = [json.dumps({"id": i, "text": "The envoy met the commanders on Monday."}) for i in ids]
    return "\n".join(lines[:1] + [""] + lines[1:]) + "\n"  # a blank line is not an article


def test_gzipped_jsonl_counts_its_lines_like_plain_jsonl(tmp_path):
    plain = tmp_path / "a.jsonl"
    plain.write_text(jsonl_text(["a1", "a2", "a3"]), encoding="utf-8")
    zipped = tmp_path / "b.jsonl.gz"
    with gzip.open(zipped, "wt", encoding="utf-8") as handle:
        handle.write(jsonl_text(["b1", "b2", "b3", "b4"]))
    (tmp_path / "c.txt").write_text("One article in a text file.", encoding="utf-8")
    assert api.count_articles([plain]) == 3
    assert api.count_articles([zipped]) == 4
    assert api.count_articles([tmp_path]) == 3 + 4 + 1


def test_count_matches_what_the_readers_yield_for_broken_inputs(tmp_path):
    fake = tmp_path / "fake.jsonl.gz"
    fake.write_bytes(b"not gzip at all")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(gzip.compress(jsonl_text(["c1", "c2"]).encode())[:-12])
    for path in (fake, empty, truncated):
        assert api.count_articles([path]) == len(list(read_all([path]))), path.name


def test_gzipped_jsonl_is_counted_without_reading_it_whole(tmp_path, monkeypatch):
    zipped = tmp_path / "big.jsonl.gz"
    with gzip.open(zipped, "wt", encoding="utf-8") as handle:
        handle.write(jsonl_text([f"d{i}" for i in range(500)]))

    def no_whole_read(*args, **kwargs):
        raise AssertionError("the whole file was read at once")

    monkeypatch.setattr(gzip, "decompress", no_whole_read)
    monkeypatch.setattr(Path, "read_bytes", no_whole_read)
    assert api.count_articles([zipped]) == 500
