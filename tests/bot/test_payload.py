"""The payload check: each of Block Kit's limits found, and a payload over them replaced by a
plain one Slack takes, which still says what it can."""

import logging

import pytest

from bot import blocks, payload
from bot.payload import Surface
from tests.slack_double import _over_limits


def section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def button(value: str, label: str = "ok") -> dict:
    return {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": label},
                "action_id": "a",
                "value": value,
            }
        ],
    }


def table(rows: int, cells: int = 2) -> dict:
    cell = {"type": "raw_text", "text": "x"}
    return {"type": "table", "rows": [[cell] * cells for _ in range(rows)]}


FINE = {"text": "Grade 2 (adequate)", "blocks": [section("Grade 2"), button("v" * 2000)]}

OVER = [
    pytest.param({"text": "x" * 40_001, "blocks": []}, "text is 40001 characters", id="text"),
    pytest.param({"blocks": [section("s")] * 51}, "51 blocks, over the 50", id="blocks"),
    pytest.param({"blocks": [section("s" * 3001)]}, "cannot exceed 3000", id="section"),
    pytest.param({"blocks": [section("")]}, "empty section text", id="empty section"),
    pytest.param({"blocks": [button("v" * 2001)]}, "cannot exceed 2000", id="button value"),
    pytest.param({"blocks": [button("v", "b" * 76)]}, "cannot exceed 75", id="button text"),
    pytest.param(
        {"blocks": [{"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}]},
        "cannot exceed 150",
        id="header",
    ),
    pytest.param(
        {"blocks": [{"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}] * 11}]},
        "cannot exceed 10",
        id="context",
    ),
    pytest.param({"blocks": [{"type": "nonsense"}]}, "not a Block Kit block", id="unknown"),
    pytest.param({"blocks": [table(101)]}, "101 rows, over 100", id="table rows"),
    pytest.param({"blocks": [table(0)]}, "rows attribute must be specified", id="empty table"),
    pytest.param({"blocks": [table(2, 21)]}, "more than 20 cells", id="table cells"),
    pytest.param({"blocks": [table(2), table(2)]}, "more than 1 table", id="two tables"),
]


def test_a_payload_within_the_limits_is_sent_as_it_is() -> None:
    assert payload.problems(FINE) == []
    assert payload.checked(FINE) is FINE
    assert payload.problems({"blocks": [table(100, 20)]}) == []
    assert payload.problems({"blocks": [section("s")] * 50}) == []
    assert payload.problems({"text": "x" * 40_000}) == []


@pytest.mark.parametrize(("message", "problem"), OVER)
def test_each_limit_is_found(message, problem) -> None:
    found = payload.problems(message)
    assert len(found) >= 1 and problem in " ".join(found)


def test_a_home_tab_holds_100_blocks_and_a_message_50() -> None:
    view = {"type": "home", "blocks": [section("s")] * 100}
    assert payload.problems(view, Surface.HOME) == []
    assert payload.problems(view) != []
    assert payload.problems({**view, "blocks": [section("s")] * 101}, Surface.HOME) != []


@pytest.mark.parametrize(("message", "problem"), OVER)
def test_a_payload_over_the_limits_becomes_one_slack_takes(message, problem, caplog) -> None:
    message = {**message, "response_type": "ephemeral"}
    with caplog.at_level(logging.WARNING, logger="letters.bot"):
        safe = payload.checked(message)
    assert payload.problems(safe) == []
    assert not _over_limits("chat.postMessage", safe)
    assert safe["response_type"] == "ephemeral"  # how it is sent is kept
    assert "too large to show here in full" in " ".join(
        b.get("text", {}).get("text", "") + str(b.get("elements", "")) for b in safe["blocks"]
    )
    assert problem in caplog.text


def test_the_replacement_keeps_the_answer_s_own_text_cut_to_fit() -> None:
    text = "Birmingham 2007: Grade 2 (adequate). " * 2000
    safe = payload.checked({"text": text, "blocks": [section("s")] * 60})
    assert safe["text"].startswith("Birmingham 2007: Grade 2 (adequate).")
    assert safe["text"].endswith("…") and len(safe["text"]) == payload.REPLACEMENT_CHARS
    assert safe["blocks"][0]["text"]["text"] == safe["text"]
    short = payload.checked({"text": "Leeds 2011: Performs well (3)", "blocks": [section("")]})
    assert short["text"] == "Leeds 2011: Performs well (3)"


def test_a_table_becomes_a_list_of_its_rows_for_a_surface_that_refuses_tables() -> None:
    cells = [["Council", "Year", "Area", "Grade", "Letter"]]
    cells.append(["Birmingham", "2007", "Staying safe", "Grade 2 (adequate)", "APA 2007, p. 4"])
    cells.append(["K&C <x>", "2008", "Overall effectiveness", "Grade 4 (outstanding)", "APA 2008"])
    table = {"type": "table", "rows": [[{"type": "raw_text", "text": t} for t in r] for r in cells]}
    listed = blocks.plainer({"text": "t", "blocks": [section("head"), table]})
    assert listed["text"] == "t" and listed["blocks"][0] == section("head")
    assert listed["blocks"][1]["text"]["text"] == (
        "• Birmingham, 2007, Staying safe: Grade 2 (adequate) (APA 2007, p. 4)\n"
        "• K&amp;C &lt;x&gt;, 2008, Overall effectiveness: Grade 4 (outstanding) (APA 2008)"
    )
    assert not payload.has_newer(listed) and payload.has_newer({"blocks": [table]})
