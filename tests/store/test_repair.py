"""What copies do to a letter's characters and layout, undone before it is read (store/text.py
``repair``): each step on its own, at its thresholds, and leaving a clean letter alone."""

import pytest

from store.text import (
    MIN_DOUBLE_SPACED,
    MIN_GRID_RULES,
    MIN_MARKDOWN_MARKS,
    QUOTED_SHARE,
    repair,
)
from tests.conftest import LETTERS, letter_cases


@pytest.mark.parametrize("case", letter_cases())
def test_a_clean_letter_is_left_as_it_is_but_for_its_line_ends(case: str) -> None:
    text = (LETTERS / f"{case}.txt").read_text(encoding="utf-8")
    assert repair(text) == text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("the council\u00e2\u20ac\u2122s services", "the council\u2019s services"),  # mojibake
        ("the council&#8217;s services &amp; partners", "the council\u2019s services & partners"),
        ("the council\x92s services", "the council\u2019s services"),  # C1 read as Latin-1
        ("the council?s services", "the council's services"),
        ("the council\ufffds services", "the council's services"),
        ("Is it? Yes.", "Is it? Yes."),  # a question mark before a space is one
    ],
)
def test_damaged_characters_are_put_back(damaged: str, repaired: str) -> None:
    assert repair(damaged) == repaired


def test_markup_in_a_page_is_not_unescaped() -> None:
    # A page of HTML is refused elsewhere; its entities are not this step's to undo.
    assert repair("<p>council&#8217;s</p>") == "<p>council&#8217;s</p>"


def test_cr_and_crlf_line_ends_become_newlines() -> None:
    assert repair("a\r\nb\rc\n") == "a\nb\nc\n"


def _quoted(share: float, lines: int = 10) -> str:
    quoted = round(share * lines)
    return "\n".join([f"> line {i}" for i in range(quoted)] + ["plain"] * (lines - quoted))


def test_a_forwarded_letter_loses_its_quoting_from_the_quoted_share() -> None:
    assert repair(_quoted(QUOTED_SHARE)) == _quoted(QUOTED_SHARE).replace("> ", "")
    assert repair(_quoted(QUOTED_SHARE - 0.1)).count(">") == round((QUOTED_SHARE - 0.1) * 10)


def test_markdown_marks_go_from_the_minimum_count() -> None:
    assert MIN_MARKDOWN_MARKS == 2
    assert repair("## Being healthy\n**Grade 3**") == "Being healthy\nGrade 3"
    assert repair("**Grade 3**") == "**Grade 3**"  # one bold run is the letter's own


def _double_spaced(continuations: int) -> str:
    pairs = [f"The council has\n\nimproved item {i}.\n\n\n" for i in range(continuations)]
    return "".join(pairs) + "Being healthy\n\nGrade 3\n"


def test_double_spacing_is_undone_from_the_minimum_count() -> None:
    assert repair(_double_spaced(MIN_DOUBLE_SPACED)).startswith(
        "The council has\nimproved item 0.\n\nThe council has"
    )
    short = _double_spaced(MIN_DOUBLE_SPACED - 1)
    assert repair(short) == short


def test_a_grid_table_becomes_labels_then_cells() -> None:
    grid = "\n".join(
        [
            "+------------------------------+-------+",
            "| Areas for judgement          | Grade |",
            "+==============================+=======+",
            "| The council's overall        | 3     |",
            "| capacity to improve.         |       |",
            "+------------------------------+-------+",
        ]
    )
    assert grid.count("+\n") + 1 == MIN_GRID_RULES
    assert repair(grid) == (
        "Areas for judgement\nGrade\nThe council's overall\ncapacity to improve.\n3"
    )


def test_two_grid_rules_are_not_a_table() -> None:
    text = "+----+\n| a | b |\n+----+"
    assert repair(text) == text


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("  ______\n |      |\n |  Performs poorly (1)  |\n |______|", "Performs poorly (1)"),
        ("Performs\npoorly (1)", "Performs poorly (1)"),
        ("Performs poorly\n(1)", "Performs poorly (1)"),
        ("Performs\nthe duty (1)", "Performs\nthe duty (1)"),  # not a rating
        ("Being healthy ........ Grade 3", "Being healthy  Grade 3"),
        ("Being healthy . . . . 3", "Being healthy  3"),
        ("It was... not clear.", "It was... not clear."),  # an ellipsis in prose stays
    ],
)
def test_a_boxed_or_split_rating_and_dot_leaders_are_one_line(printed: str, read: str) -> None:
    assert repair(printed) == read


def test_a_tight_grid_with_ragged_rows_keeps_every_cell_and_the_text_around_it() -> None:
    grid = "\n".join(
        [
            "Summary",
            "+-+-+",
            "|Areas|Grade|",
            "+=+=+",
            "|The council|3|",
            "|improves|",
            "+-+-+",
            "End.",
        ]
    )
    assert repair(grid) == "Summary\nAreas\nGrade\nThe council\nimproves\n3\nEnd."


def test_the_store_keeps_the_text_its_quotes_point_into(tmp_path) -> None:
    from sqlmodel import Session, select

    from store import models
    from store.db import create_schema, make_engine
    from store.ingest import ingest_paths

    letter = (LETTERS / "birmingham_apa2007.txt").read_text(encoding="utf-8")
    path = tmp_path / "copy.txt"
    path.write_text(letter.replace("'", "&#8217;"), encoding="utf-8")  # a web copy's entities
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    create_schema(engine)
    ingest_paths(engine, [path])
    with Session(engine) as session:
        text = session.exec(select(models.Letter.text)).one()
        quotes = session.exec(select(models.Judgement)).all()
    assert quotes and all(text[j.start : j.end].split() == j.quote.split() for j in quotes)
