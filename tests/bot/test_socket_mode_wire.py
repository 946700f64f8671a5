"""Socket Mode on the wire: the bot started as ``letters serve`` starts it (``start_app``, then
``socket_mode_handler`` and ``handler.connect()``), slack-sdk's own WebSocket client talking to
a loopback Socket Mode server (``tests.socket_double``) and Web API (``tests.slack_double``).

What Slack would notice: the connection made at the URL it issued, its pings answered, every
envelope acked over the socket with its id (before the answer is worked out), the answers
posted, a retry not answered twice, and a new connection after Slack ends one. Production
mode throughout: acks first, answers on worker threads.

A rejected app token is one line at start-up: ``test_security`` runs that through
``letters serve`` (``test_an_app_token_slack_rejects_is_one_line_in_socket_mode``).
"""

import threading

import pytest

from bot.serve import socket_mode_handler, start_app
from bot.work import Work
from tests.bot.conftest import (
    BOT_TOKEN,
    CHANNEL,
    TEAM,
    app_mention,
    click_payload,
    command_form,
    event_body,
    find_button,
    make_settings,
    shown_text,
)
from tests.slack_double import Recorder
from tests.socket_double import SocketServer, ticket

APP_TOKEN = "xapp-1-A0APP0001-0000-FAKEfakeFAKEfakeFAKE"
APP_ID = "A0APP0001"
# slack-sdk's client notices a closed connection only when its monitor next runs: every
# ping_interval, 10 s as Bolt's handler (and so serve) sets it. Run every 0.1 s here, so a
# reconnect takes a moment rather than up to 10 s; what is tested is that it happens.
MONITOR_SECONDS = 0.1
ANSWER_SECONDS = 5.0  # the bound on any ack or answer; a passing run takes well under a second
HOLD_SECONDS = 10.0  # a held answer is let go by the test (or its teardown) long before this
DRAIN_SECONDS = 5.0  # answers still running at teardown finish before the store is closed
QUESTION = "what was Birmingham's staying safe grade in 2007?"
ANSWER = "Grade 2 (adequate)"  # the bundled Birmingham APA 2007 letter's Staying Safe grade


class Wire:
    """What Slack sends the connected bot, and what it sees come back."""

    def __init__(self, recorder: Recorder, server: SocketServer) -> None:
        self.recorder, self.server = recorder, server

    def mention(self, text: str, ts: str, event_id: str = "", **envelope) -> str:
        """An ``app_mention`` envelope on the newest connection; its envelope id."""
        payload = event_payload(mention_event(text, ts), event_id or f"Ev{ts.replace('.', '')}")
        return self.server.push("events_api", payload, **envelope)

    def grade(self, text: str, name: str = "grade") -> str:
        return self.server.push(
            "slash_commands", grade_form(text, self.recorder.response_url(name))
        )

    def ack(self, envelope_id: str) -> dict:
        ack = self.server.wait_for_ack(envelope_id, ANSWER_SECONDS)
        assert ack is not None, f"envelope {envelope_id} was not acked over the socket"
        return ack

    def answer_in_thread(self, ts: str):
        """The answer posted under the message ``ts``, once it is there."""
        found = self.recorder.wait_for(
            "chat.postMessage", timeout=ANSWER_SECONDS, where=lambda c: c.body["thread_ts"] == ts
        )
        assert found, f"no answer posted in the thread of {ts}"
        return found[0]


@pytest.fixture
def socket_server():
    with SocketServer(app_id=APP_ID) as server:
        yield server
    assert server.problems == []  # the client spoke RFC 6455: masked, whole frames


@pytest.fixture
def slack(socket_server):
    """The Web API, issuing the socket server's URLs to the app token (and only to it)."""
    with Recorder(token=BOT_TOKEN, app_token=APP_TOKEN) as recorder:
        recorder.socket_url = socket_server.issue_url
        yield recorder


@pytest.fixture
def connect(slack, socket_server, bot_engine):
    """``connect(engine=None)``: the bot started and connected as ``letters serve`` does it."""
    running: list[tuple[Work, object]] = []

    def start(engine=None) -> Wire:
        settings = make_settings(slack, SLACK_APP_TOKEN=APP_TOKEN)
        work = Work()
        app = start_app(settings, engine or bot_engine, work)
        handler = socket_mode_handler(app, settings)
        handler.client.current_app_monitor.interval_seconds = MONITOR_SECONDS
        running.append((work, handler))
        handler.connect()
        return Wire(slack, socket_server)

    yield start
    for work, handler in running:  # as on SIGTERM: answers finish, then the socket closes
        work.drain(DRAIN_SECONDS)
        close_at_once(handler)


def close_at_once(handler) -> None:
    """``handler.close()`` without waiting out slack-sdk's queue poll: its message processor
    looks at ``closed`` only between 1-second waits for a message, and ``close`` joins it.
    A ``None`` message, which it skips, ends the wait now (a second a test, otherwise)."""
    handler.client.closed = True
    handler.client.message_queue.put(None)
    handler.close()


@pytest.fixture
def wire(connect) -> Wire:
    return connect()


class HeldEngine:
    """The real engine, each answer held until ``release`` is set: the ack must not wait."""

    def __init__(self, engine) -> None:
        self.engine, self.release = engine, threading.Event()

    def answer(self, *args, **kwargs):
        assert self.release.wait(HOLD_SECONDS), "the held answer was never released"
        return self.engine.answer(*args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self.engine, name)


@pytest.fixture
def held(connect, bot_engine) -> HeldEngine:
    """After ``connect``, so that at teardown it lets go before the bot drains its answers."""
    engine = HeldEngine(bot_engine)
    yield engine
    engine.release.set()


def test_the_bot_connects_at_the_url_slack_issued_and_answers_its_pings(wire, slack, socket_server):
    [link] = socket_server.wait_for_links(1)
    assert [c.method for c in slack.calls()] == ["auth.test", "apps.connections.open"]
    assert ticket(link.path) == ticket(socket_server.issued[0]) == "loopback-1"
    assert socket_server.ping(b"still-there?"), "Slack's ping got no pong: it would drop us"
    assert link.is_open


def test_a_mention_is_acked_over_the_socket_before_its_answer_is_posted_in_the_thread(
    connect, held, slack
):
    wire = connect(held)
    envelope = wire.mention(QUESTION, ts="1700000000.000100")
    assert wire.ack(envelope) == {"envelope_id": envelope}  # acked while the answer is held
    assert slack.sent("chat.postMessage") == []
    held.release.set()
    answer = wire.answer_in_thread("1700000000.000100")
    assert answer.body["channel"] == CHANNEL
    assert f"*{ANSWER}*" in answer.body["blocks"][1]["text"]["text"]


def test_grade_is_acked_over_the_socket_with_usage_or_answered_at_its_response_url(wire, slack):
    usage, asked = wire.grade("help"), wire.grade("Birmingham staying safe 2007")
    ack = wire.ack(usage)["payload"]  # usage needs no engine: it goes back in the ack itself
    assert ack["response_type"] == "ephemeral"
    assert ack["text"].startswith("Usage: /grade COUNCIL [AREA] [YEAR]")
    assert wire.ack(asked) == {"envelope_id": asked}  # empty: the answer follows
    [answer] = slack.wait_for("response_url", timeout=ANSWER_SECONDS)
    assert answer.url == f"/respond/{TEAM}/grade/secret"
    assert answer.body["response_type"] == "ephemeral"
    assert ANSWER in shown_text(answer.body["blocks"])


def test_a_share_click_is_acked_over_the_socket_and_posts_the_answer_in_the_channel(
    wire, slack, socket_server
):
    wire.grade("Birmingham staying safe 2007")
    [private] = slack.wait_for("response_url", timeout=ANSWER_SECONDS)
    click = click_payload(find_button(private.body["blocks"], "share"), slack.response_url("share"))
    click["channel"] = {"id": CHANNEL, "name": "general"}
    click["container"] = {
        "type": "message",
        "message_ts": "1700000000.000500",
        "channel_id": CHANNEL,
        "is_ephemeral": True,
    }
    envelope = socket_server.push("interactive", click)
    assert wire.ack(envelope) == {"envelope_id": envelope}
    shared, deleted = slack.wait_for(
        "response_url", 2, ANSWER_SECONDS, where=lambda c: "/share/" in c.url
    )
    assert shared.body["response_type"] == "in_channel"
    assert ANSWER in shown_text(shared.body["blocks"])
    assert deleted.body == {"delete_original": True}  # the private copy goes


def test_a_retried_envelope_is_acked_but_not_answered_twice(wire, slack, socket_server):
    payload = event_payload(mention_event(QUESTION, "1700000000.000100"), "Ev0RETRY01")
    wire.ack(socket_server.push("events_api", payload))
    wire.answer_in_thread("1700000000.000100")
    retried = socket_server.push("events_api", payload, retry_attempt=1, retry_reason="timeout")
    assert wire.ack(retried) == {"envelope_id": retried}  # acked, or Slack retries again
    # a question after the retry, answered: the retry had as long to be answered, and was not
    wire.ack(wire.mention("Birmingham 2011 grades", ts="1700000000.000200"))
    wire.answer_in_thread("1700000000.000200")
    threads = [c.body["thread_ts"] for c in slack.sent("chat.postMessage")]
    assert threads == ["1700000000.000100", "1700000000.000200"]


def test_after_slack_closes_the_connection_the_bot_reconnects_at_a_new_url_and_answers(
    wire, slack, socket_server
):
    first = socket_server.close()
    assert socket_server.wait_for_closed(first) and first.closed_by == "server"
    old, new = socket_server.wait_for_links(2, ANSWER_SECONDS)
    assert ticket(new.path) == ticket(socket_server.issued[1]) == "loopback-2"
    assert len(slack.calls("apps.connections.open")) == 2
    envelope = wire.mention(QUESTION, ts="1700000000.000300")
    assert wire.ack(envelope) == {"envelope_id": envelope}
    assert ANSWER in shown_text(wire.answer_in_thread("1700000000.000300").body["blocks"])


def test_a_disconnect_warning_moves_the_bot_to_a_new_connection_and_it_closes_the_old(
    wire, slack, socket_server
):
    old = socket_server.disconnect("refresh_requested")
    _, new = socket_server.wait_for_links(2, ANSWER_SECONDS)
    assert ticket(new.path) == "loopback-2"
    assert len(slack.calls("apps.connections.open")) == 2
    assert socket_server.wait_for_closed(old) and old.closed_by == "client"
    envelope = wire.mention(QUESTION, ts="1700000000.000400")
    assert wire.ack(envelope) == {"envelope_id": envelope}
    assert ANSWER in shown_text(wire.answer_in_thread("1700000000.000400").body["blocks"])


def mention_event(text: str, ts: str) -> dict:
    return app_mention(text, ts)


def event_payload(event: dict, event_id: str) -> dict:
    """An Events API body as a Socket Mode ``events_api`` envelope carries it."""
    return {**event_body(event, event_id), "is_ext_shared_channel": False}


def grade_form(text: str, response_url: str) -> dict:
    """A ``/grade`` as a ``slash_commands`` envelope carries it: the form, as a JSON object."""
    return {**command_form(text, response_url), "is_enterprise_install": "false"}


def test_a_rejected_app_token_leaves_no_socket_mode_threads_running(slack, bot_engine):
    """``socket_mode_handler`` refuses in one line, and stops the client it had started: a
    caller that goes on (a supervisor's health check, a test) is not left with its threads."""
    from store.errors import ConfigError

    settings = make_settings(slack, SLACK_APP_TOKEN="xapp-1-A0APP0001-1-wrong")
    app = start_app(settings, bot_engine, Work())
    before = set(threading.enumerate())
    with pytest.raises(ConfigError, match="Slack rejected SLACK_APP_TOKEN"):
        socket_mode_handler(app, settings)
    started = [t for t in threading.enumerate() if t not in before]
    for thread in started:
        thread.join(ANSWER_SECONDS)
    assert [t.name for t in started if t.is_alive()] == []


def test_the_connection_is_checked_every_few_seconds_not_slack_sdks_ten(slack, bot_engine):
    """A connection Slack closes is replaced at the client's next check; slash commands and
    clicks in between fail, so the check is every CONNECTION_CHECK_SECONDS."""
    from bot.serve import CONNECTION_CHECK_SECONDS

    settings = make_settings(slack, SLACK_APP_TOKEN=APP_TOKEN)
    handler = socket_mode_handler(start_app(settings, bot_engine, Work()), settings)
    try:
        assert handler.client.ping_interval == CONNECTION_CHECK_SECONDS <= 3
        assert handler.client.current_app_monitor.interval_seconds == CONNECTION_CHECK_SECONDS
    finally:
        close_at_once(handler)
