"""Golden files: every layout's full parse, reviewed as a diff when it changes."""

import json
from dataclasses import asdict

import pytest

from store.parse import parse_letter
from store.text import fold
from tests.conftest import LETTERS, letter_cases


def parsed_dict(case: str) -> dict:
    text = (LETTERS / f"{case}.txt").read_text(encoding="utf-8")
    letter = asdict(parse_letter(text, f"{case}.txt"))
    letter["letter_date"] = str(letter["letter_date"]) if letter["letter_date"] else None
    return json.loads(json.dumps(letter))  # tuples as lists, as the golden file has them


def intended(case: str) -> dict:
    return json.loads((LETTERS / f"{case}.intended.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", letter_cases())
def test_parse_matches_golden_file(case: str, regen: bool) -> None:
    golden = LETTERS / f"{case}.expected.json"
    got = {"note": intended(case)["note"], "parsed": parsed_dict(case)}
    if regen:
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        pytest.skip(f"rewrote {golden.name}: review it with git diff before committing")
    assert golden.exists(), f"no golden file {golden.name}: run pytest --regen-golden, then review"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", letter_cases())
def test_parse_finds_exactly_the_letters_own_grades(case: str) -> None:
    want = intended(case)
    got = parsed_dict(case)
    assert (got["kind"], got["year"], got["council"]) == (
        want["kind"],
        want["year"],
        want["council"],
    )
    assert got["letter_date"] == want["date"]
    assert {j["area"]: j["grade"] for j in got["judgements"]} == want["judgements"]


@pytest.mark.parametrize("case", letter_cases())
def test_quotes_and_passages_trace_back_to_the_letter(case: str) -> None:
    text = (LETTERS / f"{case}.txt").read_text(encoding="utf-8")
    letter = parse_letter(text, case)
    for j in letter.judgements:
        assert j.quote == fold(text[j.start : j.end])
        assert j.quote in fold(text)
    for p in letter.passages:
        assert p.start < p.end
        assert p.text.split()[-1] in text[p.start : p.end]


def test_every_layout_has_a_golden_case() -> None:
    kinds_years = {(intended(c)["kind"], intended(c)["year"]) for c in letter_cases()}
    assert kinds_years >= {
        ("apa", 2005),
        ("apa", 2006),
        ("apa", 2007),
        ("apa", 2008),
        ("csa", 2009),
        ("csa", 2010),
        ("csa", 2011),
    }
