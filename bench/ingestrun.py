"""``letters ingest`` in another process, watched through the store: when it first and last
committed a letter (each bumps the store version), and stopped, with the parse workers it
started, once a benchmark has what it needs."""

import os
import signal
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import clean_env, letters_command

# The store's version is read this often to see the ingest's commits (one per letter): fine
# enough to place four acks a second against them, for one cheap read each time.
POLL_SECONDS = 0.1
FIRST_WRITE_TIMEOUT = 120.0  # the ingest's imports and parse workers start in a few seconds
STOP_SECONDS = 10.0  # for the stopped ingest's processes to exit before they are killed


class MeasurementError(RuntimeError):
    """The run could not measure what it is for (exit status 2)."""


@dataclass
class IngestRun:
    """``letters ingest`` in its own process, and when the store saw it write."""

    process: subprocess.Popen
    log: Path
    spawned: float  # time.monotonic()
    writes: list[tuple[float, int]] = field(default_factory=list)  # (when, store version)
    start_version: int = 0
    ended: float | None = None
    returncode: int | None = None
    stopped: bool = False  # by us, once the events were acked
    text: str | None = None  # its output, kept once it has ended (its folder goes)

    @property
    def first_write(self) -> float | None:
        return self.writes[0][0] if self.writes else None

    @property
    def last_write(self) -> float | None:
        return self.writes[-1][0] if self.writes else None

    @property
    def letters_written(self) -> int:
        """Commits seen (one per letter stored, each bumps the store version)."""
        return self.writes[-1][1] - self.start_version if self.writes else 0

    def output(self) -> str:
        if self.text is not None:
            return self.text
        return self.log.read_text(encoding="utf-8", errors="replace")

    def summary(self) -> str:
        """Its last line ("N file(s): L loaded, …") or how it ended."""
        if self.stopped:
            return f"stopped by the benchmark after the events (exit {self.returncode})"
        done = [line for line in self.output().splitlines() if "file(s):" in line]
        return f"exit {self.returncode}: " + (done[-1].strip() if done else "(no summary)")


@contextmanager
def ingesting(url: str, archive: Path, work: Path, code: Path | None):
    """``letters ingest`` of ``archive`` into ``url`` in another process, watched; stopped on
    the way out if it is still running."""
    env = clean_env(code)
    env.pop("DATABASE_URL", None)
    env.update(XDG_DATA_HOME=str(work / "ingest-data"), XDG_CACHE_HOME=str(work / "ingest-cache"))
    log = work / "ingest.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [*letters_command(code), "--database", url, "ingest", str(archive)],
            env=env,
            cwd=work,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    run = IngestRun(process, log, time.monotonic())
    watcher = threading.Thread(target=watch, args=(run, url), name="ingest-watch", daemon=True)
    watcher.start()
    try:
        yield run
    finally:
        stop(run)
        watcher.join(30)
        run.text = run.output()


def watch(run: IngestRun, url: str) -> None:
    """Note each change of the store version (the ingest commits one per letter) until the
    ingest process has exited."""
    from store.db import make_engine
    from store.queries import current_version

    engine = make_engine(url)
    try:
        seen = run.start_version = current_version(engine)
        while True:
            done = run.process.poll() is not None
            version = current_version(engine)
            if version != seen:
                run.writes.append((time.monotonic(), version))
                seen = version
            if done:
                run.ended, run.returncode = time.monotonic(), run.process.returncode
                return
            time.sleep(POLL_SECONDS)
    finally:
        engine.dispose()


def stop(run: IngestRun) -> None:
    """End the ingest and the parse workers it started, each by its id. The workers must be
    told too: a parent killed mid-ingest leaves them waiting on its queue for good."""
    if run.process.poll() is not None:
        return
    run.stopped = True
    workers = children(run.process.pid)
    run.process.terminate()
    for pid in workers:
        _signal(pid, signal.SIGTERM)
    try:
        run.process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        run.process.kill()
        run.process.wait(STOP_SECONDS)
    deadline = time.monotonic() + STOP_SECONDS
    while any(Path(f"/proc/{pid}").exists() for pid in workers):
        if time.monotonic() > deadline:
            for pid in workers:
                _signal(pid, signal.SIGKILL)
            break
        time.sleep(0.05)


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def wait_first_write(run: IngestRun, timeout: float = FIRST_WRITE_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while run.first_write is None:
        if run.ended is not None or time.monotonic() > deadline:
            raise MeasurementError(f"the ingest never wrote to the store: {run.summary()}")
        time.sleep(POLL_SECONDS / 2)
