"""Bounded work: answers in progress and waiting are bounded, the rest told plainly the bot is
busy; on SIGTERM the answers in progress finish and new questions are told it is restarting."""

import signal
import threading

import pytest

from bot.serve import drain_on_sigterm
from bot.work import Busy, Work
from tests.bot.conftest import Harness

BOUND = 10  # seconds: far past any slot's wait here, short of a hung run


def hold(work: Work, n: int) -> tuple[threading.Event, list[threading.Thread]]:
    """``n`` answers in progress until the event is set."""
    # Bounded waits: when a slot is broken the test fails in seconds rather than hanging.
    release, started = threading.Event(), threading.Barrier(n + 1, timeout=BOUND)

    def answer() -> None:
        with work.slot():
            started.wait()
            release.wait(BOUND)

    threads = [threading.Thread(target=answer, daemon=True) for _ in range(n)]
    for t in threads:
        t.start()
    started.wait()
    return release, threads


def test_answers_past_the_workers_and_the_queue_are_refused_at_once():
    work = Work(workers=2, waiting=0)
    release, threads = hold(work, 2)
    with pytest.raises(Busy, match="answering a lot of questions just now: ask again"):
        with work.slot():
            pass
    release.set()
    for t in threads:
        t.join(2)
    with work.slot():  # room again
        pass


def test_an_answer_within_the_queue_waits_for_a_worker_and_then_runs():
    work = Work(workers=1, waiting=1)
    release, threads = hold(work, 1)
    ran = threading.Event()

    def queued() -> None:
        with work.slot():
            ran.set()

    waiting = threading.Thread(target=queued, daemon=True)
    waiting.start()
    assert not ran.wait(0.2)  # queued behind the one in progress
    with pytest.raises(Busy):  # and the queue of one is full
        with work.slot():
            pass
    release.set()
    assert ran.wait(2)


def test_a_drain_waits_for_answers_in_progress_and_refuses_new_ones():
    work = Work(workers=2, waiting=2)
    release, threads = hold(work, 1)
    assert work.drain(timeout=0.1) is False  # one still in progress
    with pytest.raises(Busy, match="restarting"):
        with work.slot():
            pass
    release.set()
    assert work.drain(timeout=2) is True


def test_sigterm_drains_then_stops():
    work = Work()
    release, threads = hold(work, 1)
    stopped = threading.Event()
    previous = signal.getsignal(signal.SIGTERM)
    try:
        handler = drain_on_sigterm(work, stopped.set)
        assert signal.getsignal(signal.SIGTERM) is handler  # installed from the main thread
    finally:
        signal.signal(signal.SIGTERM, previous)  # the test runner's own, back
    handler(signal.SIGTERM, None)
    assert not stopped.wait(0.2)  # an answer is still in progress
    release.set()
    assert stopped.wait(2) and work.draining


def test_a_busy_bot_says_so_in_the_thread_and_privately(recorder, bot_engine):
    work = Work(workers=1, waiting=0)
    bot = Harness(recorder, bot_engine, work=work)
    release, threads = hold(work, 1)
    try:
        bot.mention("Birmingham 2011", ts="1700000000.000100")
        [reply] = bot.recorder.sent("chat.postMessage")
        assert reply.body["thread_ts"] == "1700000000.000100"
        assert reply.body["text"] == (
            "I'm answering a lot of questions just now: ask again in a moment."
        )
        response = bot.command("Birmingham 2011")
        assert response.status == 200  # acknowledged at once all the same
        [private] = bot.recorder.sent("response_url")
        assert private.body["response_type"] == "ephemeral"
        assert "ask again in a moment" in private.body["text"]
    finally:
        release.set()
        for t in threads:
            t.join(2)
    bot.mention("Birmingham 2011", ts="1700000000.000300")
    assert "Performs poorly (1)" in bot.recorder.sent("chat.postMessage")[-1].body["text"]
