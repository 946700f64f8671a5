"""Start-up checks and the log's filters, as small functions: their boundaries exactly."""

import logging

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
    assert "refused a request that failed before verification (KeyError)" in caplog.text
