"""Slack's rules: signatures, retries and duplicates, rate limits, failures, tokens."""

import json
import logging
import os
import re
import threading
import time
import uuid

import pytest

from bot import blocks
from bot.errors import RedactTokens
from bot.gate import VERIFIED
from retrieval.answer import Answer
from retrieval.answerer import Answerer
from store.db import make_engine
from store.errors import StoreBusyError
from tests.bot.conftest import BOT_TOKEN, CHANNEL, DM, SIGNING_SECRET, USER, Harness, shown_text


def mention_event(ts: str = "1700000000.000100", text: str = "Birmingham 2007 grades") -> dict:
    return {
        "type": "app_mention",
        "user": USER,
        "text": f"<@UBOT0001> {text}",
        "ts": ts,
        "channel": CHANNEL,
        "event_ts": ts,
    }


# --- signatures -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "signing",
    [
        {"signature": "v0=" + "0" * 64},
        {"timestamp": int(time.time()) - 600},  # stale: over five minutes old
        {"timestamp": "abc"},  # slack-sdk's own check raises on these three
        {"timestamp": "1.5"},
        {"timestamp": ""},
    ],
    ids=["bad-signature", "stale-timestamp", "timestamp-abc", "timestamp-1.5", "timestamp-empty"],
)
def test_unverified_requests_get_401_and_nothing_is_posted(bot, signing):
    """Through the app itself (``App.dispatch``), not only the HTTP door in front of it."""
    assert bot.event(mention_event(), **signing).status == 401
    assert bot.command("Birmingham 2007", **signing).status == 401
    home = {"type": "app_home_opened", "user": USER, "tab": "home"}
    assert bot.event(home, **signing).status == 401
    assert bot.recorder.calls(answered=False) == []


def test_the_error_handler_never_acts_on_an_unverified_request(bot, bot_engine, caplog):
    """Should anything raise before the gate, the body names no one we may post to."""
    from bot.deps import Deps
    from bot.errors import on_error

    body = {"response_url": bot.recorder.response_url("x"), "event": mention_event()}
    response = on_error(Deps(bot_engine), ValueError("x"), body, bot.app.client, object(), {})
    assert response.status == 401
    assert bot.recorder.calls(answered=False) == []


@pytest.mark.parametrize(
    "allow, team, app, answered",
    [
        ({}, "T0OTHER01", "A0OTHER01", True),  # no allow-lists: any team and app
        ({"SLACK_ALLOWED_TEAM_IDS": "T0000001,T0000002"}, "T0000001", "A0OTHER01", True),
        ({"SLACK_ALLOWED_TEAM_IDS": "T0000002"}, "T0000001", "A0APP0001", False),
        ({"SLACK_ALLOWED_APP_IDS": "A0APP0001"}, "T0000001", "A0APP0001", True),
        ({"SLACK_ALLOWED_APP_IDS": "A0APP0002"}, "T0000001", "A0APP0001", False),
    ],
)
def test_allow_lists_ignore_other_teams_and_apps_in_socket_mode(
    recorder, bot_engine, allow, team, app, answered
):
    from tests.bot.conftest import SocketMode, make_settings

    harness = Harness(recorder, bot_engine, settings=make_settings(recorder, **allow))
    socket = SocketMode(harness.app)
    try:
        payload = {**harness.event_body(mention_event()), "team_id": team, "api_app_id": app}
        socket.deliver("events_api", "env-1", payload)
    finally:
        socket.handler.client.close()
    assert [a.envelope_id for a in socket.acks] == ["env-1"]  # acknowledged either way
    assert len(recorder.sent("chat.postMessage")) == (1 if answered else 0)


# --- retries and duplicates -----------------------------------------------------------------


def test_http_retry_of_an_answered_event_is_acked_and_dropped(bot):
    assert bot.event(mention_event(), event_id="Ev0RETRY1").status == 200
    response = bot.event(mention_event(), event_id="Ev0RETRY1", retry=1)
    assert (response.status, response.body) == (200, "")
    assert len(bot.recorder.sent("chat.postMessage")) == 1


def test_retry_of_an_event_never_answered_is_answered(bot):
    bot.event(mention_event(), event_id="Ev0LOST001", retry=2)  # the first delivery was lost
    assert len(bot.recorder.sent("chat.postMessage")) == 1


def test_socket_mode_retry_attempt_is_answered_once_and_every_envelope_acked(bot, socket_mode):
    payload = bot.event_body(mention_event(), "Ev0SOCKET1")
    socket_mode.deliver("events_api", "env-1", payload)
    socket_mode.deliver("events_api", "env-2", payload, retry_attempt=1, retry_reason="timeout")
    assert [a.envelope_id for a in socket_mode.acks] == ["env-1", "env-2"]
    assert len(bot.recorder.sent("chat.postMessage")) == 1


def deliver_to_replicas_at_once(recorder, url: str) -> None:
    """The same event, delivered at the same moment to two bot processes sharing ``url``."""
    replicas = [Harness(recorder, Answerer.open(make_engine(url))) for _ in range(2)]
    event_id = f"Ev{uuid.uuid4().hex[:12]}"
    barrier = threading.Barrier(2, timeout=10)

    def deliver(bot: Harness, retry: int | None) -> None:
        barrier.wait()
        bot.event(mention_event(), event_id=event_id, retry=retry)

    threads = [
        threading.Thread(target=deliver, args=(bot, retry))
        for bot, retry in zip(replicas, (None, 1), strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    for bot in replicas:
        bot.engine.sql_engine.dispose()


def test_two_processes_sharing_a_store_answer_a_duplicate_once(recorder, store_url):
    deliver_to_replicas_at_once(recorder, store_url)
    assert len(recorder.sent("chat.postMessage")) == 1


@pytest.mark.postgres
def test_two_processes_sharing_postgresql_answer_a_duplicate_once(recorder):
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("TEST_DATABASE_URL not set (scripts/with-postgres provides one)")
    deliver_to_replicas_at_once(recorder, url)
    assert len(recorder.sent("chat.postMessage")) == 1


# --- rate limits and dropped connections ----------------------------------------------------


def test_rate_limited_post_is_retried_after_retry_after(bot, sleeps):
    bot.recorder.fail_next("chat.postMessage", "429")
    bot.event(mention_event())
    first, second = bot.recorder.sent("chat.postMessage")
    assert first.body == second.body
    assert sleeps == [1.0]  # Retry-After: 1, honoured


def test_a_dropped_connection_on_a_read_is_retried(bot, sleeps):
    """Reads and idempotent calls are retried as slack-sdk would; posts are not (test_once)."""
    bot.recorder.fail_next("views.publish", "drop")
    bot.event({"type": "app_home_opened", "user": USER, "tab": "home"})
    assert len(bot.recorder.sent("views.publish")) == 2
    assert len(bot.recorder.calls("views.publish")) == 1 and len(sleeps) == 1


def test_rate_limited_response_url_is_retried(bot, sleeps):
    bot.recorder.fail_next("response_url", "429")
    bot.command("Birmingham 2007")
    first, second = bot.recorder.sent("response_url")
    assert first.body == second.body and second.body["response_type"] == "ephemeral"


# --- never silent -----------------------------------------------------------------------------


class BrokenEngine:
    def __init__(self, engine, error: Exception) -> None:
        self.sql_engine, self.error = engine.sql_engine, error

    def answer(self, *args, **kwargs) -> Answer:
        raise self.error

    def coverage(self):
        raise self.error


SORRY = re.compile(r"^Sorry — something went wrong \(ref ([0-9a-f]{6})\)$")


def test_failure_in_a_mention_gets_a_sorry_in_the_thread_and_a_logged_ref(
    recorder, bot_engine, caplog
):
    bot = Harness(recorder, BrokenEngine(bot_engine, RuntimeError("db password is hunter2")))
    with caplog.at_level(logging.ERROR, logger="letters.bot"):
        response = bot.event(mention_event(ts="1700000000.000100"))
    # acknowledged, empty: Slack must not retry into the same failure
    assert (response.status, response.body) == (200, "")
    [call] = recorder.sent()
    assert (call.method, call.body["channel"], call.body["thread_ts"]) == (
        "chat.postMessage",
        CHANNEL,
        "1700000000.000100",
    )
    ref = SORRY.match(call.body["text"]).group(1)
    assert "hunter2" not in json.dumps(call.body)
    [record] = [r for r in caplog.records if ref in r.getMessage()]
    assert record.exc_info[0] is RuntimeError  # the traceback is logged under the ref


def test_an_apology_that_cannot_be_sent_is_logged_under_its_ref(recorder, bot_engine, caplog):
    from slack_sdk.errors import SlackApiError

    class Refusing:
        def chat_postMessage(self, **message):
            raise SlackApiError("channel_not_found", {"ok": False})

    from bot.deps import Deps
    from bot.errors import on_error

    body = {"event": {**mention_event(), "channel": CHANNEL}}
    with caplog.at_level(logging.ERROR, logger="letters.bot"):
        on_error(Deps(bot_engine), KeyError("x"), body, Refusing(), object(), {VERIFIED: True})
    failed, unsent = caplog.records
    ref = re.search(r"\(ref ([0-9a-f]{6})\)", failed.getMessage()).group(1)
    assert failed.getMessage() == f"failed handling a app_mention request (ref {ref})"
    assert unsent.getMessage() == f"could not tell the user about ref {ref}"
    assert unsent.exc_info[0] is SlackApiError


def test_failure_in_a_threaded_mention_apologises_in_that_thread(recorder, bot_engine):
    bot = Harness(recorder, BrokenEngine(bot_engine, KeyError("internal")))
    bot.event({**mention_event(ts="1700000000.000300"), "thread_ts": "1700000000.000100"})
    [call] = recorder.sent("chat.postMessage")
    assert (call.body["channel"], call.body["thread_ts"]) == (CHANNEL, "1700000000.000100")
    assert SORRY.match(call.body["text"])


@pytest.mark.parametrize("surface", ["command", "dm", "click", "home"])
def test_failure_on_every_surface_still_answers(recorder, bot_engine, surface):
    bot = Harness(recorder, BrokenEngine(bot_engine, KeyError("internal")))
    if surface == "command":
        bot.command("Birmingham 2007")
        [call] = recorder.sent("response_url")
        assert call.body["response_type"] == "ephemeral"
    elif surface == "dm":
        bot.dm("privately fostered children", thread_ts="1700000000.000900")
        [call] = recorder.sent("chat.postMessage")
        assert (call.body["channel"], call.body["thread_ts"]) == (DM, "1700000000.000900")
    elif surface == "click":
        bot.click(
            {
                "action_id": "share",
                "text": {"type": "plain_text", "text": "Share"},
                "value": json.dumps({"q": "Birmingham 2007"}),
            }
        )
        [call] = recorder.sent("response_url")
        assert call.body["replace_original"] is False
    else:
        bot.event(
            {
                "type": "app_home_opened",
                "user": USER,
                "tab": "home",
                "event_ts": "1700000000.000100",
            }
        )
        [call] = recorder.sent("views.publish")
        assert (call.body["user_id"], call.body["view"]["type"]) == (USER, "home")
        call.body["text"] = call.body["view"]["blocks"][0]["text"]["text"]
    assert SORRY.match(call.body["text"])
    assert "internal" not in json.dumps(call.body)


class NoStore:
    """The real engine, but a store without the bot's tables: every claim fails."""

    def __init__(self, engine) -> None:
        self.engine, self.sql_engine = engine, make_engine("sqlite://")

    def answer(self, *args, **kwargs) -> Answer:
        return self.engine.answer(*args, **kwargs)


def test_store_failure_before_the_listener_still_answers(recorder, bot_engine):
    bot = Harness(recorder, NoStore(bot_engine))
    response = bot.event(mention_event(ts="1700000000.000100"))
    assert response.status == 200
    [call] = recorder.sent()
    assert call.body["thread_ts"] == "1700000000.000100" and SORRY.match(call.body["text"])
    bot.dm("Birmingham 2007", subtype="message_changed")  # an edit: never answered, even so
    assert len(recorder.sent()) == 1


def test_failure_in_production_mode_still_answers_after_the_ack(recorder, bot_engine):
    bot = Harness(recorder, BrokenEngine(bot_engine, RuntimeError("boom")), production=True)
    assert bot.command("Birmingham 2007").status == 200
    [call] = recorder.wait_for("response_url")
    assert SORRY.match(call.body["text"])


def test_a_letters_error_is_told_in_its_own_one_line_words(recorder, bot_engine):
    bot = Harness(recorder, BrokenEngine(bot_engine, StoreBusyError("the store is busy")))
    bot.command("Birmingham 2007")
    [call] = recorder.sent("response_url")
    assert re.match(r"^Sorry — the store is busy \(ref [0-9a-f]{6}\)$", call.body["text"])


def test_a_long_letters_error_is_cut_to_one_line_of_200_characters(recorder, bot_engine):
    from bot.errors import MAX_DETAIL

    words = "x" * (MAX_DETAIL - 1) + "YZ"  # Y is the last character shown, Z the first cut
    bot = Harness(recorder, BrokenEngine(bot_engine, StoreBusyError(words + "\nsecond line")))
    bot.command("Birmingham 2007")
    [call] = recorder.sent("response_url")
    assert call.body["text"].startswith(f"Sorry — {'x' * (MAX_DETAIL - 1)}Y (ref ")


# --- tokens are never logged -----------------------------------------------------------------


def test_tokens_never_reach_the_logs(bot, caplog):
    with caplog.at_level(logging.DEBUG):
        bot.event(mention_event())
        bot.command("Birmingham 2007")
    assert len(bot.recorder.sent()) == 2
    assert caplog.records  # slack_sdk and Bolt did log at DEBUG
    assert BOT_TOKEN not in caplog.text and SIGNING_SECRET not in caplog.text


def test_redact_tokens_masks_tokens_in_messages_and_arguments():
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "token %s and %s", (BOT_TOKEN, "xapp-1-A0APP-123-abc"), None
    )
    RedactTokens().filter(record)
    assert record.getMessage() == "token xoxb-(redacted) and xapp-(redacted)"


def test_settings_repr_hides_secrets(bot):
    assert BOT_TOKEN not in repr(bot.settings) and SIGNING_SECRET not in repr(bot.settings)


def test_letter_text_cannot_ping_anyone(bot):
    bot.dm("<!channel> <!here> <@U0SOMEONE> @everyone privately fostered children")
    body = shown_text(bot.recorder.sent()[0].body)
    for ping in ("<!channel>", "<!here>", "<@U0SOMEONE>", "@everyone", "@channel", "@here"):
        assert ping not in body
    assert blocks.escape("<!here>") == "&lt;!here&gt;"
