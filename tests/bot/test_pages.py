"""A long listing on the archive: 20 rows a page, Next and Previous in place of the page shown,
and the whole listing as a CSV file, in the thread or, for a private answer, in a DM."""

import csv
import io

import pytest

from bot import blocks, payload
from tests.bot.conftest import BOT_ID, CHANNEL, USER, Harness, find_button

TABLE = "staying safe grades in 2008"


@pytest.fixture
def big(recorder, big_store) -> Harness:
    return Harness(recorder, big_store)


def as_message(posted: dict, thread_ts: str) -> dict:
    return {
        "type": "message",
        "ts": thread_ts + "1",
        "thread_ts": thread_ts,
        "text": posted["text"],
        "blocks": posted["blocks"],
        "bot_id": BOT_ID,
    }


def rows_shown(message: dict) -> list[tuple[str, ...]]:
    """The listing's rows as the table shows them, header left out; the caption above it names
    the area, year and kind of letter every row shares."""
    at = next(i for i, b in enumerate(message["blocks"]) if b["type"] == "table")
    caption, table = message["blocks"][at - 1 : at + 1]
    assert caption["elements"][0]["text"] == "Staying safe · 2008 · APA letters"
    head, *rows = [tuple(blocks.cell_text(cell) for cell in row) for row in table["rows"]]
    assert head == ("Council", "Grade", "Letter")
    return rows


def as_rows(findings) -> list[tuple[str, ...]]:
    return [(f.authority, f.phrase, blocks.long_date(f.source.date)) for f in findings]


def test_a_long_listing_shows_its_first_20_rows_and_says_how_many(big):
    big.mention(TABLE, ts="1700000001.000100")
    posted = big.recorder.sent("chat.postMessage")[0].body
    answer = big.engine.answer(TABLE)
    assert len(answer.judgements) > 100
    assert rows_shown(posted) == as_rows(answer.judgements[:20])
    assert f"Rows 1-20 of {len(answer.judgements)}" in str(posted["blocks"])
    assert find_button(posted["blocks"], "page")["text"]["text"] == "Next 20"
    assert payload.problems(posted) == []


def test_next_and_previous_replace_the_page_shown(big):
    big.mention(TABLE, ts="1700000002.000100")
    posted = big.recorder.sent("chat.postMessage")[0].body
    big.click(find_button(posted["blocks"], "page"), message=as_message(posted, thread(big)))
    [second] = big.recorder.sent("response_url")
    answer = big.engine.answer(TABLE)
    assert second.body["replace_original"] is True
    assert rows_shown(second.body) == as_rows(answer.judgements[20:40])
    assert "Rows 21-40 of" in str(second.body["blocks"])
    big.click(
        find_button(second.body["blocks"], "page_back"),
        message=as_message(second.body, thread(big)),
    )
    back = big.recorder.sent("response_url")[-1].body
    assert rows_shown(back) == rows_shown(posted)
    assert not any(e["action_id"] == "page_back" for e in _pager(back))


def test_the_last_page_has_no_next_and_says_how_many_are_left(big):
    answer = big.engine.answer(TABLE)
    last = (len(answer.judgements) - 1) // 20
    message = blocks.to_blocks(answer, page=last)
    assert [e["action_id"] for e in _pager(message)] == ["page_back", "csv"]
    assert rows_shown(message) == as_rows(answer.judgements[last * 20 :])
    before = blocks.to_blocks(answer, page=last - 1)
    left = len(answer.judgements) - last * 20
    assert find_button(before["blocks"], "page")["text"]["text"] == f"Next {left}"
    # A page past the end (an old or forged button) shows the last page.
    assert rows_shown(blocks.to_blocks(answer, page=999)) == rows_shown(message)


def test_all_as_csv_uploads_every_row_into_the_answer_s_thread(big):
    big.mention(TABLE, ts="1700000003.000100")
    posted = big.recorder.sent("chat.postMessage")[0].body
    big.click(find_button(posted["blocks"], "csv"), message=as_message(posted, thread(big)))
    [upload] = big.recorder.sent("upload")
    rows = list(csv.DictReader(io.StringIO(upload.body["content"])))
    answer = big.engine.answer(TABLE)
    assert len(rows) == len(answer.judgements)
    first = answer.judgements[0]
    assert (rows[0]["authority"], rows[0]["year"], rows[0]["grade"]) == (
        first.authority,
        str(first.year),
        str(first.grade),
    )
    assert rows[0]["quote"] == first.quote
    [done] = big.recorder.sent("files.completeUploadExternal")
    assert (done.body["channel_id"], done.body["thread_ts"]) == (CHANNEL, thread(big))


def test_all_as_csv_on_a_private_answer_goes_to_a_direct_message(big):
    big.command(TABLE)
    private = big.recorder.sent()[0].body
    big.click(find_button(private["blocks"], "csv"))  # ephemeral
    [opened] = big.recorder.sent("conversations.open")
    assert opened.body["users"] == USER
    [done] = big.recorder.sent("files.completeUploadExternal")
    assert done.body["channel_id"] == "D0DIRECT1"  # not the channel: a file there is public
    assert big.recorder.sent("upload")


def thread(big) -> str:
    """The thread the last mention was answered in."""
    return big.recorder.sent("chat.postMessage")[-1].body["thread_ts"]


def _pager(message: dict) -> list[dict]:
    [pager] = [b for b in message["blocks"] if b.get("block_id") == "pages"]
    return pager["elements"]


def test_where_slack_refuses_the_table_the_same_rows_arrive_as_a_list(big):
    big.recorder.refuse_tables = True
    big.mention(TABLE, ts="1700000009.000100")
    refused, listed = big.recorder.sent("chat.postMessage")
    assert payload.has_newer(refused.body)
    assert not payload.has_newer(listed.body)
    answer = big.engine.answer(TABLE)
    lines = [b["text"]["text"] for b in listed.body["blocks"] if b["type"] == "section"]
    first = answer.judgements[0]
    assert lines[1].split("\n")[0] == (
        f"• {first.authority}: {first.phrase} ({blocks.long_date(first.source.date)})"
    )
    # A private answer through its response URL, the same.
    big.command(TABLE)
    refused, listed = big.recorder.sent("response_url")
    assert payload.has_newer(refused.body) and not payload.has_newer(listed.body)
    assert listed.body["response_type"] == "ephemeral"
