"""The `people` table: one row per person quoted anywhere in the corpus.

Each document names its speakers by the fullest name it gives; across documents
the same person may still appear as "Pompeo" in one and "Mike Pompeo" in another.
People are grouped by family name, and a shorter name joins a longer one only
when its words are a subset of it (so "Ghani" joins "Ashraf Ghani", but "Ashraf
Ghani" and "Abdul Ghani" stay apart). The canonical name is the fullest one seen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Person:
    name: str
    aliases: set[str] = field(default_factory=set)
    roles: Counter = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)


def _words(name: str) -> list[str]:
    return [w.strip(".,").lower() for w in name.split() if w.strip(".,")]


def _joins(short: str, long: str) -> bool:
    short_words, long_words = _words(short), _words(long)
    return bool(short_words) and short_words[-1] == long_words[-1] and set(short_words) <= set(long_words)


def canonical_names(names: list[str]) -> dict[str, str]:
    """Each name -> the fullest name it is a shortening of (itself when none)."""
    by_length = sorted(set(names), key=lambda n: (-len(_words(n)), n))
    mapping: dict[str, str] = {}
    for name in by_length:
        fuller = [m for m in by_length if len(_words(m)) > len(_words(name)) and _joins(name, m)]
        # Only an unambiguous shortening joins: "Ghani" next to two different Ghanis stays as it is.
        targets = {mapping[m] for m in fuller}
        mapping[name] = targets.pop() if len(targets) == 1 else name
    return mapping


def build_people(quote_rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Rows for the `people` table and the rename map (alias -> canonical) to apply to quotes."""
    named = [row for row in quote_rows if row.get("speaker")]
    mapping = canonical_names([row["speaker"] for row in named])
    people: dict[str, Person] = {}
    for row in named:
        canonical = mapping[row["speaker"]]
        person = people.setdefault(canonical, Person(canonical))
        person.aliases.add(row["speaker"])
        if row.get("speaker_org"):
            person.roles[row["speaker_org"]] += 1
        person.docs.add(row["doc"])
    rows = [
        {"name": p.name,
         "role": p.roles.most_common(1)[0][0] if p.roles else None,
         "aliases": sorted(p.aliases - {p.name}),
         "docs": sorted(p.docs)}
        for p in sorted(people.values(), key=lambda p: p.name)
    ]
    renames = {alias: canonical for alias, canonical in mapping.items() if alias != canonical}
    return rows, renames


def link_people(store: Any) -> int:
    """Rebuild `people` from the stored quotes and give every quote its person's canonical name.

    The name the document itself gives is kept in `speaker_named` (filled here for quotes stored since the
    last run), so the next run groups the names the documents give, not last run's canonical ones: a
    renamed quote would otherwise no longer count as an alias, and aliases would be lost run by run."""
    with store.transaction():
        store.con.execute("UPDATE quotes SET speaker_named = speaker WHERE speaker_named IS NULL")
    rows, renames = build_people(store.rows("SELECT doc, speaker_named AS speaker, speaker_org FROM quotes"))
    with store.transaction():
        store.con.execute("UPDATE quotes SET speaker = speaker_named")
        if renames:
            store.con.executemany("UPDATE quotes SET speaker = ? WHERE speaker_named = ?",
                                  [[canonical, alias] for alias, canonical in renames.items()])
    store.replace_table("people", rows)
    return len(rows)
