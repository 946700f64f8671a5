"""Answers while an ingest writes: a snapshot is one version of the store, whatever is committed
between its reads, and its passage index lines up with its own passages (a letter committed
between its keys and the texts read for its index once made searches fail, or return another
passage's text)."""

import pytest

from retrieval.index import Params
from retrieval.snapshot import Snapshot
from retrieval.tokenize import tokenize
from store import queries
from store.ingest import ingest_paths
from tests.conftest import LETTERS

FIRST = LETTERS / "birmingham_apa2007.txt"
LATER = LETTERS / "csa2010_kingston.txt"


@pytest.fixture
def sql(sql_engine):
    """SQLite and PostgreSQL, one letter held."""
    ingest_paths(sql_engine, [FIRST])
    return sql_engine


def test_a_letter_committed_between_a_snapshots_reads_is_not_half_in_it(sql, monkeypatch):
    """Letters are read, then the judgements: an ingest commits a letter in between."""
    real = queries.letters_held

    def held_then_an_ingest_commits(session):
        held = real(session)
        ingest_paths(sql, [LATER])  # another process, as far as this session can tell
        return held

    monkeypatch.setattr(queries, "letters_held", held_then_an_ingest_commits)
    snap = Snapshot.load(sql, Params())
    assert set(snap.held) == {"Birmingham"}
    assert {council for council, _, _ in snap.judgements} == {"Birmingham"}
    assert set(snap.keys.authorities) == {"Birmingham"}
    monkeypatch.setattr(queries, "letters_held", real)
    assert "Kingston upon Thames" in Snapshot.load(sql, Params()).held  # the next version


def test_an_index_built_after_an_ingest_still_finds_its_own_passages(sql):
    snap = Snapshot.load(sql, Params())
    ingest_paths(sql, [LATER])  # committed after the snapshot's keys, before its index
    ingest_paths(sql, [FIRST], replace=True)  # and the snapshot's own passages replaced
    index = snap.index
    assert len(index.ids) == len(snap.keys.ids)
    hits = index.search(tokenize("staying safe"), 5)
    assert hits and all(h.passage_id in snap.keys.ids for h in hits)
    fresh = Snapshot.load(sql, Params())
    found = fresh.search("Kingston upon Thames performs excellently", 3)
    assert found and "Kingston" in found[0][0].text


def test_only_a_version_that_stands_builds_its_index_in_the_background(sql, monkeypatch):
    """While an ingest commits letter after letter, each answer sees a newer version: the
    index (seconds of CPU) is built for the one still current after SETTLE_SECONDS only."""
    import threading

    from retrieval import snapshot as snapshot_module
    from retrieval.answerer import Answerer

    built: list[int] = []
    real = Snapshot._build_index

    def counted(self, save):
        built.append(self.version)
        return real(self, save)

    settled = threading.Event()  # the settling time is over when the test says so

    def settle(seconds: float) -> None:
        if seconds:
            settled.wait(5)

    monkeypatch.setattr(Snapshot, "_build_index", counted)
    monkeypatch.setattr(snapshot_module.time, "sleep", settle)
    engine = Answerer.open(sql)
    first = engine.snapshot()  # the first warms at once
    for t in [t for t in threading.enumerate() if t.name == "index-warm"]:
        t.join(5)
    for path in (LATER, LETTERS / "csa2011_late_slough.txt"):
        ingest_paths(sql, [path])
        engine.snapshot()  # a newer version each time, loaded by an answer
    last = engine.snapshot()
    settled.set()
    for t in [t for t in threading.enumerate() if t.name == "index-warm"]:
        t.join(5)
    assert first.version in built and last.version in built
    assert len(built) == 2  # the version in between was superseded before it settled
