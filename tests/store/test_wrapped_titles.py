"""A CSA title wrapped anywhere reads as on one line: the council it names, not one that a
half of it happens to name ("Birmingham" / "City Council children's services assessment 2011"
was read as the City of London's letter). Every fixture, every word break."""

import re

import pytest

from store.parse import parse_letter
from tests.conftest import LETTERS

TITLE = re.compile(r"^(?P<title>.+? children(?:’|')s services? assessment \d{4})\s*$", re.M)
CSA = [p.stem for p in sorted(LETTERS.glob("*.txt")) if TITLE.search(p.read_text("utf-8"))]


def wrapped_everywhere(text: str):
    """The letter with its title broken at each space in turn."""
    m = TITLE.search(text)
    title = m["title"]
    for at in [i for i, ch in enumerate(title) if ch == " "]:
        broken = title[:at] + "\n" + title[at + 1 :]
        yield broken, text[: m.start("title")] + broken + text[m.end("title") :]


@pytest.mark.parametrize("name", CSA)
def test_a_csa_title_wrapped_at_any_word_names_the_same_council_and_grade(name: str) -> None:
    text = (LETTERS / f"{name}.txt").read_text(encoding="utf-8")
    whole = parse_letter(text, f"{name}.txt")
    wrong = []
    for broken, letter in wrapped_everywhere(text):
        got = parse_letter(letter, f"{name}.txt")
        seen = (got.council, got.year, [(j.area, j.grade) for j in got.judgements])
        if seen != (whole.council, whole.year, [(j.area, j.grade) for j in whole.judgements]):
            wrong.append(f"{broken!r}: {seen}")
    assert CSA and not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", CSA)
@pytest.mark.parametrize("lead", ["The ", "THE ", "the "])
def test_a_csa_title_that_begins_with_the_names_the_same_council_and_grade(
    name: str, lead: str
) -> None:
    # "The Royal Borough of Kingston upon Thames children's services assessment 2010" names
    # its council; only a heading with nothing but "The" or "Annual" before it names none.
    text = (LETTERS / f"{name}.txt").read_text(encoding="utf-8")
    whole = parse_letter(text, f"{name}.txt")
    m = TITLE.search(text)
    got = parse_letter(text[: m.start("title")] + lead + text[m.start("title") :], f"{name}.txt")
    assert (got.council, got.year, [(j.area, j.grade, j.quote) for j in got.judgements]) == (
        whole.council,
        whole.year,
        [(j.area, j.grade, j.quote) for j in whole.judgements],
    )
