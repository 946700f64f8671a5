"""What users read that no test read before (survivors of mutation testing, batch e): two
grades explained at once, two ambiguous names in one question, a year a council did not exist
beside one it did, a count across councils asked in a thread about one, two councils named in
a follow-up, a filler word before an area's name, the CLI's council names, the search command,
a passage other letters repeat, an empty store's index, and the question each answer keeps.

Grades are those of the fixture letters (see test_behaviour_questions.py's docstring).
"""

import json
from pathlib import Path

import pytest

from retrieval.answer import AnswerKind, Context, Verdict
from retrieval.index import PassageIndex
from retrieval.names import words
from retrieval.render import to_json, to_text
from store.errors import LettersError

# -- the scales explained ----------------------------------------------------------------------


def test_two_grades_explained_are_two_sentences_joined_by_a_space(engine) -> None:
    answer = engine.answer("what do grades 2 and 3 mean?")
    assert answer.kind == AnswerKind.ABOUT
    assert answer.message.startswith(
        "Grade 2 is adequate in an APA letter (only minimum requirements) and "
        "\u201cPerforms adequately (2)\u201d in a CSA letter (meets only minimum requirements). "
        "On both scales"
    )
    assert (
        "where 1 is outstanding. Grade 3 is good in an APA letter (consistently above minimum "
        "requirements)" in answer.message
    )


# -- how a question was read -------------------------------------------------------------------


def test_two_ambiguous_names_are_both_shown_in_the_read_as_line(engine) -> None:
    answer = engine.answer("Sussex or Yorkshire overall 2007")
    assert answer.kind == AnswerKind.CLARIFY
    assert answer.message == "'Sussex' could mean East Sussex or West Sussex. Which one?"
    assert answer.read_as == (
        "Read as: Sussex? or Yorkshire? · overall effectiveness · 2007 · lookup"
    )


def test_a_filler_word_does_not_begin_a_mistyped_area(engine) -> None:
    """ "local care": "local" is a filler word, so "local care" is not "social care" mistyped;
    the words are searched for in the council's letter of that year."""
    answer = engine.answer("Birmingham local care 2007")
    assert answer.kind == AnswerKind.PASSAGES
    assert answer.message == (
        "Passages in Birmingham 2007 that best match 'local care', ranked by BM25."
    )
    assert answer.read_as == "Read as: Birmingham · 2007 · search"


# -- every answer keeps the question it answers ------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind", "start"),
    [
        (
            "Bedfordshire 2008 and 2009",
            AnswerKind.GRADES,
            "Bedfordshire: 2008 annual performance assessment: 7 graded area(s).\n"
            "Bedfordshire was not a children's services authority in 2009",
        ),
        (
            "Birmingham 2006 grades",
            AnswerKind.NOT_FOUND,
            "No letter for Birmingham for 2006 is in the store.",
        ),
        ("Leeds grades", AnswerKind.NOT_FOUND, "The store holds no letters for Leeds."),
        (
            "Birmingham staying safe and being healthy 2006",
            AnswerKind.NOT_FOUND,
            "No letter for Birmingham for 2006 is in the store.",
        ),
        (
            "Birmingham's strongest area in 2007",
            AnswerKind.GRADES,
            "Birmingham's strongest areas in 2007: Enjoying and achieving Grade 3 (good);",
        ),
    ],
)
def test_the_answer_keeps_the_question_it_answers(engine, question, kind, start) -> None:
    """`letters ask --json` gives each answer with the question it answers."""
    answer = engine.answer(question)
    assert answer.kind == kind
    assert answer.message.startswith(start)
    assert answer.question == question
    assert json.loads(to_json(answer))["question"] == question


# -- a thread about one council ----------------------------------------------------------------


def test_a_count_across_councils_in_a_thread_about_one_stays_across_councils(engine) -> None:
    answer = engine.answer(
        "how many councils were graded in 2008?",
        context=Context("Birmingham", (2007,), "overall", "grade"),
    )
    assert answer.kind == AnswerKind.COUNT
    assert answer.message == (
        "1 of the 1 councils held for 2008 was with a grade for Overall effectiveness: "
        "Bedfordshire 2008, Grade 2 (adequate)."
    )


def test_two_councils_named_in_a_follow_up_are_both_compared(engine) -> None:
    answer = engine.answer(
        "what about Birmingham and Bedfordshire?",
        context=Context("Birmingham", (2008,), "staying_safe", "grade"),
    )
    assert answer.kind == AnswerKind.COMPARE
    assert answer.read_as == "Read as: Birmingham and Bedfordshire · compare"
    assert answer.message.startswith(
        "Overall effectiveness: Birmingham 2011: Performs poorly (1); "
        "Bedfordshire 2008: Grade 2 (adequate)."
    )


# -- comparisons and yes/no questions ----------------------------------------------------------


def test_a_comparison_where_neither_side_has_a_letter_says_so(engine) -> None:
    answer = engine.answer("compare Slough 2007 and Surrey 2009 overall")
    assert answer.kind == AnswerKind.COMPARE
    assert answer.verdict == Verdict.NO_LETTER
    assert answer.message == (
        "Overall effectiveness: Slough: no letter held for 2007; Surrey: no letter held for "
        "2009. Neither side has a letter in the store for this, so they cannot be compared."
    )
    assert answer.context.intent == "grades"


def test_did_a_council_get_a_grade_looks_in_every_area(engine) -> None:
    answer = engine.answer("did Bedfordshire get a grade 1 in 2008?")
    assert answer.kind == AnswerKind.YESNO
    assert answer.message == (
        "Yes: Bedfordshire's 2008 letter gives Staying safe Grade 1 (inadequate)."
    )
    assert answer.context.intent == "grades"


# -- areas not graded in a year ----------------------------------------------------------------


def test_two_areas_not_graded_in_a_year_are_listed_with_a_comma(engine) -> None:
    answer = engine.answer("staying safe and being healthy grades in 2011")
    assert answer.kind == AnswerKind.NO_GRADE
    assert answer.message == "Staying safe, Being healthy is not graded in the letters for 2011."


# -- council names -----------------------------------------------------------------------------


def test_a_name_that_could_mean_two_councils_resolves_to_none(engine) -> None:
    assert engine.resolve_council("Sussex") is None
    with pytest.raises(LettersError, match="no council matches 'Sussex'"):
        engine.grades("Sussex")
    assert engine.resolve_council("Herefordshire, County of").short_name == "Herefordshire"


def test_a_plural_possessive_keeps_its_s() -> None:
    """The reader's word form: "Thames'" and "councils'" are "thames" and "councils"; "'s"
    goes."""
    assert words("Kingston upon Thames' overall") == ["kingston", "upon", "thames", "overall"]
    assert words("the councils' grades") == ["the", "councils", "grades"]
    assert words("Birmingham's grades") == ["birmingham", "grades"]


def test_a_plural_possessive_is_read_as_the_name(engine) -> None:
    answer = engine.answer("Kingston upon Thames' overall 2010")
    assert answer.kind == AnswerKind.GRADE
    assert answer.message == (
        "Kingston upon Thames's overall rating in its 2010 children's services assessment "
        "letter was Performs excellently (4)."
    )


# -- the search command ------------------------------------------------------------------------


def test_the_search_command_searches_the_letters_text(engine) -> None:
    answer = engine.search("fostering", k=2)
    assert answer.kind == AnswerKind.PASSAGES
    assert answer.message == "Passages that best match 'fostering', ranked by BM25."
    assert len(answer.passages) == 2
    mine = engine.search("fostering", council="Birmingham", k=2)
    assert mine.message == "Passages in Birmingham that best match 'fostering', ranked by BM25."
    assert {p.authority for p in mine.passages} == {"Birmingham"}


def test_a_passage_the_same_in_other_letters_says_so_with_its_names_indented(engine) -> None:
    answer = engine.search("minimum requirements", k=5)
    text = to_text(answer, width=40)
    assert "   \u2026 and 1 other letter says the same\n     (Slough CSA 2011)" in text


# -- the search index of an empty store --------------------------------------------------------


def test_the_index_of_an_empty_store_is_saved_and_loaded(tmp_path: Path) -> None:
    empty = PassageIndex.build([], [])
    path = tmp_path / "index.npz"
    empty.save(path)
    loaded = PassageIndex.load(path, empty.params)
    assert loaded is not None
    assert len(loaded) == 0
    assert loaded.search(["fostering"]) == []
