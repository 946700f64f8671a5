"""Acks while an ingest runs: mentions acknowledged by ``letters serve --http`` while
``letters ingest`` writes a synthetic archive into the same store from another process.

    python -m bench.acks [--database URL] [--events 100] [--seconds 25] [--letters N]
                         [--before REV] [--after REV] [--note TEXT] [--no-write]

Generates SYNTHETIC letters (bench/synth.py), starts one replica over a fresh store (a
temporary SQLite file, or a scratch database made on the PostgreSQL server ``--database``
names, dropped after), starts ``letters ingest`` on that store in another process, and once the
ingest has written its first letter sends N signed app_mention events paced over S seconds,
a tenth of them again as Slack's retries (bench/load.py's plan). Each ack's latency and status
is recorded and the ingest's writes are watched in the store. Once every event is acked the
ingest is stopped (its part is done, and answers then catch up), and the answers are counted
on the loopback Web API recorder.

``--before REV`` also measures an earlier commit, checked out in a temporary git worktree
(removed after), for the "before" figure; ``--after REV`` does the same for the "after" code
(default: this checkout, uncommitted edits included). The replica and the ingest both run it.

Exit status, of the "after" run: 0 when ack p95 is under the target (1 s), every ack a 200 and
every distinct event answered exactly once; 1 otherwise; 2 when the measurement could not be
made (a replica did not start, the ingest never wrote, or it stopped writing before the events
ended: then it says so, and ``--letters`` should be larger or ``--seconds`` smaller). Answers
that are "Sorry" or "busy" are printed as problems (they are the answer path's failures under
an ingest, not the ack's) but do not change the status. Only loopback addresses are used.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench import ackreport, synth
from bench.checkouts import checkout_label, worktree
from bench.ingestrun import IngestRun, ingesting, stop, wait_first_write
from bench.load import (
    Delivery,
    LoadReport,
    count,
    fleet,
    pct,
    plan,
    send_all,
    wait_answered,
)

# The target: an ack's p95 under a second leaves two of Slack's three seconds for the
# network and whatever else is slow between Slack and us.
ACK_TARGET = 1.0
# 100 events over 25 s: four questions a second is far more than one workspace asks, and 110
# acks give a p95 from the slowest five or six. 25 s fits inside the 1x archive's ingest even
# on an idle machine (about 31 s of writing there; 80-110 s with other work on these 2 cores).
EVENTS, SECONDS = 100, 25.0
RETRY_FRACTION = 0.1  # as bench/load.py: a tenth delivered again, same event_id
ANSWER_TIMEOUT = 180.0  # answers during an ingest reload the store's snapshot and queue
# A stopped ingest counts as writing until then if it had committed this shortly before: it
# commits a letter every tenth of a second here, about every half second at worst.
STILL_WRITING_SECONDS = 2.0
# A product file named from the checkout's root, wherever the checkout is (a worktree in /tmp).
_PRODUCT_FILE = re.compile(r'File "[^"]*?/((?:bot|store|retrieval|letters)/[^"]+\.py)"')
BUSY = "ask again in a moment"  # bot.work.Busy's reply: a refusal, not an answer


@dataclass
class AcksReport:
    label: str  # "after: 7620ac6 (HEAD)"
    load: LoadReport
    deliveries: list[Delivery]
    ingest: IngestRun
    letters: int  # in the archive given to the ingest
    busy: int  # events told "busy, ask again" instead of an answer
    unclaimed: int  # answers given without the store's claim (the store busy past the wait)
    target: float = ACK_TARGET
    replica_log: str = ""

    @property
    def acks(self) -> list[float]:
        return self.load.ack_seconds

    def over(self, seconds: float) -> int:
        return sum(1 for s in self.acks if s > seconds)

    @property
    def answered_once(self) -> int:
        return self.load.answered - self.load.twice

    @property
    def events_end(self) -> float:
        return max((d.sent + d.seconds for d in self.deliveries), default=0.0)

    @property
    def writing_until(self) -> float | None:
        """Until when the ingest was writing: its last commit, or when it was stopped with
        letters left to write and a commit shortly before."""
        i = self.ingest
        if i.last_write is None:
            return None
        cut_short = i.stopped and i.ended is not None and i.letters_written < self.letters
        if cut_short and i.ended - i.last_write <= STILL_WRITING_SECONDS:
            return i.ended
        return i.last_write

    def while_writing(self) -> int:
        """Acks sent and returned while the ingest was writing."""
        first, last = self.ingest.first_write, self.writing_until
        if first is None or last is None:
            return 0
        return sum(1 for d in self.deliveries if first <= d.sent and d.sent + d.seconds <= last)

    @property
    def overlapped(self) -> bool:
        """The ingest was writing from before the first event until the last ack came back."""
        first, last = self.ingest.first_write, self.writing_until
        if first is None or last is None or not self.deliveries:
            return False
        return first <= min(d.sent for d in self.deliveries) and last >= self.events_end

    @property
    def acks_ok(self) -> bool:
        return set(self.load.statuses) == {200} and pct(self.acks, 95) < self.target

    @property
    def once_ok(self) -> bool:
        r = self.load
        return r.answered == r.distinct and not r.twice and not r.lost

    @property
    def ok(self) -> bool:
        return self.acks_ok and self.once_ok

    def problems(self) -> list[str]:
        """What went wrong in the answers, whatever the status says."""
        r, found = self.load, []
        if r.sorry:
            found.append(f"answers that were 'Sorry — something went wrong': {r.sorry}")
        if self.busy:
            found.append(f"events told the bot is busy instead of answered: {self.busy}")
        if r.log_errors:
            found.append(f"ERROR or Traceback lines in the replica's log: {len(r.log_errors)}")
        return found

    def first_failure(self) -> list[str]:
        """The replica's first logged error and its traceback, library frames left out."""
        lines = self.replica_log.splitlines()
        start = next((i for i, line in enumerate(lines) if " ERROR " in line), None)
        if start is None:
            return []
        out = [lines[start]]
        for line in lines[start + 1 :]:
            if line[:4].isdigit():  # the next log record
                break
            if "site-packages" not in line and not line.startswith("    "):
                out.append(_PRODUCT_FILE.sub(r'File "\1"', line))
        return out[:20]


def run_acks(
    archive: Path,
    events: int = EVENTS,
    seconds: float = SECONDS,
    database: str | None = None,
    code: Path | None = None,
    label: str = "this checkout",
    retry_fraction: float = RETRY_FRACTION,
    concurrency: int = 32,
    seed: int = 7,
    target: float = ACK_TARGET,
    answer_timeout: float = ANSWER_TIMEOUT,
) -> AcksReport:
    """One replica and one ingest over a fresh store (SQLite, or a scratch database on the
    PostgreSQL server ``database`` names); the events sent while the ingest writes."""
    deliveries = plan(events, seconds, retry_fraction, 1, 1.0, seed)
    originals = {d.event_id: d for d in deliveries if not d.retry}
    threads = {(d.channel, d.ts) for d in originals.values()}
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="letters-acks-")))
        url = stack.enter_context(scratch_store(database, work))
        f = stack.enter_context(fleet(1, url, code=code))
        ingest = stack.enter_context(ingesting(url, archive, work, code))
        wait_first_write(ingest)
        send_all(f, deliveries, concurrency)  # returns once every delivery has its ack
        stop(ingest)
        wait_answered(f.recorder, threads, answer_timeout)
        time.sleep(1.0)  # a duplicate answer would come soon after the first
        posts = f.recorder.calls("chat.postMessage")
        output = f.replicas[0].output()
    log_errors = [line for line in output.splitlines() if "ERROR" in line or "Traceback" in line]
    busy = {
        (c.body.get("channel"), c.body.get("thread_ts"))
        for c in posts
        if BUSY in str(c.body.get("text", ""))
    }
    return AcksReport(
        label=label,
        load=count(deliveries, originals, posts, log_errors),
        deliveries=deliveries,
        ingest=ingest,
        letters=sum(1 for _ in archive.glob("*.txt")),
        busy=len(busy & threads),
        unclaimed=output.count("answered without its claim"),
        target=target,
        replica_log=output,
    )


@contextmanager
def scratch_store(database: str | None, work: Path):
    """A fresh store's URL: a SQLite file in ``work``, or a new database on the PostgreSQL
    server of ``database``, dropped after, so that every run ingests into an empty store."""
    if not database:
        yield f"sqlite:///{work / 'store.sqlite3'}"
        return
    from sqlalchemy import create_engine, make_url, text

    server = make_url(database)
    name = "letters_acks_" + "".join(c if c.isalnum() else "_" for c in work.name[-8:].lower())
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:  # FORCE: a stopped ingest's connection may linger
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def make_archive(out: Path, letters: int | None = None) -> Path:
    """The synthetic archive, or its first ``letters`` letters, in a folder of their own."""
    # A council has up to seven letters (2005-2011) and at least three (one made in 2009), so
    # this many councils give N letters and no more than about twice as many to write.
    councils = None if letters is None else -(-letters // 3)
    every = synth.generate(out / "generated", councils=councils)
    folder = out / "letters"
    folder.mkdir()
    for path in every[:letters] if letters else every:
        path.rename(folder / path.name)
    return folder


def measure(role: str, rev: str | None, archive: Path, args: argparse.Namespace) -> AcksReport:
    """One run on ``rev`` (in a worktree) or on this checkout."""
    with ExitStack() as stack:
        code, label = None, checkout_label()
        if rev:
            code, sha = stack.enter_context(worktree(rev))
            label = f"{sha} ({rev})"
        return run_acks(
            archive,
            args.events,
            args.seconds,
            args.database,
            code,
            f"{role}: {label}",
            args.retry_fraction,
            target=args.target,
        )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.acks", description=__doc__.split("\n\n")[0])
    p.add_argument("--database", metavar="URL", help="a PostgreSQL server (default: SQLite)")
    p.add_argument("--events", type=int, default=EVENTS, help=f"distinct events ({EVENTS})")
    p.add_argument("--seconds", type=float, default=SECONDS, help=f"sent over ({SECONDS:g})")
    p.add_argument("--letters", type=int, help="ingest only the first N synthetic letters")
    p.add_argument("--before", metavar="REV", help="also measure this commit, as 'before'")
    p.add_argument("--after", metavar="REV", help="measure this commit (default: this checkout)")
    p.add_argument("--retry-fraction", type=float, default=RETRY_FRACTION)
    p.add_argument(
        "--target", type=float, default=ACK_TARGET, help="ack p95 limit, seconds (default 1)"
    )
    p.add_argument("--note", default="", help="a sentence about the machine, for results.md")
    p.add_argument("--no-write", action="store_true", help="do not update bench/results.md")
    args = p.parse_args(argv)
    if args.database and not args.database.startswith("postgres"):
        p.error("--database names a PostgreSQL server; SQLite is always a fresh temporary file")
    if args.events < 1 or args.seconds <= 0 or (args.letters is not None and args.letters < 1):
        p.error("--events, --seconds and --letters must be positive")
    return args


def command_line(argv: list[str], database: str | None) -> str:
    """The command as results.md shows it: a throwaway server's URL (scripts/with-postgres
    picks a new port each time) as the variable that held it, any other as ``URL``."""
    shown = "$TEST_DATABASE_URL" if database == os.environ.get("TEST_DATABASE_URL") else "URL"
    words = []
    for word in argv:
        if database and database in word:
            words.append(word.replace(database, f'"{shown}"'))
        else:
            words.append(shlex.quote(word))
    return " ".join(["python -m bench.acks", *words])


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = command_line(sys.argv[1:] if argv is None else argv, args.database)
    at = ackreport.conditions(args.note)
    runs = ([("before", args.before)] if args.before else []) + [("after", args.after)]
    reports: list[AcksReport] = []
    try:
        with tempfile.TemporaryDirectory(prefix="letters-acks-corpus-") as tmp:
            archive = make_archive(Path(tmp), args.letters)
            for role, rev in runs:
                reports.append(measure(role, rev, archive, args))
                print(ackreport.format(reports[-1], args.database), flush=True)
    except (RuntimeError, subprocess.CalledProcessError) as exc:  # a replica, ingest or git
        print(f"acks: {exc}", file=sys.stderr)
        return 2
    if not args.no_write:
        print(f"acks: wrote {ackreport.write(reports, args.database, command, at)}")
    after = reports[-1]
    if not after.overlapped:
        print(
            "acks: the ingest stopped writing before the events ended, so not every ack was "
            "measured under an ingest: use more --letters or fewer --seconds",
            file=sys.stderr,
        )
        return 2
    return 0 if after.ok else 1


if __name__ == "__main__":
    sys.exit(main())
