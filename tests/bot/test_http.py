"""HTTP mode end to end: the threaded WSGI server, Bolt's adapter, the health endpoint."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.bot.conftest import BOT_TOKEN, CHANNEL, SIGNING_SECRET, Harness
from tests.bot.test_commands import SlowEngine


def post(url: str, body: str, headers: dict) -> tuple[int, str, float]:
    flat = {k: v[0] for k, v in headers.items()}
    request = urllib.request.Request(url, data=body.encode(), headers=flat, method="POST")
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), time.monotonic() - started


def test_health_endpoint(served):
    _, base = served()
    with urllib.request.urlopen(f"{base}/health", timeout=5) as response:
        assert (response.status, json.loads(response.read())) == (200, {"ok": True})


def test_signed_mention_over_http_is_acked_then_answered(served):
    bot, base = served()
    raw = json.dumps(
        bot.event_body(
            {
                "type": "app_mention",
                "user": "U0PERSON1",
                "text": "<@UBOT0001> Birmingham 2011 grades",
                "ts": "1700000000.000100",
                "channel": CHANNEL,
            }
        )
    )
    status, _, _ = post(f"{base}/slack/events", raw, bot.headers(raw, "application/json"))
    assert status == 200
    [call] = bot.recorder.wait_for("chat.postMessage")
    assert (call.body["channel"], call.body["thread_ts"]) == (CHANNEL, "1700000000.000100")


def test_unsigned_request_over_http_is_401(served):
    bot, base = served()
    raw = json.dumps(
        bot.event_body(
            {
                "type": "app_mention",
                "user": "U0PERSON1",
                "text": "<@UBOT0001> hi",
                "ts": "1.2",
                "channel": CHANNEL,
            }
        )
    )
    headers = bot.headers(raw, "application/json", signature="v0=" + "f" * 64)
    assert post(f"{base}/slack/events", raw, headers)[0] == 401
    time.sleep(0.2)
    assert bot.recorder.calls(answered=False) == []


def test_concurrent_commands_are_all_acked_within_3_seconds(served, bot_engine):
    slow = SlowEngine(bot_engine)  # no answer can finish until every ack is back
    bot, base = served(slow)
    results: list[tuple[int, str, float]] = []

    def send(i: int) -> None:
        form = urllib.parse.urlencode(
            {
                "command": "/grade",
                "text": "Birmingham 2007",
                "user_id": f"U0PERSON{i}",
                "channel_id": CHANNEL,
                "team_id": "T0000001",
                "trigger_id": "1.2.3",
                "response_url": bot.recorder.response_url(str(i)),
            }
        )
        results.append(
            post(
                f"{base}/slack/events", form, bot.headers(form, "application/x-www-form-urlencoded")
            )
        )

    threads = [threading.Thread(target=send, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert [(s, b) for s, b, _ in results] == [(200, "")] * 20
    assert max(seconds for *_, seconds in results) < 3
    slow.gate.set()
    assert len(bot.recorder.wait_for("response_url", 20)) == 20


@pytest.mark.subprocess
def test_serve_http_runs_end_to_end_on_loopback(recorder, store_url, tmp_path):
    """``serve`` itself, in its own process, its Web API calls sent to the recorder."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": recorder.api_url,
        "DATABASE_URL": store_url,
        "LOG_LEVEL": "DEBUG",
    }
    code = (
        "from bot.serve import serve; from bot.settings import load_settings; "
        f"serve(load_settings(None), http=True, port={port}, host='127.0.0.1')"
    )
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=log, stderr=log, cwd=Path(__file__).parents[2]
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_healthy(base, process)
        bot = Harness(recorder, None)  # only to build and sign the request
        raw = json.dumps(
            bot.event_body(
                {
                    "type": "app_mention",
                    "user": "U0PERSON1",
                    "text": "<@UBOT0001> Birmingham 2011 grades",
                    "ts": "1700000000.000100",
                    "channel": CHANNEL,
                }
            )
        )
        assert post(f"{base}/slack/events", raw, bot.headers(raw, "application/json"))[0] == 200
        [call] = recorder.wait_for("chat.postMessage")
        assert "Performs poorly (1)" in call.body["text"]
        assert [c.method for c in recorder.calls(answered=False)] == [
            "auth.test",
            "chat.postMessage",
        ]
    finally:
        process.terminate()
        process.wait(5)
        log.seek(0)
        output = log.read()
        log.close()
    assert BOT_TOKEN not in output and SIGNING_SECRET not in output
    assert "WARNING" not in output and "Traceback" not in output


def wait_until_healthy(base: str, process: subprocess.Popen, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "serve exited"
        try:
            with urllib.request.urlopen(f"{base}/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("serve did not become healthy")
