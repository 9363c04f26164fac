from accord.api import ingest
from accord.export import export
from accord.store import Store


def test_ingest_then_export_writes_every_contract_table(tmp_path):
    article = tmp_path / "kabul-note.txt"
    article.write_text("Talks resume in Doha\n\nNegotiators met in Doha on Saturday, officials said.\n")
    db = tmp_path / "a.duckdb"
    report = ingest([article], db, published="2020-09-12")
    assert report.stored == 1 and not report.rejected
    tables = {t.name: t.rows for t in export(db, tmp_path / "out")}
    assert set(tables) == {"documents", "quotes", "claims", "events", "contests", "provisions",
                           "provision_status"}
    assert tables["documents"] == 1
    with Store(db, read_only=True) as store:
        assert store.document("kabul-note")["published"] == "2020-09-12"


def test_reingesting_the_same_article_changes_nothing(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The Taliban said talks would resume on Monday in Doha, Qatar.", encoding="utf-8")
    db = tmp_path / "a.duckdb"
    ingest([article], db)
    second = ingest([article], db)
    assert (second.stored, second.updated, second.unchanged) == (0, 0, 1)
