"""Never twice: a post whose connection drops or times out after Slack made it is not made
again, and no apology follows it; one Slack never got is made again, once. Each post carries a
mark in its metadata, by which the bot looks for it in the conversation before posting again."""

from urllib.error import URLError

import pytest
from slack_sdk.http_retry.request import HttpRequest

from bot.app import UnsentRetryHandler
from bot.payload import MARK_EVENT
from tests.bot.conftest import CHANNEL, DM
from tests.bot.test_rules import SORRY, mention_event

THREAD = "1700000000.000100"


def marks(calls) -> list[str]:
    return [c.metadata["event_payload"]["mark"] for c in calls]


def test_every_post_carries_its_own_mark(bot):
    bot.event(mention_event(ts=THREAD))
    bot.event(mention_event(ts="1700000000.000200"))
    first, second = bot.recorder.posted()
    assert first.metadata["event_type"] == second.metadata["event_type"] == MARK_EVENT
    assert len(set(marks([first, second]))) == 2
    assert bot.recorder.sent("conversations.replies") == []  # looked for only when cut off


@pytest.mark.parametrize("fault", ["drop", "slow"])
def test_a_post_cut_off_after_slack_made_it_is_not_made_again(bot, fault):
    """ "drop": the connection closed before the reply; "slow": the reply came after the
    client's timeout. Either way the answer is in the thread, once, with no apology."""
    bot.app.client.timeout = 0.3
    bot.recorder.slow_seconds = 1.0
    bot.recorder.fail_next("chat.postMessage", fault)
    bot.event(mention_event(ts=THREAD))
    [answer] = bot.recorder.posted(CHANNEL)
    assert answer.body["thread_ts"] == THREAD and not SORRY.match(answer.body["text"])
    assert len(bot.recorder.sent("chat.postMessage")) == 1
    [looked] = bot.recorder.sent("conversations.replies")
    assert (looked.body["channel"], looked.body["ts"]) == (CHANNEL, THREAD)
    assert looked.body["include_all_metadata"] in (True, "true", "1")


def test_a_post_slack_never_made_is_made_again_once(bot):
    bot.recorder.fail_next("chat.postMessage", "reset")
    bot.event(mention_event(ts=THREAD))
    assert len(bot.recorder.sent("chat.postMessage")) == 2
    [answer] = bot.recorder.posted(CHANNEL)
    assert not SORRY.match(answer.body["text"])
    sent = bot.recorder.sent("chat.postMessage")
    assert marks(sent)[0] == marks(sent)[1]  # the same post, sent again


def test_a_direct_message_cut_off_is_looked_for_in_the_conversation(bot):
    bot.recorder.fail_next("chat.postMessage", "drop")
    bot.dm("Birmingham 2007")
    assert len(bot.recorder.posted(DM)) == 1
    [looked] = bot.recorder.sent("conversations.history")
    assert looked.body["channel"] == DM


def test_when_the_conversation_cannot_be_read_the_answer_is_sent_again(bot):
    """Twice is better than never: without the history, the bot cannot tell."""
    bot.recorder.fail_next("chat.postMessage", "drop")
    bot.recorder.fail_next("conversations.replies", "500", "500", "500")
    bot.event(mention_event(ts=THREAD))
    assert len(bot.recorder.posted(CHANNEL)) == 2
    assert not any(SORRY.match(c.body["text"]) for c in bot.recorder.posted())


def test_a_post_that_fails_twice_gets_one_apology(bot):
    bot.recorder.fail_next("chat.postMessage", "reset", "reset")
    bot.event(mention_event(ts=THREAD))
    [apology] = bot.recorder.posted(CHANNEL)
    assert SORRY.match(apology.body["text"]) and apology.body["thread_ts"] == THREAD


def _request(method: str) -> HttpRequest:
    return HttpRequest(method="POST", url=f"https://slack.com/api/{method}", headers={})


@pytest.mark.parametrize(
    ("method", "error", "retried"),
    [
        ("chat.postMessage", URLError(ConnectionRefusedError()), True),  # never left us
        ("chat.postMessage", URLError(ConnectionResetError()), False),  # may have arrived
        ("chat.postMessage", ConnectionResetError(), False),
        ("views.publish", ConnectionResetError(), True),  # the same view, shown again
        ("conversations.replies", URLError(ConnectionResetError()), True),  # a read
    ],
)
def test_only_a_post_that_may_have_arrived_is_not_retried_blindly(method, error, retried):
    handler = UnsentRetryHandler()
    from slack_sdk.http_retry.state import RetryState

    assert handler.can_retry(state=RetryState(), request=_request(method), error=error) is retried
