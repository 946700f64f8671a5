"""What the layout of a letter does to its grades, section names and passages: a heading
wrapped onto the line that holds its grade, a letter that stops at a heading, a heading's
punctuation, what a page break leaves at the top of a page and where a paragraph ends, the
end of the letterhead, and a grade key outside the table (formats.md section 6)."""

import pytest

from store.layout import MAX_SCALE_CELL, classify, find_headings
from store.lines import MAX_HEADING, SHORT_HEADING, split_lines
from store.parse import parse_letter
from store.vocabulary import LetterKind
from tests.conftest import LETTERS

BIRMINGHAM = (LETTERS / "birmingham_apa2007.txt").read_text(encoding="utf-8")
BEDFORDSHIRE = (LETTERS / "apa2008_bedfordshire.txt").read_text(encoding="utf-8")
EAST_RIDING = (LETTERS / "apa2006_east_riding.txt").read_text(encoding="utf-8")
BIRMINGHAM_CSA = (LETTERS / "birmingham_csa2011.txt").read_text(encoding="utf-8")
SURREY = (LETTERS / "apa2005_surrey.txt").read_text(encoding="utf-8")
SLOUGH = (LETTERS / "csa2011_late_slough.txt").read_text(encoding="utf-8")

CAPACITY = "Capacity to improve, including the management of services for children and young people"
CAPACITY_HEAD = "Capacity to improve, including the management of services for children"
BIRMINGHAM_GRADES = {
    "overall": 3,
    "being_healthy": 2,
    "staying_safe": 2,
    "enjoying_and_achieving": 3,
    "making_a_positive_contribution": 3,
    "achieving_economic_wellbeing": 3,
    "capacity_to_improve": 3,
}


def grades(text: str) -> dict[str, int]:
    return {j.area: j.grade for j in parse_letter(text, "x.txt").judgements}


def replaced(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _wrapped_capacity(tail_grade: str) -> str:
    """Birmingham 2007 with its capacity heading wrapped onto the line of its grade."""
    return replaced(
        BIRMINGHAM, f"{CAPACITY}\n\nGrade 3\n", f"{CAPACITY_HEAD}\nand young people {tail_grade}\n"
    )


# -- a heading wrapped onto its grade's line -----------------------------------------------------


@pytest.mark.parametrize(
    ("tail_grade", "grade_text"),
    [
        ("Grade 3", "Grade 3"),
        ("Grade 3 (good)", "Grade 3"),
        ("- Grade 3", "Grade 3"),
        ("Grade: 3", "Grade: 3"),
    ],
)
def test_a_wrapped_heading_keeps_its_grade_its_name_and_no_passage(
    tail_grade: str, grade_text: str
) -> None:
    letter = parse_letter(_wrapped_capacity(tail_grade), "x.txt")
    capacity = next(j for j in letter.judgements if j.area == "capacity_to_improve")
    assert (capacity.grade, capacity.grade_text, capacity.section) == (3, grade_text, CAPACITY)
    assert {j.area: j.grade for j in letter.judgements} == BIRMINGHAM_GRADES
    assert not any(p.text.startswith("and young people") for p in letter.passages)
    assert [s.heading for s in letter.sections if s.area == "capacity_to_improve"] == [CAPACITY]


@pytest.mark.parametrize(
    ("extra", "wrapped"), [(0, True), (1, False)], ids=["max_heading", "longer"]
)
def test_a_wrapped_heading_joins_up_to_max_heading_characters(extra: int, wrapped: bool) -> None:
    grade = " Grade 3"
    tail_length = MAX_HEADING - len(CAPACITY_HEAD) - 1 + extra  # joined by one space
    tail = "and young people " + "x" * (tail_length - len("and young people ") - len(grade)) + grade
    assert len(f"{CAPACITY_HEAD} {tail}") == MAX_HEADING + extra
    lines = (CAPACITY_HEAD, tail, "", "The council's capacity to improve is good.")
    start = find_headings(split_lines("\n".join(lines)), LetterKind.APA, None, 0)[0]
    assert (start.grade, start.wrapped) == ((3, True) if wrapped else (None, False))


def test_a_long_heading_with_its_grade_on_the_very_next_line_is_a_heading() -> None:
    # Over SHORT_HEADING, a heading needs its "Grade N" line below it: here with no blank
    # line between (text copied from HTML), under a line of prose.
    heading = "Staying safe " + "x" * (SHORT_HEADING + 1 - len("Staying safe "))
    lines = split_lines("\n".join(["The council has done well.", heading, "Grade 3"]))
    found = find_headings(lines, LetterKind.APA, None, 0)
    assert [(i, s.area) for i, s in found.items()] == [(1, "staying_safe")]


# -- a partial letter: the file stops at a heading --------------------------------------------


@pytest.mark.parametrize(
    ("cut_after", "lost"),
    [
        (CAPACITY, {"capacity_to_improve"}),  # the page with its grade is missing
        (f"{CAPACITY_HEAD}\nand young people Grade 3", set()),  # the grade is the last line
    ],
    ids=["heading_last", "wrapped_grade_last"],
)
def test_a_letter_that_stops_at_a_heading_keeps_the_grades_it_has(
    cut_after: str, lost: set[str]
) -> None:
    text = _wrapped_capacity("Grade 3") if "\n" in cut_after else BIRMINGHAM
    partial = text[: text.index(cut_after) + len(cut_after)]  # no line end after it
    want = {a: g for a, g in BIRMINGHAM_GRADES.items() if a not in lost}
    assert grades(partial) == want


# -- the heading's own punctuation, and a grade line laid out under it ------------------------


@pytest.mark.parametrize("stop", [":", " -", " \u2013", ","])
def test_a_heading_cites_without_the_stop_before_its_grade_line(stop: str) -> None:
    text = replaced(BEDFORDSHIRE, "Staying safe\n\nGrade 1\n", f"Staying safe{stop}\n\nGrade 1\n")
    letter = parse_letter(text, "x.txt")
    safe = next(j for j in letter.judgements if j.area == "staying_safe")
    assert (safe.grade, safe.section) == (1, "Staying safe")
    assert "Staying safe" in [s.heading for s in letter.sections]


def test_an_indented_grade_line_is_quoted_with_its_heading() -> None:
    # A layout-keeping extraction indents the grade under its heading. With no sentence that
    # restates the grade, the quote is the heading and its grade.
    restated = (
        "Being healthy Grade 2\n\nSummary of strengths and areas for development\n\n"
        "The contribution of the council's services to improving outcomes for children and "
        "young people in this aspect is adequate."
    )
    text = replaced(
        BIRMINGHAM,
        restated,
        restated.replace("Being healthy Grade 2", "Being healthy\n      Grade 2").replace(
            "is adequate.", "is set out below."
        ),
    )
    healthy = next(j for j in parse_letter(text, "x.txt").judgements if j.area == "being_healthy")
    assert (healthy.grade, healthy.grade_text, healthy.quote) == (
        2,
        "Grade 2",
        "Being healthy Grade 2",
    )


def test_a_heading_word_wrapped_onto_a_line_of_its_own_is_still_prose() -> None:
    # Hard-wrapped prose can leave a word that names a heading alone on a line; in lower
    # case, inside a sentence, it is no heading.
    text = replaced(
        SLOUGH,
        "appropriately focused on the weaknesses identified, but it is too early to judge its\n"
        "impact.",
        "appropriately focused on the weaknesses identified and on its remaining\nstrengths\n"
        "in early years, but it is too early to judge its impact.",
    )
    letter = parse_letter(text, "x.txt")
    assert any("on its remaining strengths in early years, but" in p.text for p in letter.passages)
    assert [s.heading for s in letter.sections if s.heading.lower() == "strengths"] == ["Strengths"]


# -- the top of a page ---------------------------------------------------------------------------


def test_a_paragraph_that_opens_a_page_keeps_its_first_line() -> None:
    first = "There are still serious weaknesses in services to safeguard children and"
    text = replaced(BIRMINGHAM_CSA, f"\n{first}\n", f"\n\f{first}\n")
    passages = [p.text for p in parse_letter(text, "x.txt").passages]
    assert any(p.startswith(f"{first} young people.") for p in passages)
    assert not any(p.startswith("young people.") for p in passages)


@pytest.mark.parametrize("carried", ["(outstanding) for", "'outstanding' for"])
def test_a_header_printed_once_stays_out_of_a_sentence_carried_over_the_page(
    carried: str,
) -> None:
    # A two-page letter prints its running header once, so only its place tells it: the first
    # line of a page, where the sentence carried over goes on after it.
    header = "APA 2006: East Riding of Yorkshire"
    text = replaced(
        EAST_RIDING,
        "grade 1 judgement\n(outstanding) for",
        f"grade 1 judgement\n\f{header}\n{carried}",
    )
    passages = [p.text for p in parse_letter(text, "x.txt").passages]
    assert any(f"grade 1 judgement {carried} overall effectiveness" in p for p in passages)
    assert not any(header in p for p in passages)


@pytest.mark.parametrize(
    ("page_top", "before", "joined"),
    [
        # "... shared by its partners." fills the measure: the paragraph goes on over the page.
        ("Priorities in the Children", "that is shared by its partners.", True),
        # "none was placed in special measures." stops short: the paragraph ended there.
        ("Attendance is good in primary", "none was placed in special measures.", False),
    ],
    ids=["full_line", "short_line"],
)
def test_a_page_break_after_a_sentence_ends_the_paragraph_only_after_a_short_line(
    page_top: str, before: str, joined: bool
) -> None:
    text = replaced(EAST_RIDING, f"{before}\n{page_top}", f"{before}\n\f{page_top}")
    passages = [p.text for p in parse_letter(text, "x.txt").passages]
    assert any(f"{before} {page_top}" in p for p in passages) is joined
    assert any(p.startswith(page_top) for p in passages) is not joined


def test_an_indented_line_after_a_sentence_opens_a_new_paragraph() -> None:
    # A first-line indent marks a paragraph, even after a line that fills the measure.
    before = "both above the national averages."
    opening = "The \ufb01rst of four healthy living centres"
    text = replaced(EAST_RIDING, f"{before}\n{opening}", f"{before}\n {opening}")
    passages = [p.text for p in parse_letter(text, "x.txt").passages]
    assert any(p.endswith(before) for p in passages)
    assert any(p.startswith(opening) for p in passages)


def test_a_sub_heading_that_opens_a_page_ends_the_paragraph_before_it() -> None:
    # The paragraph before the page break ends on a full line; the sub heading at the top of
    # the next page still ends it.
    ending = (
        "Achieving economic wellbeing remains the outcome where the council has identified\n"
        "most scope for further improvement, particularly for young people in rural parts.\n"
    )
    text = replaced(
        EAST_RIDING,
        "Achieving economic wellbeing remains the outcome where the council has identi\ufb01ed "
        "most scope for further\nimprovement, particularly for young people in rural areas.\n"
        "Areas for development\n",
        f"{ending}\fAreas for development\n",
    )
    passages = [p.text for p in parse_letter(text, "x.txt").passages]
    assert any(p.endswith("young people in rural parts.") for p in passages)
    assert any(p.startswith("Reduce the rate of re-referral") for p in passages)


# -- the letter's head, and the grade key outside the table ----------------------------------


def test_a_salutation_right_above_the_title_still_ends_the_letterhead() -> None:
    text = replaced(SURREY, "Dear Mr Barton\n\nANNUAL", "Dear Mr Barton\nANNUAL")
    letter = parse_letter(text, "x.txt")
    assert letter.addressee == "Mr Barton"
    assert not any("Penrhyn Road" in p.text or "Dear" in p.text for p in letter.passages)


def test_a_key_box_between_the_halves_of_a_sentence_keeps_the_sentence_whole() -> None:
    # The 2006 key printed at the foot of a page, inside the summary's last sentence: the
    # key's last cell ends with a stop, so the lower-case line after it is the sentence going
    # on, not the cell's wrapped end.
    lines = EAST_RIDING.split("\n")
    start = lines.index("Key")
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("The East Riding"))
    key = lines[start:end]
    key[-1] += "."
    del lines[start:end]
    text = replaced(
        "\n".join(lines),
        "reviews are\ntimely and placements",
        "reviews are\n" + "\n".join(key) + "\ntimely and placements",
    )
    passages = [p.text for p in parse_letter(text, "x.txt").passages]
    assert any("assessments and reviews are timely and placements for" in p for p in passages)


@pytest.mark.parametrize(
    ("length", "role"), [(MAX_SCALE_CELL - 1, "junk"), (MAX_SCALE_CELL, "text")]
)
def test_a_key_cells_wrapped_end_is_shorter_than_max_scale_cell(length: int, role: str) -> None:
    cell = "A service that delivers well above minimum requirements for"
    wrapped = "users" + " and carers" * ((length - 5) // 11 + 1)
    lines = split_lines("\n".join([cell, wrapped[:length]]))
    assert classify(lines, LetterKind.APA, range(0), range(0), {}) == ["junk", role]
