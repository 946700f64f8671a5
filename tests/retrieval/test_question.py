import pytest

from retrieval.question import clean, find_years, parse_question
from store.councils import directory


def parse(text: str):
    return parse_question(text, directory())


@pytest.mark.parametrize(
    ("text", "council", "years", "area", "intent"),
    [
        (
            "what was Birmingham's Staying Safe grade in 2007?",
            "Birmingham",
            (2007,),
            "staying_safe",
            "grade",
        ),
        ("birmingham being healthy 2007", "Birmingham", (2007,), "being_healthy", "grade"),
        ("How did Birmingham do overall in 2011?", "Birmingham", (2011,), "overall", "grade"),
        ("Birmingham's safeguarding in 2007", "Birmingham", (2007,), "staying_safe", "grade"),
        ("Birmigham stayin safe 2007", "Birmingham", (2007,), "staying_safe", "grade"),
        ("Birmingham City Council overall 2011", "Birmingham", (2011,), "overall", "grade"),
        ("Kingston-upon-Thames overall 2010", "Kingston upon Thames", (2010,), "overall", "grade"),
        ("Brighton & Hove 2008 grades", "Brighton and Hove", (2008,), None, "grades"),
        (
            "How has Birmingham's overall rating changed from 2007 to 2011?",
            "Birmingham",
            (2007, 2008, 2009, 2010, 2011),
            "overall",
            "trend",
        ),
        (
            "Birmingham overall since 2005",
            "Birmingham",
            tuple(range(2005, 2012)),
            "overall",
            "trend",
        ),
        ("Birmingham overall 2007 vs 2011", "Birmingham", (2007, 2011), "overall", "trend"),
        ("Which councils performed poorly in 2011?", None, (2011,), None, "table"),
        ("private fostering", None, (), None, "search"),
        (
            "what did Ofsted say about children's homes in Birmingham in 2011?",
            "Birmingham",
            (2011,),
            None,
            "search",
        ),
    ],
)
def test_parse_question_slots(text, council, years, area, intent) -> None:
    q = parse(text)
    assert (q.council.short_name if q.council else None, q.years, q.area, q.intent) == (
        council,
        years,
        area,
        intent,
    )


def test_poorly_means_grade_one_in_a_table_question() -> None:
    assert parse("Which councils performed poorly in 2011?").grade_word == 1


def test_slack_markup_and_emoji_are_cleaned() -> None:
    assert clean("<@U123> hi <!channel> see <https://x.org|the site> 🙂") == "hi see the site"


def test_years_between_and_ranges() -> None:
    assert find_years("between 2006 and 2008") == (2006, 2007, 2008)
    assert find_years("2007 and 2011") == (2007, 2011)


@pytest.mark.parametrize("text", ["", "   ", "help", "what can you do?", "?"])
def test_help_questions(text: str) -> None:
    assert parse(text).intent == "help"
