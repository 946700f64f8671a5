"""Scoring a labelled question set (the schema of shared/questions.jsonl) against the engine."""

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

from retrieval.answer import Answer, AnswerKind

PASSAGE_DEPTH = 3  # a passage question passes when one of the top three holds the text


@dataclass(frozen=True)
class Outcome:
    id: str
    question: str
    expect: str
    passed: bool
    why: str = ""


@dataclass
class EvalReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def by_expect(self) -> dict[str, tuple[int, int]]:
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self.outcomes:
            table[o.expect][0] += o.passed
            table[o.expect][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(table.items())}

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]


def load_questions(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def check(item: dict, answer: Answer) -> tuple[bool, str]:
    if "op" in item:
        return check_op(item, answer)
    expect = item["expect"]
    got = {(f.year, f.area): f.grade for f in answer.judgements}
    if expect == "grade":
        want = (item["year"], item["area"])
        ok = answer.kind == AnswerKind.GRADE and got.get(want) == item["grade"]
        return ok, f"wanted grade {item['grade']}, got {answer.kind} {got}"
    if expect == "grades":
        year_grades = {a: g for (y, a), g in got.items() if y == item["year"]}
        return (
            answer.kind == AnswerKind.GRADES and year_grades == item["grades"],
            f"got {answer.kind} {year_grades}",
        )
    if expect == "grades_by_year":
        by_year = {str(y): g for (y, a), g in got.items() if a == item["area"]}
        # a comparison of one council's years carries its grades by year too
        kinds = (AnswerKind.TREND, AnswerKind.GRADES, AnswerKind.COMPARE)
        return answer.kind in kinds and by_year == item["by_year"], f"got {answer.kind} {by_year}"
    if expect == "passage":
        needle = _fold(item["contains"])
        ok = answer.kind == AnswerKind.PASSAGES and any(
            needle in _fold(p.text) for p in answer.passages[:PASSAGE_DEPTH]
        )
        return ok, f"no top-{PASSAGE_DEPTH} passage holds '{item['contains']}' ({answer.kind})"
    if expect == "not_found":
        return answer.kind == AnswerKind.NOT_FOUND, f"got {answer.kind}: {answer.message[:80]}"
    if expect == "no_area_grade":
        ok = answer.kind == AnswerKind.NO_GRADE and not any(a == item["area"] for (_, a) in got)
        return ok, f"got {answer.kind}: {answer.message[:80]}"
    if expect == "table" and "authorities" in item:
        names = sorted({f.authority for f in answer.judgements})
        return answer.kind == AnswerKind.TABLE and names == sorted(
            item["authorities"]
        ), f"got {answer.kind} {names}"
    if expect in ("clarify", "help", "table", "trend"):
        return answer.kind == expect, f"got {answer.kind}: {answer.message[:80]}"
    return False, f"unknown expectation '{expect}'"


def evaluate(items: list[dict], ask) -> EvalReport:
    report = EvalReport()
    for item in items:
        answer = ask(item["q"])
        passed, why = check(item, answer)
        group = item["kind"] if "op" in item else item["expect"]
        report.outcomes.append(
            Outcome(item.get("id", ""), item["q"], group, passed, "" if passed else why)
        )
    return report


# -- the question-reading schema (tests/data/questions/blind.jsonl) ---------------------------
# Each item: kind (what is asked, the report's rows), op (the operation that answers it) and
# expect: the content a right answer carries. Every key present must hold.

# The set's own short names for two areas.
AREA_ALIASES = {
    "positive_contribution": "making_a_positive_contribution",
    "economic_wellbeing": "achieving_economic_wellbeing",
}
OP_KINDS = {
    "lookup": {AnswerKind.GRADE, AnswerKind.GRADES, AnswerKind.TABLE, AnswerKind.TREND},
    "not_found": {AnswerKind.NOT_FOUND},
    "unknown_name": {AnswerKind.NOT_FOUND},
    "no_grade": {AnswerKind.NO_GRADE},
    "clarify": {AnswerKind.CLARIFY},
    "search": {AnswerKind.PASSAGES},
    "help": {AnswerKind.HELP},
    # The set's names for two kinds the engine has always had: a ranking or filter across
    # councils is a table; a change over the years is a trend.
    "rank": {AnswerKind.TABLE},
    "change": {AnswerKind.TREND},
}


def _graded(answer: Answer) -> set[tuple[str, int, str, int]]:
    return {(f.authority, f.year, f.area, f.grade) for f in answer.judgements}


def _wanted(grades: list[dict]) -> set[tuple[str, int, str, int]]:
    return {
        (g["council"], g["year"], AREA_ALIASES.get(g["area"], g["area"]), g["grade"])
        for g in grades
    }


def check_op(item: dict, answer: Answer) -> tuple[bool, str]:
    """Whether the answer carries what the item expects; the first thing missing if not."""
    op, expect = item["op"], item["expect"]
    text = _fold(answer.message)
    kinds = OP_KINDS.get(op, {op})  # compare, count, yesno, about: kinds of the same name
    if answer.kind not in kinds:
        return False, f"wanted a {op} answer, got {answer.kind}: {answer.message[:80]}"
    got = _graded(answer)
    for key, value in expect.items():
        problem = _expectation(key, value, answer, text, got)
        if problem:
            return False, problem
    return True, ""


def _expectation(key: str, value, answer: Answer, text: str, got: set) -> str:
    if key == "grades":
        missing = _wanted(value) - got
        return f"missing grades {sorted(missing)}" if missing else ""
    if key == "sides":
        return _sides_problem(value, text, got)
    if key == "must_say":
        absent = [w for w in value if _fold(w) not in text]
        return f"does not say {absent}" if absent else ""
    if key == "must_not_state_grade_of":
        stated = sorted({a for (a, *_rest) in got if a in value})
        return f"states a grade of {stated}" if stated else ""
    if key == "options":
        absent = [o for o in value if o not in answer.options]
        return f"does not offer {absent}" if absent else ""
    if key == "passage_contains":
        needle = _fold(value)
        top = answer.passages[:PASSAGE_DEPTH]
        found = any(needle in _fold(p.text) for p in top)
        return "" if found else f"no top-{PASSAGE_DEPTH} passage holds '{value}'"
    if key == "councils":
        names = sorted({f.authority for f in answer.judgements})
        return "" if names == sorted(value) else f"lists {names}, wanted {sorted(value)}"
    if key == "yes":
        start = "yes" if value else "no"
        return "" if text.startswith(start) else f"does not start with {start.title()}"
    if key == "count":
        return "" if text.startswith(f"{value} ") else f"does not start with the count {value}"
    if key == "out_of":
        return "" if f"of the {value}" in text else f"does not say 'of the {value}'"
    if key == "years_not_held":
        absent = [y for y in value if str(y) not in text]
        return f"does not name the years not held {absent}" if absent else ""
    if key in ("verdict", "direction"):
        said = getattr(answer, key, None)
        return "" if said == value else f"{key} {said!r}, wanted {value!r}"
    if key in ("council", "year"):
        return ""  # context for the reader of the set; the checks above carry the content
    return f"unknown expectation '{key}'"


def _sides_problem(sides: list[dict], text: str, got: set) -> str:
    """Each graded side's grade is stated; a side with no grade (no letter) is named in the
    message and no grade of it for that year is stated."""
    missing = _wanted([s for s in sides if s["grade"] is not None]) - got
    if missing:
        return f"missing grades {sorted(missing)}"
    for side in (s for s in sides if s["grade"] is None):
        if _fold(side["council"]) not in text:
            return f"does not name the side without a letter, {side['council']}"
        stated = [g for g in got if g[0] == side["council"] and side["year"] in (None, g[1])]
        if stated:
            return f"states a grade for the side without a letter: {sorted(stated)}"
    return ""


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().lower()
