"""The claims extractor's lexicon: data/claims.yaml, plus the speech verbs and titles it shares with the quotes
extractor (data/speech_verbs.yaml, uses "figure" and "label")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from accord.data import read_yaml
from accord.extract.speakers import load_lexicon


@dataclass(frozen=True)
class ClaimLexicon:
    speech_verbs: frozenset[str]
    reference_words: frozenset[str]
    person_nouns: frozenset[str]
    outcome_verbs: dict[str, str]
    change_up: frozenset[str]
    change_down: frozenset[str]
    source_verbs: frozenset[str]
    speaker_titles: frozenset[str]
    doer_verbs: frozenset[str]
    source_nouns: frozenset[str]


@lru_cache(maxsize=1)
def claim_lexicon() -> ClaimLexicon:
    raw: dict[str, Any] = read_yaml("claims.yaml")
    speech = load_lexicon()  # the quotes extractor's lexicon: one list of speech verbs and titles
    return ClaimLexicon(
        speech_verbs=speech.figure_verbs,
        reference_words=frozenset(str(w) for w in raw["reference_words"]),
        person_nouns=frozenset(raw["person_nouns"]),
        outcome_verbs=dict(raw["outcome_verbs"]),
        change_up=frozenset(raw["change_up"]),
        change_down=frozenset(raw["change_down"]),
        source_verbs=frozenset(raw["source_verbs"]),
        speaker_titles=speech.label_titles,
        doer_verbs=frozenset(raw["doer_verbs"]),
        source_nouns=frozenset(raw["source_nouns"]),
    )
