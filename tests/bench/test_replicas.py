"""Two ``letters serve --http`` replicas over one PostgreSQL, one loopback Web API recorder.

A retry delivered to the other replica is answered once; a letter ingested while both run is
answered by a replica that was never restarted.
"""

import os
import subprocess
import threading
import time
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from bench.load import fleet, letters_command, mention
from store.db import create_schema, make_engine

pytestmark = [pytest.mark.postgres, pytest.mark.subprocess]  # replicas are processes
ROOT = Path(__file__).resolve().parents[2]
KINGSTON = ROOT / "tests" / "data" / "letters" / "csa2010_kingston.txt"


@pytest.fixture
def database() -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip(
            "TEST_DATABASE_URL not set: two replicas need a real PostgreSQL to share "
            "(scripts/with-postgres provides one)"
        )
    engine = make_engine(url)
    SQLModel.metadata.drop_all(engine)
    create_schema(engine)
    engine.dispose()
    return url


@pytest.fixture
def replicas(database):
    # Started together: both load the bundled letters into the empty store at once.
    with fleet(2, database, together=True) as f:
        yield f
        for replica in f.replicas:
            assert "Traceback" not in replica.output(), replica.summary()


def answers(fleet_, channel: str, ts: str, count: int = 1, timeout: float = 15):
    """The answers posted in the thread of message ``ts``, once ``count`` have come."""
    return fleet_.recorder.wait_for(
        "chat.postMessage",
        count,
        timeout,
        where=lambda c: (c.body.get("channel"), c.body.get("thread_ts")) == (channel, ts),
    )


def shown(call) -> str:
    return f"{call.body.get('text', '')}\n{call.body.get('blocks', '')}"


def test_a_retry_delivered_to_the_other_replica_is_answered_once(replicas):
    events = [
        mention(
            f"EvPAIR{i:02d}",
            "C0PAIR",
            f"1800000002.{i:06d}",
            "what was Birmingham's staying safe grade in 2007?",
        )
        for i in range(10)
    ]
    statuses: list[int] = []
    start = threading.Barrier(2 * len(events))

    def send(replica: int, body: dict, retry: int) -> None:
        start.wait(10)
        statuses.append(replicas.deliver(replica, body, retry=retry)[0])

    threads = [
        threading.Thread(target=send, args=(replica, body, replica))
        for body in events
        for replica in (0, 1)
    ]  # A first delivery, B the retry
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert statuses == [200] * 20
    for body in events:
        [call] = answers(replicas, "C0PAIR", body["event"]["ts"])
        assert "Grade 2" in call.body["text"]
    time.sleep(1.0)  # a second answer would have come by now
    posted = replicas.recorder.calls("chat.postMessage")
    assert sorted(c.body["thread_ts"] for c in posted) == sorted(b["event"]["ts"] for b in events)


def test_a_letter_ingested_through_one_is_answered_by_the_other(replicas, database):
    question = "Kingston upon Thames overall 2010"
    assert (
        replicas.deliver(1, mention("EvKING1", "C0KING", "1800000003.000001", question))[0] == 200
    )
    [before] = answers(replicas, "C0KING", "1800000003.000001")
    assert "No letter for Kingston upon Thames" in before.body["text"]
    assert "Performs excellently" not in shown(before)

    # There is no ingest over HTTP, so "through one" is the CLI on the same DATABASE_URL: a
    # separate process sharing the store exactly as replica A does. Replica B is not restarted.
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    done = subprocess.run(
        [*letters_command(), "ingest", str(KINGSTON)],
        env={**env, "DATABASE_URL": database},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 loaded" in done.stdout

    assert (
        replicas.deliver(1, mention("EvKING2", "C0KING", "1800000003.000002", question))[0] == 200
    )
    [after] = answers(replicas, "C0KING", "1800000003.000002")
    assert after.body["channel"] == "C0KING"
    assert "Performs excellently (4)" in shown(after)
    assert "Kingston upon Thames" in after.body["text"]
    assert all(r.process.poll() is None for r in replicas.replicas)
