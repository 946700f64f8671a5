"""What the parser's fourth set of mutation survivors changed that a reader sees: trailing
spaces on every line (a table read column by column among them), the 2005-06 table read by
columns citing its own section and giving back the line after its last cell, a sub-heading
wrapped over two lines, bullets without their stops, a title printed above "Dear" with the
letter's first line right under it, and an unknown council in a letter whose opening heading
carries its year. Each is asserted through ``parse_letter``: the grades stated, the quotes and
sections cited, the passages kept, or the reason a file is refused."""

import random
import re

import pytest

from store.errors import ParseError
from store.parse import GRADE_TABLE, parse_letter
from tests.conftest import LETTERS, letter_cases
from tests.store.variants import BY_NAME

CASES = letter_cases()
TEXT = {case: (LETTERS / f"{case}.txt").read_text(encoding="utf-8") for case in CASES}
APA_CASES = ("apa2005_surrey", "apa2006_east_riding", "apa2008_bedfordshire", "birmingham_apa2007")
TABLE_CASES = ("apa2005_surrey", "apa2006_east_riding")
TABLE_GRADES = {
    "apa2005_surrey": {"overall": 3, "capacity_to_improve": 3, "education": 4, "social_care": 2},
    "apa2006_east_riding": {"overall": 4, "capacity_to_improve": 4, "social_care": 3},
}
BULLET = re.compile(r"^\s*(?:[-\u2022*]\s+|\u2022)")


def read(text: str) -> tuple:
    """What a reader sees of a letter: council, year, title, each grade with the section and
    quote it cites, the sections' names and the passages (with their section, and whether each
    is a bullet)."""
    letter = parse_letter(text, "x.txt")
    return (
        letter.council,
        letter.year,
        letter.title,
        [(j.area, j.grade, j.section, j.quote) for j in letter.judgements],
        [s.heading for s in letter.sections],
        [(p.text, p.section, p.bullet) for p in letter.passages],
    )


def replaced(text: str, old: str, new: str, count: int = 1) -> str:
    assert text.count(old) == count, old
    return text.replace(old, new)


def by_columns(case: str) -> str:
    """The letter with its 2005-06 table read a column at a time: every row's label, "Grade
    awarded", then the cells, as an extraction of a ruled table gives it."""
    text = BY_NAME["table_by_columns"].apply(TEXT[case], random.Random(0))
    assert text != TEXT[case]
    return text


def trailing_spaces(text: str) -> str:
    """Spaces after the last character of every line, as many exported copies have."""
    return re.sub(r"(?m)(?<=\S)$", "  ", text)


# -- trailing spaces on every line ----------------------------------------------------------


@pytest.mark.parametrize(
    "case",
    [*CASES, *(f"{case}:by_columns" for case in TABLE_CASES)],
)
def test_trailing_spaces_on_every_line_change_nothing_a_reader_sees(case: str) -> None:
    # A column-read table tells one row's label from the next by its stop, which trailing
    # spaces follow in such a copy; every row must still find its cell.
    name, _, form = case.partition(":")
    text = by_columns(name) if form else TEXT[name]
    assert read(trailing_spaces(text)) == read(text)


# -- the 2005-06 table read column by column -------------------------------------------------


@pytest.mark.parametrize("case", TABLE_CASES)
def test_every_grade_of_a_column_read_table_cites_the_table(case: str) -> None:
    # The last row's cell is the table's last line: that grade too is the table's, not the
    # summary's after it.
    letter = parse_letter(by_columns(case), "x.txt")
    assert {j.area: j.grade for j in letter.judgements} == TABLE_GRADES[case]
    assert {j.section for j in letter.judgements} == {GRADE_TABLE}


def without_key(case: str, text: str) -> str:
    """The table's key left out (a copy that prints it elsewhere, or lost it): the summary
    starts on the line right under the last cell."""
    if case == "apa2005_surrey":
        start = text.index("Grade 4: A service")
        end = text.index("Surrey County Council consistently")
    else:
        start = text.index("Key\n4\n")
        end = text.index("The East Riding of Yorkshire Council delivers")
    return text[:start] + text[end:]


@pytest.mark.parametrize("case", TABLE_CASES)
def test_the_line_right_after_a_column_read_table_is_the_summarys(case: str) -> None:
    # Whether the table was read row by row or column by column, the summary under it is the
    # same: its first line is no part of the table.
    rows = parse_letter(without_key(case, TEXT[case]), "x.txt")
    columns = parse_letter(without_key(case, by_columns(case)), "x.txt")
    summary = [p.text for p in rows.passages if "minimum requirements" in p.text][0]
    assert summary in [p.text for p in columns.passages]
    assert [(j.area, j.grade, j.quote) for j in columns.judgements] == [
        (j.area, j.grade, j.quote) for j in rows.judgements
    ]


# -- a sub-heading wrapped over two lines ------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "old", "new", "count"),
    [
        # A blank line above the sub-heading, as in the letter.
        (
            "birmingham_apa2007",
            "Summary of strengths and areas for development",
            "Summary of strengths and\nareas for development",
            6,
        ),
        (
            "birmingham_apa2007",
            "Summary of strengths and areas for development",
            "Summary of strengths and areas for\ndevelopment",
            6,
        ),
        # The 2008 table's two column heads with a blank line between them.
        (
            "apa2008_bedfordshire",
            "Major strengths\nImportant weaknesses and areas for development",
            "Major strengths\n\nImportant weaknesses and\nareas for development",
            4,
        ),
        (
            "apa2008_bedfordshire",
            "Important weaknesses and areas for development",
            "Important weaknesses and\nareas for development",
            4,
        ),
    ],
)
def test_a_sub_heading_wrapped_over_two_lines_is_no_passage(
    case: str, old: str, new: str, count: int
) -> None:
    # Its second half, in lower case, is neither a passage of its own nor the start of the
    # paragraph under it (whose sentence each outcome's grade quotes).
    assert read(replaced(TEXT[case], old, new, count)) == read(TEXT[case])


# -- bullets without their stops ---------------------------------------------------------------


def unstopped_bullets(text: str) -> str:
    """Every bullet followed by another bullet printed without its full stop, as lists often
    are (the list's last bullet keeps its stop)."""
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        if BULLET.match(lines[i]) and BULLET.match(lines[i + 1]):
            lines[i] = re.sub(r"\.(\s*)$", r"\1", lines[i])
    return "\n".join(lines)


@pytest.mark.parametrize(
    "case",
    ["apa2005_surrey", "apa2008_bedfordshire", "birmingham_apa2007", "csa2009_cheshire_west"],
)
def test_each_bullet_without_its_stop_is_a_passage_of_its_own(case: str) -> None:
    text = unstopped_bullets(TEXT[case])
    assert text != TEXT[case]
    *same, passages = read(text)
    *want, plain = read(TEXT[case])
    assert same == want
    assert [(p.rstrip("."), s, b) for p, s, b in passages] == [
        (p.rstrip("."), s, b) for p, s, b in plain
    ]


# -- the title printed above "Dear", the letter's first line right under it --------------------


def title_above_salutation(text: str, at_top: bool) -> str:
    """The APA title printed as a subject line, under the address (or at the very top), and
    no blank line between "Dear ..." and the letter's first sentence."""
    lines = text.split("\n")
    dear = next(i for i, ln in enumerate(lines) if ln.startswith("Dear "))
    start = next(i for i in range(dear, len(lines)) if "ANNUAL PERFORMANCE" in lines[i])
    end = start
    while lines[end].strip() and not re.search(r"[a-z]", lines[end]):
        end += 1
    title = lines[start:end]
    body = [ln for ln in lines[dear + 1 : start] if ln.strip()] + lines[end:]
    body = body[next(i for i, ln in enumerate(body) if ln.strip()) :]
    head = lines[:dear]
    if at_top:
        return "\n".join([*title, "", *head, lines[dear], *body])
    return "\n".join([*head, *title, "", lines[dear], *body])


@pytest.mark.parametrize("at_top", [False, True], ids=["under_the_address", "at_the_top"])
@pytest.mark.parametrize("case", APA_CASES)
def test_a_letter_whose_title_stands_above_dear_keeps_its_first_line(
    case: str, at_top: bool
) -> None:
    text = title_above_salutation(TEXT[case], at_top)
    assert re.search(r"\nDear [^\n]*\nThis letter summarises", text)
    letter = parse_letter(text, "x.txt")
    assert letter.passages[0].text.startswith("This letter summarises the findings of the ")
    assert read(text) == read(TEXT[case])


# -- an unknown council, under an opening heading that carries the year --------------------------


@pytest.mark.parametrize(
    ("case", "title", "year"),
    [
        ("birmingham_csa2011", "Birmingham City Council", 2011),
        ("csa2010_kingston", "Royal Borough of Kingston upon Thames", 2010),
        ("csa2011_late_slough", "Slough Borough Council", 2011),
    ],
)
def test_an_unknown_council_is_named_even_under_a_dated_opening_heading(
    case: str, title: str, year: int
) -> None:
    # "Annual children's services assessment 2011" has the title's shape, but "Annual" is no
    # council: the reason names the council the letter's own title names.
    text = replaced(
        TEXT[case],
        "Annual children\u2019s services assessment\n",
        f"Annual children\u2019s services assessment {year}\n",
    )
    text = replaced(
        text,
        f"{title} children\u2019s services assessment {year}",
        f"Gotham children\u2019s services assessment {year}",
    )
    with pytest.raises(ParseError) as err:
        parse_letter(text, "x.txt")
    assert err.value.reason == (
        "council 'Gotham' is not in the table of English children's services authorities"
    )


LIST_ITEM = re.compile(r"^(?:[-•*]|\d+\.)\s+\S")


def _last_items(text: str) -> list[int]:
    """Each list's last item (a bullet line ending in a stop, a blank line and prose after)."""
    lines = text.split("\n")
    return [
        i
        for i in range(len(lines) - 2)
        if LIST_ITEM.match(lines[i])
        and lines[i].rstrip().endswith(".")
        and not lines[i + 1].strip()
        and lines[i + 2][:1].isupper()
        and not LIST_ITEM.match(lines[i + 2])
    ]


LISTED = [
    p.stem for p in sorted(LETTERS.glob("*.txt")) if _last_items(p.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize("name", LISTED)
def test_a_list_s_last_item_without_its_stop_keeps_the_next_paragraph_apart(name: str) -> None:
    # A list's last item is often printed without a full stop; the paragraph after the blank
    # line is still a passage of its own, not the item's tail.
    text = (LETTERS / f"{name}.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    for i in _last_items(text):
        lines[i] = lines[i].rstrip()[:-1]
    whole = parse_letter(text, f"{name}.txt")
    got = parse_letter("\n".join(lines), f"{name}.txt")
    assert [(p.text.rstrip("."), p.bullet) for p in got.passages] == [
        (p.text.rstrip("."), p.bullet) for p in whole.passages
    ]
    assert [(j.area, j.grade) for j in got.judgements] == [
        (j.area, j.grade) for j in whole.judgements
    ]
