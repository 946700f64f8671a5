"""Buttons as the person pressing them sees the result: where the next page of More results
goes, what a share says, what a vote stores and how it is thanked.

Button values are untrusted (``bot.listeners.actions``: a click can only ask a question), so
some tests press buttons whose values the bot would never render, and check what comes back.
"""

import json

from bot import blocks
from retrieval.answer import Context
from store import botstate
from tests.bot.conftest import (
    BOT_ID,
    CHANNEL,
    DM,
    TEAM,
    USER,
    click_payload,
    find_button,
    vote_button,
)

PRIVATE = {"type": "message", "message_ts": "1700000000.000500", "is_ephemeral": True}
HELP_OPENING = "I answer questions about Ofsted's letters"
EMPTY = {"type": "message", "ts": "1700000000.000700", "text": "", "blocks": [], "bot_id": BOT_ID}


def press(bot, button: dict, *, container: dict, message=None, channel=CHANNEL, user=USER):
    """A click shaped as Slack sends it, with the parts a ``Harness.click`` fixes left open:
    ``channel`` None leaves the channel out, ``message`` is sent whatever the container says."""
    payload = click_payload(button, bot.recorder.response_url("click"), user)
    payload["container"] = container
    if channel is not None:
        payload["channel"] = {"id": channel, "name": "general"}
    if message is not None:
        payload["message"] = message
    return bot.dispatch_action(payload)


def made_button(action_id: str, value) -> dict:
    """A button carrying ``value`` as it is (a dict is encoded as the bot encodes values)."""
    text = value if isinstance(value, str) else json.dumps(value)
    return {"action_id": action_id, "text": {"type": "plain_text", "text": "x"}, "value": text}


def copy_of(posted: dict, ts: str, **fields) -> dict:
    """The copy of a posted message Slack puts in a click's payload."""
    return {
        "type": "message",
        "ts": ts,
        "text": posted["text"],
        "blocks": posted["blocks"],
        "bot_id": BOT_ID,
        **fields,
    }


def citations(message_blocks: list[dict]) -> list[str]:
    return [
        b["elements"][0]["text"]
        for b in message_blocks
        if b["type"] == "context" and " letter · " in b["elements"][0]["text"]
    ]


# -- More results ------------------------------------------------------------------------------


def test_more_results_in_a_thread_posts_the_next_page_in_that_thread_on_the_threads_letter(bot):
    bot.mention("Birmingham 2007 grades", ts="1700000000.000100")
    bot.mention(
        "privately fostered children", ts="1700000000.000200", thread_ts="1700000000.000100"
    )
    reply = bot.recorder.sent("chat.postMessage")[1].body
    assert all("Birmingham APA 2007 letter" in c for c in citations(reply["blocks"]))
    message = copy_of(reply, "1800000000.000002", thread_ts="1700000000.000100")

    bot.click(find_button(reply["blocks"], "more"), message=message)

    page = bot.recorder.sent("chat.postMessage")[2]
    thread = bot.engine.answer("Birmingham 2007 grades").context
    follow_up = bot.engine.answer("privately fostered children", context=thread)
    expected = bot.engine.answer(
        "privately fostered children", mode="search", context=follow_up.context, offset=5
    )
    assert page.body == {
        "channel": CHANNEL,
        "thread_ts": "1700000000.000100",
        "team_id": TEAM,
        **blocks.to_blocks(expected),
    }
    shown = citations(page.body["blocks"])
    assert shown[0].endswith(" · #6")
    # The thread asked about Birmingham in 2007: the next page stays on that letter.
    assert shown and all("Birmingham APA 2007 letter" in c for c in shown)


def test_more_results_on_a_private_slash_grade_answer_arrive_privately_as_a_new_message(bot):
    bot.command("privately fostered children")
    private = bot.recorder.sent()[0].body
    bot.click(find_button(private["blocks"], "more"))  # ephemeral: Slack sends no copy

    [page] = bot.recorder.sent()[1:]
    first = bot.engine.answer("privately fostered children")
    expected = bot.engine.answer(
        "privately fostered children", mode="search", context=first.context, offset=5
    )
    assert page.method == "response_url"
    assert page.url == "/respond/T0000001/click/secret"
    assert page.body == {
        "response_type": "ephemeral",
        "replace_original": False,
        **blocks.to_blocks(expected),
    }
    assert citations(page.body["blocks"])[0].endswith(" · #6")
    assert bot.recorder.sent("chat.postMessage") == []


def test_more_results_on_a_private_answer_stay_private_even_with_a_copy_of_the_message(bot):
    bot.command("privately fostered children")
    private = bot.recorder.sent()[0].body
    press(
        bot,
        find_button(private["blocks"], "more"),
        container={**PRIVATE, "channel_id": CHANNEL},
        message=copy_of(private, "1700000000.000500"),
    )
    [page] = bot.recorder.sent()[1:]
    assert page.method == "response_url"
    assert page.body["response_type"] == "ephemeral"
    assert bot.recorder.sent("chat.postMessage") == []  # nothing is posted in the channel


def test_more_results_without_an_offset_start_from_the_first_passage(bot):
    context = bot.engine.answer("privately fostered children").context.to_dict()
    question = "privately fostered children"
    for value in ({"q": question, "c": context}, {"q": question, "c": context, "o": -3}):
        before = len(bot.recorder.sent())
        bot.click(made_button("more", value), message=EMPTY, channel=DM)
        [page] = bot.recorder.sent()[before:]
        assert citations(page.body["blocks"])[0].endswith(" · #1")
        assert (
            page.body["blocks"]
            == blocks.to_blocks(
                bot.engine.answer(question, mode="search", context=Context.from_dict(context))
            )["blocks"]
        )


def test_more_results_only_ever_page_passages_even_for_a_grade_question(bot):
    value = {"q": "Birmingham 2007 grades", "o": 0}
    bot.click(made_button("more", value), message=EMPTY, channel=DM)
    [page] = bot.recorder.sent("chat.postMessage")
    assert page.body["text"].startswith(
        "Passages in Birmingham 2007 that best match 'grades', ranked by BM25."
    )
    grades = bot.engine.answer("Birmingham 2007 grades")  # what the words alone would get
    assert grades.message not in json.dumps(page.body)


def test_more_results_whose_value_holds_no_question_show_the_help(bot):
    context = bot.engine.answer("privately fostered children").context.to_dict()
    bot.click(made_button("more", {"c": context, "o": 5}), message=EMPTY, channel=DM)
    [page] = bot.recorder.sent("chat.postMessage")
    assert page.body["text"].startswith(HELP_OPENING)
    assert page.body["blocks"] == blocks.to_blocks(bot.engine.answer(""))["blocks"]


# -- Share in channel --------------------------------------------------------------------------


def test_share_whose_value_cannot_be_read_shares_the_help_not_an_answer_to_other_words(bot):
    for value in ("not json", "{}"):
        before = len(bot.recorder.sent())
        bot.click(made_button("share", value))
        shared, delete = bot.recorder.sent()[before:]
        assert shared.body["response_type"] == "in_channel"
        assert shared.body["text"].startswith(HELP_OPENING)
        assert shared.body["blocks"][1:] == blocks.to_blocks(bot.engine.answer(""))["blocks"]
        assert delete.body == {"delete_original": True}


def test_share_by_an_id_that_is_not_a_slack_user_says_someone_and_pings_nobody(bot):
    bot.command("Birmingham 2011")
    private = bot.recorder.sent()[0].body
    press(bot, find_button(private["blocks"], "share"), container=PRIVATE, user="U0X> <!channel")
    shared = bot.recorder.sent()[1]
    assert shared.body["blocks"][0]["elements"][0]["text"] == "Shared by someone with /grade"
    assert "<!channel" not in json.dumps(shared.body) and "<@" not in json.dumps(shared.body)


# -- 👍/👎 -------------------------------------------------------------------------------------


def test_thumbs_down_is_thanked_with_a_thumbs_down(bot):
    bot.mention("what was Birmingham's staying safe grade in 2007?", ts="1700000000.000100")
    posted = bot.recorder.sent()[0].body
    message = copy_of(posted, "1700000000.000200", thread_ts="1700000000.000100")
    bot.click(vote_button(posted["blocks"], "down"), message=message)
    update = bot.recorder.sent()[1]
    assert update.body["response_type"] == "ephemeral"
    assert update.body["text"] == (
        "👎 Thanks for the feedback — it has been recorded. Press 👍 to change it."
    )
    [row] = botstate.feedback_rows(bot.engine.sql_engine)
    assert row.vote == "down"


def test_a_vote_whose_value_cannot_be_read_is_stored_with_no_question_kind_or_letters(bot):
    bot.dm("privately fostered children")
    posted = bot.recorder.sent()[0].body
    message = copy_of(posted, "1700000000.000700")
    bot.click(made_button("feedback_up", "not json"), message=message, channel=DM)
    [row] = botstate.feedback_rows(bot.engine.sql_engine)
    assert (row.user, row.channel, row.vote) == (USER, DM, "up")
    assert (row.question, row.answer_kind, row.letters) == ("", "", "")


def test_a_vote_arriving_without_a_channel_is_stored_with_an_empty_channel(bot):
    bot.command("Birmingham 2011")
    private = bot.recorder.sent()[0].body
    press(bot, vote_button(private["blocks"], "up"), container=PRIVATE, channel=None)
    [row] = botstate.feedback_rows(bot.engine.sql_engine)
    assert (row.user, row.channel, row.question, row.vote) == (USER, "", "Birmingham 2011", "up")
    update = bot.recorder.sent()[1]
    assert update.body["replace_original"] is True
    assert "Thanks for the feedback" in json.dumps(update.body, ensure_ascii=False)


def test_a_vote_on_a_direct_message_answer_leaves_the_answer_as_it_is(bot):
    bot.dm("privately fostered children")
    posted = bot.recorder.sent()[0].body
    message = copy_of(posted, "1700000000.000700")
    del message["text"]
    bot.click(vote_button(posted["blocks"], "up"), message=message, channel=DM)
    update = bot.recorder.sent()[1]
    assert update.body["replace_original"] is False
    assert update.body["text"].startswith("👍 Thanks for the feedback")
    assert not any(c.body.get("replace_original") for c in bot.recorder.sent())
