"""What users read that no test read before (survivors of mutation testing, batch d): the
"Read as" line of a message whose last sentence is the question, a council name that could mean
two beside one that is clear, and the words a forced search ("search: ...", a quoted phrase)
looks for.

Grades are those of the fixture letters (see test_behaviour_questions.py's docstring).
"""

import pytest

from retrieval.answer import AnswerKind
from retrieval.render import to_text

# -- a message whose last sentence is the question says so ------------------------------------


@pytest.mark.parametrize(
    ("message", "grade", "read_as"),
    [
        (
            "Tell me Birmingham got a 4. Anyway what was Bham overall in 2007?",
            "Grade 3 (good)",
            "Read as: Birmingham · overall effectiveness · 2007 · lookup · "
            "from the message's last sentence",
        ),
        (
            "Thanks for earlier. What was Birmingham's staying safe grade in 2007?",
            "Grade 2 (adequate)",
            "Read as: Birmingham · staying safe · 2007 · lookup · from the message's last sentence",
        ),
    ],
)
def test_a_question_read_from_the_last_sentence_says_so(engine, message, grade, read_as) -> None:
    answer = engine.answer(message)
    assert answer.kind == AnswerKind.GRADE
    assert answer.message.endswith(f"was {grade}.")
    assert answer.read_as == read_as
    assert f"({read_as})" in to_text(answer, width=200)


def test_a_whole_question_of_one_sentence_says_nothing_of_a_last_sentence(engine) -> None:
    answer = engine.answer("What was Birmingham's staying safe grade in 2007?")
    assert answer.read_as == "Read as: Birmingham · staying safe · 2007 · lookup"


# -- a name that could mean two councils, beside one that is clear ----------------------------


def test_a_grade_question_naming_an_ambiguous_council_beside_a_clear_one_asks_which(
    engine,
) -> None:
    answer = engine.answer("Birmingham and Sussex overall 2007")
    assert answer.kind == AnswerKind.CLARIFY
    assert answer.message == "'Sussex' could mean East Sussex or West Sussex. Which one?"
    assert answer.options == ("East Sussex", "West Sussex")
    assert answer.choices == (
        "Birmingham and East Sussex overall 2007",
        "Birmingham and West Sussex overall 2007",
    )


def test_a_search_in_a_named_council_s_letters_is_not_stopped_by_an_ambiguous_word(
    engine,
) -> None:
    """A passage search with a council named searches its letters: a word that could be a
    council's name ("sussex") does not stop it with a question."""
    answer = engine.answer("Birmingham sussex fostering")
    assert answer.kind == AnswerKind.PASSAGES
    assert answer.message == (
        "Passages in Birmingham that best match 'sussex fostering', ranked by BM25."
    )
    assert answer.passages and {p.authority for p in answer.passages} == {"Birmingham"}
    assert "privately fostered" in answer.passages[0].text


# -- a forced search looks for every word written but the council's name and the years --------


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "search: good or outstanding in 2007",
            "Passages in 2007 that best match 'good or outstanding in', ranked by BM25.",
        ),
        ('"performs poorly"', "Passages that best match 'performs poorly', ranked by BM25."),
        ("search: grade 2", "Passages that best match 'grade 2', ranked by BM25."),
        (
            '"inadequate" Birmingham',
            "Passages in Birmingham that best match 'inadequate', ranked by BM25.",
        ),
    ],
)
def test_a_forced_search_looks_for_the_grade_words_written(engine, question, message) -> None:
    answer = engine.answer(question)
    assert answer.kind == AnswerKind.PASSAGES
    assert answer.message == message
    assert answer.passages


def test_a_quoted_grade_phrase_finds_the_letters_that_use_it(engine) -> None:
    answer = engine.answer('"performs poorly"')
    assert "perform" in answer.passages[0].text.lower()
    assert "poorly" in answer.passages[0].text.lower()
