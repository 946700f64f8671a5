"""The HTTP door called as a WSGI app, in this process: routes, statuses, bodies, headers and
what it logs, for every way a request is refused or passed on."""

import io
import json
import logging
import time

import pytest

from bot.http import MAX_BODY_BYTES, wsgi_app
from tests.bot.conftest import SIGNING_SECRET, Harness
from tests.bot.test_security import mention, signed


class BrokenStore:
    """An answerer whose database does not answer."""

    class sql_engine:  # noqa: N801 (stands in for an attribute holding an SQLAlchemy Engine)
        @staticmethod
        def connect():
            raise OSError("connection refused")


def call(app, method: str, path: str, body: bytes = b"", headers: dict | None = None):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/json",
        "wsgi.input": io.BytesIO(body),
    }
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    seen = {}

    def start_response(status, response_headers):
        seen["status"], seen["headers"] = status, dict(response_headers)

    payload = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], payload


@pytest.fixture
def door(bot, bot_engine):
    return wsgi_app(bot.app, bot_engine, SIGNING_SECRET)


@pytest.mark.parametrize(
    "method, path",
    [("GET", "/"), ("GET", "/slack/events"), ("POST", "/health"), ("POST", "/slack/other")],
)
def test_anything_but_the_two_routes_is_404(door, bot, method, path):
    status, headers, payload = call(door, method, path)
    assert status == "404 Not Found"
    assert json.loads(payload) == {"error": "not found"}
    assert headers == {"Content-Type": "application/json", "Content-Length": str(len(payload))}
    assert bot.recorder.calls(answered=False) == []


@pytest.mark.parametrize("path", ["/health", "/healthz"])
def test_health_is_200_while_the_store_answers(door, path):
    status, _, payload = call(door, "GET", path)
    assert (status, json.loads(payload)) == ("200 OK", {"ok": True})


def test_health_is_503_when_the_store_does_not_answer(bot, caplog):
    door = wsgi_app(bot.app, BrokenStore(), SIGNING_SECRET)
    status, _, payload = call(door, "GET", "/health")
    assert (status, json.loads(payload)) == ("503 Service Unavailable", {"ok": False})
    assert "health check: the store does not answer" in caplog.messages


def test_a_refused_signature_is_401_and_logged_by_its_reason_only(door, bot, caplog):
    caplog.set_level(logging.INFO, "letters.bot")
    body = mention("Birmingham 2011 SECRETWORDS")
    headers = {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=x"}
    status, _, payload = call(door, "POST", "/slack/events", body, headers)
    assert (status, json.loads(payload)) == ("401 Unauthorized", {"error": "invalid request"})
    assert "refused a request with a malformed X-Slack-Request-Timestamp" in caplog.messages
    assert "SECRETWORDS" not in caplog.text
    assert bot.recorder.calls(answered=False) == []


class Unreadable(io.BytesIO):
    def read(self, *args):
        raise AssertionError("the body was read")


@pytest.mark.parametrize(
    "length, status, reason",
    [
        (
            str(MAX_BODY_BYTES + 1),
            "413 Request Entity Too Large",
            f"body over {MAX_BODY_BYTES} bytes",
        ),
        ("", "411 Length Required", "Content-Length required"),
        ("12x", "411 Length Required", "Content-Length required"),
    ],
)
def test_a_body_too_long_or_of_no_length_is_refused_unread(door, length, status, reason):
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "CONTENT_LENGTH": length,
        "wsgi.input": Unreadable(),
    }
    seen = {}
    out = door(environ, lambda got, headers: seen.update(status=got))
    assert seen["status"] == status
    assert json.loads(b"".join(out)) == {"error": reason}


def test_a_body_of_exactly_the_limit_is_read_and_judged(door):
    body = b"{" + b" " * (MAX_BODY_BYTES - 1)
    status, _, _ = call(door, "POST", "/slack/events", body, signed(body))
    assert status == "400 Bad Request"  # read, verified, and found not to be JSON


def test_a_signed_event_goes_through_to_the_app(door, bot):
    body = mention("Birmingham 2011")
    status, _, _ = call(door, "POST", "/slack/events", body, signed(body))
    assert status == "200 OK"
    [post] = bot.recorder.sent("chat.postMessage")
    assert "Performs poorly (1)" in post.body["text"]


def test_the_gate_refuses_and_ignores_in_the_app_itself_and_says_why(recorder, bot_engine, caplog):
    """Through ``App.dispatch`` (no HTTP door): the 401's body, and the log lines."""
    from tests.bot.conftest import make_settings

    caplog.set_level(logging.INFO, "letters.bot")
    harness = Harness(
        recorder, bot_engine, settings=make_settings(recorder, SLACK_ALLOWED_TEAM_IDS="T0OTHER1")
    )
    stale = harness.event({"type": "app_mention"}, timestamp=int(time.time()) - 600)
    assert (stale.status, json.loads(stale.body)) == (401, {"error": "invalid request"})
    assert "refused a request with a timestamp more than five minutes from now" in caplog.messages
    ignored = harness.event(
        {"type": "app_mention", "user": "U1", "text": "x", "ts": "1.1", "channel": "C1"}
    )
    assert (ignored.status, ignored.body) == (200, "")
    assert "ignored a request from team T0000001" in caplog.messages
    assert recorder.calls(answered=False) == []


@pytest.fixture
def listening(bot, bot_engine, monkeypatch):
    """The door on a loopback port, with a short socket timeout."""
    import threading

    from bot import http

    monkeypatch.setattr(http._QuietHandler, "timeout", STALL_SECONDS)
    server = http.make_http_server(
        bot.app, bot_engine, "127.0.0.1", 0, signing_secret=SIGNING_SECRET
    )
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    yield server.server_port
    server.shutdown()
    server.server_close()


STALL_SECONDS = 0.5  # the socket timeout these tests use in place of the real 10 s


def test_a_stalled_client_gets_408_and_does_not_hold_up_others(listening):
    import socket
    import urllib.request

    with socket.create_connection(("127.0.0.1", listening), timeout=10) as stalled:
        stalled.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
        started = time.monotonic()
        with urllib.request.urlopen(f"http://127.0.0.1:{listening}/health", timeout=5) as health:
            assert health.status == 200  # answered while the stalled request waits
        assert time.monotonic() - started < STALL_SECONDS
        reply = b"".join(iter(lambda: stalled.recv(4096), b""))  # until the server closes
    assert reply.split()[1] == b"408"
    assert json.loads(reply.split(b"\r\n\r\n", 1)[1]) == {
        "error": "the body did not arrive in time"
    }


@pytest.fixture
def allow_listed(recorder, bot_engine):
    from tests.bot.conftest import make_settings

    settings = make_settings(
        recorder, SLACK_ALLOWED_TEAM_IDS="T0000001", SLACK_ALLOWED_APP_IDS="A0APP0001"
    )
    return Harness(recorder, bot_engine, settings=settings)


def test_slacks_url_handshake_is_answered_though_it_names_no_team(allow_listed):
    from slack_bolt import BoltRequest

    raw = json.dumps({"token": "x", "challenge": "c0ffee", "type": "url_verification"})
    response = allow_listed.app.dispatch(
        BoltRequest(body=raw, headers=allow_listed.headers(raw, "application/json"))
    )
    assert (response.status, json.loads(response.body)) == (200, {"challenge": "c0ffee"})


@pytest.mark.parametrize(
    "fields, logged",
    [
        ({"team_id": None}, "ignored a request from team (none)"),
        ({"api_app_id": None}, "ignored a request from app (none)"),
        ({"api_app_id": "A0OTHER01"}, "ignored a request from app A0OTHER01"),
    ],
)
def test_a_request_naming_no_allowed_team_or_app_is_ignored_and_says_which(
    allow_listed, recorder, caplog, fields, logged
):
    from slack_bolt import BoltRequest

    caplog.set_level(logging.INFO, "letters.bot")
    event = {"type": "app_mention", "user": "U1", "text": "x", "ts": "1.1", "channel": "C1"}
    body = {**allow_listed.event_body(event), **fields}
    body = {k: v for k, v in body.items() if v is not None}
    raw = json.dumps(body)
    response = allow_listed.app.dispatch(
        BoltRequest(body=raw, headers=allow_listed.headers(raw, "application/json"))
    )
    assert (response.status, response.body) == (200, "")
    assert logged in caplog.messages
    assert recorder.calls(answered=False) == []
