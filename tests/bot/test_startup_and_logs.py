"""Start-up checks and the log's filters, as small functions: their boundaries exactly."""

import logging
import os
import signal

import pytest

from bot.errors import _no_library_chatter, _what, log_handler, on_error
from bot.serve import MAX_PORT, check_port
from store.errors import ConfigError


@pytest.mark.parametrize("port", [1, 3000, MAX_PORT])
def test_ports_slack_can_reach_are_accepted(port):
    check_port(port)


@pytest.mark.parametrize("port", [0, -1, MAX_PORT + 1])
def test_other_ports_are_one_line_saying_the_range(port):
    with pytest.raises(ConfigError) as raised:
        check_port(port)
    assert str(raised.value) == f"port {port} is out of range: choose one from 1 to {MAX_PORT}"


def record(name: str, level: int, message: str = "body={'text': 'secret'}") -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, message, None, None)


@pytest.mark.parametrize(
    "name, level, written",
    [
        ("slack_bolt.App", logging.INFO, False),
        ("slack_sdk.web.base_client", logging.DEBUG, False),
        ("slack_bolt.App", logging.WARNING, True),
        ("slack_sdk.socket_mode", logging.ERROR, True),
        ("letters.bot", logging.DEBUG, True),
        ("letters.bot", logging.INFO, True),
    ],
)
def test_library_lines_below_warning_are_never_written(name, level, written):
    assert _no_library_chatter(record(name, level)) is written
    assert bool(log_handler().filter(record(name, level))) is written


def test_the_handler_writes_time_level_logger_and_message(tmp_path):
    path = tmp_path / "log"
    with open(path, "w") as stream:
        handler = log_handler(stream)
        handler.handle(record("letters.bot", logging.INFO, "listening"))
    line = path.read_text().strip()
    assert line.endswith(" INFO letters.bot: listening")


@pytest.mark.parametrize(
    "body, what",
    [
        ({"event": {"type": "app_mention"}, "type": "event_callback"}, "app_mention"),
        ({"command": "/grade"}, "/grade"),
        ({"type": "block_actions"}, "block_actions"),
        ({}, "?"),
    ],
)
def test_a_failure_is_logged_by_what_kind_of_request_it_was(body, what):
    assert _what(body) == what


def test_an_error_before_verification_is_401_logged_by_its_class_and_sends_nothing(caplog):
    class NoClient:
        def __getattr__(self, name):
            raise AssertionError(f"the error handler called {name}")

    body = {"response_url": "http://127.0.0.1:9/x", "event": {"type": "app_mention"}}
    response = on_error(None, KeyError("x"), body, NoClient(), object(), {})
    assert (response.status, response.body) == (401, '{"error": "invalid request"}')
    assert "refused a request that failed before verification (KeyError)" in caplog.messages


@pytest.fixture
def started(tmp_path, monkeypatch, caplog):
    """``serve`` run in this process up to the point where it would wait for Slack."""
    from tests.bot.conftest import BOT_TOKEN, SIGNING_SECRET
    from tests.slack_double import Recorder

    caplog.set_level(logging.INFO, "letters.bot")
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    with Recorder(token=BOT_TOKEN, app_token="xapp-1-A0APP0001-1-right") as recorder:
        env = {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_APP_TOKEN": "xapp-1-A0APP0001-1-right",
            "SLACK_API_URL": recorder.api_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'served.sqlite3'}",
        }
        yield env, recorder, tmp_path / "served.sqlite3"
    root.handlers[:], root.level = handlers, level  # serve configured logging


def test_serve_over_http_opens_the_named_store_and_says_where_it_listens(
    started, monkeypatch, caplog
):
    from bot.http import ThreadingWSGIServer
    from bot.serve import serve
    from bot.settings import settings_from

    env, recorder, store = started
    ports = []
    monkeypatch.setattr(
        ThreadingWSGIServer, "serve_forever", lambda self: ports.append(self.server_port)
    )
    serve(settings_from(env), http=True, port=free_port(), host="127.0.0.1")
    [port] = ports
    assert f"listening on http://127.0.0.1:{port}/slack/events (health: /health)" in caplog.messages
    assert store.exists()  # DATABASE_URL's store, not the default one
    assert [c.method for c in recorder.calls()] == ["auth.test"]


def test_serve_in_socket_mode_connects_with_the_url_it_was_issued(started, monkeypatch, caplog):
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.serve import serve
    from bot.settings import settings_from
    from tests.slack_double import SOCKET_URL

    env, recorder, store = started
    urls = []

    def connect(self) -> None:  # connected: then the supervisor stops it, as on a deploy
        urls.append(self.client.wss_uri)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(SocketModeHandler, "connect", connect)
    monkeypatch.setattr(SocketModeHandler, "close", lambda self: urls.append("closed"))
    previous = signal.getsignal(signal.SIGTERM)
    try:
        serve(settings_from(env), http=False, port=0)  # returns once drained and closed
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert urls == [SOCKET_URL, "closed"]
    assert "connecting to Slack in Socket Mode" in caplog.messages
    assert "stopping: every answer finished" in caplog.messages
    assert [c.method for c in recorder.calls()] == ["auth.test", "apps.connections.open"]
    assert store.exists()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
