"""Mentions in a channel: answered in a thread; follow-ups resolve against the thread."""

from bot import blocks
from tests.bot.conftest import BOT_ID, BOT_USER, CHANNEL, TEAM, USER


def test_mention_answers_in_a_thread_under_the_question(bot):
    response = bot.mention(
        "what was Birmingham's staying safe grade in 2007?", ts="1700000000.000100"
    )
    assert response.status == 200
    [call] = bot.recorder.sent()
    expected = blocks.to_blocks(
        bot.engine.answer("what was Birmingham's staying safe grade in 2007?")
    )
    assert call.method == "chat.postMessage"
    assert call.body == {
        "channel": CHANNEL,
        "thread_ts": "1700000000.000100",
        "team_id": TEAM,
        **expected,
    }
    assert "*Grade 2 (adequate)*" in call.body["blocks"][1]["text"]["text"]
    assert call.body["blocks"][2]["text"]["text"].startswith(">The contribution")
    assert "Birmingham APA 2007 letter · 26 November 2007" in all_context(call.body["blocks"])


def test_mention_in_a_thread_replies_in_that_thread(bot):
    bot.mention("Birmingham 2011 grades", ts="1700000000.000300", thread_ts="1700000000.000200")
    [call] = bot.recorder.sent("chat.postMessage")
    assert call.body["thread_ts"] == "1700000000.000200"
    assert "Performs poorly (1)" in call.body["blocks"][1]["text"]["text"]


def test_follow_up_in_the_thread_takes_the_council_and_area_from_the_question_before(bot):
    bot.mention("what was Birmingham's overall grade in 2007?", ts="1700000000.000100")
    bot.mention("and in 2011?", ts="1700000000.000200", thread_ts="1700000000.000100")
    first, second = bot.recorder.sent("chat.postMessage")
    assert second.body["thread_ts"] == "1700000000.000100"
    assert second.body == {
        "channel": CHANNEL,
        "thread_ts": "1700000000.000100",
        "team_id": TEAM,
        **blocks.to_blocks(
            bot.engine.answer(
                "and in 2011?",
                context=bot.engine.answer("what was Birmingham's overall grade in 2007?").context,
            )
        ),
    }
    assert "Birmingham — Overall effectiveness, 2011" in second.body["blocks"][1]["text"]["text"]


def test_follow_up_about_another_area_keeps_the_year(bot):
    bot.mention("what was Birmingham's staying safe grade in 2007?", ts="1700000000.000100")
    bot.mention("what about being healthy?", ts="1700000000.000200", thread_ts="1700000000.000100")
    second = bot.recorder.sent("chat.postMessage")[1]
    assert "Birmingham — Being healthy, 2007" in second.body["blocks"][1]["text"]["text"]


def test_follow_up_in_another_thread_does_not_inherit(bot):
    bot.mention("what was Birmingham's overall grade in 2007?", ts="1700000000.000100")
    bot.mention("and in 2011?", ts="1700000000.000900", thread_ts="1700000000.000800")
    second = bot.recorder.sent("chat.postMessage")[1]
    fresh = blocks.to_blocks(bot.engine.answer("and in 2011?"))  # no context: all councils
    assert second.body["blocks"] == fresh["blocks"]
    assert second.body["thread_ts"] == "1700000000.000800"


def test_mentions_by_bots_edits_and_joins_are_ignored(bot):
    bot.mention("Birmingham 2007", user=BOT_USER)  # ourselves
    bot.mention("Birmingham 2007", bot_id="B0OTHER01")  # another bot
    bot.mention("Birmingham 2007", bot_id=BOT_ID)
    bot.mention("Birmingham 2007", edited={"user": USER, "ts": "1700000000.000500"})
    bot.mention("has joined the channel", subtype="channel_join")
    assert bot.recorder.sent() == []


def all_context(message_blocks: list[dict]) -> str:
    return "\n".join(
        e["text"] for b in message_blocks if b["type"] == "context" for e in b["elements"]
    )
