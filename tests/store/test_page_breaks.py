"""What a PDF's pages do to a letter: a heading wrapped onto the line that holds its grade,
and a page break inside the 2005-06 grade table, lose no grade. (A page break put everywhere in
every letter: test_page_break_sweep.py.)"""

from store.parse import parse_letter
from tests.conftest import LETTERS

BIRMINGHAM = (LETTERS / "birmingham_apa2007.txt").read_text(encoding="utf-8")
SURREY = (LETTERS / "apa2005_surrey.txt").read_text(encoding="utf-8")


def grades(text: str) -> dict[str, int]:
    return {j.area: j.grade for j in parse_letter(text, "x.txt").judgements}


def test_a_wrapped_heading_with_its_grade_on_the_second_line() -> None:
    head = "Capacity to improve, including the management of services for children and young people"
    lines = BIRMINGHAM.split("\n")
    at = lines.index(head)
    grade_at = next(i for i in range(at + 1, at + 4) if lines[i].strip().startswith("Grade"))
    grade = lines[grade_at].strip()
    lines[at : grade_at + 1] = [
        "Capacity to improve, including the management of services for children",
        f"and young people {grade}",
    ]
    letter = parse_letter("\n".join(lines), "x.txt")
    capacity = next(j for j in letter.judgements if j.area == "capacity_to_improve")
    assert (capacity.grade, capacity.grade_text) == (3, "Grade 3")
    assert capacity.section == head
    assert not any(p.text.startswith("and young people") for p in letter.passages)
    assert grades("\n".join(lines)) == grades(BIRMINGHAM)


def test_a_page_break_inside_the_grade_table() -> None:
    lines = SURREY.split("\n")
    last_cell = max(i for i, line in enumerate(lines[:45]) if line.strip() == "2")
    lines[last_cell:last_cell] = ["", "Page 1 of 5", "\fAPA 2005: Surrey County Council", ""]
    assert (
        grades("\n".join(lines))
        == grades(SURREY)
        == {
            "overall": 3,
            "capacity_to_improve": 3,
            "social_care": 2,
            "education": 4,
        }
    )


def test_a_wrapped_heading_keeps_its_grade_whatever_follows_the_grade() -> None:
    """The grade's word after it, as letters print it (formats.md §6: "Grade 3 (good)")."""
    head = "Capacity to improve, including the management of services for children and young people"
    lines = BIRMINGHAM.split("\n")
    at = lines.index(head)
    grade_at = next(i for i in range(at + 1, at + 4) if lines[i].strip().startswith("Grade"))
    for after in ("", " (good)", " (Good)", " - good", " – Good", ": good", " (GOOD)"):
        wrapped = list(lines)
        wrapped[at : grade_at + 1] = [
            "Capacity to improve, including the management of services for children",
            f"and young people Grade 3{after}",
        ]
        letter = parse_letter("\n".join(wrapped), "x.txt")
        capacity = [j for j in letter.judgements if j.area == "capacity_to_improve"]
        assert [(j.grade, j.section) for j in capacity] == [(3, head)], after
        assert not any(p.text.startswith("and young people") for p in letter.passages), after
