"""Clarify and "did you mean" choices are buttons: pressing one answers that reading in place of
the message that asked, privately where it was private."""

from bot import blocks
from tests.bot.conftest import BOT_ID, find_button

TYPO = "Virmingham staying safe 2007"


def buttons(message: dict) -> list[dict]:
    [block] = [b for b in message["blocks"] if b.get("block_id") == "choices"]
    return block["elements"]


def test_a_did_you_mean_offers_each_name_as_a_button_asking_the_question_again(bot):
    bot.mention(TYPO, ts="1700000000.000100")
    reply = bot.recorder.sent("chat.postMessage")[0].body
    labels = [b["text"]["text"] for b in buttons(reply)]
    assert labels[0] == "Birmingham" and len(labels) <= 5
    asked = [blocks.decode_value(b["value"])["q"] for b in buttons(reply)]
    assert asked[0] == "Birmingham staying safe 2007"


def test_pressing_a_choice_in_a_thread_answers_it_in_place_and_the_thread_follows_it(bot):
    bot.mention(TYPO, ts="1700000000.000100")
    reply = bot.recorder.sent("chat.postMessage")[0].body
    message = {
        "type": "message",
        "ts": "1700000000.000200",
        "thread_ts": "1700000000.000100",
        "text": reply["text"],
        "blocks": reply["blocks"],
        "bot_id": BOT_ID,
    }
    bot.click(find_button(reply["blocks"], "choose_0"), message=message)
    [update] = bot.recorder.sent("response_url")
    expected = blocks.to_blocks(bot.engine.answer("Birmingham staying safe 2007"))
    assert update.body == {"replace_original": True, **expected}
    assert "Grade 2 (adequate)" in update.body["text"]
    # A follow-up in the thread now reads as Birmingham's.
    bot.mention("and being healthy?", ts="1700000000.000300", thread_ts="1700000000.000100")
    follow = bot.recorder.sent("chat.postMessage")[-1].body
    assert follow["text"].startswith("Birmingham's Being healthy grade")


def test_pressing_a_choice_on_a_private_answer_keeps_it_private(bot):
    bot.command("sussex 2007")
    private = bot.recorder.sent()[0].body
    assert [b["text"]["text"] for b in buttons(private)] == ["East Sussex", "West Sussex"]
    bot.click(find_button(private["blocks"], "choose_1"))  # ephemeral
    update = bot.recorder.sent()[1]
    answer = bot.engine.answer("West Sussex 2007")
    assert update.body == {
        "replace_original": True,
        **blocks.for_command(answer, "/grade", "West Sussex 2007"),
    }
    assert "West Sussex" in update.body["text"]


def test_a_choice_whose_value_cannot_be_read_shows_the_help(bot):
    from tests.bot.test_behaviour_actions import made_button

    bot.command("sussex 2007")
    bot.click(made_button("choose_0", "not json"))
    update = bot.recorder.sent()[1]
    assert blocks.fallback(bot.engine.answer(""))[:40] in update.body["text"]
    assert update.body["replace_original"] is True


def test_app_home_examples_are_buttons_answered_in_a_direct_message(bot):
    from tests.bot.conftest import USER, click_payload

    view = blocks.home_view(bot.engine.coverage())
    examples = buttons(view)
    asked = [blocks.decode_value(b["value"])["q"] for b in examples]
    assert asked[0] == "What was Birmingham's staying safe grade in 2007?"
    press = click_payload(examples[0], "")
    del press["response_url"]  # Home has none: the view is the user's own
    press["container"] = {"type": "view", "view_id": "V0HOME01"}
    press["view"] = {"id": "V0HOME01", "type": "home", "blocks": view["blocks"]}
    bot.dispatch_action(press)
    [dm] = bot.recorder.sent("chat.postMessage")
    assert dm.body["channel"] == USER
    assert dm.body["blocks"] == blocks.to_blocks(bot.engine.answer(asked[0]))["blocks"]
    assert "Grade 2 (adequate)" in dm.body["text"]
