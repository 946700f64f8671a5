"""👍/👎: stored with the question, the answer kind and the cited letters; buttons thanked away."""

from bot import blocks
from store import botstate
from tests.bot.conftest import BOT_ID, CHANNEL, USER, find_button


def test_thumbs_up_on_a_thread_answer_is_stored_and_replaced_by_thanks(bot):
    bot.mention("what was Birmingham's staying safe grade in 2007?", ts="1700000000.000100")
    posted = bot.recorder.sent()[0].body
    message = {
        "type": "message",
        "ts": "1700000000.000200",
        "thread_ts": "1700000000.000100",
        "text": posted["text"],
        "blocks": posted["blocks"],
        "bot_id": BOT_ID,
    }
    bot.click(find_button(posted["blocks"], "feedback_up"), message=message)

    [row] = botstate.feedback_rows(bot.engine.sql_engine)
    assert (row.user, row.channel, row.vote, row.answer_kind, row.letters) == (
        USER,
        CHANNEL,
        "up",
        "grade",
        "Birmingham APA 2007",
    )
    assert row.question == "what was Birmingham's staying safe grade in 2007?"
    [update] = bot.recorder.sent()[1:]
    assert update.method == "response_url"
    assert update.body == {
        "replace_original": True,
        "text": posted["text"],
        "blocks": blocks.thanks(posted["blocks"], "up"),
    }
    assert update.body["blocks"][:-1] == posted["blocks"][:-1]  # the answer itself is kept
    assert update.body["blocks"][-1] == {
        "type": "context",
        "block_id": "feedback_done",
        "elements": [
            {
                "type": "mrkdwn",
                "verbatim": True,
                "text": "👍 Thanks for the feedback — it has been recorded.",
            }
        ],
    }


def test_thumbs_down_on_a_private_grade_answer_renders_it_again_with_thanks(bot):
    bot.command("Birmingham 2011")
    private = bot.recorder.sent()[0].body
    bot.click(find_button(private["blocks"], "feedback_down"))  # ephemeral: no message sent
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
    assert "feedback_down" not in str(update.body)
