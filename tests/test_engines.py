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
