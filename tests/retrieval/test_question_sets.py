"""The dev question set (a copy of shared/questions.jsonl) and the project's labelled set."""

from pathlib import Path

import pytest

from retrieval.answerer import Answerer
from retrieval.evaluate import evaluate, load_questions

QUESTIONS = Path(__file__).parents[1] / "data" / "questions"


def test_dev_questions_all_pass_on_the_bundled_letters(tmp_path) -> None:
    from store.db import make_engine

    engine = Answerer.open(make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}"))
    report = evaluate(load_questions((QUESTIONS / "dev.jsonl").read_text()), engine.answer)
    assert report.failures == []


@pytest.mark.parametrize("name", ["dev.jsonl", "labelled.jsonl"])
def test_question_set_all_pass_on_the_fixture_letters(engine: Answerer, name: str) -> None:
    items = load_questions((QUESTIONS / name).read_text())
    report = evaluate(items, engine.answer)
    assert [(o.id, o.why) for o in report.failures] == []
    assert len(report.outcomes) == len(items)
