"""The load script, small: real ``letters serve --http`` processes, signed events over loopback."""

import json
import time
import urllib.error
import urllib.request
from collections import Counter

from bench.load import ACK_LIMIT, LoadReport, fleet, mention, run_load
from tests.slack_double import Recorder


def test_load_every_event_answered_exactly_once_and_acked_in_time():
    report = run_load(events=40, seconds=2, retry_fraction=0.1, replicas=1)
    assert (report.sent, report.distinct, report.retries) == (44, 40, 4)
    assert report.statuses == Counter({200: 44})
    assert max(report.ack_seconds) < ACK_LIMIT
    assert (report.answered, report.twice, report.lost) == (40, 0, 0)
    assert report.answers == 40
    assert report.sorry == 0 and report.log_errors == []
    assert report.ok, report.format()


def test_rate_limited_answers_are_retried_and_posted_once():
    with fleet(1) as f:
        f.recorder.fail_next("chat.postMessage", "429", "429", "429")
        for i in range(3):
            assert (
                f.deliver(
                    0,
                    mention(
                        f"EvRATE{i}", "C0RATE", f"1800000001.00000{i}", "Birmingham 2007 grades"
                    ),
                )[0]
                == 200
            )
        posted = f.recorder.wait_for("chat.postMessage", 3, timeout=15)
        time.sleep(0.5)
        assert len(f.recorder.calls("chat.postMessage", answered=False)) == 6
    assert sorted(c.body["thread_ts"] for c in f.recorder.calls("chat.postMessage")) == [
        "1800000001.000000",
        "1800000001.000001",
        "1800000001.000002",
    ]
    assert all(c.body["channel"] == "C0RATE" for c in posted)


def test_recorder_answers_like_the_web_api_and_records_calls():
    with Recorder() as recorder:
        recorder.fail_next("chat.postMessage", "429")
        first = post(recorder.api_url + "chat.postMessage", {"channel": "C1", "text": "hi"})
        second = post(recorder.api_url + "chat.postMessage", {"channel": "C1", "text": "hi"})
        auth = post(recorder.api_url + "auth.test", {})
    assert first[:2] == (429, "0") and first[2]["ok"] is False
    assert second[0] == 200 and second[2]["ok"] and second[2]["channel"] == "C1"
    assert auth[2]["user_id"] and auth[2]["bot_id"] and auth[2]["team_id"]
    assert [c.body["text"] for c in recorder.calls("chat.postMessage")] == ["hi"]
    assert len(recorder.calls("chat.postMessage", answered=False)) == 2


def test_report_fails_on_a_slow_ack_a_duplicate_or_a_loss():
    good = LoadReport(
        sent=2,
        distinct=2,
        retries=0,
        statuses=Counter({200: 2}),
        ack_seconds=[0.1, 0.2],
        answers=2,
        answered=2,
        twice=0,
        lost=0,
        sorry=0,
        answer_seconds=[0.1, 0.2],
    )
    assert good.ok and "PASS" in good.format()
    for change in (
        {"ack_seconds": [0.1, ACK_LIMIT]},
        {"twice": 1},
        {"lost": 1, "answered": 1},
        {"statuses": Counter({200: 1, 500: 1})},
        {"sorry": 1},
    ):
        bad = LoadReport(**{**good.__dict__, **change})
        assert not bad.ok and "FAIL" in bad.format()


def post(url: str, form: dict) -> tuple[int, str | None, dict]:
    request = urllib.request.Request(
        url,
        data=json.dumps(form).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, response.headers.get("Retry-After"), json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After"), json.load(error)
