"""What a PDF's pages do to a letter: a heading wrapped onto the line that holds its grade,
and a page break inside the 2005-06 grade table, lose no grade; a page break anywhere inside a
paragraph leaves the paragraph whole, and one between paragraphs keeps them apart."""

import pytest

from store.layout import FULL_LINE, WRAP_PERCENTILE
from store.parse import parse_letter
from store.text import fold
from tests.conftest import LETTERS, letter_cases

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


# --------------------------------------------------------------------------------------------
# A page break put between every pair of lines of every fixture letter, as a PDF's text gives
# one: the footer, a form feed, and (on pages 2+) the running header with space around it.

FOOTER = ["", "Page 1 of 3"]
HEADER = ["\fAPA 2006: Somewhere Council", ""]
BARE = ["\f"]  # a PDF with no running header


def _passages(text: str) -> list[str]:
    return [fold(p.text) for p in parse_letter(text, "x.txt").passages]


def _in_a_passage(line: str, passages: list[str]) -> bool:
    return any(fold(line) in p for p in passages)


def _inside_pairs(lines: list[str], passages: list[str]):
    """(i, i + 1) for consecutive non-blank lines that lie in one passage."""
    for i in range(len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and any(fold(a) in p and fold(b) in p for p in passages):
            yield i


@pytest.mark.parametrize("name", letter_cases())
def test_a_page_break_inside_a_paragraph_leaves_every_passage_whole(name: str) -> None:
    text = (LETTERS / f"{name}.txt").read_text(encoding="utf-8")
    want, lines = _passages(text), text.split("\n")
    broken = []
    for i in _inside_pairs(lines, want):
        paged = "\n".join([*lines[: i + 1], *FOOTER, *HEADER, *lines[i + 1 :]])
        if _passages(paged) != want:
            broken.append(f"after line {i + 1}: {lines[i][-50:]!r} / {lines[i + 1][:40]!r}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("name", letter_cases())
def test_a_page_with_no_running_header_still_carries_a_sentence_over(name: str) -> None:
    """Without a header, the new page's first line is the sentence's next words. Where those
    begin in lower case or with a number they cannot be a label, and are kept. (A capitalised
    short line there is read as a header printed once: the text cannot tell them apart.)"""
    text = (LETTERS / f"{name}.txt").read_text(encoding="utf-8")
    want, lines = _passages(text), text.split("\n")
    broken = []
    for i in _inside_pairs(lines, want):
        if lines[i + 1].strip()[:1].isupper():
            continue
        paged = "\n".join([*lines[: i + 1], *FOOTER, *BARE, *lines[i + 1 :]])
        if _passages(paged) != want:
            broken.append(f"after line {i + 1}: {lines[i][-50:]!r} / {lines[i + 1][:40]!r}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("name", letter_cases())
def test_a_page_break_between_paragraphs_keeps_them_apart(name: str) -> None:
    """A paragraph whose last line stops short of the measure ended there. (One whose last
    line fills it is read as going on over the page: a page break cannot tell.)"""
    text = (LETTERS / f"{name}.txt").read_text(encoding="utf-8")
    want, lines = _passages(text), text.split("\n")
    # The measure as the parser takes it (WRAP_PERCENTILE of its prose lines' lengths).
    prose = sorted(len(ln.rstrip()) for ln in lines if ln.strip() and _in_a_passage(ln, want))
    width = prose[int(len(prose) * WRAP_PERCENTILE)] if prose else 0
    merged = []
    for i, line in enumerate(lines):
        a = line.strip()
        nxt = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
        if not a or nxt is None or len(line.rstrip()) >= FULL_LINE * width:
            continue
        b = lines[nxt].strip()
        if not (
            any(p.endswith(fold(a)) for p in want) and any(p.startswith(fold(b)) for p in want)
        ):
            continue
        paged = "\n".join([*lines[: i + 1], *FOOTER, *HEADER, *lines[nxt:]])
        if _passages(paged) != want:
            merged.append(f"after line {i + 1}: {a[-50:]!r} / {b[:40]!r}")
    assert want
    assert not merged, "\n".join(merged)
