"""What the operator and the people asking see, at the edges the other tests left open (survivors
of mutation testing, batch d): how often a rate-limited reply is tried, the columns of a long
listing's later pages, the plain message that replaces a payload over Block Kit's limits, a
button value at Slack's limit, and the HTTP server's request log."""

import json
import logging
import threading
import urllib.request

import pytest

from bot import blocks, payload
from tests.bot.conftest import CHANNEL, USER, Harness, find_button
from tests.bot.test_pages import as_message

BOUND = 10  # seconds: any wait here is over in milliseconds unless something is broken


def section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


# --- a rate-limited private reply: tried three times, as Slack asks, then sent another way -------


def test_a_private_answer_slack_keeps_rate_limiting_is_tried_three_times_then_sent_ephemeral(
    bot, sleeps
):
    bot.recorder.fail_next("response_url", "429", "429", "429")
    bot.command("Birmingham 2011")
    assert [c.status for c in bot.recorder.sent("response_url")] == [429, 429, 429]
    assert sleeps == [1.0, 1.0]  # Retry-After: 1, honoured before each of the two retries
    [ephemeral] = bot.recorder.sent("chat.postEphemeral")
    assert (ephemeral.body["channel"], ephemeral.body["user"]) == (CHANNEL, USER)
    assert "Performs poorly (1)" in ephemeral.body["text"]


def test_a_private_answer_rate_limited_twice_arrives_on_the_third_try(bot, sleeps):
    bot.recorder.fail_next("response_url", "429", "429")
    bot.command("Birmingham 2011")
    tries = bot.recorder.sent("response_url")
    assert [c.status for c in tries] == [429, 429, 200]
    assert "Performs poorly (1)" in tries[-1].body["text"]
    assert bot.recorder.sent("chat.postEphemeral") == []


# --- a long listing's later pages keep the first page's columns and caption ---------------------

# On the archive, 28 rows: 2008's APA grade 4s, then 2011's CSA ratings, so the second page
# (rows 21-28) holds only 2011 letters while the listing spans two years and two kinds.
TWO_YEARS = "councils graded 4 overall in 2008 and 2011"


def table_of(message: dict) -> tuple[str, list[tuple[str, ...]]]:
    """The caption above the table (or "" when none) and the table's rows, header first."""
    at = next(i for i, b in enumerate(message["blocks"]) if b["type"] == "table")
    above = message["blocks"][at - 1]
    caption = above["elements"][0]["text"] if above["type"] == "context" else ""
    rows = [tuple(blocks.cell_text(cell) for cell in row) for row in message["blocks"][at]["rows"]]
    return caption, rows


def test_the_next_page_of_a_listing_over_two_years_keeps_its_year_column(recorder, big_store):
    big = Harness(recorder, big_store)
    answer = big_store.answer(TWO_YEARS)
    assert len(answer.judgements) == 28
    assert {f.year for f in answer.judgements[20:]} == {2011}
    big.mention(TWO_YEARS, ts="1700000001.000100")
    posted = big.recorder.sent("chat.postMessage")[0].body
    big.click(
        find_button(posted["blocks"], "page"), message=as_message(posted, "1700000001.000100")
    )
    [second] = big.recorder.sent("response_url")
    first_caption, first_rows = table_of(posted)
    caption, rows = table_of(second.body)
    header = ("Council", "Year", "Grade", "Letter")
    assert (first_caption, first_rows[0]) == ("Overall effectiveness", header)
    assert (caption, rows[0]) == ("Overall effectiveness", header)
    assert rows[1:] == [
        (
            f.authority,
            "2011",
            f.phrase,
            "CSA 2011" + (f", p. {f.source.page}" if f.source.page else ""),
        )
        for f in answer.judgements[20:]
    ]
    assert "Rows 21-28 of 28" in str(second.body["blocks"])


# --- a payload over Block Kit's limits: the plain message that replaces it ----------------------

NOTE = "This answer was too large to show here in full: ask about one council, area or year."


def test_the_replacement_says_the_answer_was_too_large_in_a_block_slack_takes():
    text = "Leeds 2011: Performs well (3)"
    safe = payload.checked({"text": text, "blocks": [section("s")] * 60, "thread_ts": "1.2"})
    assert safe == {
        "thread_ts": "1.2",
        "text": text,
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": text}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": NOTE}]},
        ],
    }
    empty = payload.checked({"blocks": [section("s")] * 60})
    assert empty == {
        "text": NOTE,
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": NOTE}}],
    }


def test_the_replacement_keeps_a_text_of_exactly_its_limit_whole_and_cuts_a_longer_one():
    limit = payload.REPLACEMENT_CHARS
    whole = "Birmingham 2007: Grade 2 (adequate). " * 100
    exact = whole[: limit - 1] + "."
    kept = payload.checked({"text": exact, "blocks": [section("s")] * 60})
    assert kept["text"] == exact and kept["blocks"][0]["text"]["text"] == exact
    over = whole[: limit + 1]
    cut = payload.checked({"text": over, "blocks": [section("s")] * 60})
    assert cut["text"] == over[: limit - 1] + "…"


# --- a button value at Slack's 2,000 characters is carried whole --------------------------------


def vote_value(letters: int, question_chars: int) -> dict:
    return {
        "q": "q" * question_chars,
        "k": "table",
        "l": [f"{i:03d}_letter.txt" for i in range(letters)],
        "v": "up",
    }


def compact_length(value: dict) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def test_a_button_value_of_exactly_2000_characters_is_carried_whole():
    """A vote's question and the letters its answer cited reach the store as they were, when
    they fit in a button; one character more and the last letter is left out (and counted)."""
    base = vote_value(100, 0)
    fits = vote_value(100, blocks.VALUE_LIMIT - compact_length(base))
    assert compact_length(fits) == blocks.VALUE_LIMIT
    text = blocks.encode_value(fits)
    assert len(text) <= blocks.VALUE_LIMIT
    assert blocks.decode_value(text) == fits
    over = vote_value(100, blocks.VALUE_LIMIT - compact_length(base) + 1)
    shortened = blocks.decode_value(blocks.encode_value(over))
    assert shortened == {**over, "l": over["l"][:-1], "lx": 1}


# --- letters serve --http: each request is logged at DEBUG, by its request line and status -------


class Seen(logging.Handler):
    """Sets ``found`` when a record's message starts with ``prefix``."""

    def __init__(self, prefix: str) -> None:
        super().__init__(logging.DEBUG)
        self.prefix, self.found, self.messages = prefix, threading.Event(), []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith(self.prefix):
            self.messages.append(message)
            self.found.set()


@pytest.fixture
def http_log():
    logger = logging.getLogger("letters.bot")
    seen, level = Seen("http "), logger.level
    logger.addHandler(seen)
    logger.setLevel(logging.DEBUG)
    try:
        yield seen
    finally:
        logger.removeHandler(seen)
        logger.setLevel(level)


def test_each_http_request_is_logged_at_debug_by_its_request_line_and_status(served, http_log):
    _, base = served()
    with urllib.request.urlopen(f"{base}/health", timeout=BOUND) as response:
        assert response.status == 200
    assert http_log.found.wait(BOUND)
    [line] = http_log.messages
    assert line.startswith('http "GET /health HTTP/1.1" 200 ')
