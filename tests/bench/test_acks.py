"""bench.acks, small: a real replica acking while a real ``letters ingest`` writes, and the
report's arithmetic. No timing is asserted: speed targets live in the bench, not in tests."""

from collections import Counter

import pytest

from bench import ackreport, acks
from bench.ingestrun import IngestRun
from bench.load import Delivery, LoadReport
from bench.report import RESULTS

# ``--target`` far above any ack, so the status says only whether acks and answers were counted.
NO_TIMING = "600"


@pytest.mark.subprocess  # the replica and the ingest are processes
def test_acks_while_an_ingest_runs_are_reported_and_answers_counted(capsys):
    status = acks.main(
        ["--letters", "120", "--events", "8", "--seconds", "1", "--target", NO_TIMING]
        + ["--no-write"]
    )
    out = capsys.readouterr().out
    assert status == 0, out
    assert "events sent         9 (8 distinct, 1 retries)" in out
    assert "ack statuses        200: 9" in out
    assert "ack latency         p50 " in out and " p95 " in out
    assert "9 of 9 acks inside the ingest's writes" in out
    assert "answered once       8 of 8 (twice 0, lost 0;" in out


def report(
    writes: list[tuple[float, int]], stopped_at: float | None = None, **load
) -> acks.AcksReport:
    """Four acks sent at 1-4 s, 0.1 s each, against an ingest of 10 letters seen writing."""
    deliveries = [
        Delivery(f"Ev{i}", "C1", f"1.{i}", {}, 0, 0, 0.0, sent=float(i), status=200, seconds=0.1)
        for i in range(1, 5)
    ]
    ingest = IngestRun(None, None, 0.0, writes, start_version=1, text="")
    ingest.stopped, ingest.ended = stopped_at is not None, stopped_at
    fields = dict(
        sent=4,
        distinct=4,
        retries=0,
        statuses=Counter({200: 4}),
        ack_seconds=[0.1] * 4,
        answers=4,
        answered=4,
        twice=0,
        lost=0,
        sorry=0,
        answer_seconds=[0.5] * 4,
    )
    return acks.AcksReport("after: test", LoadReport(**fields | load), deliveries, ingest, 10, 0, 0)


def test_an_ingest_writing_throughout_overlaps_and_one_ending_early_does_not():
    assert report([(0.5, 2), (4.5, 9)]).overlapped
    assert report([(0.5, 2), (4.0, 9)], stopped_at=4.2).overlapped  # stopped, letters left
    assert report([(0.5, 2), (4.5, 9)]).while_writing() == 4
    finished = report([(0.5, 2), (2.5, 11)])
    assert not finished.overlapped and finished.while_writing() == 2  # the acks at 1 and 2 s
    assert not report([(1.5, 2), (4.5, 9)]).overlapped  # began writing after the first event
    assert not report([(0.5, 2), (1.0, 11)], stopped_at=4.2).overlapped  # all written early


def test_the_status_is_acks_and_answers_once_and_sorry_is_reported_not_failed():
    assert report([(0.5, 2), (4.5, 9)]).ok
    slow = report([(0.5, 2), (4.5, 9)], ack_seconds=[0.1, 0.1, 2.0, 2.0])
    assert not slow.acks_ok and not slow.ok
    assert not report([(0.5, 2), (4.5, 9)], statuses=Counter({200: 3, 0: 1})).ok
    assert not report([(0.5, 2), (4.5, 9)], twice=1).ok
    assert not report([(0.5, 2), (4.5, 9)], lost=1, answered=3).ok
    sorry = report([(0.5, 2), (4.5, 9)], sorry=1)
    assert sorry.ok and sorry.problems() == ["answers that were 'Sorry — something went wrong': 1"]
    assert "PROBLEM" in ackreport.format(sorry, None)


def test_results_section_replaces_its_database_block_and_keeps_the_rest(tmp_path):
    path = tmp_path / "results.md"
    original = RESULTS.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    at = ackreport.conditions("busy machine")
    r = report([(0.5, 2), (4.5, 9)])
    ackreport.write([r], None, "python -m bench.acks", at, path)
    ackreport.write([r], "postgresql://db", "python -m bench.acks --database X", at, path)
    ackreport.write([r, r], None, "python -m bench.acks --before X", at, path)
    text = path.read_text(encoding="utf-8")
    before_acks = "<!-- bench:acks -->"
    assert text.split(before_acks)[0].rstrip() == original.split(before_acks)[0].rstrip()
    assert text.count("## Acks while an ingest runs") == 1
    assert text.count("### SQLite") == 1 and text.count("### PostgreSQL") == 1
    assert text.index("### SQLite") < text.index("### PostgreSQL")
    assert "`python -m bench.acks --before X`" in text
    assert text.count("| after: test |") == 3  # two rows for SQLite, one for PostgreSQL
