"""Never silent: a failed response_url post is retried, then sent as an ephemeral message;
Share keeps the private copy until the channel has the answer; whatever cannot reach the user
is logged under a reference."""

import logging
import re

from tests.bot.conftest import CHANNEL, USER, find_button

GRADE = "Birmingham 2011"


def test_a_response_url_server_error_is_retried_and_the_answer_arrives(bot, sleeps):
    bot.recorder.fail_next("response_url", "500")
    bot.command(GRADE)
    tries = bot.recorder.sent("response_url")
    assert [c.status for c in tries] == [500, 200]
    assert "Performs poorly (1)" in tries[-1].body["text"]
    assert bot.recorder.sent("chat.postEphemeral") == []


def test_a_response_url_that_keeps_failing_falls_back_to_an_ephemeral_message(bot, sleeps):
    bot.recorder.fail_next("response_url", "500", "500", "500")
    bot.command(GRADE)
    assert [c.status for c in bot.recorder.sent("response_url")] == [500, 500, 500]
    [ephemeral] = bot.recorder.sent("chat.postEphemeral")
    assert (ephemeral.body["channel"], ephemeral.body["user"]) == (CHANNEL, USER)
    assert "Performs poorly (1)" in ephemeral.body["text"]
    assert find_button(ephemeral.body["blocks"], "share")  # the same answer, still shareable
    assert "response_type" not in ephemeral.body  # what only a response_url understands


def test_an_answer_that_reaches_no_one_is_logged_with_a_reference(bot, sleeps, caplog):
    bot.recorder.fail_next("response_url", "500", "500", "500")
    bot.recorder.fail_next("chat.postEphemeral", "500", "500", "500")
    with caplog.at_level(logging.ERROR, logger="letters.bot"):
        bot.command(GRADE)
    [line] = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert re.fullmatch(r"could not deliver a /grade answer to the user \(ref [0-9a-f]{6}\)", line)


def test_share_keeps_the_private_copy_when_the_channel_post_fails(bot, sleeps):
    bot.command(GRADE)
    private = bot.recorder.sent()[0].body
    bot.recorder.fail_next("response_url", "500", "500", "500")
    bot.click(find_button(private["blocks"], "share"))
    after = bot.recorder.sent()[1:]
    assert all(c.body.get("delete_original") is not True for c in after)
    public = [c for c in after if c.body.get("response_type") == "in_channel"]
    assert public and all(c.status == 500 for c in public)
    # The apology reaches the user: the response_url is working again by then.
    [apology] = [c for c in after if c.status == 200]
    assert apology.body["response_type"] == "ephemeral"
    assert apology.body["replace_original"] is False
    assert re.search(
        r"could not be shared in the channel; your copy is kept.*ref [0-9a-f]{6}",
        apology.body["text"],
    )


def test_share_apologises_in_an_ephemeral_message_when_the_response_url_is_down(bot, sleeps):
    bot.command(GRADE)
    private = bot.recorder.sent()[0].body
    bot.recorder.fail_next("response_url", *["500"] * 6)
    bot.click(find_button(private["blocks"], "share"))
    [apology] = bot.recorder.sent("chat.postEphemeral")
    assert (apology.body["channel"], apology.body["user"]) == (CHANNEL, USER)
    assert "could not be shared in the channel" in apology.body["text"]
    assert not any(c.body.get("delete_original") for c in bot.recorder.sent("response_url"))


def test_more_results_in_private_fall_back_to_an_ephemeral_message(bot, sleeps):
    bot.command("privately fostered children")
    private = bot.recorder.sent()[0].body
    bot.recorder.fail_next("response_url", "500", "500", "500")
    bot.click(find_button(private["blocks"], "more"))
    [ephemeral] = bot.recorder.sent("chat.postEphemeral")
    assert ephemeral.body["user"] == USER
    assert ephemeral.body["text"].startswith("Passages that best match 'privately fostered")
