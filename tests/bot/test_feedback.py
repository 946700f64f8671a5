"""👍/👎: stored with the question, the answer kind and the cited letters; one vote per person
per answer, changeable; acknowledged to the voter alone, the shared message left as it is."""

from bot import blocks
from store import botstate
from tests.bot.conftest import (
    BOT_ID,
    CHANNEL,
    TEAM,
    USER,
    click_payload,
    find_button,
    vote_button,
)

THREAD_ANSWER_TS = "1700000000.000200"


def thread_answer(bot) -> tuple[dict, dict]:
    bot.mention("what was Birmingham's staying safe grade in 2007?", ts="1700000000.000100")
    posted = bot.recorder.sent()[0].body
    message = {
        "type": "message",
        "ts": THREAD_ANSWER_TS,
        "thread_ts": "1700000000.000100",
        "text": posted["text"],
        "blocks": posted["blocks"],
        "bot_id": BOT_ID,
    }
    return posted, message


def test_a_vote_on_a_channel_answer_is_stored_and_thanked_privately(bot):
    posted, message = thread_answer(bot)
    bot.click(vote_button(posted["blocks"], "up"), message=message)

    [row] = botstate.feedback_rows(bot.engine.sql_engine)
    assert (row.user, row.channel, row.vote, row.answer_kind, row.letters) == (
        USER,
        CHANNEL,
        "up",
        "grade",
        "Birmingham APA 2007",
    )
    assert row.question == "what was Birmingham's staying safe grade in 2007?"
    assert row.answer == f"{TEAM}:{CHANNEL}:{THREAD_ANSWER_TS}"
    assert row.team == TEAM
    [thanks] = bot.recorder.sent()[1:]
    assert thanks.method == "response_url"
    text = "👍 Thanks for the feedback — it has been recorded. Press 👎 to change it."
    assert thanks.body == {
        "response_type": "ephemeral",
        "replace_original": False,  # the message everyone sees keeps its answer and buttons
        "text": text,
        "blocks": [
            {"type": "context", "elements": [{"type": "mrkdwn", "text": text, "verbatim": True}]}
        ],
    }


def test_a_second_vote_by_the_same_person_changes_the_first(bot):
    posted, message = thread_answer(bot)
    bot.click(vote_button(posted["blocks"], "up"), message=message)
    bot.click(vote_button(posted["blocks"], "down"), message=message)
    [row] = botstate.feedback_rows(bot.engine.sql_engine)
    assert (row.user, row.vote) == (USER, "down")
    changed = bot.recorder.sent()[-1]
    assert changed.body["text"] == "👎 Thanks — your vote is changed to 👎. Press 👍 to change it."
    assert changed.body["replace_original"] is False


def test_another_person_s_vote_and_a_vote_on_another_answer_are_their_own(bot):
    posted, message = thread_answer(bot)
    up = vote_button(posted["blocks"], "up")
    bot.click(up, message=message)
    other = click_payload(up, bot.recorder.response_url("click"), user="U0SOMEONE2")
    other["channel"] = {"id": CHANNEL, "name": "general"}
    other["container"] = {"type": "message", "message_ts": THREAD_ANSWER_TS, "is_ephemeral": False}
    other["message"] = message
    bot.dispatch_action(other)
    bot.click(up, message={**message, "ts": "1700000000.000900"})
    rows = botstate.feedback_rows(bot.engine.sql_engine)
    assert sorted((r.user, r.answer) for r in rows) == [
        ("U0PERSON1", f"{TEAM}:{CHANNEL}:1700000000.000200"),
        ("U0PERSON1", f"{TEAM}:{CHANNEL}:1700000000.000900"),
        ("U0SOMEONE2", f"{TEAM}:{CHANNEL}:1700000000.000200"),
    ]


def test_a_vote_on_a_private_answer_shows_it_again_with_the_vote_and_both_buttons(bot):
    bot.command("Birmingham 2011")
    private = bot.recorder.sent()[0].body
    bot.click(vote_button(private["blocks"], "down"))  # ephemeral: no message sent
    [row] = botstate.feedback_rows(bot.engine.sql_engine)
    assert (row.vote, row.answer_kind, row.letters, row.question) == (
        "down",
        "grade",  # one council, one year, a CSA letter: its overall rating
        "Birmingham CSA 2011",
        "Birmingham 2011",
    )
    update = bot.recorder.sent()[1]
    assert update.body == {
        "replace_original": True,
        "text": private["text"],
        "blocks": blocks.thanks(private["blocks"], "down"),
    }
    assert vote_button(update.body["blocks"], "up")  # the vote can still be changed
    done = [b for b in update.body["blocks"] if b.get("block_id") == "feedback_done"]
    assert done[0]["elements"][0]["text"].startswith("👎 Thanks for the feedback")
    # A second vote on it notes the change, once.
    bot.click(vote_button(update.body["blocks"], "up"))
    again = bot.recorder.sent()[2].body["blocks"]
    done = [b for b in again if b.get("block_id") == "feedback_done"]
    assert len(done) == 1 and "changed to 👍" in done[0]["elements"][0]["text"]
    [row] = botstate.feedback_rows(bot.engine.sql_engine)
    assert row.vote == "up"


def test_answers_carry_slacks_own_feedback_buttons_read_aloud_as_what_they_mean(bot):
    posted, _ = thread_answer(bot)
    feedback = posted["blocks"][-1]
    assert (feedback["type"], feedback["block_id"]) == ("context_actions", "feedback")
    [element] = feedback["elements"]
    assert (element["type"], element["action_id"]) == ("feedback_buttons", "feedback")
    up, down = element["positive_button"], element["negative_button"]
    assert (up["text"]["text"], down["text"]["text"]) == ("👍", "👎")
    assert up["accessibility_label"] == "This answer was useful"
    assert down["accessibility_label"] == "This answer was not useful"
    assert blocks.decode_value(up["value"])["v"] == "up"
    assert blocks.decode_value(down["value"])["v"] == "down"


def test_where_feedback_buttons_are_refused_plain_buttons_record_the_same_votes(bot):
    """A surface or an older client that refuses them gets two plain buttons; a message posted
    before them has those too."""
    posted, message = thread_answer(bot)
    plain = blocks.plainer(posted)
    assert plain["blocks"][-1]["type"] == "actions"
    assert [b for b in plain["blocks"] if b.get("block_id") != "feedback"] == [
        b for b in posted["blocks"] if b.get("block_id") != "feedback"
    ]
    bot.click(find_button(plain["blocks"], "feedback_down"), message=message)
    assert [r.vote for r in botstate.feedback_rows(bot.engine.sql_engine)] == ["down"]
    bot.click(find_button(plain["blocks"], "feedback_up"), message=message)
    [row] = botstate.feedback_rows(bot.engine.sql_engine)
    assert (row.vote, row.question) == ("up", "what was Birmingham's staying safe grade in 2007?")


def test_a_client_that_refuses_feedback_buttons_gets_the_answer_with_plain_ones(bot):
    bot.recorder.refuse_feedback_buttons = True
    bot.mention("what was Birmingham's staying safe grade in 2007?", ts="1700000000.000100")
    refused, listed = bot.recorder.sent("chat.postMessage")
    assert refused.body["blocks"][-1]["type"] == "context_actions"
    [answer] = bot.recorder.posted()
    assert answer is listed and "*Grade 2 (adequate)*" in answer.body["blocks"][1]["text"]["text"]
    assert find_button(answer.body["blocks"], "feedback_up")["value"]
