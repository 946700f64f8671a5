"""A letter's date read in every form letters and council copies print it; a letter that
prints none is undated, and a number that only looks like a date is no date."""

import re
from datetime import date

import pytest

from store.parse import parse_letter
from tests.conftest import LETTERS

DATE_LINE = re.compile(r"^ *\d{1,2} [A-Z][a-z]+ \d{4} *$", re.M)
DATED = sorted(p for p in LETTERS.glob("*.txt") if DATE_LINE.search(p.read_text("utf-8")))

FORMS = {
    "ordinal": lambda d: f"{d.day}th {d:%B %Y}",
    "short month": lambda d: f"{d.day} {d:%b} {d.year}",
    "short month with a stop": lambda d: f"{d.day} {d:%b}. {d.year}",
    "month first": lambda d: f"{d:%B} {d.day}, {d.year}",
    "labelled": lambda d: f"Date: {d.day} {d:%B %Y}",
    "numeric": lambda d: f"{d:%d/%m/%Y}",
    "dotted": lambda d: f"{d:%d.%m.%Y}",
}


def test_the_fixtures_hold_dated_letters_to_vary() -> None:
    assert len(DATED) >= 5


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("path", DATED, ids=lambda p: p.stem)
def test_every_date_form_gives_the_same_date_and_grades(path, form) -> None:
    text = path.read_text("utf-8")
    plain = parse_letter(text, path.name)
    assert plain.letter_date is not None
    line = DATE_LINE.search(text).group(0)
    varied = parse_letter(text.replace(line, FORMS[form](plain.letter_date), 1), path.name)
    assert varied.letter_date == plain.letter_date
    assert [(j.area, j.grade) for j in varied.judgements] == [
        (j.area, j.grade) for j in plain.judgements
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1st December 2005", date(2005, 12, 1)),
        ("Sept 9 2010", date(2010, 9, 9)),
        ("dated 22nd dec 2008", date(2008, 12, 22)),
        ("31/02/2007", None),  # no such day: not a date
        ("Page 2 of 3", None),
    ],
)
def test_a_letter_s_date_line(line, expected) -> None:
    letter = next(p for p in DATED if "surrey" in p.name)
    text = letter.read_text("utf-8")
    dated = parse_letter(text.replace(DATE_LINE.search(text).group(0), line, 1), letter.name)
    assert dated.letter_date == expected
