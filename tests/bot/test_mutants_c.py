"""What the operator and the people asking see, at the edges the other tests left open: what
the HTTP door says when it refuses, the headers of an acknowledgement, the CSV file's name and
place, the lines logged when an answer reaches no one, start-up messages, and the drain."""

import io
import json
import logging
import re
import signal
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from bot import blocks, payload
from bot.app import ThreadPerTask
from bot.errors import on_error
from bot.gate import VERIFIED
from bot.http import ThreadingWSGIServer, wsgi_app
from bot.serve import drain_on_sigterm, listen, serve, socket_mode_handler, start_app
from bot.settings import settings_from
from bot.work import Work
from store import botstate
from tests.bot.conftest import (
    BOT_ID,
    BOT_TOKEN,
    CHANNEL,
    DM,
    SIGNING_SECRET,
    USER,
    Harness,
    command_form,
    event_body,
    find_button,
    make_settings,
    vote_button,
)
from tests.bot.test_security import signed

BOUND = 10  # seconds: any wait here is over in milliseconds unless something is broken
TABLE = "staying safe grades in 2008"
REF = r"[0-9a-f]{6}"


def closed_port() -> int:
    """A loopback port nothing listens on: a connection to it is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def errors_logged(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


# --- the HTTP door: what a refused request is told ---------------------------------------------


def door_call(door, body: bytes, **environ):
    seen = {}
    out = door(
        {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/slack/events",
            "QUERY_STRING": "",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            **environ,
        },
        lambda status, headers: seen.update(status=status),
    )
    return seen["status"], json.loads(b"".join(out))


@pytest.fixture
def door(bot, bot_engine):
    return wsgi_app(bot.app, bot_engine, SIGNING_SECRET)


def test_a_chunked_body_is_411_and_told_to_send_a_content_length(door, bot):
    status, reply = door_call(door, b"{}", HTTP_TRANSFER_ENCODING="chunked")
    assert (status, reply) == (
        "411 Length Required",
        {"error": "send a Content-Length, not a chunked body"},
    )
    assert bot.recorder.calls(answered=False) == []


def test_a_body_shorter_than_its_content_length_is_400_and_says_so(door, bot):
    body = b'{"type": "event_callback"}'
    status, reply = door_call(door, body, CONTENT_LENGTH=str(len(body) + 50))
    assert (status, reply) == ("400 Bad Request", {"error": "body shorter than its Content-Length"})
    assert bot.recorder.calls(answered=False) == []


def post(url: str, body: bytes, headers: dict):
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=BOUND) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def signed_command(text: str, response_url: str) -> tuple[bytes, dict]:
    body = urllib.parse.urlencode(command_form(text, response_url)).encode()
    return body, {**signed(body), "Content-Type": "application/x-www-form-urlencoded"}


def test_grade_help_over_http_is_acked_as_json_so_slack_shows_the_usage(served):
    """Slack reads an acknowledgement's body as a message only when it says it is JSON."""
    bot, base = served()
    body, headers = signed_command("help", bot.recorder.response_url("cmd"))
    status, got, raw = post(f"{base}/slack/events", body, headers)
    assert status == 200
    assert got["Content-Type"].startswith("application/json")
    usage = json.loads(raw)
    assert usage["response_type"] == "ephemeral"
    assert usage["text"].startswith("Usage: /grade COUNCIL [AREA] [YEAR]")


# --- letters serve --http: the server it starts answers with the app, verifying signatures ------


@pytest.fixture
def serving_env(tmp_path, caplog):
    """Settings for ``serve``, with the root logger and SIGTERM handler put back after it."""
    from tests.slack_double import Recorder

    caplog.set_level(logging.INFO, "letters.bot")
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    previous = signal.getsignal(signal.SIGTERM)
    with Recorder(token=BOT_TOKEN) as recorder:
        env = {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": recorder.api_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'served.sqlite3'}",
        }
        try:
            yield env, recorder
        finally:
            signal.signal(signal.SIGTERM, previous)
            root.handlers[:], root.level = handlers, level


def serve_for(env: dict, monkeypatch, visit) -> None:
    """``letters serve --http`` with ``env``, stopped once ``visit(port)`` has made its
    requests: the real server, on a loopback port it picks."""
    original = ThreadingWSGIServer.serve_forever

    def serve_then_stop(self) -> None:
        runner = threading.Thread(
            target=original, args=(self,), kwargs={"poll_interval": 0.05}, daemon=True
        )
        runner.start()
        try:
            visit(self.server_port)
        finally:
            self.shutdown()
            runner.join(BOUND)

    monkeypatch.setattr(ThreadingWSGIServer, "serve_forever", serve_then_stop)
    serve(settings_from(env), http=True, port=closed_port(), host="127.0.0.1")


def test_serve_over_http_answers_a_signed_grade_and_refuses_a_forged_one(serving_env, monkeypatch):
    env, recorder = serving_env
    replies = []

    def grade_and_forgery(port: int) -> None:
        url = f"http://127.0.0.1:{port}/slack/events"
        body, headers = signed_command("help", recorder.response_url("cmd"))
        replies.append(post(url, body, headers))
        forged = {**headers, "X-Slack-Signature": "v0=" + "0" * 64}
        replies.append(post(url, body, forged))

    serve_for(env, monkeypatch, grade_and_forgery)
    (status, _, raw), (forged_status, _, forged_raw) = replies
    assert status == 200
    assert json.loads(raw)["text"].startswith("Usage: /grade COUNCIL [AREA] [YEAR]")
    assert (forged_status, json.loads(forged_raw)) == (401, {"error": "invalid request"})


def test_listen_serves_the_app_with_the_signing_secret_it_was_given(recorder, bot_engine):
    harness = Harness(recorder, bot_engine)
    server = listen(harness.app, bot_engine, harness.settings, "127.0.0.1", 0)
    runner = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    runner.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/slack/events"
        body, headers = signed_command("help", recorder.response_url("cmd"))
        status, _, raw = post(url, body, headers)
        forged = signed(body, secret="f" * 32)
        refused, _, _ = post(url, body, {**headers, **forged})
    finally:
        server.shutdown()
        server.server_close()
        runner.join(BOUND)
    assert status == 200 and json.loads(raw)["response_type"] == "ephemeral"
    assert refused == 401


# --- start-up messages ------------------------------------------------------------------------


def test_socket_mode_with_oauth_installs_is_refused_with_what_to_run():
    settings = settings_from({"SLACK_CLIENT_ID": "123.456", "SLACK_CLIENT_SECRET": "secret"})
    with pytest.raises(Exception) as raised:
        settings.require_socket_mode()
    assert str(raised.value) == (
        "installs into several workspaces (SLACK_CLIENT_ID) need HTTP mode, where Slack sends "
        "installers back: run 'letters serve --http'"
    )


def test_a_rejected_app_token_says_which_token_to_use(recorder, bot_engine):
    settings = make_settings(recorder, SLACK_APP_TOKEN="xapp-1-A0APP0001-1-wrong")
    app = Harness(recorder, bot_engine, settings=settings).app
    with pytest.raises(Exception) as raised:
        socket_mode_handler(app, settings)
    assert str(raised.value) == (
        "Slack rejected SLACK_APP_TOKEN (invalid_auth): use the app-level token with the "
        "connections:write scope (Basic Information → App-Level Tokens)"
    )


UNREACHABLE = re.compile(
    r"^cannot reach Slack at SLACK_API_URL http://127\.0\.0\.1:\d+/api/ \(.*Connection refused.*\)$"
)


def test_slack_out_of_reach_at_start_up_says_where_and_why(bot_engine, sleeps):
    from store.errors import ConfigError

    url = f"http://127.0.0.1:{closed_port()}/api/"
    settings = settings_from({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": url})
    with pytest.raises(ConfigError) as raised:
        start_app(settings, bot_engine)
    assert UNREACHABLE.match(str(raised.value)), str(raised.value)
    assert url in str(raised.value)


def test_slack_out_of_reach_when_socket_mode_connects_says_where_and_why(
    recorder, bot_engine, sleeps
):
    from store.errors import ConfigError

    url = f"http://127.0.0.1:{closed_port()}/api/"
    settings = settings_from(
        {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": "xapp-1-A0-1-x", "SLACK_API_URL": url}
    )
    app = Harness(recorder, bot_engine, settings=settings).app  # built without auth.test
    with pytest.raises(ConfigError) as raised:
        socket_mode_handler(app, settings)
    assert UNREACHABLE.match(str(raised.value)), str(raised.value)
    assert url in str(raised.value)


# --- the drain on SIGTERM: the operator is told whether answers were cut short ------------------


class QuickDrain(Work):
    """A drain that gives up at once, where the real one waits up to 20 seconds."""

    def drain(self, timeout: float = 0.05) -> bool:
        return super().drain(timeout=0.05)


@pytest.mark.parametrize("in_progress, said", [(True, "answers cut short"), (False, None)])
def test_stopping_says_whether_every_answer_finished(caplog, in_progress, said):
    caplog.set_level(logging.INFO, "letters.bot")
    work, release, started = QuickDrain(), threading.Event(), threading.Event()

    def answer() -> None:
        with work.slot():
            started.set()
            release.wait(BOUND)

    holder = threading.Thread(target=answer, daemon=True)
    if in_progress:
        holder.start()
        assert started.wait(BOUND)
    stopped = threading.Event()
    previous = signal.getsignal(signal.SIGTERM)
    try:
        handler = drain_on_sigterm(work, stopped.set)
    finally:
        signal.signal(signal.SIGTERM, previous)
    try:
        handler(signal.SIGTERM, None)
        assert stopped.wait(BOUND)
    finally:
        release.set()
        if in_progress:
            holder.join(BOUND)
    stopping = [m for m in caplog.messages if m.startswith("stopping: ")]
    assert stopping == [f"stopping: {said or 'every answer finished'}"]


def test_a_listener_runs_on_a_daemon_thread_so_a_hung_answer_cannot_block_exit():
    future = ThreadPerTask().submit(lambda: threading.current_thread().daemon)
    assert future.result(timeout=BOUND) is True


# --- /grade: the query restated, and a refused newer block sent again in older forms ------------


def test_grade_restates_a_query_with_backticks_as_quotes(bot):
    bot.command("Birmingham `2011`")
    [call] = bot.recorder.sent("response_url")
    head = call.body["blocks"][0]["elements"][0]["text"]
    assert head == "You asked `/grade Birmingham '2011'` — only you can see this answer."
    assert call.body["text"].startswith("/grade Birmingham '2011': ")


def test_a_private_answer_whose_feedback_buttons_are_refused_arrives_with_plain_ones(bot):
    bot.recorder.refuse_feedback_buttons = True
    bot.command("Birmingham 2011")
    refused, listed = bot.recorder.sent("response_url")
    assert payload.has_newer(refused.body) and not payload.has_newer(listed.body)
    assert "Performs poorly (1)" in listed.body["text"]
    assert not listed.body["text"].startswith("Sorry")
    assert listed.body["response_type"] == "ephemeral"
    assert find_button(listed.body["blocks"], "feedback_up")["value"]
    assert find_button(listed.body["blocks"], "share")


# --- answers that reach no one: what the operator reads ----------------------------------------


def test_a_private_answer_that_reaches_no_one_logs_why_the_ephemeral_failed(bot, sleeps, caplog):
    bot.recorder.fail_next("response_url", "500", "500", "500")
    bot.recorder.fail_next("chat.postEphemeral", "500", "500", "500")
    with caplog.at_level(logging.WARNING, logger="letters.bot"):
        bot.command("Birmingham 2011")
    assert "chat.postEphemeral failed too: internal_error" in caplog.messages


def test_more_results_that_reach_no_one_are_logged_with_a_reference(bot, sleeps, caplog):
    bot.command("privately fostered children")
    private = bot.recorder.sent()[0].body
    bot.recorder.fail_next("response_url", "500", "500", "500")
    bot.recorder.fail_next("chat.postEphemeral", "500", "500", "500")
    with caplog.at_level(logging.ERROR, logger="letters.bot"):
        bot.click(find_button(private["blocks"], "more"))
    [line] = errors_logged(caplog)
    assert re.fullmatch(rf"could not deliver more results to the user \(ref {REF}\)", line)


def test_a_share_and_its_apology_that_reach_no_one_are_logged_under_one_reference(
    bot, sleeps, caplog
):
    bot.command("Birmingham 2011")
    private = bot.recorder.sent()[0].body
    bot.recorder.fail_next("response_url", *["500"] * 6)
    bot.recorder.fail_next("chat.postEphemeral", "500", "500", "500")
    with caplog.at_level(logging.ERROR, logger="letters.bot"):
        bot.click(find_button(private["blocks"], "share"))
    shared, apology = errors_logged(caplog)
    ref = re.fullmatch(rf"could not deliver a shared answer to the user \(ref ({REF})\)", shared)
    assert ref, shared
    assert apology == (
        f"could not deliver the apology for a shared answer to the user (ref {ref.group(1)})"
    )


def test_a_post_cut_off_that_had_arrived_is_logged_with_how_it_was_cut_off(bot, caplog):
    bot.recorder.fail_next("chat.postMessage", "drop")
    with caplog.at_level(logging.INFO, logger="letters.bot"):
        bot.mention("Birmingham 2011", ts="1700000000.000100")
    assert len(bot.recorder.posted(CHANNEL)) == 1
    [line] = [m for m in caplog.messages if m.startswith("a post was cut off")]
    cause = re.fullmatch(r"a post was cut off \((\w+)\) but had arrived", line).group(1)
    assert cause in ("RemoteDisconnected", "ConnectionResetError", "IncompleteRead")


# --- an error on an event the bot would not have answered sends nothing ------------------------


@pytest.mark.parametrize(
    "event",
    [
        {"type": "message", "channel_type": "channel", "user": USER, "text": "hi"},
        {"type": "message", "channel_type": "im", "user": USER, "bot_id": BOT_ID, "text": "x"},
        {"type": "app_mention", "user": USER, "text": "x", "edited": {"user": USER}},
        {"type": "member_joined_channel", "user": USER},
    ],
)
def test_a_failure_on_an_event_no_one_asked_sends_nothing_anywhere(bot, bot_engine, event):
    from bot.deps import Deps

    event = {"channel": CHANNEL, "ts": "1700000000.000100", **event}
    body = event_body(event, "Ev0CHATTER1")
    on_error(Deps(bot_engine), KeyError("x"), body, bot.app.client, object(), {VERIFIED: True})
    assert bot.recorder.calls(answered=False) == []


# --- All as CSV from a direct message ----------------------------------------------------------


@pytest.fixture
def big(recorder, big_store) -> Harness:
    return Harness(recorder, big_store)


def test_all_as_csv_from_a_direct_message_answer_is_grades_csv_in_its_thread(big):
    big.dm(TABLE)
    [posted] = big.recorder.sent("chat.postMessage")
    assert posted.body.get("thread_ts") is None  # the answer is a message of its own in the DM
    message = {
        "type": "message",
        "ts": "1800000000.000001",
        "text": posted.body["text"],
        "blocks": posted.body["blocks"],
        "bot_id": BOT_ID,
    }
    big.click(find_button(posted.body["blocks"], "csv"), message=message, channel=DM)
    [asked] = big.recorder.sent("files.getUploadURLExternal")
    assert asked.body["filename"] == "grades.csv"
    [done] = big.recorder.sent("files.completeUploadExternal")
    assert (done.body["channel_id"], done.body["thread_ts"]) == (DM, "1800000000.000001")
    rows = len(big.engine.answer(TABLE).judgements)
    assert done.body["initial_comment"] == f"All {rows} rows for “{TABLE}”"
    [file] = json.loads(done.body["files"])
    assert file["title"] == f"{rows} grades: {TABLE}"


# --- votes on an answer that cannot be told apart are never merged -----------------------------


def test_votes_on_answers_with_no_message_ts_are_kept_apart(bot):
    for question in ("Birmingham 2011", "Birmingham staying safe 2007"):
        bot.command(question)
    first, second = (c.body for c in bot.recorder.sent("response_url"))
    for answer, vote in ((first, "up"), (second, "down")):
        click = {
            "type": "block_actions",
            "team": {"id": "T0000001", "domain": "test"},
            "user": {"id": USER, "username": "person", "team_id": "T0000001"},
            "api_app_id": "A0APP0001",
            "token": "unused",
            "trigger_id": "1.2.3",
            "response_url": bot.recorder.response_url("vote"),
            "channel": {"id": CHANNEL, "name": "general"},
            "actions": [{**vote_button(answer["blocks"], vote), "block_id": "feedback"}],
        }
        bot.dispatch_action(click)
    rows = botstate.feedback_rows(bot.engine.sql_engine)
    assert [(r.question, r.vote, r.answer) for r in rows] == [
        ("Birmingham 2011", "up", None),
        ("Birmingham staying safe 2007", "down", None),
    ]
    acknowledged = bot.recorder.sent("response_url")[-1].body
    assert "Thanks for the feedback — it has been recorded." in json.dumps(
        acknowledged["blocks"], ensure_ascii=False
    )


# --- App Home: checked against a Home tab's limits, not a message's ----------------------------


class ManyCouncils:
    """The store's answerer, holding ``n`` councils' letters as far as App Home is concerned."""

    def __init__(self, engine, n: int) -> None:
        self._engine, self._n = engine, n

    def __getattr__(self, name):
        return getattr(self._engine, name)

    def coverage(self):
        years = range(2005, 2012)
        return {
            f"Council {i:04d}": {y: ("apa" if y < 2009 else "csa", 7) for y in years}
            for i in range(self._n)
        }


def test_a_home_of_more_blocks_than_a_message_holds_is_published_whole(recorder, bot_engine):
    engine = ManyCouncils(bot_engine, 60 * 18)
    view = blocks.home_view(engine.coverage())
    assert 50 < len(view["blocks"]) <= 100
    bot = Harness(recorder, engine)
    bot.event({"type": "app_home_opened", "user": USER, "tab": "home", "event_ts": "1.2"})
    [call] = bot.recorder.sent("views.publish")
    assert call.body["view"] == view
