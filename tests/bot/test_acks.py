"""Acks never wait on the store: an event is acknowledged at once even while another process
(an ingest) holds SQLite's write lock, and is then answered once; a retry this process has seen
is dropped without touching the store."""

import json
import logging
import os
import sqlite3
import threading

import pytest

from bot import blocks, incoming
from bot.incoming import Recent
from store import botstate
from store.db import create_schema, make_engine
from tests.bot.conftest import CHANNEL, TEAM
from tests.bot.test_http import post
from tests.bot.test_rules import mention_event


class WriteLock:
    """Another process's write transaction on the store file, as an ingest holds one."""

    def __init__(self, store_url: str) -> None:
        self.db = sqlite3.connect(store_url.removeprefix("sqlite:///"), isolation_level=None)
        self.db.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.db.execute("ROLLBACK")
        self.db.close()


def _post_event(bot, base: str, event: dict, event_id: str, retry: int | None = None):
    raw = json.dumps(bot.event_body(event, event_id))
    return post(f"{base}/slack/events", raw, bot.headers(raw, "application/json", retry=retry))


def test_an_event_is_acked_while_an_ingest_holds_the_write_lock_then_answered_once(
    served, store_url, monkeypatch
):
    monkeypatch.setattr(incoming, "CLAIM_WAIT_SECONDS", 30.0)  # the claim waits out the lock
    bot, base = served()
    lock = WriteLock(store_url)
    try:
        status, _, _ = _post_event(bot, base, mention_event(), "Ev0LOCKED1")
        assert status == 200  # acknowledged with the lock still held
        assert bot.recorder.sent("chat.postMessage") == []  # the answer waits for its claim
        retry_status, _, _ = _post_event(bot, base, mention_event(), "Ev0LOCKED1", retry=1)
        assert retry_status == 200  # a retry, acked at once too
    finally:
        lock.release()
    [answer] = bot.recorder.wait_for("chat.postMessage")
    assert (answer.body["channel"], answer.body["thread_ts"]) == (CHANNEL, "1700000000.000100")
    assert len(bot.recorder.wait_for("chat.postMessage", count=2, timeout=0.5)) == 1


def test_a_store_locked_past_the_claims_wait_still_gets_the_answer(
    served, store_url, monkeypatch, caplog
):
    monkeypatch.setattr(incoming, "CLAIM_WAIT_SECONDS", 0.05)
    bot, base = served()
    lock = WriteLock(store_url)
    try:
        with caplog.at_level(logging.WARNING, logger="letters.bot"):
            assert _post_event(bot, base, mention_event(), "Ev0LOCKED2")[0] == 200
            [answer] = bot.recorder.wait_for("chat.postMessage")  # with the lock still held
    finally:
        lock.release()
    assert (
        answer.body["text"] == blocks.to_blocks(bot.engine.answer("Birmingham 2007 grades"))["text"]
    )
    assert f"event {TEAM}:Ev0LOCKED2: the store was busy; answered without its claim" in [
        r.getMessage() for r in caplog.records
    ]


def test_claims_are_first_then_taken_and_unknown_while_the_store_is_locked(tmp_path):
    url = f"sqlite:///{tmp_path / 'claims.sqlite3'}"
    engine = make_engine(url)
    botstate.models.SQLModel.metadata.create_all(engine)
    assert botstate.claim_event(engine, "T1:Ev1", 0.05) == botstate.Claim.FIRST
    assert botstate.claim_event(engine, "T1:Ev1", 0.05) == botstate.Claim.TAKEN
    assert botstate.claim_event(engine, "T2:Ev1", 0.05) == botstate.Claim.FIRST  # another team
    lock = WriteLock(url)
    try:
        assert botstate.claim_event(engine, "T1:Ev2", 0.05) == botstate.Claim.UNKNOWN
    finally:
        lock.release()
    assert botstate.claim_event(engine, "T1:Ev2", 0.05) == botstate.Claim.FIRST
    # The short wait was this claim's alone: the connection waits as long as before after it.
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


def test_a_broken_store_is_an_error_not_an_unclaimed_answer(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")  # no tables at all
    with pytest.raises(botstate.OperationalError):
        botstate.claim_event(engine, "T1:Ev1", 0.05)


def test_recent_events_are_remembered_up_to_their_bound():
    recent = Recent(size=2)
    assert recent.first("a") and recent.first("b")
    assert not recent.first("a")
    assert recent.first("c")  # "a" is now the oldest of three, and forgotten
    assert recent.first("a") and not recent.first("c")


def test_recent_is_safe_across_threads():
    recent, firsts = Recent(size=1000), []
    barrier = threading.Barrier(8, timeout=10)

    def claim() -> None:
        barrier.wait()
        firsts.extend(k for k in range(200) if recent.first(str(k)))

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(firsts) == list(range(200))  # each key first exactly once


@pytest.fixture
def postgres():
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("TEST_DATABASE_URL not set (scripts/with-postgres provides one)")
    engine = make_engine(url)
    create_schema(engine)
    yield engine
    engine.dispose()


@pytest.mark.postgres
def test_on_postgresql_a_claim_held_by_an_unfinished_write_is_unknown_within_the_wait(postgres):
    from sqlalchemy import insert

    sql_engine = postgres

    other = sql_engine.connect()  # another replica, its claim of the same event not committed
    other.execute(insert(botstate.models.SlackEvent).values(event_id="T1:Ev9", received_at=_now()))
    try:
        assert botstate.claim_event(sql_engine, "T1:Ev9", 0.2) == botstate.Claim.UNKNOWN
    finally:
        other.commit()
        other.close()
    assert botstate.claim_event(sql_engine, "T1:Ev9", 0.2) == botstate.Claim.TAKEN


def _now():
    from datetime import UTC, datetime

    return datetime.now(UTC)
