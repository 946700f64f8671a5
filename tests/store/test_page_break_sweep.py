"""A page break anywhere inside a paragraph of any fixture letter leaves the paragraph whole,
and one between paragraphs keeps them apart."""

import pytest

from store.layout import FULL_LINE, WRAP_PERCENTILE
from store.parse import parse_letter
from store.text import fold
from tests.conftest import LETTERS, letter_cases

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
