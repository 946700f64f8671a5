"""The snapshot's index: cached per store and version, and ranking exactly as rank_bm25 does."""

import random
import shutil

from retrieval.index import Params
from retrieval.snapshot import Snapshot, cache_dir
from retrieval.tokenize import tokenize
from store.db import create_schema, make_engine
from store.ingest import ingest_paths
from tests.conftest import LETTERS


def store(path):
    sql = make_engine(f"sqlite:///{path}")
    create_schema(sql)
    return sql


def test_restart_loads_the_cached_index_with_identical_rankings(tmp_path) -> None:
    sql = store(tmp_path / "s.sqlite3")
    ingest_paths(sql, [LETTERS])
    built = Snapshot.load(sql, Params()).index
    assert len(list(cache_dir().glob("index-*.npz"))) == 1
    loaded = Snapshot.load(sql, Params())._cached_index()
    assert loaded is not None and loaded.model is None  # came from disk
    for query in (
        "private fostering",
        "looked after children reviews",
        "obesity",
        "initial assessments seven days",
        "youth offending",
    ):
        tokens = tokenize(query)
        assert loaded.search(tokens, 10) == built.search(tokens, 10)


def test_a_recreated_store_never_reuses_an_old_cache(tmp_path) -> None:
    first = store(tmp_path / "s.sqlite3")
    ingest_paths(first, [LETTERS])
    assert len(Snapshot.load(first, Params()).index) > 100  # built and cached
    first.dispose()
    (tmp_path / "s.sqlite3").unlink()
    shutil.rmtree(tmp_path / "in", ignore_errors=True)
    (tmp_path / "in").mkdir()
    shutil.copy(LETTERS / "csa2010_kingston.txt", tmp_path / "in")
    second = store(tmp_path / "s.sqlite3")
    ingest_paths(second, [tmp_path / "in"])  # same path, same version number, other content
    snap = Snapshot.load(second, Params())
    assert snap._cached_index() is None
    assert len(snap.index) == len(snap.keys.ids)


def test_snapshot_fast_path_matches_exhaustive_rank_bm25(fixture_store) -> None:
    snap = Snapshot.load(fixture_store, Params())
    reference = snap.reference_index()
    rng = random.Random(11)
    vocab = sorted({t for p in reference.postings for t in [p]})
    for _ in range(200):
        tokens = rng.sample(vocab, rng.randint(1, 4))
        mask = snap.mask(council=rng.choice(snap.councils)) if rng.random() < 0.3 else None
        assert snap.index.search(tokens, 10, mask) == reference.reference_search(tokens, 10, mask)


def test_passage_rows_carry_their_text_section_and_letter_and_skip_unknown_letters(tmp_path):
    """A snapshot cites passages from the letters it read; a passage whose letter came after it
    (an id reused by a later ingest) is left out rather than cited from the wrong letter."""
    from store import queries

    sql = store(tmp_path / "s.sqlite3")
    ingest_paths(sql, [LETTERS])
    snap = Snapshot.load(sql, Params())
    hits = snap.hits("private fostering", 5)
    rows = snap.rows(hits)
    assert [h.passage_id for _, h in rows] == [h.passage_id for h in hits]
    for row, _ in rows:
        assert "foster" in row.text.lower()
        assert row.letter.authority in snap.held and row.section
    ids = [h.passage_id for h in hits]
    first = rows[0][0].letter.letter_id
    without = {k: v for k, v in snap.refs.items() if k != first}
    with sql.connect() as connection:
        kept = queries.passages_by_id(connection, ids, without)
        assert queries.passages_by_id(connection, [], snap.refs) == {}
    assert kept and all(row.letter.letter_id != first for row in kept.values())
    assert set(kept) == {r.id for r, _ in rows if r.letter.letter_id != first}
