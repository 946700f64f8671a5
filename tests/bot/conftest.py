"""The real Bolt app, a real store, and a loopback server (``tests.slack_double``) standing in for
Slack's Web API.

The root conftest clears ``SLACK_*`` variables; nothing here reaches the network.
"""

import json
import shutil
import threading
import time
import types
import urllib.parse
from pathlib import Path

import pytest
from slack_bolt import BoltRequest
from slack_sdk.http_retry import handler as retry_handler_module
from slack_sdk.signature import SignatureVerifier

from bot.app import build_app
from bot.http import make_http_server
from bot.settings import settings_from
from retrieval.answerer import Answerer
from store.db import make_engine
from tests.slack_double import BOT_ID, BOT_USER, TEAM, Recorder  # noqa: F401 (tests import BOT_ID)

BOT_TOKEN = "xoxb-000000000000-000000000000-FAKEfakeFAKEfakeFAKEfake"
SIGNING_SECRET = "0123456789abcdef0123456789abcdef"
USER, CHANNEL, DM = "U0PERSON1", "C0CHANNEL1", "D0DIRECT1"


@pytest.fixture
def recorder():
    with Recorder(token=BOT_TOKEN, retry_after=1) as rec:
        yield rec


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """Retry back-off recorded instead of slept, so retry tests run fast and exactly."""
    slept: list[float] = []
    monkeypatch.setattr(retry_handler_module, "time", types.SimpleNamespace(sleep=slept.append))
    from slack_sdk.http_retry import builtin_handlers

    monkeypatch.setattr(builtin_handlers, "time", types.SimpleNamespace(sleep=slept.append))
    monkeypatch.setattr(builtin_handlers, "random", types.SimpleNamespace(random=lambda: 0.0))
    return slept


@pytest.fixture(scope="session")
def _template_store(tmp_path_factory) -> Path:
    """A store with the two bundled letters, built once and copied for each test."""
    path = tmp_path_factory.mktemp("bot-store") / "template.sqlite3"
    sql = make_engine(f"sqlite:///{path}")
    Answerer.open(sql)
    sql.dispose()
    return path


@pytest.fixture
def store_url(_template_store, tmp_path) -> str:
    path = tmp_path / "store.sqlite3"
    shutil.copy(_template_store, path)
    return f"sqlite:///{path}"


@pytest.fixture
def bot_engine(store_url):
    engine = Answerer.open(make_engine(store_url))
    yield engine
    engine.sql_engine.dispose()


def make_settings(recorder: Recorder, **extra: str):
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": recorder.api_url,
        **extra,
    }
    return settings_from(env)


class Harness:
    """Requests shaped like Slack's, signed, dispatched through the real app."""

    def __init__(
        self, recorder: Recorder, engine, *, production: bool = False, settings=None, work=None
    ) -> None:
        self.recorder = recorder
        self.engine = engine
        self.settings = settings or make_settings(recorder)
        self.app = build_app(
            self.settings,
            engine,
            verify_token=False,
            process_before_response=not production,
            work=work,
        )
        self.verifier = SignatureVerifier(SIGNING_SECRET)
        self._n = 0

    def next_id(self, prefix: str) -> str:
        self._n += 1
        return f"{prefix}{self._n:04d}"

    def headers(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
        retry: int | None = None,
    ) -> dict:
        ts = str(timestamp if timestamp is not None else int(time.time()))
        headers = {
            "content-type": [content_type],
            "x-slack-request-timestamp": [ts],
            "x-slack-signature": [
                signature or self.verifier.generate_signature(timestamp=ts, body=body)
            ],
        }
        if retry is not None:
            headers["x-slack-retry-num"] = [str(retry)]
            headers["x-slack-retry-reason"] = ["http_timeout"]
        return headers

    def event_body(self, event: dict, event_id: str | None = None, team: str = TEAM) -> dict:
        return event_body(event, event_id or self.next_id("Ev"), team)

    def event(self, event: dict, *, event_id: str | None = None, **signing):
        raw = json.dumps(self.event_body(event, event_id))
        return self.app.dispatch(
            BoltRequest(body=raw, headers=self.headers(raw, "application/json", **signing))
        )

    def mention(self, text: str, *, ts: str | None = None, thread_ts: str | None = None, **fields):
        ts = ts or f"1700000{self.next_id('')}.000100"
        return self.event(app_mention(text, ts, thread_ts=thread_ts, **fields))

    def dm(self, text: str, **fields):
        ts = f"1700001{self.next_id('')}.000100"
        event = {
            "type": "message",
            "channel_type": "im",
            "channel": DM,
            "user": USER,
            "text": text,
            "ts": ts,
            "event_ts": ts,
            "team": TEAM,
            **fields,
        }
        return self.event(event)

    def command(self, text: str, *, name: str = "/grade", **signing):
        form = command_form(text, self.recorder.response_url("cmd"), name)
        raw = urllib.parse.urlencode(form)
        return self.app.dispatch(
            BoltRequest(
                body=raw, headers=self.headers(raw, "application/x-www-form-urlencoded", **signing)
            )
        )

    def click(self, button: dict, *, message: dict | None = None, channel: str = CHANNEL):
        """A click on ``button`` (a block element we rendered) in ``message`` (None: ephemeral)."""
        payload = click_payload(button, self.recorder.response_url("click"))
        payload["channel"] = {"id": channel, "name": "general"}
        if message is None:
            payload["container"] = {
                "type": "message",
                "message_ts": "1700000000.000500",
                "channel_id": channel,
                "is_ephemeral": True,
            }
        else:
            payload["container"] = {
                "type": "message",
                "message_ts": message["ts"],
                "channel_id": channel,
                "is_ephemeral": False,
            }
            payload["message"] = message
        return self.dispatch_action(payload)

    def dispatch_action(self, payload: dict):
        """An interactivity payload, signed and sent as Slack sends it (form-encoded)."""
        raw = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return self.app.dispatch(
            BoltRequest(body=raw, headers=self.headers(raw, "application/x-www-form-urlencoded"))
        )


def command_form(text: str, response_url: str, name: str = "/grade") -> dict:
    """A slash command's fields as Slack sends them."""
    return {
        "token": "unused",
        "team_id": TEAM,
        "team_domain": "test",
        "channel_id": CHANNEL,
        "channel_name": "general",
        "user_id": USER,
        "user_name": "person",
        "command": name,
        "text": text,
        "api_app_id": "A0APP0001",
        "response_url": response_url,
        "trigger_id": "1.2.3",
    }


def app_mention(
    text: str, ts: str, *, team: str = TEAM, thread_ts: str | None = None, **fields
) -> dict:
    """An ``app_mention`` event as Slack sends it: a person's words after the bot's name."""
    event = {
        "type": "app_mention",
        "user": USER,
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": CHANNEL,
        "event_ts": ts,
        "team": team,
        **fields,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def event_body(event: dict, event_id: str, team: str = TEAM) -> dict:
    """An Events API body carrying ``event``, from ``team``."""
    return {
        "token": "unused",
        "team_id": team,
        "api_app_id": "A0APP0001",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": 1700000000,
        "authorizations": [{"team_id": team, "user_id": BOT_USER, "is_bot": True}],
    }


def click_payload(button: dict, response_url: str, user: str = USER) -> dict:
    """The parts of a button click that every click shares; channel and container are the
    caller's."""
    return {
        "type": "block_actions",
        "team": {"id": TEAM, "domain": "test"},
        "user": {"id": user, "username": "person", "team_id": TEAM},
        "api_app_id": "A0APP0001",
        "token": "unused",
        "trigger_id": "1.2.3",
        "response_url": response_url,
        "actions": [
            {
                "type": button.get("type", "button"),
                "action_id": button["action_id"],
                "block_id": "b",
                "text": button["text"],
                "value": button["value"],
                "action_ts": "1700000100.000100",
            }
        ],
    }


# The archive's size in two years: every council's APA 2008 letter (seven areas graded) and
# CSA 2011 letter (one rating), so a table lists about 150 councils (1,050 rows for 2008's).
ARCHIVE_YEARS = (2008, 2011)


@pytest.fixture(scope="session")
def archive_path(tmp_path_factory) -> Path:
    from bench.synth import plan, write_letter
    from store.ingest import ingest_paths

    folder = tmp_path_factory.mktemp("archive-letters")
    for item in plan():
        if item.year in ARCHIVE_YEARS:
            (folder / item.file).write_text(write_letter(item, 1, 2005), encoding="utf-8")
    path = folder / "store.sqlite3"
    sql = make_engine(f"sqlite:///{path}")
    Answerer.open(sql)
    ingest_paths(sql, [folder])
    sql.dispose()
    return path


@pytest.fixture(scope="session")
def archive(archive_path) -> Answerer:
    """The archive-size store, read only (tests that answer Slack events use ``big_store``)."""
    engine = Answerer.open(make_engine(f"sqlite:///{archive_path}"))
    yield engine
    engine.sql_engine.dispose()


@pytest.fixture
def big_store(archive_path, tmp_path) -> Answerer:
    """A copy of the archive-size store of one's own: the bot records what it answered."""
    path = tmp_path / "archive.sqlite3"
    shutil.copy(archive_path, path)
    engine = Answerer.open(make_engine(f"sqlite:///{path}"))
    yield engine
    engine.sql_engine.dispose()


@pytest.fixture
def bot(recorder, bot_engine) -> Harness:
    return Harness(recorder, bot_engine)


class SocketMode:
    """Bolt's own Socket Mode handler, fed requests as its WebSocket client would; the acks it
    sends back are kept in ``acks``."""

    def __init__(self, app) -> None:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        self.handler = SocketModeHandler(app, "xapp-1-A0APP0001-0000-fake")
        self.acks: list = []
        self.logger = self.handler.client.logger

    def send_socket_mode_response(self, response) -> None:
        self.acks.append(response)

    def deliver(self, kind: str, envelope_id: str, payload: dict, **retry) -> None:
        from slack_sdk.socket_mode.request import SocketModeRequest

        self.handler.handle(self, SocketModeRequest(kind, envelope_id, payload, **retry))


@pytest.fixture
def socket_mode(bot):
    sm = SocketMode(bot.app)
    yield sm
    sm.handler.client.close()


def find_button(blocks: list[dict], action_id: str) -> dict:
    for block in blocks:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return element
    raise AssertionError(f"no {action_id} button in {json.dumps(blocks)[:300]}")


def vote_button(blocks: list[dict], vote: str) -> dict:
    """The 👍 ("up") or 👎 ("down") of an answer's feedback buttons, as ``find_button`` gives a
    button: what a press on it sends."""
    for block in blocks:
        for element in block.get("elements", []):
            if element.get("type") == "feedback_buttons":
                pressed = element["positive_button" if vote == "up" else "negative_button"]
                return {
                    "type": "feedback_buttons",
                    "action_id": element["action_id"],
                    "text": pressed["text"],
                    "value": pressed["value"],
                }
    raise AssertionError(f"no feedback buttons in {json.dumps(blocks)[:300]}")


def shown_text(value) -> str:
    """Every string a message shows, concatenated (button values and ids are never shown)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(
            shown_text(v) for k, v in value.items() if k not in ("value", "action_id", "block_id")
        )
    if isinstance(value, list | tuple):
        return "\n".join(shown_text(v) for v in value)
    return ""


@pytest.fixture
def served(recorder, bot_engine):
    """A production-mode app (ack first, answer after) on a loopback port."""

    def start(engine=bot_engine):
        harness = Harness(recorder, engine, production=True)
        server = make_http_server(
            harness.app, engine, "127.0.0.1", 0, signing_secret=SIGNING_SECRET
        )
        threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        started.append(server)
        return harness, f"http://127.0.0.1:{server.server_port}"

    started = []
    yield start
    for server in started:
        server.shutdown()
        server.server_close()
