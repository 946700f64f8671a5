"""store/lines.py's newer rules, each on its own: grade numbers as words, a heading run on into
its paragraph, a copy's heading marks, and which repeated lines are running headers."""

import pytest

from store.lines import (
    GRADE_LINE,
    HEADING_GRADE,
    PAGE_TOP_LINES,
    grade_of,
    repeated_furniture,
    split_lines,
    undecorated,
)


@pytest.mark.parametrize(
    ("line", "grade"),
    [
        ("Grade 3", 3),
        ("Grade Two", 2),
        ("GRADE FOUR", 4),
        ("Grade: one (1)", 1),
        ("Grade: one (1) - inadequate", 1),
        ("Grade three (2)", None),  # the word and the digit disagree: nothing is stated
    ],
)
def test_a_grade_line_states_its_number_or_its_word(line: str, grade: int | None) -> None:
    m = GRADE_LINE.match(line)
    assert m is not None
    assert grade_of(m) == grade


def test_a_heading_s_grade_may_be_a_word() -> None:
    m = HEADING_GRADE.search("Being healthy Grade Three")
    assert m is not None and grade_of(m) == 3


def test_a_heading_run_on_into_its_paragraph_is_two_lines() -> None:
    text = "Staying safe Grade 1 The contribution of the council is inadequate.\nNext line"
    lines = split_lines(text)
    assert [ln.text for ln in lines] == [
        "Staying safe Grade 1",
        "The contribution of the council is inadequate.",
        "Next line",
    ]
    assert [ln.index for ln in lines] == [0, 1, 2]
    # Each line's offsets point at its own words in the text.
    assert [text[ln.start : ln.end] for ln in lines] == [ln.text for ln in lines]


def test_a_sentence_that_names_an_area_is_not_split() -> None:
    text = "Staying safe is good. Grade 3 The council"
    assert [ln.text for ln in split_lines(text)] == [text]


@pytest.mark.parametrize(
    ("printed", "heading"),
    [
        ("2. Being healthy Grade 2.", "Being healthy Grade 2"),
        ("## Being healthy", "Being healthy"),
        ("**Being healthy** Grade 2", "Being healthy Grade 2"),
        ("__Staying safe__", "Staying safe"),
        ("Being healthy (Grade 2).", "Being healthy (Grade 2)"),
        ("Being healthy is good.", "Being healthy is good."),  # a sentence keeps its stop
    ],
)
def test_a_copy_s_heading_marks_are_not_the_heading(printed: str, heading: str) -> None:
    assert undecorated(printed) == heading


def _letter(*body: str) -> list:
    # The address's "Chester" sits below the page's top lines, where running headers print.
    head = ["Letterhead"] * PAGE_TOP_LINES + ["County Hall", "Chester", "Dear Ms Brazil"]
    return split_lines("\n".join([*head, *body]))


def test_an_address_line_repeated_in_the_body_is_not_a_running_header() -> None:
    lines = _letter("The council works in parts of Ellesmere Port and", "Chester.", "")
    assert "chester" not in repeated_furniture(lines)


def test_a_running_header_on_the_first_page_s_top_lines_still_counts() -> None:
    top = ["APA 2007: Birmingham"] + ["Letterhead"] * (PAGE_TOP_LINES - 1)
    lines = split_lines("\n".join([*top, "Dear Ms Brazil", "", "APA 2007: Birmingham", ""]))
    assert "apa 2007 birmingham" in repeated_furniture(lines)
    below = split_lines(
        "\n".join(["Letterhead"] * PAGE_TOP_LINES + ["APA 2007: Birmingham", "Dear Ms Brazil"])
        + "\n\nAPA 2007: Birmingham\n"
    )
    assert "apa 2007 birmingham" not in repeated_furniture(below)


def test_the_first_body_line_after_dear_counts_as_a_repeat() -> None:
    lines = split_lines("Dear Ms Brazil\nOfsted\nText.\n\nOfsted\n")
    assert "ofsted" in repeated_furniture(lines)


def test_a_capitalised_line_after_and_carries_the_sentence_on() -> None:
    lines = _letter(
        "Most schools improved and", "Chester.", "", "Attendance rose in", "Chester.", ""
    )
    assert "chester" not in repeated_furniture(lines)


def test_a_line_ending_the_letter_can_be_a_footer() -> None:
    lines = split_lines("Dear Sir\nText here.\n\nPage footer\nMore text.\n\nPage footer")
    assert "page footer" in repeated_furniture(lines)
