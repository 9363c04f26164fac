"""The store runs DuckDB on one thread during the per-document stage and gives the corpus stage its default back."""

import pytest

from accord.store import Store


def _threads(store: Store) -> int:
    return store.con.execute("SELECT current_setting('threads')").fetchone()[0]


def test_one_thread_inside_the_block_and_the_default_after(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        default = _threads(store)
        with store.one_thread():
            assert _threads(store) == 1
        assert _threads(store) == default


def test_the_default_comes_back_when_the_block_fails(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        default = _threads(store)
        with pytest.raises(RuntimeError), store.one_thread():
            raise RuntimeError("a batch failed")
        assert _threads(store) == default
