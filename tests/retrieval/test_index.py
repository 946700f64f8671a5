"""PassageIndex: known answers on a mini corpus, and parity of the fast path with rank_bm25."""

import random

import numpy as np
import pytest
from rank_bm25 import BM25Okapi, BM25Plus

from retrieval.index import Params, PassageIndex
from retrieval.tokenize import tokenize

# Query terms sit in fewer than half of the documents (BM25Okapi gives 0 idf at exactly half).
DOCS = [
    "private fostering arrangements are weak",
    "initial assessments completed within seven days",
    "teenage conception rates have fallen",
    "youth offending service inspection found improvement",
    "children's homes are good or outstanding",
    "fostering and adoption services are good",
    "schools are good and attendance has improved",
]


@pytest.mark.parametrize("variant", ["okapi", "l", "plus"])
def test_search_returns_known_ids_in_order(variant: str) -> None:
    index = PassageIndex.build(
        [10, 20, 30, 40, 50, 60, 70], [tokenize(d) for d in DOCS], Params(variant)
    )
    assert [h.passage_id for h in index.search(tokenize("private fostering"), 3)] == [10, 60]
    assert [h.passage_id for h in index.search(tokenize("initial assessment days"), 3)] == [20]
    assert index.search(tokenize("nothing matches this"), 3) == []


def test_candidates_restrict_the_ranking() -> None:
    index = PassageIndex.build(list(range(7)), [tokenize(d) for d in DOCS])
    mask = np.array([False, False, False, False, False, True, True])
    assert [h.passage_id for h in index.search(tokenize("fostering good"), 5, mask)] == [5, 6]


def test_ties_break_by_passage_id() -> None:
    docs = [["alpha", "x"], ["alpha", "y"], ["beta"], ["gamma"], ["delta"], ["eps"]]
    index = PassageIndex.build([9, 3, 1, 2, 4, 5], docs)
    assert [h.passage_id for h in index.search(["alpha"], 2)] == [3, 9]


def test_okapi_floor_inverts_common_words_and_plus_does_not() -> None:
    """Why BM25Plus: Okapi floors negative idf, so a word in 80% of passages outweighs one in
    40%; BM25Plus keeps the rarer word heavier."""
    docs = [
        [f"rare{i}"] + (["children"] if i % 5 else []) + (["council"] if i % 8 < 3 else [])
        for i in range(100)
    ]  # children in 80%, council in 38%, a rare word in each
    okapi, plus = BM25Okapi(docs), BM25Plus(docs)
    assert okapi.idf["children"] > okapi.idf["council"]
    assert plus.idf["council"] > plus.idf["children"]


def _random_corpus(seed: int, n: int = 400) -> list[list[str]]:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(300)]
    weights = [1 / (i + 1) for i in range(300)]  # Zipf-like
    return [rng.choices(vocab, weights, k=rng.randint(3, 40)) for _ in range(n)]


@pytest.mark.parametrize("variant", ["okapi", "l", "plus"])
def test_fast_path_top10_equals_exhaustive_rank_bm25(variant: str) -> None:
    docs = _random_corpus(7)
    ids = list(range(1000, 1000 + len(docs)))
    random.Random(1).shuffle(ids)  # ids out of row order, so tie-breaks are tested
    index = PassageIndex.build(ids, docs, Params(variant))
    rng = random.Random(3)
    vocab = sorted({w for d in docs for w in d})
    for _ in range(300):
        query = rng.sample(vocab, rng.randint(1, 5))
        mask = None if rng.random() < 0.7 else np.array([rng.random() < 0.2 for _ in docs])
        fast = index.search(query, 10, mask)
        slow = index.reference_search(query, 10, mask)
        assert [h.passage_id for h in fast] == [h.passage_id for h in slow], query
        assert np.allclose([h.score for h in fast], [h.score for h in slow])
