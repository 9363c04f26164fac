from accord.nlp import analyse

ITEMS = [
    (f"note-{i}", f'Officials said on Monday that {i + 3} attacks hit checkpoints in Kunduz. "We will respond," '
                  f"the governor said.", "2020-03-04")
    for i in range(6)
]


def test_several_processes_give_the_same_extractions_in_the_same_order():
    single = list(analyse(ITEMS, n_process=1))
    parallel = list(analyse(ITEMS, n_process=2))
    assert [x.doc for x in parallel] == [doc_id for doc_id, _, _ in ITEMS]
    assert parallel == single


def test_the_default_worker_count_is_every_core_for_a_large_input_and_one_for_a_small_one():
    from accord.engines.local import default_workers

    assert default_workers(10_000, cores=2) == 2
    assert default_workers(20, cores=2) == 1
    assert default_workers(None, cores=4) == 4


def test_the_pool_lives_for_the_whole_run_and_keeps_batches_in_order():
    from accord.engines.local import ProcessPool, batched, in_order

    engine = ProcessPool(2)
    try:
        batches = list(batched(ITEMS, 2))
        done = list(in_order(batches, engine.submit, engine.lookahead))
        pool = engine._pool
        assert [b for b, _ in done] == batches and engine._pool is pool
        assert [x.doc for _, outcomes in done for x in outcomes] == [doc_id for doc_id, _, _ in ITEMS]
    finally:
        engine.close()
