"""Near-duplicate detection on hand-written articles: copies, trims and paraphrases are caught,
different reports of the same happening are not."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash
from hypothesis import given
from hypothesis import strategies as st

from accord.link.dedup import NUM_PERM, SCHEME, SEED, WordHashes, containment, find_duplicates, minhash, shingle_hashes

ARTICLE = (
    "Negotiators from both delegations met in the coastal city on Monday and agreed to extend the truce by "
    "another fortnight, officials said. The extension covers the northern districts, where shelling had "
    "damaged the water plant and two schools last month. Under the arrangement, observers from the regional "
    "body will patrol the front line and report violations to a joint committee every morning. The committee "
    "will meet in the old customs house, which both sides consider neutral ground. Aid convoys carrying flour "
    "and medicine are expected to cross the bridge on Wednesday, the relief agency said in a statement. "
    "Local residents welcomed the news but said they had heard such promises before."
)
SAME_HAPPENING_OTHER_WRITER = (
    "A two-week extension of the truce was agreed on Monday after talks in the coastal city, according to a "
    "spokesperson for the mediators. Monitors will watch the front line in the north and a joint committee "
    "will hear complaints. Families who fled the shelling say they are not yet ready to return home, and the "
    "relief agency hopes to send food across the river later this week if the guns stay silent."
)


def doc(doc_id: str, text: str, published: str | None = "2020-03-02", title: str = "Truce extended") -> dict:
    return {"id": doc_id, "title": title, "clean_text": text, "published": published, "language": "en"}


def test_republished_copy_with_new_headline_is_a_duplicate_of_the_earlier():
    docs = [doc("copy", ARTICLE, "2020-03-03", title="Ceasefire gets two more weeks"), doc("first", ARTICLE)]
    assert find_duplicates(docs) == {"copy": "first"}


def test_trimmed_copy_is_a_duplicate():
    trimmed = ARTICLE[: int(len(ARTICLE) * 0.6)]
    assert find_duplicates([doc("orig", ARTICLE), doc("short", trimmed, "2020-03-04")]) == {"short": "orig"}


def test_paraphrased_copy_is_a_duplicate():
    paraphrase = (ARTICLE.replace("said", "stated").replace("agreed", "decided").replace("meet", "convene")
                  .replace("expected", "anticipated").replace("Local residents", "Residents")
                  .replace(" Under the arrangement, observers", " Observers"))
    assert find_duplicates([doc("orig", ARTICLE), doc("para", paraphrase, "2020-03-04")]) == {"para": "orig"}


def test_other_report_of_the_same_happening_is_not_a_duplicate():
    assert find_duplicates([doc("a", ARTICLE), doc("b", SAME_HAPPENING_OTHER_WRITER)]) == {}


def test_undated_copy_points_to_the_dated_original():
    assert find_duplicates([doc("a-undated", ARTICLE, None), doc("z-dated", ARTICLE)]) == {"a-undated": "z-dated"}


def test_copies_of_copies_point_to_the_first_original():
    docs = [doc("c", ARTICLE, "2020-03-05"), doc("b", ARTICLE, "2020-03-04"), doc("a", ARTICLE, "2020-03-03")]
    assert find_duplicates(docs) == {"b": "a", "c": "a"}


def test_very_short_texts_are_never_duplicates():
    assert find_duplicates([doc("a", "Talks resume on Monday."), doc("b", "Talks resume on Monday.")]) == {}


def test_containment_measures_overlap_against_the_smaller_set():
    def keys(*values: int) -> np.ndarray:
        return np.array(sorted(values), dtype=np.int64)

    assert containment(keys(1, 2), keys(1, 2, 3, 4)) == 1.0
    assert containment(keys(), keys(1, 2)) == 0.0
    assert containment(keys(1, 2, 3, 4), keys(3, 4, 5, 6)) == 0.5


@given(st.sets(st.integers(-2**63, 2**63 - 1)), st.sets(st.integers(-2**63, 2**63 - 1)))
def test_containment_is_the_share_of_the_smaller_set_in_the_other(a, b):
    def keys(values: set[int]) -> np.ndarray:
        return np.array(sorted(values), dtype=np.int64)

    expected = len(a & b) / min(len(a), len(b)) if a and b else 0.0
    assert containment(keys(a), keys(b)) == expected


def test_no_two_real_corpus_articles_are_flagged_as_duplicates(corpus_articles):
    from accord.ingest.clean import clean

    docs = [doc(doc_id, clean(a["text"], a.get("title")).text, a.get("published"), a.get("title") or "")
            for doc_id, a in corpus_articles.items()]
    assert find_duplicates(docs) == {}


def test_corpus_article_and_its_trimmed_copy_are_caught(corpus_articles):
    from accord.ingest.clean import clean

    docs = []
    for doc_id, article in corpus_articles.items():
        text = clean(article["text"], article.get("title")).text
        docs.append(doc(doc_id, text, article.get("published")))
        if len(text.split()) >= 100:
            docs.append(doc(f"{doc_id}~trim", text[: int(len(text) * 0.7)], None))
    duplicate_of = find_duplicates(docs)
    trims = [d["id"] for d in docs if d["id"].endswith("~trim")]
    assert {t: duplicate_of.get(t) for t in trims} == {t: t.removesuffix("~trim") for t in trims}


def test_short_text_whose_words_all_recur_in_a_long_one_is_not_a_duplicate():
    short = ("Officials said the envoy met the delegations in the coastal city on Monday and discussed the truce, "
             "the observers, the customs house, the bridge, the aid convoys and the water plant.")
    long_text = " ".join([ARTICLE, SAME_HAPPENING_OTHER_WRITER] * 3).replace(". ", ". Meanwhile, ")
    assert find_duplicates([doc("short", short, "2020-03-04"), doc("long", long_text)]) == {}


def test_a_word_set_signature_is_datasketchs_own_sha1_minhash():
    """Word hashes are SHA-1's first 8 bytes: their low half is datasketch's sha1_hash32, so a word set's
    signature is exactly the one datasketch computes from the words."""
    tokens = "ceasefire talks resumed in doha after prisoners were released".split()
    reference = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    reference.update_batch([t.encode("utf-8") for t in tokens])
    assert (minhash(tokens, WordHashes()).hashvalues == reference.hashvalues).all()


def test_shingle_hashes_depend_on_the_words_and_their_order_not_their_position():
    hashes = WordHashes()
    forward = shingle_hashes(hashes.of("troops left kabul".split()))
    assert len(forward) == 1
    assert forward[0] in shingle_hashes(hashes.of("on monday troops left kabul at dawn".split()))
    assert forward[0] not in shingle_hashes(hashes.of("kabul left troops".split()))
    assert forward[0] not in shingle_hashes(hashes.of("troops left kandahar".split()))
    assert len(shingle_hashes(hashes.of("a b c a b c a b".split()))) == 3  # repeats once each


@given(st.lists(st.sampled_from(["talks", "troops", "kabul", "doha", "signed", "the", "deal", "attack"]),
                min_size=3, max_size=30))
def test_shingle_hashes_are_one_per_distinct_shingle(tokens):
    distinct = {tuple(tokens[i:i + 3]) for i in range(len(tokens) - 2)}
    assert len(shingle_hashes(WordHashes().of(tokens))) == len(distinct)
