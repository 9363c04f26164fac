"""A small store built by hand (no spaCy) for the report and dashboard tests: two articles, one of them hostile
(a <script> and an <img onerror> in its title and text), with quotes, claims and events at known offsets."""

from __future__ import annotations

from pathlib import Path

from accord.api import link_corpus
from accord.models import Claim, Document, EventMention, Extractions, Quote
from accord.store import Store

HOSTILE = '<script>window.__xss = "script"</script><img src=x onerror="window.__xss = \'img\'">'
TEXT_A = ('The envoy met the commanders in Ruritown on Monday. "We will keep every promise," '
          'said Anna Envoy, the special envoy. The ministry said 40 attacks took place in March.')
TEXT_B = (f'A hostile headline {HOSTILE} sits here. The rebels said 12 attacks took place in March. '
          'Anna Envoy said the talks would resume.')


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _document(doc_id: str, text: str, title: str, published: str) -> Document:
    return Document(id=doc_id, raw_text=text, clean_text=text, title=title, source="Test Wire", url=None,
                    published=published, published_found=False, language="en", content_hash=doc_id,
                    origin=f"{doc_id}.txt", notes=["written for the tests"])


def _extractions_a() -> Extractions:
    q0, q1 = _span(TEXT_A, "We will keep every promise,")
    c0, c1 = _span(TEXT_A, "The ministry said 40 attacks took place in March.")
    e0, e1 = _span(TEXT_A, "The envoy met the commanders in Ruritown on Monday.")
    place = {"name": "Kabul", "admin1": None, "country": "Afghanistan", "lat": 34.5, "lon": 69.2}
    return Extractions(
        doc="a", quotes=[Quote("a", TEXT_A[q0:q1], True, "Anna Envoy", "the special envoy", "2020-03-02", q0, q1)],
        claims=[Claim("a", 40, None, "attacks", "ministry", "2020-03-01", "2020-03-31", None, TEXT_A[c0:c1], c0, c1)],
        events=[EventMention("a", "CONSULT", None, "meeting", "2020-03-02", "day", False, place, "United States",
                             "Taliban", None, None, TEXT_A[e0:e1], e0, e1)])


def _extractions_b() -> Extractions:
    q0, q1 = _span(TEXT_B, "the talks would resume")
    c0, c1 = _span(TEXT_B, "The rebels said 12 attacks took place in March.")
    return Extractions(
        doc="b", quotes=[Quote("b", TEXT_B[q0:q1], False, "Anna Envoy", None, None, q0, q1)],
        claims=[Claim("b", 12, None, "attacks", "rebels", "2020-03-01", "2020-03-31", None, TEXT_B[c0:c1], c0, c1)],
        events=[EventMention("b", "ASSAULT", None, "attacks", "2020-03-10", "day", False, None, "Taliban", None,
                             12, None, TEXT_B[c0:c1], c0, c1)])


def build_store(path: Path, with_tracker: bool = False) -> str:
    db = str(path)
    with Store(db) as store:
        store.save_document(_document("a", TEXT_A, "Envoy meets commanders", "2020-03-03"), _extractions_a(), "t")
        store.save_document(_document("b", TEXT_B, f"Hostile {HOSTILE} title", "2020-03-12"), _extractions_b(), "t")
        link_corpus(store)
        store.replace_table("contests", [_contest()])  # written here: link/contests.py has its own tests
        if with_tracker:
            add_tracker(store)
    return db


def _contest() -> dict:
    claims = [{"doc": doc, "claimant": who, "value": value, "change_percent": None, "text": text}
              for doc, who, value, text in (("a", "ministry", 40.0, _extractions_a().claims[0].text),
                                            ("b", "rebels", 12.0, _extractions_b().claims[0].text))]
    return {"measure": "attacks", "period_start": "2020-03-01", "period_end": "2020-03-31", "claims": claims,
            "note": "ministry 40 vs rebels 12"}


def add_tracker(store: Store) -> None:
    """Provisions and a weekly history in the store's own tracker tables (as `accord agreement` writes them)."""
    evidence = [{"kind": "event", "doc": "a", "text": "The envoy met the commanders in Ruritown on Monday.",
                 "id": "e1", "counts": "for", "start": 0, "end": 51, "date": "2020-03-09", "seen_on": "2020-03-09"}]
    store.con.execute("""INSERT INTO provisions (id, agreement, obligor, obligation, deadline, status, status_as_of,
                         evidence) VALUES ('p1', 'Test accord', 'United States', 'Hold talks', '2020-03-31', 'met',
                         '2020-03-09', ?)""", [evidence])
    store.con.execute("""INSERT INTO provision_status (provision, agreement, week, status, score, evidence)
                         VALUES ('p1', 'Test accord', '2020-03-02', 'pending', 0, []),
                                ('p1', 'Test accord', '2020-03-09', 'met', 3, ?)""", [evidence])
