"""``/grade``: acked at once, answered privately through response_url, shareable."""

import json
import threading
import time

from bot import blocks
from tests.bot.conftest import USER, Harness, find_button


def test_grade_is_acked_empty_then_answered_privately_restating_the_query(bot):
    response = bot.command("Birmingham staying safe 2007")
    assert (response.status, response.body) == (200, "")
    [call] = bot.recorder.sent()
    answer = bot.engine.answer("Birmingham staying safe 2007", mode="auto")
    assert call.method == "response_url"
    assert call.url == "/respond/T0000001/cmd/secret"
    assert call.body == {
        "response_type": "ephemeral",
        **blocks.for_command(answer, "/grade", "Birmingham staying safe 2007"),
    }
    head = call.body["blocks"][0]["elements"][0]["text"]
    assert head == (
        "You asked `/grade Birmingham staying safe 2007` — only you can see this answer."
    )
    assert "*Grade 2 (adequate)*" in call.body["blocks"][2]["text"]["text"]
    assert find_button(call.body["blocks"], "share")["text"]["text"] == "Share in channel"


def test_grade_alone_or_help_gives_usage_in_the_ack(bot):
    for text in ("", "help", "  HELP "):
        response = bot.command(text)
        body = json.loads(response.body)
        assert body["response_type"] == "ephemeral"
        assert body["text"].startswith("Usage: /grade COUNCIL [AREA] [YEAR]")
        assert "`/grade Birmingham staying safe 2007`" in body["blocks"][1]["text"]["text"]
    assert bot.recorder.sent() == []


def test_grade_over_socket_mode_acks_the_envelope_then_answers(bot, socket_mode):
    form = {
        "command": "/grade",
        "text": "Birmingham 2011",
        "user_id": USER,
        "channel_id": "C0CHANNEL1",
        "team_id": "T0000001",
        "trigger_id": "1.2.3",
        "response_url": bot.recorder.response_url("sm"),
    }
    socket_mode.deliver("slash_commands", "env-1", form)
    socket_mode.deliver("slash_commands", "env-2", {**form, "text": "help"})
    first, usage = socket_mode.acks
    assert (first.envelope_id, first.payload) == ("env-1", None)
    assert usage.payload["text"].startswith("Usage: /grade")
    [call] = bot.recorder.sent()
    assert call.url == "/respond/T0000001/sm/secret"
    assert "Performs poorly (1)" in call.body["text"]


def test_share_posts_the_same_answer_visibly_then_removes_the_private_one(bot):
    bot.command("Birmingham 2011")
    private = bot.recorder.sent()[0].body
    bot.click(find_button(private["blocks"], "share"))  # ephemeral: Slack sends no message
    shared, delete = bot.recorder.sent()[1:]
    answer = bot.engine.answer("Birmingham 2011", mode="auto")
    assert shared.method == delete.method == "response_url"
    assert shared.body == {
        "response_type": "in_channel",
        "replace_original": False,
        **blocks.shared(answer, USER),
    }
    assert shared.body["blocks"][0]["elements"][0]["text"] == f"Shared by <@{USER}> with /grade"
    assert "Performs poorly (1)" in blocks.fallback(answer)
    assert delete.body == {"delete_original": True}


def test_share_answers_again_rather_than_trusting_the_button(bot):
    forged = {
        "action_id": "share",
        "text": {"type": "plain_text", "text": "Share"},
        "value": json.dumps(
            {"q": "Birmingham 2011", "text": "<!channel> forged", "blocks": [{"type": "section"}]}
        ),
    }
    bot.click(forged)
    shared = bot.recorder.sent()[0]
    assert "forged" not in json.dumps(shared.body)
    assert (
        shared.body["blocks"][1:]
        == blocks.to_blocks(bot.engine.answer("Birmingham 2011"))["blocks"]
    )


class SlowEngine:
    """The real engine, held at a gate: the ack must not wait for it."""

    def __init__(self, engine) -> None:
        self.engine, self.gate = engine, threading.Event()
        self.sql_engine = engine.sql_engine

    def answer(self, *args, **kwargs):
        assert self.gate.wait(10)
        return self.engine.answer(*args, **kwargs)


def test_grade_acks_before_the_answer_is_ready(recorder, bot_engine):
    slow = SlowEngine(bot_engine)
    bot = Harness(recorder, slow, production=True)  # ack first, answer in a worker
    started = time.monotonic()
    response = bot.command("Birmingham 2007")
    assert (response.status, response.body) == (200, "")
    assert time.monotonic() - started < 1.0
    assert recorder.sent() == []
    slow.gate.set()
    [call] = recorder.wait_for("response_url")
    assert call.body["response_type"] == "ephemeral"
