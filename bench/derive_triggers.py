"""Candidate PLOVER trigger verbs derived from PETRARCH2's CAMEO verb dictionary.

Reads `../shared/reference/petrarch2/CAMEO.2.0.txt` (MIT) and the CAMEO-to-PLOVER table in
`../shared/reference/plover/CAMEO2PLOVER-2021.txt` (CC BY-SA 4.0) and prints, for each PLOVER type, the
verbs whose synonym block carries a CAMEO code of that type (and the mode the table gives). The output
is a list of candidates to read: `src/accord/data/event_triggers.yaml` is curated by hand from it (a
lemma stays only where its dominant news sense is that type). Usage:

    python bench/derive_triggers.py [--type REJECT]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,\s*([^,#]*)")


def plover_table(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode)."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = CODE_LINE.match(line)
        if match:
            table[match.group(1)] = (match.group(2), match.group(3).strip())
    return table


def verb_blocks(path: Path) -> list[tuple[str, str, list[str]]]:
    """(block head, CAMEO code, synonym words) for every verb block with a code of its own."""
    blocks: list[tuple[str, str, list[str]]] = []
    head, code, words = None, None, []
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].strip()
        match = BLOCK.match(line)
        if match:
            if head and code:
                blocks.append((head, code, words))
            head, code, words = match.group(1), match.group(2).split(":")[0], [match.group(1)]
            code = None if code == "---" else code
            continue
        if head and line and not line.startswith(("-", "&", "~")):
            word = line.split("{", 1)[0].split("[", 1)[0].strip().lstrip("+").strip()
            if word:
                words.append(word)
    if head and code:
        blocks.append((head, code, words))
    return blocks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--type", help="only this PLOVER type")
    args = parser.parse_args()
    table = plover_table(REFERENCE / "plover" / "CAMEO2PLOVER-2021.txt")
    by_type: dict[str, set[str]] = defaultdict(set)
    for _head, code, words in verb_blocks(REFERENCE / "petrarch2" / "CAMEO.2.0.txt"):
        kind, mode = table.get(code, (None, ""))
        if kind is None:
            continue
        for word in words:
            by_type[kind].add(f"{word.lower().replace('_', ' ')}{'/' + mode if mode else ''} ({code})")
    for kind in sorted(by_type):
        if args.type and kind != args.type:
            continue
        print(f"{kind}: {', '.join(sorted(by_type[kind]))}\n")


if __name__ == "__main__":
    main()
