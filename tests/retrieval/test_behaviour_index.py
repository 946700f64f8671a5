"""The passage index's cache on disk is trusted only when whole and free of pickled objects, and
the exhaustive rank_bm25 path agrees with the fast one even for words no passage holds."""

import numpy as np
import pytest

from retrieval.index import Params, PassageIndex
from retrieval.tokenize import tokenize

DOCS = [
    "private fostering arrangements are weak",
    "initial assessments completed within seven days",
    "teenage conception rates have fallen",
    "youth offending service inspection found improvement",
    "fostering and adoption services are good",
]


def built(keep_model: bool = True) -> PassageIndex:
    return PassageIndex.build(
        [10, 20, 30, 40, 50], [tokenize(d) for d in DOCS], keep_model=keep_model
    )


def test_a_saved_index_loads_back_with_the_same_rankings(tmp_path) -> None:
    index = built(keep_model=False)
    index.save(tmp_path / "index.npz")
    loaded = PassageIndex.load(tmp_path / "index.npz", Params())
    assert loaded.search(tokenize("fostering"), 5) == index.search(tokenize("fostering"), 5)


def _rewrite(path, **changes) -> None:
    data = dict(np.load(path, allow_pickle=False))
    np.savez(path, **{**data, **changes})


def test_a_cache_holding_pickled_objects_is_not_loaded(tmp_path) -> None:
    path = tmp_path / "index.npz"
    built(keep_model=False).save(path)
    terms = np.load(path)["terms"]
    _rewrite(path, terms=np.array(list(terms), dtype=object))
    assert PassageIndex.load(path, Params()) is None


def test_a_cache_whose_terms_and_postings_disagree_is_not_loaded(tmp_path) -> None:
    path = tmp_path / "index.npz"
    built(keep_model=False).save(path)
    _rewrite(path, lengths=np.load(path)["lengths"][:-1])
    assert PassageIndex.load(path, Params()) is None


def test_the_exhaustive_path_scores_words_no_passage_holds_as_the_fast_path_does() -> None:
    index = built()
    tokens = tokenize("fostering arrangements zebra")
    fast, slow = index.search(tokens, 5), index.reference_search(tokens, 5)
    assert [h.passage_id for h in fast] == [h.passage_id for h in slow] == [10, 50]
    assert np.allclose([h.score for h in fast], [h.score for h in slow])


def test_an_index_without_its_model_says_how_to_compare() -> None:
    with pytest.raises(ValueError) as raised:
        built(keep_model=False).reference_search(tokenize("fostering"), 5)
    assert str(raised.value) == (
        "this index keeps no rank_bm25 model (serving or cached index); "
        "use Snapshot.reference_index() to compare"
    )
