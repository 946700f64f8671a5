"""What the operator and the people asking see, at the edges the other tests left open (survivors
of mutation testing, batch e): the sources under a notification, a /grade answer that offers no
vote, the note on grades left out, where a vote's thanks goes when its response_url fails, the
lines logged when a post fails or is refused, start-up messages, /health under ``letters serve``
the drain's refusal of new questions, and the draining of a refused body."""

import json
import logging
import re
import signal
import socket
import threading
import urllib.error
import urllib.request
from dataclasses import replace

import pytest

from bot import blocks, http
from bot.deps import Deps
from bot.serve import drain_on_sigterm, listen, start_app
from bot.settings import settings_from
from bot.work import Work
from store.errors import ConfigError
from tests.bot.conftest import CHANNEL, USER, Harness, make_settings, vote_button
from tests.bot.test_mutants_c import closed_port, serve_for, serving_env  # noqa: F401 (a fixture)

BOUND = 10  # seconds: any wait here is over in milliseconds unless something is broken
TABLE = "staying safe grades in 2008"


def warnings_logged(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


# --- a notification names at most three of the letters an answer cites --------------------------


def test_a_listing_over_many_letters_names_three_sources_in_its_notification(recorder, big_store):
    big = Harness(recorder, big_store)
    assert len(big_store.answer(TABLE).letters()) > 4
    big.mention(TABLE, ts="1700000001.000100")
    [posted] = big.recorder.sent("chat.postMessage")
    sources = [line for line in posted.body["text"].split("\n") if line.startswith("Source: ")]
    assert len(sources) == 3


# --- /grade: an answer without vote buttons is shown once, the Share button after it ------------


def test_a_grade_answered_with_the_usage_shows_it_once_then_share(bot):
    """'/grade hello' is answered with what the bot does (no 👍/👎 on it): once, not twice."""
    bot.command("hello")
    [call] = bot.recorder.sent("response_url")
    shown = call.body["blocks"]
    assert shown[0]["elements"][0]["text"].startswith("You asked `/grade hello`")
    assert shown[-1]["block_id"] == "share"
    intro = [b for b in shown if b.get("text", {}).get("text", "").startswith("I answer questions")]
    assert len(intro) == 1
    assert [b.get("block_id") for b in shown].count("share") == 1


# --- grades left out of a full message are counted, in plain words ------------------------------


def test_grades_and_passages_past_a_message_limit_are_counted_as_more_grades(bot_engine):
    grades = bot_engine.answer("Birmingham 2007 grades")
    found = bot_engine.answer("private fostering")
    assert grades.judgements and found.passages
    crowded = replace(grades, passages=found.passages * 30)
    texts = [
        e.get("text", "")
        for b in blocks.to_blocks(crowded)["blocks"]
        if b["type"] == "context"
        for e in b["elements"]
    ]
    [note] = [t for t in texts if "not shown here" in t]
    assert re.fullmatch(
        r"… and \d+ more grades not shown here; ask about one council, area or year to see them\.",
        note,
    ), note


# --- a vote whose response_url fails is thanked in the channel, to the voter alone --------------


def test_thanks_for_a_vote_whose_response_url_fails_come_as_an_ephemeral_in_the_channel(
    bot, sleeps
):
    bot.mention("Birmingham 2011", ts="1700000002.000100")
    [posted] = bot.recorder.sent("chat.postMessage")
    message = {
        "type": "message",
        "ts": "1700000002.000200",
        "text": posted.body["text"],
        "blocks": posted.body["blocks"],
    }
    bot.recorder.fail_next("response_url", "500", "500", "500")
    bot.click(vote_button(posted.body["blocks"], "up"), message=message)
    [ephemeral] = bot.recorder.sent("chat.postEphemeral")
    assert (ephemeral.body["channel"], ephemeral.body["user"]) == (CHANNEL, USER)
    assert "Thanks for the feedback" in json.dumps(ephemeral.body, ensure_ascii=False)


def test_a_private_reply_with_no_channel_to_fall_back_on_is_not_sent_ephemeral(
    recorder, bot_engine, sleeps, caplog
):
    """With no channel there is nowhere to post an ephemeral message: nothing is tried."""
    client = Harness(recorder, bot_engine).app.client
    recorder.fail_next("response_url", "500", "500", "500")
    deps = Deps(bot_engine)
    with caplog.at_level(logging.WARNING, logger="letters.bot"):
        delivered = deps.respond_privately(client, recorder.response_url("x"), "", USER, text="t")
    assert delivered is False
    assert recorder.sent("chat.postEphemeral") == []
    assert not [m for m in caplog.messages if "chat.postEphemeral" in m]


# --- what the operator reads when a post fails or is refused ------------------------------------


def test_a_private_reply_slack_answers_with_500_is_logged_with_its_status(bot, sleeps, caplog):
    bot.recorder.fail_next("response_url", "500", "500", "500")
    with caplog.at_level(logging.WARNING, logger="letters.bot"):
        bot.command("Birmingham 2011")
    failed = [m for m in warnings_logged(caplog) if "response_url" in m]
    assert failed and all(m.startswith("response_url post failed: HTTP 500 ") for m in failed)


def test_a_private_reply_whose_connection_drops_is_logged_with_why(bot, sleeps, caplog):
    bot.recorder.fail_next("response_url", "drop", "drop", "drop", "drop")
    with caplog.at_level(logging.WARNING, logger="letters.bot"):
        bot.command("Birmingham 2011")
    failed = [m for m in warnings_logged(caplog) if "response_url" in m]
    assert failed and all(re.fullmatch(r"response_url post failed: \w+", m) for m in failed)
    assert bot.recorder.sent("chat.postEphemeral")


def test_a_cut_off_post_whose_thread_cannot_be_read_is_logged_and_sent_again(bot, sleeps, caplog):
    bot.recorder.fail_next("chat.postMessage", "drop")
    bot.recorder.fail_next("conversations.replies", "500", "500", "500")
    with caplog.at_level(logging.WARNING, logger="letters.bot"):
        bot.mention("Birmingham 2011", ts="1700000003.000100")
    assert "could not look for a cut-off post (SlackApiError)" in warnings_logged(caplog)
    assert len(bot.recorder.sent("chat.postMessage")) == 2


def test_a_post_whose_newer_blocks_are_refused_says_so_in_the_log(bot, caplog):
    bot.recorder.refuse_feedback_buttons = True
    with caplog.at_level(logging.WARNING, logger="letters.bot"):
        bot.mention("Birmingham 2011", ts="1700000004.000100")
    assert "newer blocks were refused; sent in older forms instead" in warnings_logged(caplog)
    assert len(bot.recorder.posted(CHANNEL)) == 1


# --- the drain on SIGTERM: the operator is told it began, and new questions are refused ----------


def test_sigterm_is_logged_as_the_drain_beginning(caplog):
    caplog.set_level(logging.INFO, "letters.bot")
    stopped = threading.Event()
    previous = signal.getsignal(signal.SIGTERM)
    try:
        handler = drain_on_sigterm(Work(), stopped.set)
    finally:
        signal.signal(signal.SIGTERM, previous)
    handler(signal.SIGTERM, None)
    assert stopped.wait(BOUND)
    assert "SIGTERM: finishing the answers in progress, refusing new ones" in caplog.messages


def test_the_app_started_with_a_work_refuses_questions_once_that_work_drains(recorder, bot_engine):
    """``letters serve`` drains the Work it gave the app: a question after SIGTERM is told the
    bot is restarting."""
    work = Work()
    harness = Harness(recorder, bot_engine)
    harness.app = start_app(make_settings(recorder), bot_engine, work)
    assert work.drain(timeout=0.05)
    harness.mention("Birmingham 2011", ts="1700000005.000100")
    [posted] = recorder.wait_for("chat.postMessage", timeout=BOUND)
    assert "restarting" in posted.body["text"]
    assert "Performs poorly" not in posted.body["text"]


# --- start-up messages ------------------------------------------------------------------------


def test_a_host_that_cannot_be_listened_on_says_which_and_what_to_check(recorder, bot_engine):
    harness = Harness(recorder, bot_engine)
    with pytest.raises(ConfigError) as raised:
        listen(harness.app, bot_engine, harness.settings, "192.0.2.1", 0)  # not this machine's
    assert re.fullmatch(
        r"cannot listen on 192\.0\.2\.1:0 \(.+\): check --host and --port", str(raised.value)
    ), str(raised.value)


def test_a_client_id_without_its_secret_says_where_to_find_it():
    with pytest.raises(ConfigError) as raised:
        settings_from({"SLACK_CLIENT_ID": "123.456", "SLACK_SIGNING_SECRET": "s" * 32})
    assert str(raised.value) == (
        "SLACK_CLIENT_SECRET is not set: OAuth installs need it with SLACK_CLIENT_ID "
        "(Basic Information → App Credentials)"
    )


# --- letters serve --http: /health asks the store it opened ------------------------------------


def test_serve_over_http_answers_health_from_its_store(serving_env, monkeypatch):  # noqa: F811
    env, _ = serving_env
    replies = []

    def health_check(port: int) -> None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=BOUND) as r:
                replies.append(r.status)
        except urllib.error.HTTPError as error:
            replies.append(error.code)

    serve_for(env, monkeypatch, health_check)
    assert replies == [200]


# --- a refused body is read and dropped, so the client reads our 413 rather than a reset --------


def test_a_body_over_the_limit_is_drained_so_its_sender_reads_the_413(served, monkeypatch):
    """The server answers 413 from the Content-Length, then reads and drops the body still
    coming (for up to LINGER_SECONDS; made long here so only a broken linger ends it early):
    the client sends its whole body and then reads the answer, never a connection reset."""
    monkeypatch.setattr(http, "LINGER_SECONDS", 3 * BOUND)
    _, base = served()
    port = int(base.rsplit(":", 1)[1])
    size = 16 * http.MAX_BODY_BYTES  # more than loopback's socket buffers hold
    head = (
        "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=BOUND) as client:
        client.sendall(head)
        client.sendall(b"x" * size)
        reply = b""
        while chunk := client.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 413 ") or reply.startswith(b"HTTP/1.0 413 "), reply[:80]
