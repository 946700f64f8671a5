"""Load: signed mention events over loopback to ``letters serve --http``, answers counted.

    python -m bench.load [--events 500] [--seconds 20] [--retry-fraction 0.1] [--replicas 1]
                         [--database URL] [--concurrency 32]

Starts a loopback Web API recorder and R replica processes (``letters serve --http``) over one
store (a temporary SQLite file unless ``--database`` is given), sends N distinct app_mention
events paced evenly over the given seconds, delivers a fraction of them again as Slack's retries
(same event_id, ``X-Slack-Retry-Num: 1``, to another replica when there are several), then
counts the ``chat.postMessage`` calls the recorder saw. Exits 1 unless every distinct event was
answered exactly once (and not with "Sorry — something went wrong"), and every ack was a 200 in
under 3 seconds; 2 if a replica did not start. Only loopback addresses are used.
"""

import argparse
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from slack_sdk.signature import SignatureVerifier

from tests.slack_double import BOT_USER, TEAM, Call, Recorder

BOT_TOKEN = "xoxb-000000000000-000000000000-FAKEfakeFAKEfakeFAKEfake"
QUESTIONS = (
    "what was Birmingham's staying safe grade in 2007?",
    "Birmingham 2007 grades",
    "private fostering",
    "How has Birmingham's overall rating changed from 2007 to 2011?",
    "help",
)
ACK_LIMIT = 3.0
SORRY = "something went wrong"
# Only loopback: a proxy from the environment must not carry requests elsewhere.
_LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Replica:
    url: str  # http://127.0.0.1:PORT
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def summary(self) -> str:
        """The log without library frames: our frames, the error, its message."""
        lines = [
            line
            for line in self.output().splitlines()
            if "site-packages" not in line and not line.startswith("    ")
        ]
        return "\n".join(lines[-30:])


@dataclass
class Fleet:
    """A recorder and the replicas answering through it; ``secret`` signs their requests."""

    recorder: Recorder
    replicas: list[Replica]
    secret: str

    def deliver(self, replica: int, body: dict, *, retry: int = 0) -> tuple[int, float]:
        return deliver(self.replicas[replica].url, body, self.secret, retry=retry)


@contextmanager
def fleet(
    replicas: int = 1,
    database: str | None = None,
    *,
    together: bool = False,
    startup: float = 60.0,
    code: Path | None = None,
):
    """Start a recorder and ``replicas`` serve processes over ``database``; stop them after.

    The first replica makes the store (schema, bundled letters) and is healthy before the
    others start, as in a rolling deployment; ``together`` starts them all at once, which on an
    empty PostgreSQL races in ``store.db.create_schema``. ``code``: another checkout of the
    project (a git worktree of an earlier commit) for the replicas to run instead of this one."""
    secret = secrets.token_hex(16)
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="letters-load-")))
        recorder = stack.enter_context(Recorder())
        database = database or f"sqlite:///{work / 'store.sqlite3'}"
        started: list[Replica] = []
        stack.callback(stop_all, started)
        deadline = time.monotonic() + startup
        for n in range(replicas):
            started.append(start_replica(n, work, database, recorder.api_url, secret, code))
            if n == 0 and not together:
                wait_healthy(started[0], deadline)
        for replica in started:
            wait_healthy(replica, deadline)
        yield Fleet(recorder, started, secret)


def start_replica(
    n: int, work: Path, database: str, api_url: str, secret: str, code: Path | None = None
) -> Replica:
    port = free_port()
    home = work / f"replica{n}"
    home.mkdir()
    env = clean_env(code)
    env.update(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=secret,
        SLACK_APP_TOKEN="",
        SLACK_API_URL=api_url,
        DATABASE_URL=database,
        LOG_LEVEL="WARNING",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    log = home / "serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [
                *letters_command(code),
                "serve",
                "--http",
                "--port",
                str(port),
                "--env-file",
                str(home / "no.env"),
            ],
            env=env,
            cwd=home,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return Replica(f"http://127.0.0.1:{port}", process, log)


def letters_command(code: Path | None = None) -> list[str]:
    """The ``letters`` command; from ``code`` (with ``clean_env(code)``) when given, as the
    installed script would import this checkout whatever PYTHONPATH says."""
    script = Path(sys.executable).with_name("letters")
    if script.exists() and code is None:
        return [str(script)]
    return [sys.executable, "-m", "letters"]


def clean_env(code: Path | None = None) -> dict[str, str]:
    """This environment without Slack settings or proxies; ``code`` first on the path."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SLACK_") and "proxy" not in k.lower()
    }
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(replica: Replica, deadline: float) -> None:
    while time.monotonic() < deadline:
        if replica.process.poll() is not None:
            raise RuntimeError(
                f"replica at {replica.url} exited "
                f"({replica.process.returncode}):\n{replica.summary()}"
            )
        try:
            with _LOOPBACK.open(f"{replica.url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"replica at {replica.url} not healthy in time:\n{replica.summary()}")


def stop_all(replicas: list[Replica]) -> None:
    for replica in replicas:
        replica.process.terminate()
    for replica in replicas:
        try:
            replica.process.wait(10)
        except subprocess.TimeoutExpired:
            replica.process.kill()
            replica.process.wait(10)


def mention(event_id: str, channel: str, ts: str, text: str, user: str = "U0PERSON1") -> dict:
    """An Events API ``event_callback`` for ``@letters <text>``, shaped like Slack's."""
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "team": TEAM,
        "blocks": [
            {
                "type": "rich_text",
                "block_id": "b0",
                "elements": [
                    {
                        "type": "rich_text_section",
                        "elements": [
                            {"type": "user", "user_id": BOT_USER},
                            {"type": "text", "text": f" {text}"},
                        ],
                    }
                ],
            }
        ],
    }
    return {
        "token": "unused",
        "team_id": TEAM,
        "context_team_id": TEAM,
        "api_app_id": "A0APP0001",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(float(ts)),
        "is_ext_shared_channel": False,
        "authorizations": [
            {
                "team_id": TEAM,
                "user_id": BOT_USER,
                "is_bot": True,
                "is_enterprise_install": False,
                "enterprise_id": None,
            }
        ],
    }


def deliver(
    base: str, body: dict, secret: str, *, retry: int = 0, timeout: float = 10.0
) -> tuple[int, float]:
    """POST a signed event to ``base``/slack/events: (HTTP status or 0 on no answer, seconds)."""
    raw = json.dumps(body)
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=ts, body=raw),
    }
    if retry:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    request = urllib.request.Request(
        f"{base}/slack/events", data=raw.encode(), headers=headers, method="POST"
    )
    started = time.monotonic()
    try:
        with _LOOPBACK.open(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.monotonic() - started


@dataclass
class Delivery:
    event_id: str
    channel: str
    ts: str
    body: dict
    replica: int
    retry: int
    at: float  # seconds after the start it is due
    sent: float = 0.0  # time.monotonic() when sent
    status: int = 0
    seconds: float = 0.0


@dataclass
class LoadReport:
    sent: int
    distinct: int
    retries: int
    statuses: Counter
    ack_seconds: list[float]
    answers: int  # chat.postMessage calls answering one of the events
    answered: int  # distinct events answered at least once
    twice: int  # distinct events answered more than once
    lost: int  # distinct events never answered
    sorry: int  # answers that were "Sorry — something went wrong"
    answer_seconds: list[float]
    log_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.answered == self.distinct
            and not self.twice
            and not self.lost
            and not self.sorry
            and set(self.statuses) == {200}
            and max(self.ack_seconds, default=0) < ACK_LIMIT
        )

    def format(self) -> str:
        acks, answers = self.ack_seconds, self.answer_seconds
        rows = [
            ("events sent", f"{self.sent} ({self.distinct} distinct, {self.retries} retries)"),
            ("ack statuses", ", ".join(f"{s}: {n}" for s, n in sorted(self.statuses.items()))),
            (
                "ack latency",
                f"p50 {ms(pct(acks, 50))}  p95 {ms(pct(acks, 95))}  max {ms(max(acks, default=0))}",
            ),
            ("answers posted", str(self.answers)),
            ("distinct answered", f"{self.answered} of {self.distinct}"),
            ("answered more than once", str(self.twice)),
            ("lost", str(self.lost)),
            ("sorry answers", str(self.sorry)),
            (
                "answer latency",
                f"p50 {ms(pct(answers, 50))}  p95 {ms(pct(answers, 95))}  "
                f"max {ms(max(answers, default=0))}",
            ),
            ("replica log errors", str(len(self.log_errors))),
        ]
        lines = [f"{label:<25}{value}" for label, value in rows]
        lines += [f"  {line}" for line in self.log_errors[:5]]
        lines.append(f"{'result':<25}{'PASS' if self.ok else 'FAIL'}")
        return "\n".join(lines)


def pct(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def plan(
    events: int, seconds: float, retry_fraction: float, replicas: int, retry_delay: float, seed: int
) -> list[Delivery]:
    """Every delivery, due times evenly spaced; retries follow their original by up to
    ``retry_delay`` seconds (0: at the same moment), on the next replica."""
    rng = random.Random(seed)
    run = secrets.token_hex(3).upper()  # a store reused between runs never sees an id twice
    step = seconds / max(events, 1)
    originals = []
    for i in range(events):
        event_id, channel, ts = f"Ev{run}{i:05d}", f"C0{run}{i % 7}", f"1800000000.{i:06d}"
        body = mention(
            event_id, channel, ts, QUESTIONS[i % len(QUESTIONS)], user=f"U0LOAD{i % 40:04d}"
        )
        originals.append(Delivery(event_id, channel, ts, body, i % replicas, 0, i * step))
    retried = rng.sample(originals, round(events * retry_fraction))
    retries = [
        Delivery(
            d.event_id,
            d.channel,
            d.ts,
            d.body,
            (d.replica + 1) % replicas,
            1,
            d.at + rng.uniform(0, retry_delay),
        )
        for d in retried
    ]
    return sorted(originals + retries, key=lambda d: d.at)


def send_all(fleet_: Fleet, deliveries: list[Delivery], concurrency: int) -> None:
    def send(d: Delivery) -> None:
        d.sent = time.monotonic()
        d.status, d.seconds = fleet_.deliver(d.replica, d.body, retry=d.retry)

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="load") as pool:
        for d in deliveries:
            delay = start + d.at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(send, d)


def run_load(
    events: int = 500,
    seconds: float = 20.0,
    retry_fraction: float = 0.1,
    replicas: int = 1,
    database: str | None = None,
    concurrency: int = 32,
    together: bool = False,
    retry_delay: float = 1.0,
    answer_timeout: float = 60.0,
    settle: float = 1.0,
    seed: int = 7,
) -> LoadReport:
    """Send the load, wait (bounded) for the answers, and count them."""
    deliveries = plan(events, seconds, retry_fraction, replicas, retry_delay, seed)
    originals = {d.event_id: d for d in deliveries if not d.retry}
    with fleet(replicas, database, together=together) as f:
        send_all(f, deliveries, concurrency)
        wait_answered(f.recorder, {(d.channel, d.ts) for d in originals.values()}, answer_timeout)
        time.sleep(settle)  # a duplicate answer would come soon after the first
        posts = f.recorder.calls("chat.postMessage")
        log_errors = [
            line
            for r in f.replicas
            for line in r.output().splitlines()
            if "ERROR" in line or "Traceback" in line
        ]
    return count(deliveries, originals, posts, log_errors)


def wait_answered(recorder: Recorder, threads: set[tuple[str, str]], timeout: float) -> None:
    """Until every (channel, ts) has an answer in its thread, or ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        posted = {
            (c.body.get("channel"), c.body.get("thread_ts"))
            for c in recorder.calls("chat.postMessage")
        }
        if threads <= posted:
            return
        time.sleep(0.05)


def count(
    deliveries: list[Delivery],
    originals: dict[str, Delivery],
    posts: list[Call],
    log_errors: list[str],
) -> LoadReport:
    by_key: dict[tuple[str, str], list[Call]] = {}
    for call in posts:
        by_key.setdefault((call.body.get("channel"), call.body.get("thread_ts")), []).append(call)
    answers = [by_key.get((d.channel, d.ts), []) for d in originals.values()]
    first_sent = {}
    for d in deliveries:
        first_sent[d.event_id] = min(first_sent.get(d.event_id, d.sent), d.sent)
    latency = [
        calls[0].at - first_sent[d.event_id]
        for d, calls in zip(originals.values(), answers, strict=True)
        if calls
    ]
    return LoadReport(
        sent=len(deliveries),
        distinct=len(originals),
        retries=sum(1 for d in deliveries if d.retry),
        statuses=Counter(d.status for d in deliveries),
        ack_seconds=[d.seconds for d in deliveries],
        answers=sum(len(a) for a in answers),
        answered=sum(1 for a in answers if a),
        twice=sum(1 for a in answers if len(a) > 1),
        lost=sum(1 for a in answers if not a),
        sorry=sum(1 for a in answers for c in a if SORRY in str(c.body.get("text", ""))),
        answer_seconds=latency,
        log_errors=log_errors,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--retry-fraction", type=float, default=0.1)
    parser.add_argument("--replicas", type=int, default=1)
    parser.add_argument(
        "--database",
        default=None,
        metavar="URL",
        help="the replicas' shared store (default: a temporary SQLite file)",
    )
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument(
        "--retry-delay",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="a retry follows its original by up to this (0: at once)",
    )
    parser.add_argument(
        "--start-together",
        action="store_true",
        help="start every replica at once (the default waits for the first)",
    )
    args = parser.parse_args(argv)
    if args.events < 1 or args.replicas < 1 or args.concurrency < 1 or args.seconds < 0:
        parser.error("--events, --replicas and --concurrency must be positive")
    try:
        report = run_load(
            args.events,
            args.seconds,
            args.retry_fraction,
            args.replicas,
            args.database,
            args.concurrency,
            args.start_together,
            args.retry_delay,
        )
    except RuntimeError as exc:  # a replica did not start: its log, without library frames
        print(f"load: {exc}", file=sys.stderr)
        return 2
    print(
        f"load: {args.events} events over {args.seconds:g} s, {args.replicas} replica(s), "
        f"{'PostgreSQL' if (args.database or '').startswith('postgres') else 'SQLite'}"
    )
    print(report.format())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
