"""How much answering runs at once: a bounded number of answers in progress and waiting, anyone
past that told "busy, try again in a moment"; and on shutdown a drain, where answers in
progress finish and new ones are refused.

Listeners acknowledge first and take a slot after, so an ack never waits here.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from store.errors import LettersError

# Answers in progress at once. An answer is milliseconds of our CPU and a few hundred of
# Slack's I/O, so a 2-core machine keeps eight busy; more would only queue inside Slack's client.
WORKERS = 8
# Answers waiting for one of those: about a second's worth at the bench's rates. Past that a
# person is better told to try again than left waiting with no reply.
WAITING = 32
DRAIN_SECONDS = 20.0  # on SIGTERM: long enough for any answer, short of a supervisor's kill


class Busy(LettersError):
    """No room for another answer now (or the bot is shutting down)."""


class Work:
    def __init__(self, workers: int = WORKERS, waiting: int = WAITING) -> None:
        self._running = threading.BoundedSemaphore(workers)
        self._admitted = threading.BoundedSemaphore(workers + waiting)
        self._idle = threading.Condition()
        self._in_flight = 0
        self.draining = False

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Room for one answer, waiting for a worker if all are busy; ``Busy`` at once when the
        queue is full or the bot is draining."""
        if self.draining:
            raise Busy("I'm restarting: ask again in a minute.")
        if not self._admitted.acquire(blocking=False):
            raise Busy("I'm answering a lot of questions just now: ask again in a moment.")
        with self._idle:
            self._in_flight += 1
        try:
            with self._running:
                yield
        finally:
            self._admitted.release()
            with self._idle:
                self._in_flight -= 1
                self._idle.notify_all()

    def drain(self, timeout: float = DRAIN_SECONDS) -> bool:
        """Refuse new answers and wait for those in progress; whether they all finished."""
        self.draining = True
        with self._idle:
            return self._idle.wait_for(lambda: self._in_flight == 0, timeout)
