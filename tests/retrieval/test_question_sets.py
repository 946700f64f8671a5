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


# The blind sets, written from the letters and the README by helpers who never saw the code:
# blind.jsonl before the question reader was built (the rules were fixed against it, by
# class), heldout.jsonl after its first build (first run 139/160). Each question is its own
# test; the known misses are listed, and a listed miss that starts passing fails too.
HELD_OUT_MISSES = {
    # passage search finds words, not synonyms: the letter says "limited", "deferred"
    "h122": "why was cheshire west's 2009 rating capped",
    "h123": "why was slough's 2011 letter published so late",
}


def _blind(name: str) -> list[dict]:
    return load_questions((QUESTIONS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "item",
    [
        pytest.param(
            i,
            id=i["id"],
            marks=[pytest.mark.xfail(strict=True)] if i["id"] in HELD_OUT_MISSES else [],
        )
        for name in ("blind.jsonl", "heldout.jsonl")
        for i in _blind(name)
    ],
)
def test_blind_question(engine: Answerer, item: dict) -> None:
    report = evaluate([item], engine.answer)
    assert report.failures == [], report.failures[0].why
