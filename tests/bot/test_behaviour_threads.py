"""Thread context as the people in a thread, and the operator reading the bot's log, see it:
a thread with nothing (or nothing readable) kept is answered afresh, and only the unreadable
case is reported."""

import logging

import pytest

from bot import blocks
from store import botstate
from tests.bot.conftest import CHANNEL, TEAM


@pytest.fixture
def log(caplog):
    caplog.set_level(logging.INFO, "letters.bot")
    return caplog


def test_a_mention_in_a_thread_the_bot_has_no_context_for_is_answered_without_a_warning(bot, log):
    bot.mention("and in 2011?", ts="1700000000.000900", thread_ts="1700000000.000800")
    [call] = bot.recorder.sent("chat.postMessage")
    assert call.body == {
        "channel": CHANNEL,
        "thread_ts": "1700000000.000800",
        "team_id": TEAM,
        **blocks.to_blocks(bot.engine.answer("and in 2011?")),
    }
    assert [r for r in log.records if r.levelno >= logging.WARNING] == []


@pytest.mark.parametrize("stored", ["not json", '{"years": 2007}'])
def test_an_unreadable_thread_context_is_ignored_and_the_log_names_the_thread(bot, log, stored):
    thread = f"{TEAM}:{CHANNEL}:1700000000.000100"
    botstate.save_thread_context(bot.engine.sql_engine, thread, stored)
    bot.mention("and in 2011?", ts="1700000000.000200", thread_ts="1700000000.000100")
    [call] = bot.recorder.sent("chat.postMessage")
    assert call.body["blocks"] == blocks.to_blocks(bot.engine.answer("and in 2011?"))["blocks"]
    warnings = [r for r in log.records if r.levelno == logging.WARNING]
    assert [r.getMessage() for r in warnings] == [f"unreadable context for thread {thread} ignored"]
