"""What the parser's third set of mutation survivors changed that a reader sees: a grade box
whose digit is lost, the 2005-06 table read column by column (a line just above its header,
blank lines between its cells), the closing line, a one-paragraph-a-line copy with no blank
lines, and a copy that opens partway down its first page. Each is asserted through
``parse_letter``: the grades stated, the quote cited, the passages kept."""

import re

import pytest

from store.parse import parse_letter
from tests.conftest import LETTERS
from tests.store.test_layout_mutants import BIRMINGHAM_GRADES

BIRMINGHAM = (LETTERS / "birmingham_apa2007.txt").read_text(encoding="utf-8")
EAST_RIDING = (LETTERS / "apa2006_east_riding.txt").read_text(encoding="utf-8")
KINGSTON = (LETTERS / "csa2010_kingston.txt").read_text(encoding="utf-8")

EAST_RIDING_GRADES = {"overall": 4, "capacity_to_improve": 4, "social_care": 3}
EAST_RIDING_OVERALL_ROW = (
    "The contribution of the local authority\u2019s children\u2019s services in maintaining and "
    "improving outcomes for children and young people."
)


def grades(text: str) -> dict[str, int]:
    return {j.area: j.grade for j in parse_letter(text, "x.txt").judgements}


def passages(text: str) -> list[str]:
    return [p.text for p in parse_letter(text, "x.txt").passages]


def replaced(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# -- a grade box whose digit is lost ------------------------------------------------------------


def test_a_grade_box_that_lost_its_digit_states_no_grade_and_costs_no_other() -> None:
    # "Grade" printed alone under a heading, its digit lost (a damaged copy): the next line is
    # the section's prose, which is no grade; the letter is still read.
    text = replaced(
        BIRMINGHAM, "Enjoying and achieving\n\nGrade 3\n", "Enjoying and achieving\n\nGrade\n"
    )
    want = {a: g for a, g in BIRMINGHAM_GRADES.items() if a != "enjoying_and_achieving"}
    assert grades(text) == want


def test_a_letter_cut_short_after_a_bare_grade_label_keeps_its_earlier_grades() -> None:
    # A partial letter that stops at "Grade", with nothing below it.
    head = "Making a positive contribution\n\nGrade 3\n"
    text = BIRMINGHAM[: BIRMINGHAM.index(head)] + "Making a positive contribution\n\nGrade\n"
    assert grades(text) == {
        "overall": 3,
        "being_healthy": 2,
        "staying_safe": 2,
        "enjoying_and_achieving": 3,
    }


# -- the 2005-06 table read column by column ---------------------------------------------------


def east_riding_by_columns(cells_gap: str = "") -> str:
    """East Riding 2006 with its table read a column at a time: the row labels, "Grade
    awarded", then the cells (``cells_gap`` between them). As in the letter, "Summary" stands
    right above "Areas for judgement", with no blank line."""
    start, end = EAST_RIDING.index("Grade awarded\n"), EAST_RIDING.index("Key\n")
    rows = EAST_RIDING[start + len("Grade awarded\n") : end].split("\n")
    labels = [r for r in rows if r.strip() and not r.strip().isdigit()]
    cells = [r for r in rows if r.strip().isdigit()]
    assert len(labels) == 6 and cells == ["4", "4", "3"]
    table = "\n".join([*labels, "Grade awarded", f"\n{cells_gap}".join(cells)]) + "\n"
    return EAST_RIDING[:start] + table + EAST_RIDING[end:]


def test_a_column_read_tables_first_row_is_quoted_without_the_lines_above_its_header() -> None:
    # With no sentence restating the overall grade, its quote is the row's label; the
    # "Summary" heading and the table's header above it are no part of it.
    text = replaced(
        east_riding_by_columns(),
        "delivers services for children and young people\nthat are well above minimum "
        "requirements.",
        "serves a large rural county.",
    )
    letter = parse_letter(text, "x.txt")
    assert {j.area: j.grade for j in letter.judgements} == EAST_RIDING_GRADES
    overall = next(j for j in letter.judgements if j.area == "overall")
    assert overall.quote == EAST_RIDING_OVERALL_ROW


@pytest.mark.parametrize("cells_gap", ["", "\n"], ids=["cells_together", "blank_between_cells"])
def test_a_column_read_table_keeps_every_grade_with_blank_lines_between_its_cells(
    cells_gap: str,
) -> None:
    assert grades(east_riding_by_columns(cells_gap)) == EAST_RIDING_GRADES


# -- the closing line ---------------------------------------------------------------------------


CLOSING = (
    "Yours sincerely\n\nJuliet Winstanley\n"
    "Divisional Manager, Children\u2019s Services Assessment\n"
)
LAST_SENTENCE = (
    "This children\u2019s services assessment is provided in accordance with section 138 of the "
    "Education and Inspections Act 2006"
)


def test_a_closing_run_together_with_its_signature_is_no_passage() -> None:
    # A copy that lost the closing's line breaks: "Yours sincerely" and the signer on one line.
    text = replaced(
        KINGSTON,
        CLOSING,
        "Yours sincerely, Juliet Winstanley, Divisional Manager, Children\u2019s Services "
        "Assessment\n",
    )
    found = passages(text)
    assert found[-1] == f"{LAST_SENTENCE}."
    assert not any("Yours sincerely" in p for p in found)


def test_a_last_paragraph_without_its_stop_does_not_run_on_into_the_closing() -> None:
    text = replaced(
        KINGSTON, "Inspections Act 2006.\nYours sincerely", "Inspections Act 2006\nYours sincerely"
    )
    found = passages(text)
    assert found[-1] == LAST_SENTENCE
    assert not any("Yours sincerely" in p for p in found)


# -- one paragraph a line, with no blank lines between ----------------------------------------


@pytest.mark.parametrize(
    "case",
    ["birmingham_apa2007", "apa2005_surrey", "apa2008_bedfordshire", "csa2009_cheshire_west"],
)
def test_a_paragraph_a_line_copy_without_blank_lines_keeps_each_paragraph_apart(case: str) -> None:
    # Text copied from HTML: each paragraph on one line, and no blank line between them. A
    # paragraph's line that reaches the usual width and ends with a stop has still ended it.
    text = (LETTERS / f"{case}.txt").read_text(encoding="utf-8")
    squeezed = re.sub(r"\n\n+", "\n", text)
    assert passages(squeezed) == passages(text)
    assert grades(squeezed) == grades(text)


# -- a copy that opens partway down its first page ---------------------------------------------


@pytest.mark.parametrize(
    ("case", "first"),
    [
        ("birmingham_csa2011", "The annual assessment derives from a four point scale:"),
        ("csa2009_cheshire_west", "The rating derives from a four point scale:"),
        ("csa2010_kingston", "The annual assessment derives from a four point scale:"),
        ("csa2011_late_slough", "The annual assessment derives from a four point scale:"),
    ],
)
def test_a_copy_without_letterhead_or_salutation_keeps_its_first_sentence(
    case: str, first: str
) -> None:
    # No form feed stands before the file's first line: it opens no page, so it is no running
    # header printed once, however label-like (short, capitalised, no stop).
    text = (LETTERS / f"{case}.txt").read_text(encoding="utf-8")
    copy = text[text.index(first) :]
    letter = parse_letter(copy, "x.txt")
    assert letter.passages[0].text == first
    assert [(j.area, j.grade) for j in letter.judgements] == [
        (j.area, j.grade) for j in parse_letter(text, "x.txt").judgements
    ]
