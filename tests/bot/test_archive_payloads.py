"""Every kind of answer, on a store the size of the real archive's years, rendered for every
surface, is within Block Kit's limits: Slack would take it as it is."""

import pytest

from bot import blocks, payload
from retrieval.answer import AnswerKind
from tests.slack_double import _over_limits

QUESTIONS = {
    AnswerKind.GRADE: "what was Barnsley's staying safe grade in 2008?",
    AnswerKind.GRADES: "Barnsley 2008",
    AnswerKind.TABLE: "staying safe grades in 2008",
    AnswerKind.COUNT: "how many councils were good for staying safe in 2008?",
    AnswerKind.COMPARE: "Barnsley vs Leeds 2008",
    AnswerKind.YESNO: "did Leeds get anything outstanding in 2008?",
    AnswerKind.TREND: "how has Leeds's overall rating changed?",
    AnswerKind.NO_GRADE: "Leeds staying safe 2011",
    AnswerKind.NOT_FOUND: "Leeds 2006",
    AnswerKind.CLARIFY: "sussex 2008",
    AnswerKind.ABOUT: "what does grade 4 mean?",
    AnswerKind.HELP: "help",
    AnswerKind.PASSAGES: "children in care",
}
BIG = [
    "all grades in 2008",  # every area of every council: 1,050 findings
    "which councils performed poorly in 2011?",
    "overall 2011",
    "which councils were graded for anything in 2008",
    "how many councils got a 1 for anything in 2008",
]


def surfaces(answer) -> dict[str, dict]:
    return {
        "mention": blocks.to_blocks(answer),
        "/grade": blocks.for_command(answer, "/grade", answer.question),
        "shared": blocks.shared(answer, "U0PERSON1"),
    }


def test_the_archive_store_holds_every_council_of_both_years(archive) -> None:
    held = archive.coverage()
    assert sum(len(years) for years in held.values()) > 290
    assert archive.answer(QUESTIONS[AnswerKind.TABLE]).kind == AnswerKind.TABLE


@pytest.mark.parametrize("kind", list(QUESTIONS), ids=str)
def test_every_answer_kind_fits_every_surface(archive, kind) -> None:
    answer = archive.answer(QUESTIONS[kind], mode="auto")
    assert answer.kind == kind
    for surface, message in surfaces(answer).items():
        assert payload.problems(message) == [], surface
        assert not _over_limits("chat.postMessage", message), surface
        assert payload.checked(message) is message  # sent as rendered, not replaced


@pytest.mark.parametrize("question", BIG)
def test_answers_about_every_council_fit_and_say_what_is_not_shown(archive, question) -> None:
    answer = archive.answer(question, mode="auto")
    assert len(answer.judgements) >= 20  # more than a message shows one by one
    for surface, message in surfaces(answer).items():
        assert payload.problems(message) == [], surface
        assert not _over_limits("chat.postMessage", message), surface
        shown = " ".join(
            b.get("text", {}).get("text", "")
            + " ".join(e.get("text", "") for e in b.get("elements", []) if "value" not in e)
            + " ".join(cell["text"] for row in b.get("rows", []) for cell in row)
            for b in message["blocks"]
        )
        first = answer.judgements[0]
        assert first.authority in shown  # the answer itself, not a replacement
        if answer.judgements[-1].authority not in shown:  # rows on later pages, said so
            assert f"Rows 1-20 of {len(answer.judgements)}" in shown
            [pager] = [b for b in message["blocks"] if b.get("block_id") == "pages"]
            assert [e["action_id"] for e in pager["elements"]] == ["page", "csv"]


def test_the_home_view_of_the_archive_fits_a_home_tab(archive) -> None:
    view = blocks.home_view(archive.coverage())
    assert payload.problems(view, payload.Surface.HOME) == []
    assert not _over_limits("views.publish", {"view": view})
