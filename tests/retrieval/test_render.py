"""Golden files for the terminal and JSON renderings of one answer of each kind."""

import json
from pathlib import Path

import pytest

from retrieval.answer import AnswerKind as KINDS
from retrieval.render import to_dict, to_json, to_text

GOLDEN = Path(__file__).parent / "golden"
QUESTIONS = {
    "grade": "what was Birmingham's Staying Safe grade in 2007?",
    "grades": "Bedfordshire 2008 grades",
    "trend": "Birmingham overall since 2005",
    "table": "Which councils performed poorly in 2011?",
    "passages": "private fostering",
    "not_found": "Birmingham overall 2008",
    "no_grade": "Slough being healthy 2011",
    "clarify": "Bedford 2008 overall",
    "help": "help",
    "compare": "slough vs birmingham 2011",
    "yesno": "anything below adequate for birmingham 2007?",
    "count": "how many councils performed poorly in 2011",
    "about": "what does performs adequately mean",
}


def test_every_kind_has_a_golden_question() -> None:
    assert set(QUESTIONS) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(QUESTIONS))
def test_renderings_match_golden(engine, kind: str, regen: bool) -> None:
    answer = engine.answer(QUESTIONS[kind])
    assert answer.kind == kind
    outputs = {
        f"{kind}.txt": to_text(answer) + "\n",
        f"{kind}.json": json.dumps(to_dict(answer), indent=1, ensure_ascii=False) + "\n",
    }
    for name, got in outputs.items():
        if regen:
            (GOLDEN / name).write_text(got, encoding="utf-8")
        assert got == (GOLDEN / name).read_text(encoding="utf-8"), name
    assert json.loads(to_json(answer))["kind"] == kind
