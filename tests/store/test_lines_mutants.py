"""The line rules of store/lines.py, each pinned where the fixture letters never test it: what
a running header is (it stands apart on at least one page; wrapped boilerplate runs on into
its neighbours), and what an area heading is (a label, never a sentence)."""

import pytest

from store.lines import area_heading, date_parts, repeated_furniture, split_lines


def _furniture(*texts: str) -> set[str]:
    return repeated_furniture(split_lines("\n".join(texts)))


# -- running headers and footers ---------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        # Wrapped boilerplate: each copy runs on into a line that carries on in lower case.
        (
            "Schools are good.",
            "Most councils in the area have",
            "continued to improve.",
            "",
            "Most councils in the area have",
            "made progress.",
        ),
        # The same, the second copy on the file's last line but one.
        (
            "Most councils in the area have",
            "continued to improve.",
            "Most councils in the area have",
            "made progress.",
        ),
        # Each copy carries on, in lower case, from an unfinished line above.
        (
            "Schools are good and",
            "most councils in the area have",
            "",
            "Schools are good and",
            "most councils in the area have",
            "",
        ),
        # The carried-on copy is the file's second line.
        (
            "Schools are good and",
            "most councils in the area have",
            "Schools are good and",
            "most councils in the area have",
        ),
    ],
    ids=["runs-on", "runs-on-at-the-end", "carries-on", "carries-on-at-the-top"],
)
def test_repeated_prose_that_runs_on_into_its_neighbours_is_not_furniture(texts) -> None:
    assert _furniture(*texts) == set()


@pytest.mark.parametrize(
    ("texts", "header"),
    [
        # A footer that stands apart on one page is a footer, even if on another it falls
        # between two halves of a sentence.
        (
            (
                "Dear Mr Smith",
                "Aviation House",
                "Schools are good and",
                "Aviation House",
                "made progress.",
            ),
            "aviation house",
        ),
        # The file's first line has no line above it (Python's lines[-1] is the last line).
        (
            (
                "children's services assessment 2010",
                "Dear Mr Smith",
                "",
                "The local authority has improved its",
                "children's services assessment 2010",
                "",
                "The last line has no stop",
            ),
            "children's services assessment 2010",
        ),
        # A line opening with a bracket does not start in lower case.
        (
            (
                "Staff turnover remains high and",
                "(confidential)",
                "",
                "Most schools are improving and",
                "(confidential)",
                "",
            ),
            "confidential",
        ),
    ],
    ids=["stands-apart-once", "first-line", "bracket"],
)
def test_a_line_repeated_on_pages_and_standing_apart_is_furniture(texts, header: str) -> None:
    assert _furniture(*texts) == {header}


@pytest.mark.parametrize("cell", ["Grade 3", "3", "Performs well", "Performs well (3)"])
def test_a_grade_or_scale_cell_printed_on_every_page_is_never_furniture(cell: str) -> None:
    # "Grade N" under each heading, the scale's cells: repeated and standing apart, yet grades.
    assert _furniture("Being healthy", cell, "", "Staying safe", cell, "") == set()


# -- area headings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Staying safe is good.",  # a one-sentence paragraph
        "Staying safe is good. Children say they feel safe and",  # a wrapped line of prose
        "staying safe arrangements are good",  # carried on from the line above
        "Being healthy outcomes are good.",
    ],
)
def test_a_sentence_that_opens_with_an_area_is_not_its_heading(text: str) -> None:
    line, *following = split_lines(f"{text}\nThe council works with its partners.")
    assert area_heading(line, following) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staying safe", ("staying_safe", None)),
        ("Staying Safe: Grade 2", ("staying_safe", 2)),
        ("BEING HEALTHY", ("being_healthy", None)),
        # PDF text runs glued together: only the capital tells the grade from the heading.
        ("Being healthyGrade 2", ("being_healthy", 2)),
        ("STAYING SAFEGRADE 1", ("staying_safe", 1)),
    ],
)
def test_an_area_heading_is_a_short_label(text: str, expected) -> None:
    line, *following = split_lines(f"{text}\nThe council works with its partners.")
    assert area_heading(line, following) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26/11/2007", (2007, 11, 26)),
        ("Date: 26.11.2007", (2007, 11, 26)),
        ("26 November 2007", (2007, 11, 26)),
        ("Sept 9, 2010", (2010, 9, 9)),
        ("Page 2 of 3", None),
    ],
)
def test_a_date_line_reads_day_month_and_year_in_each_form(text: str, expected) -> None:
    assert date_parts(text) == expected
