"""Conversations in a Slack thread: each reply builds on the context the thread keeps.

The bot keeps, per thread, the context of the latest answer that gave one, stored as JSON and
read back before the next question (bot/threads.py); ``thread`` below does the same.
"""

import json

import pytest

from retrieval.answer import Context


def thread(engine, *questions: str) -> list[tuple[str, str]]:
    """Ask each question in turn in one thread; each answer's kind and message."""
    stored: str | None = None
    said = []
    for question in questions:
        context = Context.from_dict(json.loads(stored)) if stored else None
        answer = engine.answer(question, context=context)
        if answer.context is not None:
            stored = json.dumps(answer.context.to_dict())
        said.append((answer.kind, answer.message))
    return said


BIRMINGHAM_HEALTHY_2007 = (
    "grade",
    "Birmingham's Being healthy grade in its 2007 annual performance assessment letter was "
    "Grade 2 (adequate).",
)
BIRMINGHAM_2007_GRADES = (
    "grades",
    "Birmingham: 2007 annual performance assessment: 7 graded area(s).",
)


def test_after_a_missing_letter_another_year_asks_about_the_same_council_and_area(
    engine,
) -> None:
    said = thread(engine, "What was Birmingham's overall grade in 2008?", "and in 2011?")
    assert said[1] == (
        "grade",
        "Birmingham's overall rating in its 2011 children's services assessment letter was "
        "Performs poorly (1).",
    )


@pytest.mark.parametrize(
    "first",
    [
        "What was Birmingham's being healthy grade in 2011?",  # the letter does not grade it
        "Birmingham being healthy 2007 to 2011",  # a trend
    ],
)
def test_another_year_keeps_the_area_asked_about(engine, first: str) -> None:
    assert thread(engine, first, "and in 2007?")[1] == BIRMINGHAM_HEALTHY_2007


def test_another_area_keeps_the_year_asked_about(engine) -> None:
    said = thread(engine, "Birmingham staying safe 2007", "what about being healthy?")
    assert said[1] == BIRMINGHAM_HEALTHY_2007


@pytest.mark.parametrize(
    ("table", "then"),
    [
        (
            "Which councils performed poorly in 2011?",
            (
                "grade",
                "Birmingham's overall rating in its 2011 children's services assessment letter "
                "was Performs poorly (1).",
            ),
        ),
        (
            "Which councils had good being healthy grades in 2011?",
            (
                "no_grade",
                "Birmingham's 2011 letter does not grade Being healthy: children's services "
                "assessments (2009-2011) give a single overall rating. Its overall rating was "
                "Performs poorly (1). The passage below is what the letter says nearest to it.",
            ),
        ),
    ],
)
def test_naming_a_council_after_a_table_asks_about_the_table_year_and_area(
    engine, table: str, then: tuple
) -> None:
    assert thread(engine, table, "Birmingham")[1] == then


def test_a_year_after_a_search_keeps_searching_that_council(engine) -> None:
    said = thread(engine, "fostering in Bedfordshire", "fostering in 2009")
    assert said[1] == ("passages", "No passage in Bedfordshire 2009 matches 'fostering in'.")


def test_an_unknown_place_in_a_follow_up_is_not_taken_for_the_thread_council(engine) -> None:
    said = thread(engine, "Birmingham staying safe 2007", "and Gotham in 2011?")
    assert said[1] == (
        "not_found",
        "I don't know 'Gotham': no English children's services authority is called that. Did "
        "you mean Northamptonshire or Southampton or Waltham Forest?",
    )


def test_a_new_council_with_search_words_is_a_fresh_search(engine) -> None:
    said = thread(engine, "Birmingham staying safe 2007", "what about foster care in Bedfordshire?")
    assert said[1] == (
        "passages",
        "Passages in Bedfordshire that best match 'what about foster care in', ranked by BM25.",
    )


def test_a_new_council_with_its_own_year_keeps_that_year(engine) -> None:
    said = thread(engine, "Birmingham staying safe 2007", "and Bedfordshire 2008?")
    assert said[1] == (
        "grades",
        "Bedfordshire: 2008 annual performance assessment: 7 graded area(s).",
    )


def test_a_new_council_alone_takes_the_year_asked_about(engine) -> None:
    said = thread(engine, "Birmingham 2007 grades", "and Bedfordshire?")
    assert said == [
        BIRMINGHAM_2007_GRADES,
        (
            "not_found",
            "No letter for Bedfordshire for 2007 is in the store. The store holds these letters "
            "for Bedfordshire: 2008 (APA).",
        ),
    ]


def test_a_span_of_years_after_one_grade_is_a_trend_of_that_area(engine) -> None:
    said = thread(engine, "Birmingham staying safe 2007", "what about 2007 to 2011?")
    assert said[1] == (
        "trend",
        "Birmingham, Staying safe: 2007: Grade 2 (adequate). Only one letter in 2007-2011 grades "
        "it: one letter does not make a trend. Not graded in the letter for 2011. No letter held "
        "for 2008, 2009, 2010.",
    )


def test_search_words_after_a_council_s_grades_search_that_council_and_year(engine) -> None:
    said = thread(engine, "Birmingham 2007 grades", "what about foster care?")
    assert said[1] == (
        "passages",
        "Passages in Birmingham 2007 that best match 'what about foster care', ranked by BM25.",
    )


def test_search_words_with_a_year_after_a_council_s_grades_give_that_year_s_grades(
    engine,
) -> None:
    said = thread(engine, "Birmingham 2007 grades", "foster care in 2011")
    assert said[1] == (
        "grade",
        "Birmingham's overall rating in its 2011 children's services assessment letter was "
        "Performs poorly (1).",
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Bedfordshire 2009 overall",
            (
                "not_found",
                "Bedfordshire was not a children's services authority in 2009 (it was from 2005 "
                "to 2008); Bedford and Central Bedfordshire took over its duties (Bedford "
                "2009-2011; Central Bedfordshire 2009-2011; Bedfordshire 2005-2008).",
            ),
        ),
        (
            "Cheshire 2010 overall",
            (
                "clarify",
                "Cheshire was not a children's services authority in 2010. Which did you mean? "
                "(Cheshire East 2009-2011; Cheshire West and Chester 2009-2011; Cheshire "
                "2005-2008)",
            ),
        ),
        (
            "Central Bedfordshire 2007 overall",
            (
                "not_found",
                "Central Bedfordshire was not a children's services authority in 2007 (it was "
                "from 2009 to 2011); Bedfordshire held the duty then (Bedfordshire 2005-2008; "
                "Central Bedfordshire 2009-2011).",
            ),
        ),
        (
            "Cheshire East 2008 overall",
            (
                "not_found",
                "Cheshire East was not a children's services authority in 2008 (it was from 2009 "
                "to 2011); Cheshire held the duty then (Cheshire 2005-2008; Cheshire East "
                "2009-2011).",
            ),
        ),
    ],
)
def test_a_council_asked_about_outside_its_years_offers_its_predecessor_or_successors(
    engine, question: str, said: tuple
) -> None:
    assert thread(engine, question) == [said]
