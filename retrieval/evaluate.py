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
        return answer.kind in (AnswerKind.TREND, AnswerKind.GRADES) and by_year == item[
            "by_year"
        ], f"got {answer.kind} {by_year}"
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
        report.outcomes.append(
            Outcome(item.get("id", ""), item["q"], item["expect"], passed, "" if passed else why)
        )
    return report


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().lower()
