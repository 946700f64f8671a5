"""The renderer: golden files for every kind of answer, and Slack's limits."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot import blocks, payload
from bot.blocks import section
from retrieval.answer import Answer
from store.vocabulary import grade_phrase
from tests.bot.samples import ANSWERS, APA, POOR, SAFE, TRICKY, cited, finding

GOLDEN = Path(__file__).parent / "golden"
RENDERINGS = {
    **{kind: (lambda a=a: blocks.to_blocks(a)) for kind, a in ANSWERS.items()},
    "command": lambda: blocks.for_command(
        ANSWERS["grade"], "/grade", "Birmingham staying safe 2007"
    ),
    "shared": lambda: blocks.shared(ANSWERS["grade"], "U0PERSON1"),
    "thanks": lambda: {"blocks": blocks.thanks(blocks.to_blocks(ANSWERS["grade"])["blocks"], "up")},
    "usage": lambda: blocks.grade_usage(["Overall effectiveness", "Staying safe"]),
    "sorry": lambda: blocks.sorry("7f3a2c"),
    "home": lambda: blocks.home_view(
        {"Birmingham": {2007: ("apa", 7), 2011: ("csa", 1)}, "Doncaster": {2009: ("csa", 1)}}
    ),
}


@pytest.mark.parametrize("name", sorted(RENDERINGS))
def test_rendering_matches_golden_file(name, regen):
    path = GOLDEN / f"{name}.json"
    got = json.dumps(RENDERINGS[name](), indent=2, ensure_ascii=False) + "\n"
    if regen:
        path.write_text(got, encoding="utf-8")
        pytest.skip(f"rewrote {path.name}: review it with git diff before committing")
    assert path.exists(), f"no golden file {path.name}: run pytest --regen-golden, then review it"
    assert got == path.read_text(encoding="utf-8")


def test_every_answer_kind_has_a_golden_file():
    from retrieval.answer import AnswerKind as KINDS

    assert set(KINDS) <= set(RENDERINGS)


def test_grade_line_apa_and_csa():
    assert grade_phrase(SAFE.kind, SAFE.grade) == "Grade 2 (adequate)"
    assert grade_phrase(POOR.kind, POOR.grade) == "Performs poorly (1)"


def test_letter_text_is_escaped_and_cannot_ping():
    shown = blocks.quote(TRICKY)
    assert shown.startswith(
        ">Partners &lt;!channel&gt; &amp; &lt;@U0SOMEONE&gt; agree: @\u2060here"
    )
    assert "&lt;#C0GENERAL|general&gt;" in shown and "&lt;https://evil.example|click&gt;" in shown
    for ping in ("<!", "<@", "<#", "<http", "@here"):
        assert ping not in shown
    assert blocks.escape("@Channel @everyone") == "@\u2060Channel @\u2060everyone"


def test_a_long_passage_is_cut_at_3000_characters_with_an_ellipsis_and_a_note():
    text = ("The council & its partners <work> hard. " * 200).strip()
    rendered = blocks.to_blocks(Answer("passages", "q", "m", passages=(cited(1, text),)))
    sections = [b["text"]["text"] for b in rendered["blocks"] if b["type"] == "section"]
    assert max(len(s) for s in sections) <= 3000
    assert sections[1].endswith("…") and not sections[1].endswith("&…")
    notes = [b["elements"][0]["text"] for b in rendered["blocks"] if b["type"] == "context"]
    assert notes[-1] == (
        "… Long text was cut to fit in Slack; the full wording is in the letter cited."
    )


def test_many_findings_are_paged_within_slack_s_limits_and_say_how_many_there_are():
    many = (
        tuple(
            finding("overall", "Overall effectiveness", 1 + i % 4, APA, f"Council {i}")
            for i in range(40)
        )
        + (SAFE,) * 3
    )
    grades = blocks.to_blocks(Answer("grades", "q", "m", many[:20]))  # > 12: a table, a row each
    kinds = ["section", "context", "table", "context_actions"]  # the caption names the area
    assert [b["type"] for b in grades["blocks"]] == kinds
    assert len(grades["blocks"][2]["rows"]) == 21  # the header and 20 rows, on one page
    assert payload.problems(grades) == []
    table = blocks.to_blocks(Answer("table", "q", "m", many * 80))  # 3,440 rows
    assert len(table["blocks"]) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in table["blocks"] if b["type"] == "section")
    pager = next(b for b in table["blocks"] if b.get("block_id") == "pages")
    assert "Rows 1-20 of 3440" in str(table["blocks"])
    assert [e["action_id"] for e in pager["elements"]] == ["page", "csv"]
    assert len(table["text"]) <= 3000
    assert payload.problems(table) == []


def test_many_passages_stay_within_50_blocks_and_more_results_resumes_after_the_last_shown():
    answer = Answer(
        "passages",
        "q",
        "m",
        passages=tuple(cited(i, "text") for i in range(60)),
        context=ANSWERS["passages"].context,
        offset=10,
    )
    rendered = blocks.to_blocks(answer)
    assert len(rendered["blocks"]) <= 50
    assert rendered["blocks"][-3]["elements"][0]["text"] == (
        "… and 38 more passages not shown here; press More results to see them."
    )
    more = blocks.decode_value(rendered["blocks"][-2]["elements"][0]["value"])
    assert more["o"] == 10 + 22  # 22 passages shown (#11 to #32)
    assert rendered["blocks"][-4]["elements"][0]["text"].endswith("· #32")


def test_button_values_stay_under_2000_characters_and_round_trip():
    long = Answer(
        "passages",
        "x" * 5000,
        "m",
        context=ANSWERS["passages"].context,
        more=True,
        passages=ANSWERS["passages"].passages,
    )
    for block in blocks.to_blocks(long)["blocks"]:
        for element in block.get("elements", []):
            if "value" in element:
                assert len(element["value"]) <= 2000
                assert blocks.decode_value(element["value"])["q"].startswith("xxx")
    assert blocks.decode_value("not json") == {} and blocks.decode_value("[1]") == {}


def test_home_view_lists_150_councils_within_slack_limits():
    coverage = {
        f"Council {i:03d}": {y: ("apa" if y < 2009 else "csa", 7) for y in range(2005, 2012)}
        for i in range(150)
    }
    view = blocks.home_view(coverage)
    assert len(view["blocks"]) <= 100
    assert all(len(b["text"]["text"]) <= 3000 for b in view["blocks"] if b["type"] == "section")
    listed = "\n".join(b["text"]["text"] for b in view["blocks"] if b["type"] == "section")
    assert "Council 000" in listed and "Council 149" in listed
    assert "I hold *1050 letters* for *150 councils*" in listed


def test_a_table_citing_150_letters_keeps_its_vote_button_under_slack_s_limit():
    rows = tuple(
        finding("staying_safe", "Staying safe", 1 + i % 4, APA, f"Council number {i:03d}")
        for i in range(150)
    )
    table = Answer("table", "staying safe grades in 2008", "150 council(s) ...", rows)
    [feedback] = blocks.to_blocks(table)["blocks"][-1]["elements"]
    raw = [feedback[side]["value"] for side in ("positive_button", "negative_button")]
    values = [blocks.decode_value(v) for v in raw]
    assert [v["v"] for v in values] == ["up", "down"]
    assert all(len(v) <= 2000 for v in raw)
    for value in values:
        kept = value["l"]
        assert value["q"] == "staying safe grades in 2008"  # the question is whole
        assert 0 < len(kept) < 150 and value["lx"] == 150 - len(kept)
        assert kept == list(table.letters())[: len(kept)]  # the first letters, in order
    assert len(raw[0]) > 2000 - 60  # as many letters as fit, not a few


def _cells(table: dict) -> list[list[str]]:
    return [[blocks.cell_text(c) for c in row] for row in table["rows"]]


def test_a_table_of_one_area_and_year_names_them_once_above_three_short_columns():
    rows = [
        finding("staying_safe", "Staying safe", 2, replace(APA, page=4)),
        finding("staying_safe", "Staying safe", 3, APA, council="Leeds"),
    ]
    caption, table = blocks.grade_table(rows)
    assert caption["elements"][0]["text"] == "Staying safe · 2007 · APA letters"
    assert _cells(table) == [
        ["Council", "Grade", "Letter"],
        ["Birmingham", "Grade 2 (adequate)", "26 November 2007, p. 4"],
        ["Leeds", "Grade 3 (good)", "26 November 2007"],
    ]


def test_columns_that_differ_are_shown_and_only_those_are_left_out_of_the_caption():
    years = [SAFE, finding("staying_safe", "Staying safe", 3, replace(APA, year=2008))]
    caption, table = blocks.grade_table(years)
    assert caption["elements"][0]["text"] == "Staying safe"
    assert _cells(table)[0] == ["Council", "Year", "Grade", "Letter"]
    assert _cells(table)[1] == ["Birmingham", "2007", "Grade 2 (adequate)", "APA 2007"]
    areas = [SAFE, finding("being_healthy", "Being healthy", 3)]
    caption, table = blocks.grade_table(areas)
    assert caption["elements"][0]["text"] == "2007 · APA letters"
    assert _cells(table)[0] == ["Council", "Area", "Grade", "Letter"]
    assert _cells(table)[2] == ["Birmingham", "Being healthy", "Grade 3 (good)", "26 November 2007"]
    [table] = blocks.grade_table([SAFE, POOR])  # areas, years and kinds all differ: no caption
    assert _cells(table)[0] == ["Council", "Year", "Area", "Grade", "Letter"]
    assert _cells(table)[2][-1] == "CSA 2011"


def test_a_page_of_a_listing_keeps_the_columns_of_the_whole_listing():
    every = [SAFE, finding("staying_safe", "Staying safe", 3, replace(APA, year=2008))]
    [_, table] = blocks.grade_table(every[:1], every)  # this page shows 2007 only
    assert _cells(table)[0] == ["Council", "Year", "Grade", "Letter"]


def test_a_letter_with_a_known_address_is_linked_from_its_row_and_listed_as_text_elsewhere():
    url = "https://reports.ofsted.gov.uk/provider/files/123/urn/456.pdf"
    rows = [finding("staying_safe", "Staying safe", 2, replace(APA, page=4, url=url))] * 2
    _, table = blocks.grade_table(rows)
    cell = table["rows"][1][-1]
    assert cell["type"] == "rich_text"
    [link] = cell["elements"][0]["elements"]
    assert (link["type"], link["url"], link["text"]) == ("link", url, "26 November 2007, p. 4")
    message = {"text": "t", "blocks": [section("head"), table]}
    assert payload.problems(message) == []
    listed = blocks.plainer(message)["blocks"][1]["text"]["text"]
    assert listed.splitlines()[0] == "• Birmingham: Grade 2 (adequate) (26 November 2007, p. 4)"
