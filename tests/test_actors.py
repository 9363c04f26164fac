"""Actor aliases resolve to canonical actors; unknown actors are kept as written."""

from __future__ import annotations

import pytest

from accord.extract.actors import ActorLexicon


@pytest.fixture(scope="module")
def lexicon(nlp):
    return ActorLexicon(nlp)


@pytest.mark.parametrize(("phrase", "actor"), [
    ("the Taliban", "Taliban"),
    ("Taliban fighters", "Taliban"),
    ("American troops", "United States"),
    ("Washington", "United States"),
    ("Afghan forces", "Afghan government"),
    ("ANDSF", "Afghan government"),
    ("ANSF", "Afghan government"),
    ("the Afghan National Security Forces", "Afghan government"),
    ("Afghan National Defence and Security Forces", "Afghan government"),
    ("the Afghan army", "Afghan government"),
    ("Kabul government", "Afghan government"),
    ("Mark Esper", "United States"),
    ("Donald Trump", "Donald Trump"),
])
def test_alias_resolves_to_canonical_actor(lexicon, phrase, actor):
    assert lexicon.canonical(phrase) == actor


def test_unknown_actor_is_kept_as_written(lexicon):
    assert lexicon.canonical("the Ministry of Silly Walks") == "the Ministry of Silly Walks"


def test_mentions_prefer_the_longest_alias(nlp, lexicon):
    doc = nlp.make_doc("U.S. aircraft struck Taliban fighters near the border.")
    names = [m.actor.name for m in lexicon.mentions(doc)]
    assert names == ["United States", "Taliban"]


def test_pronoun_us_is_not_the_united_states(nlp, lexicon):
    doc = nlp.make_doc("They told us nothing about it.")
    assert lexicon.mentions(doc) == []


def test_context_aliases_depend_on_the_documents_country(lexicon):
    assert lexicon.canonical("the insurgents", ("Yemen",)) == "Houthis"
    assert lexicon.canonical("the insurgents", ("United States", "Afghanistan")) == "Taliban"
    assert lexicon.canonical("the insurgents") == "the insurgents"


def test_family_name_inside_someone_elses_name_is_not_that_person(nlp, lexicon):
    doc = nlp("The former president Ali Abdullah Saleh spoke on Sunday.")
    assert "Abdullah Abdullah" not in [m.actor.name for m in lexicon.mentions(doc)]
