"""``python -m bench.acks``'s printout and its section of bench/results.md ("Acks while an
ingest runs"): one block per database, one row per code measured, each block replaced by the
next run on that database and the rest of the file kept as it is."""

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from bench.load import ms, pct
from bench.report import RESULTS, machine, stamp

if TYPE_CHECKING:
    from bench.acks import AcksReport

SECTION = "acks"
KINDS = ("sqlite", "postgresql")  # the blocks' order in the section
TITLES = {"sqlite": "SQLite (a temporary file)", "postgresql": "PostgreSQL (a scratch database)"}
INTRO = """## Acks while an ingest runs

Written by `python -m bench.acks` (see bench/README.md). One `letters serve --http` replica
acknowledges signed app_mention events over loopback while `letters ingest` loads the
**SYNTHETIC** archive (bench/synth.py) into the same, fresh store from another process. The
events start once the ingest has written its first letter; an ack's latency is from the POST
to its response. "Before" is the commit before `fe30d6c`, where the event was claimed in the
store (a write) before the ack; "after" claims it after the ack, on the worker, waiting at
most `CLAIM_WAIT_SECONDS`. Target: ack p95 under 1 s on both databases, every distinct event
answered exactly once.
"""


def kind(database: str | None) -> str:
    return "postgresql" if (database or "").startswith("postgres") else "sqlite"


def conditions(note: str = "") -> dict[str, str]:
    """The machine and how busy it is, at the start of a run."""
    m = machine()
    return {
        "when": stamp(),
        "machine": f"{m['nproc']} CPUs (`nproc`), {m['cpu']}, {m['ram']} RAM, {m['python']}, "
        f"{m['os']}, SQLite {m['sqlite']}",
        "nproc": m["nproc"],
        "load": load_average(),
        "note": note,
    }


def load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def notes(reports: list["AcksReport"]) -> list[str]:
    """Why an ack was missing or an answer was not one, in the replica's own words."""
    lines = [
        'Acks are timed by the sender (10 s timeout: a missing ack shows as 10 s); "answered '
        "unclaimed\" counts answers given without the store's claim of the event, the store "
        "being busy past the claim's wait; answer latency is from the first delivery to the "
        "first `chat.postMessage` in its thread.",
        "",
    ]
    for r in reports:
        failure = r.first_failure()
        if failure:
            where = [line.strip() for line in failure if line.strip().startswith("File ")]
            lines.append(
                f"* {r.label}: {r.load.sorry} Sorry answers; the replica's first error: "
                f"`{failure[-1].strip()}`" + (f" ({where[-1]})" if where else "")
            )
    return [*lines, ""] if len(lines) > 2 else lines


def _relative(report: "AcksReport") -> dict[str, float | None]:
    """The ingest's moments in seconds from the first event sent."""
    start = min(d.sent for d in report.deliveries)
    i = report.ingest
    marks = {"spawned": i.spawned, "first": i.first_write, "last": i.last_write, "ended": i.ended}
    return {k: None if v is None else v - start for k, v in marks.items()} | {
        "events": report.events_end - start
    }


def _s(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:+.1f} s"


def overlap(report: "AcksReport") -> str:
    t, i = _relative(report), report.ingest
    end = "stopped" if i.stopped else "exited"
    verdict = "" if report.overlapped else "; IT STOPPED WRITING BEFORE THE EVENTS ENDED"
    return (
        f"{report.while_writing()} of {len(report.acks)} acks inside the ingest's writes "
        f"(events 0 to {_s(t['events'])}; ingest spawned {_s(t['spawned'])}, wrote "
        f"{_s(t['first'])} to {_s(t['last'])}, {end} {_s(t['ended'])}){verdict}"
    )


def format(report: "AcksReport", database: str | None) -> str:
    r, acks, i = report.load, report.acks, report.ingest
    answers = r.answer_seconds
    rows = [
        ("code", report.label),
        ("store", TITLES[kind(database)]),
        ("events sent", f"{r.sent} ({r.distinct} distinct, {r.retries} retries)"),
        ("ack statuses", ", ".join(f"{s}: {n}" for s, n in sorted(r.statuses.items()))),
        (
            "ack latency",
            f"p50 {ms(pct(acks, 50))}  p95 {ms(pct(acks, 95))}  max {ms(max(acks, default=0))}"
            f"  (> 1 s: {report.over(1.0)}, > 3 s: {report.over(3.0)})",
        ),
        ("ingest overlap", overlap(report)),
        ("ingest", f"{i.letters_written} of {report.letters} letters written; {i.summary()}"),
        (
            "answered once",
            f"{report.answered_once} of {r.distinct} (twice {r.twice}, lost {r.lost}; "
            f"of the answers, sorry {r.sorry}, busy {report.busy})",
        ),
        (
            "answer latency",
            f"p50 {ms(pct(answers, 50))}  p95 {ms(pct(answers, 95))}  "
            f"max {ms(max(answers, default=0))}",
        ),
        ("answered unclaimed", f"{report.unclaimed} (store claim not made within its wait)"),
    ]
    lines = [f"{label:<20}{value}" for label, value in rows]
    verdicts = [
        f"acks {'PASS' if report.acks_ok else 'FAIL'} (p95 under {report.target:g} s, all 200)",
        f"answered once {'PASS' if report.once_ok else 'FAIL'}",
    ]
    lines.append(f"{'result':<20}{'; '.join(verdicts)}")
    for problem in report.problems():
        lines.append(f"{'PROBLEM':<20}{problem}")
    lines += [f"  {line}" for line in report.first_failure()]
    return "\n".join(lines) + "\n"


def row(report: "AcksReport") -> str:
    r, acks, i = report.load, report.acks, report.ingest
    t = _relative(report)
    cells = [
        report.label,
        ms(pct(acks, 50)),
        f"**{ms(pct(acks, 95))}**",
        ms(max(acks, default=0)) + (f" ({lost} never acked)" if (lost := r.statuses[0]) else ""),
        str(report.over(1.0)),
        str(report.over(3.0)),
        f"{report.answered_once}/{r.distinct}",
        f"{r.sorry} / {report.busy}",
        f"{report.while_writing()}/{len(acks)}" + ("" if report.overlapped else " (SHORT)"),
        str(report.unclaimed),
        ms(pct(r.answer_seconds, 95)),
        f"{_s(t['first'])} to {_s(t['last'])}, {i.letters_written} letters"
        + (", then stopped" if i.stopped else ""),
    ]
    return "| " + " | ".join(cells) + " |"


def block(reports: list["AcksReport"], database: str | None, command: str, at: dict) -> str:
    k = kind(database)
    first = reports[-1]
    head = (
        f"{first.load.sent} acks ({first.load.distinct} events, {first.load.retries} retries) "
        f"per row, one replica, an ingest of {first.letters:,} synthetic letters"
    )
    lines = [
        f"<!-- bench:{SECTION}={k} -->",
        f"### {TITLES[k]}",
        "",
        f"Run {at['when']}: `{command}`; {head}.",
        "",
        f"Machine: {at['machine']}. Load average (1, 5, 15 min) at the start: {at['load']}; "
        f"at the end: {load_average()} (on {at['nproc']} CPUs, above ~{at['nproc']} means "
        "other work shared the machine and timings are pessimistic)."
        + (f" {at['note']}" if at["note"] else ""),
        "",
        "| code | ack p50 | ack p95 | ack max | > 1 s | > 3 s | answered once | Sorry / busy "
        "answers | acks inside the ingest's writes | answered unclaimed | answer p95 | ingest "
        "wrote (events from 0 s) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(row(r) for r in reports),
        "",
        *notes(reports),
        f"<!-- /bench:{SECTION}={k} -->",
        "",
    ]
    return "\n".join(lines)


def write(
    reports: list["AcksReport"], database: str | None, command: str, at: dict, path: Path = RESULTS
) -> Path:
    """This database's block of the acks section replaced (or added); all else kept."""
    text = path.read_text(encoding="utf-8")
    blocks = {
        m.group(1): m.group(0)
        for m in re.finditer(
            rf"<!-- bench:{SECTION}=(\w+) -->.*?<!-- /bench:{SECTION}=\1 -->\n*", text, re.S
        )
    }
    blocks[kind(database)] = block(reports, database, command, at)
    body = "\n".join(blocks[k].rstrip("\n") + "\n" for k in KINDS if k in blocks)
    section = f"<!-- bench:{SECTION} -->\n{INTRO}\n{body}\n<!-- /bench:{SECTION} -->\n"
    pattern = re.compile(rf"<!-- bench:{SECTION} -->.*?<!-- /bench:{SECTION} -->\n?", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")
    return path
