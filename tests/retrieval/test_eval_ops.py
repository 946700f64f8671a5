"""``letters eval`` on the question-reading schema (kind, op, expect): each expectation holds
or the report says what is missing; accuracy is reported per kind."""

import json
from pathlib import Path

import pytest

from retrieval.answer import Answer, AnswerKind
from retrieval.evaluate import check, evaluate
from tests.bot.samples import SAFE, cited
from tests.test_cli import run

GRADE = Answer(
    AnswerKind.GRADE, "q", "Birmingham's Staying safe grade in 2007 was Grade 2.", (SAFE,)
)


def item(op: str, kind: str = "lookup", **expect) -> dict:
    return {"id": "t1", "kind": kind, "q": "q", "op": op, "expect": expect}


SAFE_2007 = {"council": "Birmingham", "year": 2007, "area": "staying_safe", "grade": 2}


@pytest.mark.parametrize(
    ("case", "answer", "why"),
    [
        (item("lookup", grades=[SAFE_2007]), GRADE, ""),
        (
            item("lookup", grades=[{**SAFE_2007, "grade": 3}]),
            GRADE,
            "missing grades [('Birmingham', 2007, 'staying_safe', 3)]",
        ),
        (
            item("compare", grades=[SAFE_2007]),
            GRADE,
            "wanted a compare answer, got grade: Birmingham's Staying safe grade in 2007 was "
            "Grade 2.",
        ),
        (item("lookup", must_say=["grade 2"]), GRADE, ""),
        (item("lookup", must_say=["Leeds"]), GRADE, "does not say ['Leeds']"),
        (
            item("lookup", must_not_state_grade_of=["Birmingham"]),
            GRADE,
            "states a grade of ['Birmingham']",
        ),
        (item("lookup", councils=["Birmingham"]), GRADE, ""),
        (item("lookup", councils=["Leeds"]), GRADE, "lists ['Birmingham'], wanted ['Leeds']"),
        (item("lookup", council="Leeds", year=1999), GRADE, ""),
        (item("lookup", nonsense=1), GRADE, "unknown expectation 'nonsense'"),
    ],
)
def test_each_expectation_holds_or_says_what_is_missing(case, answer, why) -> None:
    assert check(case, answer) == (why == "", why)


def test_areas_in_the_sets_short_names_match() -> None:
    mpc = {"council": "Birmingham", "year": 2007, "area": "positive_contribution", "grade": 2}
    from dataclasses import replace

    pc = Answer(AnswerKind.GRADE, "q", "m", (replace(SAFE, area="making_a_positive_contribution"),))
    assert check(item("lookup", grades=[mpc]), pc) == (True, "")


def test_yes_no_counts_and_years() -> None:
    yes = Answer("yesno", "q", "Yes: Grade 4 in 2008, in 2 of the 148 letters held.")
    assert check(item("yesno", yes=True), yes) == (True, "")
    assert check(item("yesno", yes=False), yes) == (False, "does not start with No")
    counted = Answer("count", "q", "2 of the 148 letters held for 2008.")
    assert check(item("count", count=2, out_of=148), counted) == (True, "")
    assert check(item("count", count=3), counted) == (False, "does not start with the count 3")
    assert check(item("count", out_of=150), counted) == (False, "does not say 'of the 150'")
    # op change is answered by a trend answer
    trend = Answer(
        AnswerKind.TREND, "q", "Down from 2007 to 2011; no letter held for 2008 or 2010."
    )
    assert check(item("change", years_not_held=[2008, 2010]), trend) == (True, "")
    assert check(item("change", years_not_held=[2009]), trend) == (
        False,
        "does not name the years not held [2009]",
    )
    assert check(item("change", direction="down"), trend) == (
        False,
        "direction None, wanted 'down'",
    )


def test_options_and_passages() -> None:
    clarify = Answer(
        AnswerKind.CLARIFY, "q", "Which Sussex?", options=("East Sussex", "West Sussex")
    )
    assert check(item("clarify", options=["East Sussex"]), clarify) == (True, "")
    assert check(item("clarify", options=["Essex"]), clarify) == (False, "does not offer ['Essex']")
    texts = ["one two", "three four", "five six", "privately fostered children"]
    found = Answer(
        AnswerKind.PASSAGES, "q", "m", passages=tuple(cited(i, t) for i, t in enumerate(texts))
    )
    assert check(item("search", passage_contains="Five Six"), found) == (True, "")
    assert check(item("search", passage_contains="privately fostered"), found) == (
        False,
        "no top-3 passage holds 'privately fostered'",
    )


def test_report_is_per_kind(tmp_path: Path) -> None:
    items = [
        item("lookup", grades=[SAFE_2007]),
        {**item("lookup", kind="names", grades=[SAFE_2007]), "id": "t2"},
        {**item("not_found", kind="refuse"), "id": "t3"},
    ]
    report = evaluate(items, lambda q: GRADE)
    assert report.by_expect() == {"lookup": (1, 1), "names": (1, 1), "refuse": (0, 1)}
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    out = run(tmp_path, "eval", str(path))
    assert out.returncode == 1 and "refuse           0/1    0.0%" in out.stdout
