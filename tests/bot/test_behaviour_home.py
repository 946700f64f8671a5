"""The App Home as a person opening it sees it: published whenever the Home tab opens, useful
with an empty store, and honest about how many letters and councils it lists."""

import pytest

from bot import blocks
from retrieval.answerer import Answerer
from retrieval.index import Params
from store.councils import directory
from store.db import create_schema, make_engine
from tests.bot.conftest import TEAM, USER, Harness


def shown(view: dict) -> list[str]:
    """The text of every section and context of a view, in order."""
    texts = []
    for block in view["blocks"]:
        if block["type"] == "section":
            texts.append(block["text"]["text"])
        elif block["type"] == "context":
            texts.extend(e["text"] for e in block["elements"])
    return texts


def opened(bot, **fields) -> None:
    bot.event(
        {
            "type": "app_home_opened",
            "user": USER,
            "channel": "D0DIRECT1",
            "event_ts": "1700000000.000100",
            **fields,
        }
    )


def test_home_opened_without_a_tab_publishes_the_home(bot):
    opened(bot)  # events from before Slack named the tab carry none
    [call] = bot.recorder.sent()
    assert call.method == "views.publish"
    assert call.body == {
        "user_id": USER,
        "team_id": TEAM,
        "view": blocks.home_view(bot.engine.coverage()),
    }


@pytest.fixture
def empty_bot(recorder, tmp_path):
    sql = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    create_schema(sql)  # no letters loaded
    yield Harness(recorder, Answerer(sql, directory(), Params()))
    sql.dispose()


def examples(view: dict) -> list[str]:
    """The example questions offered as buttons, as each asks them."""
    [block] = [b for b in view["blocks"] if b.get("block_id") == "choices"]
    asked = [blocks.decode_value(e["value"])["q"] for e in block["elements"]]
    assert asked == [e["text"]["text"] for e in block["elements"]]  # labelled as asked
    return asked


def test_an_empty_store_shows_a_home_that_says_so_and_still_gives_examples(empty_bot):
    opened(empty_bot, tab="home")
    [call] = empty_bot.recorder.sent()
    assert call.method == "views.publish"
    texts = shown(call.body["view"])
    assert "I hold *0 letters* for *0 councils*." in texts[0]
    assert texts[1] == "Letters a year — none yet"
    assert texts[2] == "No letters are loaded yet."
    # Examples in the last year whose letters grade staying safe, each a button to press.
    assert texts[3] == "*Try asking* (press one to have it answered in a direct message):"
    assert examples(call.body["view"]) == [
        "What was Birmingham's staying safe grade in 2008?",
        "Birmingham 2008 grades",
        "How has Birmingham's overall rating changed?",
        "Which councils performed poorly in 2011?",
        "privately fostered children",
    ]
    assert texts[4] == (
        "*In a channel:* mention me — `@letters what was Birmingham's overall rating in 2008?` "
        "I answer in a thread; ask follow-ups there (`@letters what about staying safe?`)."
    )


def test_letters_a_year_counts_every_council_holding_a_letter_that_year():
    view = blocks.home_view(
        {
            "Birmingham": {2007: ("apa", 7), 2011: ("csa", 1)},
            "Doncaster": {2007: ("apa", 7)},
            "Surrey": {2005: ("apa", 6), 2007: ("apa", 7)},
        }
    )
    assert "Letters a year — 2005: 1 · 2007: 3 · 2011: 1" in shown(view)
    assert "I hold *5 letters* for *3 councils*." in shown(view)[0]


def test_examples_use_the_first_councils_earliest_and_latest_years():
    view = blocks.home_view(
        {
            "Barnet": {2006: ("apa", 6), 2007: ("apa", 7), 2011: ("csa", 1)},
            "Surrey": {2005: ("apa", 6)},
        }
    )
    texts = shown(view)
    asks = examples(view)
    assert "What was Barnet's staying safe grade in 2006?" in asks
    assert "Barnet 2011 grades" in asks
    channel = next(t for t in texts if t.startswith("*In a channel:*"))
    assert "`@letters what was Barnet's overall rating in 2011?`" in channel
    assert "(`@letters and in 2006?`)" in channel


def test_a_council_with_one_letter_suggests_a_follow_up_about_another_area():
    texts = shown(blocks.home_view({"Doncaster": {2009: ("csa", 1)}}))
    channel = next(t for t in texts if t.startswith("*In a channel:*"))
    assert "`@letters what was Doncaster's overall rating in 2009?`" in channel
    assert "(`@letters what about staying safe?`)" in channel


def many_councils(n: int) -> dict:
    # 18 of these lines fill a 3,000-character section.
    return {
        f"Council {i:04d}": {y: ("apa" if y < 2009 else "csa", 7) for y in range(2005, 2012)}
        for i in range(n)
    }


def listing(view: dict) -> list[dict]:
    """The sections listing councils (each line "• Council 0001: 2005 APA (7 graded), …")."""
    return [b for b in view["blocks"] if "graded)" in b.get("text", {}).get("text", "")]


def test_a_home_listing_that_just_fits_in_60_sections_is_shown_whole():
    view = blocks.home_view(many_councils(60 * 18))
    assert len(listing(view)) == 60
    assert "Council 1079" in listing(view)[-1]["text"]["text"]
    assert not any("more councils" in t for t in shown(view))


def test_a_longer_listing_stops_at_60_sections_and_says_how_many_councils_are_left_out():
    view = blocks.home_view(many_councils(60 * 18 + 5))
    assert len(listing(view)) == 60
    after = view["blocks"].index(listing(view)[-1]) + 1
    assert view["blocks"][after] == {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": "… and 5 more councils", "verbatim": True}],
    }
    assert len(view["blocks"]) <= 100
