"""Direct messages as the person writing them sees the answers."""

from bot import blocks
from tests.bot.conftest import DM, TEAM


def test_a_dm_with_no_text_such_as_a_file_alone_gets_the_help(bot):
    event = {
        "type": "message",
        "subtype": "file_share",
        "channel_type": "im",
        "channel": DM,
        "user": "U0PERSON1",
        "ts": "1700001000.000100",
        "event_ts": "1700001000.000100",
        "files": [{"id": "F0FILE0001", "name": "letter.pdf"}],
    }
    bot.event(event)
    [call] = bot.recorder.sent()
    help_answer = bot.engine.answer("")
    assert help_answer.kind == "help"
    assert call.body == {"channel": DM, "team_id": TEAM, **blocks.to_blocks(help_answer)}
    assert call.body["text"].startswith("I answer questions about Ofsted's letters")
