"""Small pieces of reading a file that the letter-level tests reach only through cached
results: each asserted on its own, as a reader of the output would notice it."""

from pathlib import Path

import pytest

from store.errors import one_line
from store.grades import _prose
from store.ingest import IngestStatus, ingest_file
from store.layout import _running_header
from store.lines import split_lines
from store.parse import MAX_QUOTED_NAME, _quoted, parse_letter
from store.pdf import _reading_order, _tidy
from store.published import published
from tests.conftest import LETTERS


def test_one_line_folds_breaks_and_runs_of_space_and_cuts_long_reasons() -> None:
    assert one_line("a\nb\r\n\tc\x00d\u2028e") == "a b c d e"
    assert one_line("a    b") == "a b"
    assert one_line("x" * 250) == "x" * 199 + "\u2026"
    assert one_line("x" * 200) == "x" * 200


def test_prose_patterns_match_across_any_white_space() -> None:
    pattern = _prose("well above minimum requirements")
    assert pattern.search("well\nabove  minimum\n requirements")
    assert pattern.search("WELL ABOVE MINIMUM REQUIREMENTS")
    assert not pattern.search("wellabove minimum requirements")


def test_a_quoted_name_is_quoted_up_to_the_limit() -> None:
    assert _quoted("x" * MAX_QUOTED_NAME) == f"'{'x' * MAX_QUOTED_NAME}'"
    assert _quoted("x" * (MAX_QUOTED_NAME + 1)) == "named in the title"
    assert _quoted("Gotham  City") == "'Gotham City'"


def test_a_page_top_line_is_a_running_header_only_when_it_stands_apart() -> None:
    def first_is_header(*texts: str) -> bool:
        lines = split_lines("\n".join(texts))
        return _running_header(lines, lines[0])

    assert first_is_header("Children's services assessment 2011: Slough", "", "Strengths")
    assert first_is_header("APA 2007: Birmingham City Council")  # last line of the file
    assert not first_is_header("the council has made progress", "in the year")  # carried on
    assert not first_is_header("Services are improving", "and outcomes are good.")
    assert not first_is_header("Outcomes are good.", "Next")  # a sentence
    assert not first_is_header("Strengths", "Text")  # a heading
    assert not first_is_header("Grade 3", "Text")
    assert not first_is_header("Performs well (3)", "Text")
    assert not first_is_header("\u2022 Improve the rate of", "Text")
    assert not first_is_header("X" * 80, "Text")  # prose-long
    assert first_is_header("X" * 79, "Text")
    # A sentence carried over a page with no running header: a label is capitalised.
    assert not first_is_header("now in an Ofsted category of concern", "Over the past year")
    assert not first_is_header("2010 have been maintained and", "Outcomes")


def test_side_by_side_cells_are_read_column_by_column() -> None:
    block = [
        "Alexandra House        T 020 7979 2000",
        "33 Kingsway            www.csci.org.uk",
        "London WC2B 6SE",
    ]
    assert _reading_order(block) == [
        "Alexandra House",
        "33 Kingsway",
        "London WC2B 6SE",
        "T 020 7979 2000",
        "www.csci.org.uk",
    ]
    assert _reading_order(["One  column   of   text", "goes on"]) == [
        "One column of text",
        "goes on",
    ]
    assert _reading_order(["label          3", "   wrapped label"]) == [
        "label",
        "wrapped label",
        "3",
    ]
    assert _tidy("  a   b \t c  ") == "a b c"


def test_ingest_file_reads_one_file_or_says_why_not(sql_engine, tmp_path: Path) -> None:
    good = ingest_file(sql_engine, LETTERS / "csa2010_kingston.txt")
    assert (good.status, good.letter, good.graded, good.expected) == (
        IngestStatus.LOADED,
        "Kingston upon Thames CSA 2010",
        1,
        1,
    )
    again = ingest_file(sql_engine, LETTERS / "csa2010_kingston.txt")
    assert again.status == IngestStatus.UNCHANGED
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    bad = ingest_file(sql_engine, tmp_path / "empty.txt")
    assert (bad.status, bad.reason) == (IngestStatus.FAILED, "the file is empty")


def test_the_published_figures_load_in_year_order() -> None:
    years = published()
    assert [y.year for y in years] == list(range(2005, 2012))
    assert years[4].named[0].councils[0] == "Blackburn with Darwen"


@pytest.mark.parametrize(
    "furniture",
    [
        "BIRMINGHAM CITY COUNCIL ANNUAL PERFORMANCE ASSESSMENT",  # a running title, in capitals
        "Children's services assessment",  # a footer worded like a heading
        "3",  # a page number
    ],
)
def test_a_line_between_two_halves_of_a_sentence_is_page_furniture(furniture: str) -> None:
    text = (LETTERS / "birmingham_apa2007.txt").read_text(encoding="utf-8")
    broken = text.replace(
        "reversing the upward trend in previous years.",
        f"reversing the upward\n\n{furniture}\n\ntrend in previous years.",
    )
    assert broken != text
    passages = [p.text for p in parse_letter(broken, "broken.txt").passages]
    assert any("reversing the upward trend in previous years." in p for p in passages)
    assert not any(p.startswith("trend in previous years") for p in passages)
    assert not any(f"upward {furniture}" in p or f"{furniture} trend" in p for p in passages)
