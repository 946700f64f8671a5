"""Where a letter's grades come from, in the forms real files print them (formats.md section 6):
the 2005-06 table wrapped at any width, its cells beside their labels, a page break inside it,
a row without a cell, its key laid out another way; a grade no sentence restates; an annex
after the letter that grades the same areas; a scale cell just above a CSA rating."""

import textwrap

import pytest

from store.parse import parse_letter
from tests.conftest import LETTERS

SURREY = (LETTERS / "apa2005_surrey.txt").read_text(encoding="utf-8")
EAST_RIDING = (LETTERS / "apa2006_east_riding.txt").read_text(encoding="utf-8")
BIRMINGHAM = (LETTERS / "birmingham_apa2007.txt").read_text(encoding="utf-8")
BEDFORDSHIRE = (LETTERS / "apa2008_bedfordshire.txt").read_text(encoding="utf-8")
KINGSTON = (LETTERS / "csa2010_kingston.txt").read_text(encoding="utf-8")

SURREY_GRADES = {"overall": 3, "capacity_to_improve": 3, "education": 4, "social_care": 2}
EAST_RIDING_GRADES = {"overall": 4, "capacity_to_improve": 4, "social_care": 3}
SURREY_ROWS = (
    (
        "The contribution of the local authority s children s services in maintaining and "
        "improving outcomes for children and young people.",
        3,
    ),
    ("The council s overall capacity to improve its services for children and young people.", 3),
    (
        "The contribution of the local authority s education services in maintaining and "
        "improving outcomes for children and young people.",
        4,
    ),
    (
        "The contribution of the local authority s social care services in maintaining and "
        "improving outcomes for children and young people.",
        2,
    ),
)
WORD = {4: "Excellent", 3: "Good", 2: "Adequate", 1: "Inadequate"}
PAGE_BREAK = ["", "Page 1", "\fAPA 2005: Surrey County Council", ""]


def grades(text: str) -> dict[str, int]:
    return {j.area: j.grade for j in parse_letter(text, "x.txt").judgements}


def replaced(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def surrey_with_table(rows: list[str]) -> str:
    """Surrey 2005 with the lines between its table header and its key replaced."""
    lines = SURREY.split("\n")
    start = lines.index("Grade awarded") + 1
    end = next(i for i, ln in enumerate(lines) if ln.startswith("Grade 4: A service"))
    return "\n".join(lines[:start] + rows + lines[end:])


def wrapped_rows(width: int, cell: str) -> list[str]:
    """Surrey's rows wrapped at ``width``; ``cell`` is how the grade is printed: on a line of
    its own ("{n}") or after the label's last line (" {n}", " - {n} ({word})", ...)."""
    rows: list[str] = []
    for label, grade in SURREY_ROWS:
        wrapped = textwrap.wrap(label, width)
        printed = cell.format(n=grade, word=WORD[grade])
        if cell.startswith("{"):
            rows += [*wrapped, printed]
        else:
            rows += [*wrapped[:-1], wrapped[-1] + printed]
    return rows


# -- the 2005-06 grade table ---------------------------------------------------------------------


@pytest.mark.parametrize("width", [40, 85])
@pytest.mark.parametrize(
    "cell",
    ["{n}", " {n}", " - {n}", "- {n}", ": {n} ({word})", " Grade {n}"],
    ids=["own_line", "space", "dash", "stockton", "colon_word", "grade_n"],
)
def test_table_rows_wrapped_at_any_width_with_their_cell_anywhere(width: int, cell: str) -> None:
    assert grades(surrey_with_table(wrapped_rows(width, cell))) == SURREY_GRADES


@pytest.mark.parametrize(
    ("cell", "at"),
    [
        ("{n}", "inside_a_label"),
        (" {n}", "inside_a_label"),
        ("{n}", "before_a_cell"),
    ],
)
def test_a_page_break_inside_a_narrow_table_loses_no_grade(cell: str, at: str) -> None:
    rows = wrapped_rows(40, cell)
    if at == "inside_a_label":
        after = rows.index("The council s overall capacity to") + 1  # "capacity to / improve"
    else:
        after = len(rows) - 1  # the last row's cell
    rows[after:after] = PAGE_BREAK
    assert grades(surrey_with_table(rows)) == SURREY_GRADES


def test_a_row_without_its_cell_takes_no_grade_from_the_key_below() -> None:
    # The social care row has lost its cell (a partial or damaged copy); the key's first
    # number, "4", sits right under its label.
    text = replaced(
        EAST_RIDING,
        "outcomes for children and young people.\n3\nKey\n",
        "outcomes for children and young people.\nKey\n",
    )
    assert grades(text) == {"overall": 4, "capacity_to_improve": 4}


def test_a_key_read_column_by_column_stays_out_of_the_passages() -> None:
    # A two-column key extracted a column at a time: the words, then the numbers.
    key = "Key\nExcellent\nGood\nAdequate\nInadequate\n4\n3\n2\n1\n"
    start = EAST_RIDING.index("Key\n4\n")
    end = EAST_RIDING.index("The East Riding of Yorkshire Council delivers")
    text = EAST_RIDING[:start] + key + EAST_RIDING[end:]
    letter = parse_letter(text, "x.txt")
    assert {j.area: j.grade for j in letter.judgements} == EAST_RIDING_GRADES
    assert not any("Inadequate" in p.text for p in letter.passages)


SURREY_KEY_END = "Grade 1: A service that does not deliver minimum requirements for users"


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["single_spaced", "double_spaced"])
@pytest.mark.parametrize(
    ("letter", "key_cell"),
    [
        (SURREY, SURREY_KEY_END),
        (EAST_RIDING, "A service that does not deliver minimum requirements for users"),
    ],
    ids=["surrey", "east_riding"],
)
def test_a_key_cell_wrapped_onto_a_second_line_stays_out_of_the_prose(
    letter: str, key_cell: str, gap: str
) -> None:
    # The key's last cell wraps ("... minimum requirements for" / "users") just above the
    # summary paragraph that restates the overall grade.
    before = parse_letter(letter, "x.txt")
    text = replaced(letter, f"{key_cell}\n", key_cell.replace(" for users", f" for{gap}users\n"))
    after = parse_letter(text, "x.txt")
    assert [(j.area, j.grade, j.quote) for j in after.judgements] == [
        (j.area, j.grade, j.quote) for j in before.judgements
    ]
    assert not any(p.text.startswith("users") for p in after.passages)


def test_a_key_printed_below_the_summary_stays_out_of_the_prose() -> None:
    # The key as a footnote between two paragraphs of the summary, its last cell wrapped.
    lines = SURREY.split("\n")
    first = next(i for i, ln in enumerate(lines) if ln.startswith("Grade 4: A service"))
    key = lines[first : first + 4]
    assert key[-1] == SURREY_KEY_END
    del lines[first : first + 4]
    key[-1] = SURREY_KEY_END.replace(" for users", " for\nusers")
    text = replaced(
        "\n".join(lines),
        " The council recognises this",
        "\n\n" + "\n".join(key) + "\n\nThe council recognises this",
    )
    letter = parse_letter(text, "x.txt")
    assert {j.area: j.grade for j in letter.judgements} == SURREY_GRADES
    assert any(p.text.startswith("The council recognises this") for p in letter.passages)
    assert not any("users" in p.text for p in letter.passages)


def test_a_table_header_is_not_part_of_the_first_rows_quote() -> None:
    # With no sentence that restates them, a row's grade is quoted from its label and cell.
    text = replaced(
        SURREY,
        "Surrey County Council consistently delivers above minimum requirements for children "
        "and young people.",
        "Surrey County Council serves a large county.",
    )
    text = replaced(text, "The council s capacity to improve is good.", "Plans are in place.")
    quotes = {j.area: j.quote for j in parse_letter(text, "x.txt").judgements}
    assert quotes["overall"] == (
        "The contribution of the local authority s children s services in maintaining and "
        "improving outcomes for children and young people. 3"
    )
    assert quotes["capacity_to_improve"] == (
        "The council s overall capacity to improve its services for children and young people. 3"
    )


# -- APA 2007-08 headings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letter", "restated", "area", "quote"),
    [
        (
            BIRMINGHAM,
            "Being healthy Grade 2\n\nSummary of strengths and areas for development\n\n"
            "The contribution of the council's services to improving outcomes for children and "
            "young people in this aspect is adequate.",
            "being_healthy",
            "Being healthy Grade 2",
        ),
        (
            BEDFORDSHIRE,
            "Staying safe\n\nGrade 1\n\nThe contribution of the council's services to improving "
            "outcomes for children and young people in this aspect is inadequate.",
            "staying_safe",
            "Staying safe Grade 1",
        ),
    ],
    ids=["grade_on_heading", "grade_below_heading"],
)
def test_a_grade_no_sentence_restates_is_quoted_from_its_heading(
    letter: str, restated: str, area: str, quote: str
) -> None:
    plain = restated.rsplit(" is ", 1)[0] + " is set out below."
    judgements = parse_letter(replaced(letter, restated, plain), "x.txt").judgements
    found = next(j for j in judgements if j.area == area)
    assert found.quote == quote  # the heading and its "Grade N", wherever the grade sits
    assert quote.endswith(found.grade_text)


def test_a_sentence_in_the_areas_own_section_need_not_name_the_area() -> None:
    # Under "Overall effectiveness", "Services ... meet only minimum requirements" restates the
    # overall grade without naming the council; outside its section it would have to.
    said = (
        "Services for children and young people in Bedfordshire meet only minimum "
        "requirements for users."
    )
    text = replaced(
        BEDFORDSHIRE,
        "Bedfordshire County Council delivers services for children and young people that meet "
        "only minimum requirements for users.",
        said,
    )
    overall = next(j for j in parse_letter(text, "x.txt").judgements if j.area == "overall")
    assert (overall.grade, overall.quote) == (2, said)


def test_a_letter_cut_off_mid_sentence_quotes_the_sentence_as_far_as_it_goes() -> None:
    # A partial letter: the file stops inside the sentence that restates the grade.
    said = (
        "The council's capacity to improve its services for children and young people is "
        "good, and its management of these services is good"
    )
    partial = BIRMINGHAM[: BIRMINGHAM.index(said) + len(said)]
    capacity = next(
        j for j in parse_letter(partial, "x.txt").judgements if j.area == "capacity_to_improve"
    )
    assert (capacity.grade, capacity.quote) == (3, said)


def test_an_annex_that_grades_the_same_areas_changes_no_grade() -> None:
    # A joint area review's own table, reproduced after the letter: its grades, and its
    # service management grade, are not the letter's.
    annex = (
        "\nAnnex: joint area review judgements\n\nBeing healthy Grade 3\n\n"
        "Staying safe Grade 1\n\nService management\n\nGrade 2\n\n"
        "Capacity to improve Grade 2\n"
    )
    judgements = parse_letter(BIRMINGHAM + annex, "x.txt").judgements
    assert [(j.area, j.grade) for j in judgements] == [
        (j.area, j.grade) for j in parse_letter(BIRMINGHAM, "x.txt").judgements
    ]
    assert "service_management" not in {j.area for j in judgements}


# -- CSA 2009-11 ---------------------------------------------------------------------------------


def test_a_scale_cell_just_above_the_csa_heading_is_not_the_rating() -> None:
    # The scale's last cell printed right above the heading (its closing paragraph missing).
    title = "Royal Borough of Kingston upon Thames children\u2019s services assessment 2010"
    start = KINGSTON.index("Within each level")
    text = KINGSTON[:start] + "Performs poorly\n" + KINGSTON[KINGSTON.index(title) :]
    assert grades(text) == {"overall": 4}
