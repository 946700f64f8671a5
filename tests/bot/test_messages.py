"""Direct messages: passage search with citations and More results; grades for grade questions."""

import json

import pytest

from bot import blocks
from tests.bot.conftest import BOT_ID, BOT_USER, DM, TEAM, USER, find_button


def test_dm_search_posts_passages_with_citations_and_more_results(bot):
    bot.dm("privately fostered children")
    [call] = bot.recorder.sent()
    answer = bot.engine.answer("privately fostered children")
    assert answer.kind == "passages" and answer.more
    assert call.method == "chat.postMessage"
    assert call.body == {"channel": DM, "team_id": TEAM, **blocks.to_blocks(answer)}
    quotes = [b for b in call.body["blocks"] if b.get("text", {}).get("text", "").startswith(">")]
    assert len(quotes) == 5
    assert call.body["blocks"][2]["elements"][0]["text"].endswith(" · #1")
    assert find_button(call.body["blocks"], "more")["text"]["text"] == "More results"


def test_more_results_posts_the_next_passages(bot):
    bot.dm("privately fostered children")
    first = bot.recorder.sent()[0].body
    message = {
        "type": "message",
        "ts": "1700000000.000700",
        "text": first["text"],
        "blocks": first["blocks"],
        "bot_id": BOT_ID,
    }
    bot.click(find_button(first["blocks"], "more"), message=message, channel=DM)
    second = bot.recorder.sent()[1]
    first_answer = bot.engine.answer("privately fostered children")
    expected = bot.engine.answer(
        "privately fostered children", mode="search", context=first_answer.context, offset=5
    )
    assert second.method == "chat.postMessage"
    assert second.body == {"channel": DM, "team_id": TEAM, **blocks.to_blocks(expected)}
    assert second.body["blocks"][2]["elements"][0]["text"].endswith(" · #6")
    assert expected.passages[0].passage_id not in {p.passage_id for p in first_answer.passages}


def test_dm_grade_question_gets_the_grade(bot):
    bot.dm("what was Birmingham's staying safe grade in 2007?")
    [call] = bot.recorder.sent()
    assert "*Grade 2 (adequate)*" in call.body["blocks"][1]["text"]["text"]


def test_dm_in_a_thread_is_answered_in_the_thread(bot):
    bot.dm("privately fostered children", thread_ts="1700000000.000001")
    assert bot.recorder.sent()[0].body["thread_ts"] == "1700000000.000001"


@pytest.mark.parametrize(
    "fields",
    [
        {"subtype": "message_changed", "message": {"text": "Birmingham 2007"}},
        {"subtype": "message_deleted", "previous_message": {"text": "Birmingham 2007"}},
        {"subtype": "channel_join"},
        {"subtype": "bot_message", "bot_id": "B0OTHER01"},
        {"bot_id": "B0OTHER01", "app_id": "A0OTHER01"},
        {"user": BOT_USER, "bot_id": BOT_ID},
        {"channel_type": "channel", "channel": "C0ELSEWHERE"},
    ],
    ids=["edit", "deletion", "join", "bot-message", "other-bot", "self", "not-a-dm"],
)
def test_dm_events_that_are_not_a_person_asking_are_ignored(bot, fields):
    response = bot.dm("Birmingham 2007", **fields)
    assert response.status == 200
    assert bot.recorder.sent() == []


def test_dm_text_is_unescaped_before_the_engine_sees_it(bot):
    bot.dm("Birmingham &amp; 2007 grades")
    body = bot.recorder.sent()[0].body
    assert body == {
        "channel": DM,
        "team_id": TEAM,
        **blocks.to_blocks(bot.engine.answer("Birmingham & 2007 grades")),
    }
    assert f"<@{USER}>" not in json.dumps(body)  # the asker is never echoed as a mention
