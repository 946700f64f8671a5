"""App Home: coverage, examples, how to use each surface."""

from bot import blocks
from tests.bot.conftest import TEAM, USER


def test_home_tab_publishes_coverage_examples_and_usage(bot):
    bot.event(
        {
            "type": "app_home_opened",
            "user": USER,
            "channel": "D0DIRECT1",
            "tab": "home",
            "event_ts": "1700000000.000100",
        }
    )
    [call] = bot.recorder.sent()
    assert call.method == "views.publish"
    assert call.body == {
        "user_id": USER,
        "team_id": TEAM,
        "view": blocks.home_view(bot.engine.coverage()),
    }
    text = str(call.body["view"])
    assert "I hold *2 letters* for *1 council*" in text
    assert "• Birmingham: 2007 APA (7 graded), 2011 CSA (1 graded)" in text
    assert "/grade COUNCIL [AREA] [YEAR]" in text
    assert "What was Birmingham's staying safe grade in 2007?" in text


def test_messages_tab_publishes_nothing(bot):
    bot.event(
        {
            "type": "app_home_opened",
            "user": USER,
            "channel": "D0DIRECT1",
            "tab": "messages",
            "event_ts": "1700000000.000100",
        }
    )
    assert bot.recorder.sent() == []
