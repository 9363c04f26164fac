"""One speech lexicon (data/speech_verbs.yaml) serves the quotes and the claims extractors."""

from __future__ import annotations

import pytest

from accord.data import read_yaml
from accord.errors import DataFileError
from accord.extract.claims import claim_lexicon
from accord.extract.speakers import VERB_USES, _uses, load_lexicon


def test_claims_take_their_speech_verbs_and_titles_from_the_shared_lexicon():
    assert claim_lexicon().speech_verbs == load_lexicon().figure_verbs
    assert claim_lexicon().speaker_titles == load_lexicon().label_titles
    assert not {"speech_verbs", "speaker_titles"} & set(read_yaml("claims.yaml"))


def test_each_use_picks_its_own_words():
    lexicon = load_lexicon()
    assert "say" in lexicon.speech_verbs & lexicon.reported_speech_verbs & lexicon.figure_verbs
    assert "estimate" in lexicon.figure_verbs and "estimate" not in lexicon.speech_verbs
    assert "post" in lexicon.speech_verbs and "post" not in lexicon.figure_verbs
    assert "q" in lexicon.label_titles and "q" not in lexicon.titles
    assert "vice president" in lexicon.titles


def test_misspelt_use_is_a_data_file_error():
    with pytest.raises(DataFileError, match=r"'say' has unknown use 'quot'"):
        _uses({"say": ["quot", "figure"]}, VERB_USES, "speech_verbs")


def test_figure_verb_names_the_claimant_but_is_no_speech_for_quotes(nlp):
    doc = nlp("Local officials estimated that 40 fighters were killed in the clashes.")
    assert [(c.value, c.claimant) for c in doc._.claims] == [(40.0, "Local officials")]
    assert doc._.quotes == []


def test_label_title_is_dropped_from_a_transcript_speaker(nlp):
    doc = nlp("PRESIDENT SMITH: We have released 500 prisoners so far.\n\nQ: And the rest?")
    assert [c.claimant for c in doc._.claims] == ["Smith"]


def test_family_key_drops_a_glued_particle_so_later_short_mentions_match():
    from accord.extract.speakers import family_key

    particles = load_lexicon().family_name_particles
    assert family_key("Karim al-Nouri", particles) == family_key("Nouri", particles) == "nouri"
    assert family_key("Alan Smith", particles) == "smith"


def test_verbs_that_report_a_clause_include_complaints_concessions_and_disclosures():
    lexicon = load_lexicon()
    assert {"complain", "concede", "caution", "reveal", "accuse", "acknowledge"} <= lexicon.reported_speech_verbs
    assert "accuse" in lexicon.charge_verbs
