"""What a user sees for the questions the new reader and composers answer: comparisons,
yes/no questions, the strongest and weakest areas, counts, rankings across councils, change
over the years, the scheme itself, and names typed loosely, wrongly or ambiguously.

Every expected value was checked against the fixture letters in tests/data/letters:
Surrey APA 2005 (overall 3, capacity 3, education 4, social care 2), East Riding APA 2006
(overall 4, capacity 4, social care 3), Birmingham APA 2007 (overall 3, being healthy 2,
staying safe 2, enjoying and achieving 3, positive contribution 3, economic well-being 3,
capacity 3), Bedfordshire APA 2008 (overall 2, being healthy 3, staying safe 1, enjoying and
achieving 2, positive contribution 4, economic well-being 3, capacity 2), Cheshire West and
Chester CSA 2009 (2), Kingston upon Thames CSA 2010 (4), Birmingham CSA 2011 (1) and Slough
CSA 2011 (1). Messages are asserted whole, with the findings in the order shown.
"""

import shutil

import pytest

from retrieval.answer import Answer, AnswerKind, Context, Direction, Verdict
from retrieval.answerer import Answerer
from retrieval.names import gazetteer
from retrieval.reading import Op, Order, read
from store.councils import directory
from store.db import create_schema, make_engine
from store.ingest import ingest_paths
from store.vocabulary import LetterKind
from tests.conftest import LETTERS


def graded(answer: Answer) -> list[tuple[str, int, str, int]]:
    return [(f.authority, f.year, f.area, f.grade) for f in answer.judgements]


def check(answer: Answer, kind, message, judgements, outcome=None) -> None:
    """The answer's kind, whole message and findings; its verdict or direction (or neither)."""
    assert answer.kind == kind
    assert answer.message == message
    assert graded(answer) == judgements
    assert answer.verdict == (outcome if isinstance(outcome, Verdict) else None)
    assert answer.direction == (outcome if isinstance(outcome, Direction) else None)


COMPARE = [
    pytest.param(
        "east riding vs surrey",
        AnswerKind.COMPARE,
        Verdict.FIRST_HIGHER,
        (
            "Overall effectiveness: East Riding of Yorkshire 2006: Grade 4 (outstanding); Surrey "
            "2005: Grade 3 (good). East Riding of Yorkshire 2006 is higher (4 is best)."
        ),
        [("East Riding of Yorkshire", 2006, "overall", 4), ("Surrey", 2005, "overall", 3)],
        id="east riding vs surrey",
    ),
    pytest.param(
        "surrey vs east riding overall",
        AnswerKind.COMPARE,
        Verdict.SECOND_HIGHER,
        (
            "Overall effectiveness: Surrey 2005: Grade 3 (good); East Riding of Yorkshire 2006: "
            "Grade 4 (outstanding). East Riding of Yorkshire 2006 is higher (4 is best)."
        ),
        [("Surrey", 2005, "overall", 3), ("East Riding of Yorkshire", 2006, "overall", 4)],
        id="surrey vs east riding overall",
    ),
    pytest.param(
        "bedfordshire 2008 vs birmingham 2007 staying safe",
        AnswerKind.COMPARE,
        Verdict.SECOND_HIGHER,
        (
            "Staying safe: Bedfordshire 2008: Grade 1 (inadequate); Birmingham 2007: Grade 2 "
            "(adequate). Birmingham 2007 is higher (4 is best)."
        ),
        [("Bedfordshire", 2008, "staying_safe", 1), ("Birmingham", 2007, "staying_safe", 2)],
        id="bedfordshire 2008 vs birmingham 2007 staying safe",
    ),
    pytest.param(
        "east riding 2006 vs surrey 2005 social care",
        AnswerKind.COMPARE,
        Verdict.FIRST_HIGHER,
        (
            "Social care: East Riding of Yorkshire 2006: Grade 3 (good); Surrey 2005: Grade 2 "
            "(adequate). East Riding of Yorkshire 2006 is higher (4 is best)."
        ),
        [("East Riding of Yorkshire", 2006, "social_care", 3), ("Surrey", 2005, "social_care", 2)],
        id="east riding 2006 vs surrey 2005 social care",
    ),
    pytest.param(
        "compare birmingham 2007 and bedfordshire 2008 capacity",
        AnswerKind.COMPARE,
        Verdict.FIRST_HIGHER,
        (
            "Capacity to improve: Birmingham 2007: Grade 3 (good); Bedfordshire 2008: Grade 2 "
            "(adequate). Birmingham 2007 is higher (4 is best)."
        ),
        [
            ("Birmingham", 2007, "capacity_to_improve", 3),
            ("Bedfordshire", 2008, "capacity_to_improve", 2),
        ],
        id="compare birmingham 2007 and bedfordshire 2008 capacity",
    ),
    pytest.param(
        "birmingham 2007 vs bedfordshire 2008 enjoying and achieving",
        AnswerKind.COMPARE,
        Verdict.FIRST_HIGHER,
        (
            "Enjoying and achieving: Birmingham 2007: Grade 3 (good); Bedfordshire 2008: Grade 2 "
            "(adequate). Birmingham 2007 is higher (4 is best)."
        ),
        [
            ("Birmingham", 2007, "enjoying_and_achieving", 3),
            ("Bedfordshire", 2008, "enjoying_and_achieving", 2),
        ],
        id="birmingham 2007 vs bedfordshire 2008 enjoying and achieving",
    ),
    pytest.param(
        "cheshire west vs kingston",
        AnswerKind.COMPARE,
        Verdict.SECOND_HIGHER,
        (
            "Overall effectiveness: Cheshire West and Chester 2009: Performs adequately (2); "
            "Kingston upon Thames 2010: Performs excellently (4). Kingston upon Thames 2010 is "
            "higher (4 is best)."
        ),
        [
            ("Cheshire West and Chester", 2009, "overall", 2),
            ("Kingston upon Thames", 2010, "overall", 4),
        ],
        id="cheshire west vs kingston",
    ),
    pytest.param(
        "slough 2011 vs kingston 2010",
        AnswerKind.COMPARE,
        Verdict.SECOND_HIGHER,
        (
            "Overall effectiveness: Slough 2011: Performs poorly (1); Kingston upon Thames 2010: "
            "Performs excellently (4). Kingston upon Thames 2010 is higher (4 is best)."
        ),
        [("Slough", 2011, "overall", 1), ("Kingston upon Thames", 2010, "overall", 4)],
        id="slough 2011 vs kingston 2010",
    ),
    pytest.param(
        "slough vs birmingham 2011",
        AnswerKind.COMPARE,
        Verdict.EQUAL,
        (
            "Overall effectiveness: Slough 2011: Performs poorly (1); Birmingham 2011: Performs "
            "poorly (1). The grades are equal."
        ),
        [("Slough", 2011, "overall", 1), ("Birmingham", 2011, "overall", 1)],
        id="slough vs birmingham 2011",
    ),
    pytest.param(
        "bham and slouhg 2011",
        AnswerKind.COMPARE,
        Verdict.EQUAL,
        (
            "Overall effectiveness: Birmingham 2011: Performs poorly (1); Slough 2011: Performs "
            "poorly (1). The grades are equal."
        ),
        [("Birmingham", 2011, "overall", 1), ("Slough", 2011, "overall", 1)],
        id="bham and slouhg 2011",
    ),
    pytest.param(
        "birmingham 2007 vs 2011",
        AnswerKind.COMPARE,
        Verdict.DIFFERENT,
        (
            "Overall effectiveness: Birmingham 2007: Grade 3 (good); Birmingham 2011: Performs "
            "poorly (1). These are different assessments: APA grades (2005-2008) and CSA ratings "
            "(2009-2011) judge different things, though 4 is best on both."
        ),
        [("Birmingham", 2007, "overall", 3), ("Birmingham", 2011, "overall", 1)],
        id="birmingham 2007 vs 2011",
    ),
    pytest.param(
        "birmingham vs bedfordshire",
        AnswerKind.COMPARE,
        Verdict.DIFFERENT,
        (
            "Overall effectiveness: Birmingham 2011: Performs poorly (1); Bedfordshire 2008: "
            "Grade 2 (adequate). These are different assessments: APA grades (2005-2008) and CSA "
            "ratings (2009-2011) judge different things, though 4 is best on both."
        ),
        [("Birmingham", 2011, "overall", 1), ("Bedfordshire", 2008, "overall", 2)],
        id="birmingham vs bedfordshire",
    ),
    pytest.param(
        "birmingham 2007 vs 2008",
        AnswerKind.COMPARE,
        Verdict.NO_LETTER,
        (
            "Overall effectiveness: Birmingham 2007: Grade 3 (good); Birmingham: no letter held "
            "for 2008. One side has no letter in the store for this, so they cannot be compared."
        ),
        [("Birmingham", 2007, "overall", 3)],
        id="birmingham 2007 vs 2008",
    ),
    pytest.param(
        "birmingham 2008 vs 2011",
        AnswerKind.COMPARE,
        Verdict.NO_LETTER,
        (
            "Overall effectiveness: Birmingham: no letter held for 2008; Birmingham 2011: "
            "Performs poorly (1). One side has no letter in the store for this, so they cannot be "
            "compared."
        ),
        [("Birmingham", 2011, "overall", 1)],
        id="birmingham 2008 vs 2011",
    ),
    pytest.param(
        "leeds vs birmingham",
        AnswerKind.COMPARE,
        Verdict.NO_LETTER,
        (
            "Overall effectiveness: Leeds: no letter held; Birmingham 2011: Performs poorly (1). "
            "One side has no letter in the store for this, so they cannot be compared."
        ),
        [("Birmingham", 2011, "overall", 1)],
        id="leeds vs birmingham",
    ),
    pytest.param(
        "Bedford vs Slough 2011",
        AnswerKind.COMPARE,
        Verdict.NO_LETTER,
        (
            "Overall effectiveness: Bedford: no letter held for 2011; Slough 2011: Performs "
            "poorly (1). One side has no letter in the store for this, so they cannot be compared."
        ),
        [("Slough", 2011, "overall", 1)],
        id="Bedford vs Slough 2011",
    ),
    pytest.param(
        "surrey 2005 vs birmingham 2007 staying safe",
        AnswerKind.COMPARE,
        Verdict.NOT_GRADED,
        (
            "Staying safe: Surrey 2005: Staying safe not graded that year; Birmingham 2007: "
            "Grade 2 (adequate). One side's letter does not grade that area, so they cannot be "
            "compared."
        ),
        [("Birmingham", 2007, "staying_safe", 2)],
        id="surrey 2005 vs birmingham 2007 staying safe",
    ),
    pytest.param(
        "slough vs kingston vs birmingham",
        AnswerKind.COMPARE,
        None,
        (
            "Overall effectiveness: Slough 2011: Performs poorly (1); Kingston upon Thames 2010: "
            "Performs excellently (4); Birmingham 2011: Performs poorly (1). Highest: Kingston "
            "upon Thames."
        ),
        [
            ("Slough", 2011, "overall", 1),
            ("Kingston upon Thames", 2010, "overall", 4),
            ("Birmingham", 2011, "overall", 1),
        ],
        id="slough vs kingston vs birmingham",
    ),
    pytest.param(
        "birmingham vs slough vs kingston vs cheshire west",
        AnswerKind.COMPARE,
        None,
        (
            "Overall effectiveness: Birmingham 2011: Performs poorly (1); Slough 2011: Performs "
            "poorly (1); Kingston upon Thames 2010: Performs excellently (4); Cheshire West and "
            "Chester 2009: Performs adequately (2). Highest: Kingston upon Thames."
        ),
        [
            ("Birmingham", 2011, "overall", 1),
            ("Slough", 2011, "overall", 1),
            ("Kingston upon Thames", 2010, "overall", 4),
            ("Cheshire West and Chester", 2009, "overall", 2),
        ],
        id="birmingham vs slough vs kingston vs cheshire west",
    ),
]


YESNO = [
    pytest.param(
        "did bedfordshire get a 3 for being healthy and staying safe in 2008",
        AnswerKind.YESNO,
        (
            "No: Bedfordshire's 2008 letter gives Being healthy Grade 3 (good); Staying safe "
            "Grade 1 (inadequate)."
        ),
        [("Bedfordshire", 2008, "being_healthy", 3), ("Bedfordshire", 2008, "staying_safe", 1)],
        id="did bedfordshire get a 3 for being healthy and staying safe in 2008",
    ),
    pytest.param(
        "was birmingham's being healthy worse than staying safe in 2007?",
        AnswerKind.YESNO,
        (
            "No: Birmingham's 2007 letter gives Being healthy Grade 2 (adequate); Staying safe "
            "Grade 2 (adequate)."
        ),
        [("Birmingham", 2007, "being_healthy", 2), ("Birmingham", 2007, "staying_safe", 2)],
        id="was birmingham's being healthy worse than staying safe in 2007?",
    ),
    pytest.param(
        "did birmingham get a 3 for anything in 2007?",
        AnswerKind.YESNO,
        (
            "Yes: Birmingham's 2007 letter gives Overall effectiveness Grade 3 (good); Enjoying "
            "and achieving Grade 3 (good); Making a positive contribution Grade 3 (good); "
            "Achieving economic well-being Grade 3 (good); Capacity to improve Grade 3 (good)."
        ),
        [
            ("Birmingham", 2007, "overall", 3),
            ("Birmingham", 2007, "enjoying_and_achieving", 3),
            ("Birmingham", 2007, "making_a_positive_contribution", 3),
            ("Birmingham", 2007, "achieving_economic_wellbeing", 3),
            ("Birmingham", 2007, "capacity_to_improve", 3),
        ],
        id="did birmingham get a 3 for anything in 2007?",
    ),
    pytest.param(
        "did birmingham get a 4 for anything in 2007?",
        AnswerKind.YESNO,
        (
            "No: Birmingham's 2007 letter gives Overall effectiveness Grade 3 (good); Being "
            "healthy Grade 2 (adequate); Staying safe Grade 2 (adequate); Enjoying and achieving "
            "Grade 3 (good); Making a positive contribution Grade 3 (good); Achieving economic "
            "well-being Grade 3 (good); Capacity to improve Grade 3 (good)."
        ),
        [
            ("Birmingham", 2007, "overall", 3),
            ("Birmingham", 2007, "being_healthy", 2),
            ("Birmingham", 2007, "staying_safe", 2),
            ("Birmingham", 2007, "enjoying_and_achieving", 3),
            ("Birmingham", 2007, "making_a_positive_contribution", 3),
            ("Birmingham", 2007, "achieving_economic_wellbeing", 3),
            ("Birmingham", 2007, "capacity_to_improve", 3),
        ],
        id="did birmingham get a 4 for anything in 2007?",
    ),
    pytest.param(
        "did bedfordshire get an outstanding for anything in 2008",
        AnswerKind.YESNO,
        (
            "Yes: Bedfordshire's 2008 letter gives Making a positive contribution Grade 4 "
            "(outstanding)."
        ),
        [("Bedfordshire", 2008, "making_a_positive_contribution", 4)],
        id="did bedfordshire get an outstanding for anything in 2008",
    ),
    pytest.param(
        "was birmingham's being healthy the same as staying safe in 2007?",
        AnswerKind.YESNO,
        (
            "Yes: Birmingham's 2007 letter gives Being healthy Grade 2 (adequate); Staying safe "
            "Grade 2 (adequate)."
        ),
        [("Birmingham", 2007, "being_healthy", 2), ("Birmingham", 2007, "staying_safe", 2)],
        id="was birmingham's being healthy the same as staying safe in 2007?",
    ),
    pytest.param(
        "was bedfordshire's being healthy better than staying safe in 2008?",
        AnswerKind.YESNO,
        (
            "Yes: Bedfordshire's 2008 letter gives Being healthy Grade 3 (good); Staying safe "
            "Grade 1 (inadequate)."
        ),
        [("Bedfordshire", 2008, "being_healthy", 3), ("Bedfordshire", 2008, "staying_safe", 1)],
        id="was bedfordshire's being healthy better than staying safe in 2008?",
    ),
    pytest.param(
        "was bedfordshire's staying safe better than being healthy in 2008?",
        AnswerKind.YESNO,
        (
            "No: Bedfordshire's 2008 letter gives Staying safe Grade 1 (inadequate); Being "
            "healthy Grade 3 (good)."
        ),
        [("Bedfordshire", 2008, "staying_safe", 1), ("Bedfordshire", 2008, "being_healthy", 3)],
        id="was bedfordshire's staying safe better than being healthy in 2008?",
    ),
    pytest.param(
        "was bedfordshire's staying safe below being healthy in 2008?",
        AnswerKind.YESNO,
        (
            "Yes: Bedfordshire's 2008 letter gives Staying safe Grade 1 (inadequate); Being "
            "healthy Grade 3 (good)."
        ),
        [("Bedfordshire", 2008, "staying_safe", 1), ("Bedfordshire", 2008, "being_healthy", 3)],
        id="was bedfordshire's staying safe below being healthy in 2008?",
    ),
    pytest.param(
        "was bedfordshire's being healthy worse than staying safe in 2008?",
        AnswerKind.YESNO,
        (
            "No: Bedfordshire's 2008 letter gives Being healthy Grade 3 (good); Staying safe "
            "Grade 1 (inadequate)."
        ),
        [("Bedfordshire", 2008, "being_healthy", 3), ("Bedfordshire", 2008, "staying_safe", 1)],
        id="was bedfordshire's being healthy worse than staying safe in 2008?",
    ),
    pytest.param(
        "was east riding's overall better than capacity in 2006",
        AnswerKind.YESNO,
        (
            "No: East Riding of Yorkshire's 2006 letter gives Overall effectiveness Grade 4 "
            "(outstanding); Capacity to improve Grade 4 (outstanding)."
        ),
        [
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("East Riding of Yorkshire", 2006, "capacity_to_improve", 4),
        ],
        id="was east riding's overall better than capacity in 2006",
    ),
    pytest.param(
        "was east riding's overall the same as capacity in 2006",
        AnswerKind.YESNO,
        (
            "Yes: East Riding of Yorkshire's 2006 letter gives Overall effectiveness Grade 4 "
            "(outstanding); Capacity to improve Grade 4 (outstanding)."
        ),
        [
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("East Riding of Yorkshire", 2006, "capacity_to_improve", 4),
        ],
        id="was east riding's overall the same as capacity in 2006",
    ),
    pytest.param(
        "was surrey's education higher than social care in 2005",
        AnswerKind.YESNO,
        (
            "Yes: Surrey's 2005 letter gives Education Grade 4 (outstanding); Social care Grade "
            "2 (adequate)."
        ),
        [("Surrey", 2005, "education", 4), ("Surrey", 2005, "social_care", 2)],
        id="was surrey's education higher than social care in 2005",
    ),
    pytest.param(
        "was surrey's social care lower than education in 2005",
        AnswerKind.YESNO,
        (
            "Yes: Surrey's 2005 letter gives Social care Grade 2 (adequate); Education Grade 4 "
            "(outstanding)."
        ),
        [("Surrey", 2005, "social_care", 2), ("Surrey", 2005, "education", 4)],
        id="was surrey's social care lower than education in 2005",
    ),
    pytest.param(
        "was bedfordshire's positive contribution higher than anything else in 2008?",
        AnswerKind.YESNO,
        (
            "Yes: Bedfordshire's 2008 letter gives Making a positive contribution Grade 4 "
            "(outstanding)."
        ),
        [("Bedfordshire", 2008, "making_a_positive_contribution", 4)],
        id="was bedfordshire's positive contribution higher than anything else in 2008?",
    ),
    pytest.param(
        "was birmingham's enjoying and achieving higher than anything else in 2007?",
        AnswerKind.YESNO,
        "No: Birmingham's 2007 letter gives Overall effectiveness Grade 3 (good); Being healthy "
        "Grade 2 (adequate); Staying safe Grade 2 (adequate); Enjoying and achieving Grade 3 "
        "(good); Making a positive contribution Grade 3 (good); Achieving economic well-being "
        "Grade 3 (good); Capacity to improve Grade 3 (good).",
        [
            ("Birmingham", 2007, "overall", 3),
            ("Birmingham", 2007, "being_healthy", 2),
            ("Birmingham", 2007, "staying_safe", 2),
            ("Birmingham", 2007, "enjoying_and_achieving", 3),
            ("Birmingham", 2007, "making_a_positive_contribution", 3),
            ("Birmingham", 2007, "achieving_economic_wellbeing", 3),
            ("Birmingham", 2007, "capacity_to_improve", 3),
        ],
        id="was birmingham's enjoying and achieving higher than anything else in 2007?",
    ),
    pytest.param(
        "was staying safe bedfordshire's lowest grade in 2008?",
        AnswerKind.YESNO,
        "Yes: Bedfordshire's 2008 letter gives Staying safe Grade 1 (inadequate).",
        [("Bedfordshire", 2008, "staying_safe", 1)],
        id="was staying safe bedfordshire's lowest grade in 2008?",
    ),
    pytest.param(
        "was being healthy bedfordshire's lowest grade in 2008?",
        AnswerKind.YESNO,
        "No: Bedfordshire's 2008 letter gives Being healthy Grade 3 (good).",
        [("Bedfordshire", 2008, "being_healthy", 3)],
        id="was being healthy bedfordshire's lowest grade in 2008?",
    ),
    pytest.param(
        "was bedfordshire's staying safe inadequate in 2008 or not?",
        AnswerKind.YESNO,
        "Yes: Bedfordshire's 2008 letter gives Staying safe Grade 1 (inadequate).",
        [("Bedfordshire", 2008, "staying_safe", 1)],
        id="was bedfordshire's staying safe inadequate in 2008 or not?",
    ),
    pytest.param(
        "was birmingham's staying safe good in 2007 or not?",
        AnswerKind.YESNO,
        "No: Birmingham's 2007 letter gives Staying safe Grade 2 (adequate).",
        [("Birmingham", 2007, "staying_safe", 2)],
        id="was birmingham's staying safe good in 2007 or not?",
    ),
    pytest.param(
        "was birmingham's staying safe good or better in 2007?",
        AnswerKind.YESNO,
        "No: Birmingham's 2007 letter gives Staying safe Grade 2 (adequate).",
        [("Birmingham", 2007, "staying_safe", 2)],
        id="was birmingham's staying safe good or better in 2007?",
    ),
    pytest.param(
        "did birmingham get a 2 for staying safe and being healthy in 2007",
        AnswerKind.YESNO,
        (
            "Yes: Birmingham's 2007 letter gives Staying safe Grade 2 (adequate); Being healthy "
            "Grade 2 (adequate)."
        ),
        [("Birmingham", 2007, "staying_safe", 2), ("Birmingham", 2007, "being_healthy", 2)],
        id="did birmingham get a 2 for staying safe and being healthy in 2007",
    ),
    pytest.param(
        "were both of east riding's overall and capacity outstanding in 2006",
        AnswerKind.YESNO,
        (
            "Yes: East Riding of Yorkshire's 2006 letter gives Overall effectiveness Grade 4 "
            "(outstanding); Capacity to improve Grade 4 (outstanding)."
        ),
        [
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("East Riding of Yorkshire", 2006, "capacity_to_improve", 4),
        ],
        id="were both of east riding's overall and capacity outstanding in 2006",
    ),
    pytest.param(
        "was east riding outstanding in 2006?",
        AnswerKind.YESNO,
        (
            "Yes: East Riding of Yorkshire's 2006 letter gives Overall effectiveness Grade 4 "
            "(outstanding)."
        ),
        [("East Riding of Yorkshire", 2006, "overall", 4)],
        id="was east riding outstanding in 2006?",
    ),
    pytest.param(
        "was surrey good overall in 2005?",
        AnswerKind.YESNO,
        "Yes: Surrey's 2005 letter gives Overall effectiveness Grade 3 (good).",
        [("Surrey", 2005, "overall", 3)],
        id="was surrey good overall in 2005?",
    ),
    pytest.param(
        "did kingston perform excellently in 2010?",
        AnswerKind.YESNO,
        (
            "Yes: Kingston upon Thames's 2010 letter gives Overall effectiveness Performs "
            "excellently (4)."
        ),
        [("Kingston upon Thames", 2010, "overall", 4)],
        id="did kingston perform excellently in 2010?",
    ),
    pytest.param(
        "did slough perform well in 2011?",
        AnswerKind.YESNO,
        "No: Slough's 2011 letter gives Overall effectiveness Performs poorly (1).",
        [("Slough", 2011, "overall", 1)],
        id="did slough perform well in 2011?",
    ),
    pytest.param(
        "was kingston's staying safe good in 2010",
        AnswerKind.NO_GRADE,
        (
            "Kingston upon Thames's 2010 letter does not grade Staying safe; it grades Overall "
            "effectiveness Performs excellently (4)."
        ),
        [("Kingston upon Thames", 2010, "overall", 4)],
        id="was kingston's staying safe good in 2010",
    ),
    pytest.param(
        "was birmingham staying safe good in 2011?",
        AnswerKind.NO_GRADE,
        (
            "Birmingham's 2011 letter does not grade Staying safe; it grades Overall "
            "effectiveness Performs poorly (1)."
        ),
        [("Birmingham", 2011, "overall", 1)],
        id="was birmingham staying safe good in 2011?",
    ),
    pytest.param(
        "was surrey outstanding in 2008?",
        AnswerKind.NOT_FOUND,
        (
            "No letter for Surrey for 2008 is in the store. The store holds these letters for "
            "Surrey: 2005 (APA)."
        ),
        [],
        id="was surrey outstanding in 2008?",
    ),
]


ONE_LETTER = [
    pytest.param(
        "how many of birmingham's being healthy and staying safe were adequate in 2007",
        AnswerKind.COUNT,
        (
            "2 of the 2 graded areas in Birmingham's 2007 letter are Grade 2 (adequate): Being "
            "healthy Grade 2 (adequate); Staying safe Grade 2 (adequate)."
        ),
        [("Birmingham", 2007, "being_healthy", 2), ("Birmingham", 2007, "staying_safe", 2)],
        id="how many of birmingham's being healthy and staying safe were adequate in 2007",
    ),
    pytest.param(
        "what was bedfordshire's weakest area in 2008?",
        AnswerKind.GRADES,
        "Bedfordshire's weakest area in 2008: Staying safe Grade 1 (inadequate).",
        [("Bedfordshire", 2008, "staying_safe", 1)],
        id="what was bedfordshire's weakest area in 2008?",
    ),
    pytest.param(
        "what was bedfordshire's strongest area in 2008?",
        AnswerKind.GRADES,
        (
            "Bedfordshire's strongest area in 2008: Making a positive contribution Grade 4 "
            "(outstanding)."
        ),
        [("Bedfordshire", 2008, "making_a_positive_contribution", 4)],
        id="what was bedfordshire's strongest area in 2008?",
    ),
    pytest.param(
        "birmingham's weakest area in 2007",
        AnswerKind.GRADES,
        (
            "Birmingham's weakest areas in 2007: Being healthy Grade 2 (adequate); Staying safe "
            "Grade 2 (adequate)."
        ),
        [("Birmingham", 2007, "being_healthy", 2), ("Birmingham", 2007, "staying_safe", 2)],
        id="birmingham's weakest area in 2007",
    ),
    pytest.param(
        "birmingham's strongest area in 2007",
        AnswerKind.GRADES,
        (
            "Birmingham's strongest areas in 2007: Enjoying and achieving Grade 3 (good); Making "
            "a positive contribution Grade 3 (good); Achieving economic well-being Grade 3 "
            "(good)."
        ),
        [
            ("Birmingham", 2007, "enjoying_and_achieving", 3),
            ("Birmingham", 2007, "making_a_positive_contribution", 3),
            ("Birmingham", 2007, "achieving_economic_wellbeing", 3),
        ],
        id="birmingham's strongest area in 2007",
    ),
    pytest.param(
        "east riding's weakest area in 2006",
        AnswerKind.GRADES,
        "East Riding of Yorkshire's weakest area in 2006: Social care Grade 3 (good).",
        [("East Riding of Yorkshire", 2006, "social_care", 3)],
        id="east riding's weakest area in 2006",
    ),
    pytest.param(
        "east riding's strongest area 2006",
        AnswerKind.GRADES,
        (
            "East Riding of Yorkshire's strongest areas in 2006: Overall effectiveness Grade 4 "
            "(outstanding); Capacity to improve Grade 4 (outstanding)."
        ),
        [
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("East Riding of Yorkshire", 2006, "capacity_to_improve", 4),
        ],
        id="east riding's strongest area 2006",
    ),
    pytest.param(
        "surrey's weakest area in 2005",
        AnswerKind.GRADES,
        "Surrey's weakest area in 2005: Social care Grade 2 (adequate).",
        [("Surrey", 2005, "social_care", 2)],
        id="surrey's weakest area in 2005",
    ),
    pytest.param(
        "surrey strongest area 2005",
        AnswerKind.GRADES,
        "Surrey's strongest area in 2005: Education Grade 4 (outstanding).",
        [("Surrey", 2005, "education", 4)],
        id="surrey strongest area 2005",
    ),
    pytest.param(
        "bedfordshire's weakest outcome in the apa years",
        AnswerKind.GRADES,
        "Bedfordshire's weakest area in 2008: Staying safe Grade 1 (inadequate).",
        [("Bedfordshire", 2008, "staying_safe", 1)],
        id="bedfordshire's weakest outcome in the apa years",
    ),
    pytest.param(
        "which areas were good for birmingham in 2007?",
        AnswerKind.GRADES,
        (
            "Birmingham's 2007 areas graded Grade 3 (good): Overall effectiveness Grade 3 "
            "(good); Enjoying and achieving Grade 3 (good); Making a positive contribution Grade "
            "3 (good); Achieving economic well-being Grade 3 (good); Capacity to improve Grade 3 "
            "(good)."
        ),
        [
            ("Birmingham", 2007, "overall", 3),
            ("Birmingham", 2007, "enjoying_and_achieving", 3),
            ("Birmingham", 2007, "making_a_positive_contribution", 3),
            ("Birmingham", 2007, "achieving_economic_wellbeing", 3),
            ("Birmingham", 2007, "capacity_to_improve", 3),
        ],
        id="which areas were good for birmingham in 2007?",
    ),
    pytest.param(
        "which areas were good for bedfordshire in 2008?",
        AnswerKind.GRADES,
        (
            "Bedfordshire's 2008 areas graded Grade 3 (good): Being healthy Grade 3 (good); "
            "Achieving economic well-being Grade 3 (good)."
        ),
        [
            ("Bedfordshire", 2008, "being_healthy", 3),
            ("Bedfordshire", 2008, "achieving_economic_wellbeing", 3),
        ],
        id="which areas were good for bedfordshire in 2008?",
    ),
    pytest.param(
        "which areas were outstanding for birmingham in 2007?",
        AnswerKind.GRADES,
        (
            "None of Birmingham's 2007 grades is Grade 4 (outstanding): Overall effectiveness "
            "Grade 3 (good); Being healthy Grade 2 (adequate); Staying safe Grade 2 (adequate); "
            "Enjoying and achieving Grade 3 (good); Making a positive contribution Grade 3 "
            "(good); Achieving economic well-being Grade 3 (good); Capacity to improve Grade 3 "
            "(good)."
        ),
        [
            ("Birmingham", 2007, "overall", 3),
            ("Birmingham", 2007, "being_healthy", 2),
            ("Birmingham", 2007, "staying_safe", 2),
            ("Birmingham", 2007, "enjoying_and_achieving", 3),
            ("Birmingham", 2007, "making_a_positive_contribution", 3),
            ("Birmingham", 2007, "achieving_economic_wellbeing", 3),
            ("Birmingham", 2007, "capacity_to_improve", 3),
        ],
        id="which areas were outstanding for birmingham in 2007?",
    ),
    pytest.param(
        "which of bedfordshire's areas were adequate or worse in 2008",
        AnswerKind.GRADES,
        (
            "Bedfordshire's 2008 areas graded Grade 2 (adequate) or Grade 1 (inadequate): "
            "Overall effectiveness Grade 2 (adequate); Staying safe Grade 1 (inadequate); "
            "Enjoying and achieving Grade 2 (adequate); Capacity to improve Grade 2 (adequate)."
        ),
        [
            ("Bedfordshire", 2008, "overall", 2),
            ("Bedfordshire", 2008, "staying_safe", 1),
            ("Bedfordshire", 2008, "enjoying_and_achieving", 2),
            ("Bedfordshire", 2008, "capacity_to_improve", 2),
        ],
        id="which of bedfordshire's areas were adequate or worse in 2008",
    ),
    pytest.param(
        "which areas were adequate for kingston",
        AnswerKind.GRADES,
        (
            "None of Kingston upon Thames's 2010 grades is Performs adequately (2): Overall "
            "effectiveness Performs excellently (4)."
        ),
        [("Kingston upon Thames", 2010, "overall", 4)],
        id="which areas were adequate for kingston",
    ),
    pytest.param(
        "surrey's weakest area in 2008",
        AnswerKind.NOT_FOUND,
        (
            "No letter for Surrey for 2008 is in the store. The store holds these letters for "
            "Surrey: 2005 (APA)."
        ),
        [],
        id="surrey's weakest area in 2008",
    ),
    pytest.param(
        "how many areas were good in birmingham's 2007 letter?",
        AnswerKind.COUNT,
        (
            "5 of the 7 graded areas in Birmingham's 2007 letter are Grade 3 (good): Overall "
            "effectiveness Grade 3 (good); Enjoying and achieving Grade 3 (good); Making a "
            "positive contribution Grade 3 (good); Achieving economic well-being Grade 3 (good); "
            "Capacity to improve Grade 3 (good)."
        ),
        [
            ("Birmingham", 2007, "overall", 3),
            ("Birmingham", 2007, "enjoying_and_achieving", 3),
            ("Birmingham", 2007, "making_a_positive_contribution", 3),
            ("Birmingham", 2007, "achieving_economic_wellbeing", 3),
            ("Birmingham", 2007, "capacity_to_improve", 3),
        ],
        id="how many areas were good in birmingham's 2007 letter?",
    ),
    pytest.param(
        "how many grade 2s did bedfordshire get in 2008",
        AnswerKind.COUNT,
        (
            "3 of the 7 graded areas in Bedfordshire's 2008 letter are Grade 2 (adequate): "
            "Overall effectiveness Grade 2 (adequate); Enjoying and achieving Grade 2 "
            "(adequate); Capacity to improve Grade 2 (adequate)."
        ),
        [
            ("Bedfordshire", 2008, "overall", 2),
            ("Bedfordshire", 2008, "enjoying_and_achieving", 2),
            ("Bedfordshire", 2008, "capacity_to_improve", 2),
        ],
        id="how many grade 2s did bedfordshire get in 2008",
    ),
    pytest.param(
        "how many areas were adequate in bedfordshire's 2008 letter",
        AnswerKind.COUNT,
        (
            "3 of the 7 graded areas in Bedfordshire's 2008 letter are Grade 2 (adequate): "
            "Overall effectiveness Grade 2 (adequate); Enjoying and achieving Grade 2 "
            "(adequate); Capacity to improve Grade 2 (adequate)."
        ),
        [
            ("Bedfordshire", 2008, "overall", 2),
            ("Bedfordshire", 2008, "enjoying_and_achieving", 2),
            ("Bedfordshire", 2008, "capacity_to_improve", 2),
        ],
        id="how many areas were adequate in bedfordshire's 2008 letter",
    ),
    pytest.param(
        "how many areas were good in surrey's 2008 letter",
        AnswerKind.NOT_FOUND,
        (
            "No letter for Surrey for 2008 is in the store. The store holds these letters for "
            "Surrey: 2005 (APA)."
        ),
        [],
        id="how many areas were good in surrey's 2008 letter",
    ),
]


COUNTS = [
    # Counts are out of the letters that could grade the area: a year named that grades it
    # not is said, one that is all the question names is refused, and an unheld year too.
    pytest.param(
        "how many councils got a 3 for being healthy in 2006-2008",
        AnswerKind.COUNT,
        (
            "1 of the 2 councils held for 2007, 2008 was graded 3 for Being healthy: "
            "Bedfordshire 2008, Grade 3 (good). Being healthy is not graded in the letters for "
            "2006."
        ),
        [("Bedfordshire", 2008, "being_healthy", 3)],
        id="count over years one of which grades not the area",
    ),
    pytest.param(
        "how many councils were outstanding for staying safe in 2010",
        AnswerKind.NO_GRADE,
        "Staying safe is not graded in the letters for 2010.",
        [],
        id="count of an area in a year that grades it not",
    ),
    pytest.param(
        "how many councils were rated good in 2012",
        AnswerKind.NOT_FOUND,
        "The store holds no letters for 2012.",
        [],
        id="count in a year with no letters",
    ),
    pytest.param(
        "how many councils performed poorly in 2011?",
        AnswerKind.COUNT,
        (
            "2 of the 2 councils held for 2011 were graded 1 for Overall effectiveness: "
            "Birmingham 2011, Performs poorly (1); Slough 2011, Performs poorly (1)."
        ),
        [("Birmingham", 2011, "overall", 1), ("Slough", 2011, "overall", 1)],
        id="how many councils performed poorly in 2011?",
    ),
    pytest.param(
        "how many letters were rated 1?",
        AnswerKind.COUNT,
        (
            "3 of the 8 letters held for 2005-2011 were graded 1 for any area: Bedfordshire "
            "2008 Staying safe, Grade 1 (inadequate); Birmingham 2011 Overall effectiveness, "
            "Performs poorly (1); Slough 2011 Overall effectiveness, Performs poorly (1)."
        ),
        [
            ("Bedfordshire", 2008, "staying_safe", 1),
            ("Birmingham", 2011, "overall", 1),
            ("Slough", 2011, "overall", 1),
        ],
        id="how many letters were rated 1?",
    ),
    pytest.param(
        "how many letters are rated 1 in 2011",
        AnswerKind.COUNT,
        (
            "2 of the 2 letters held for 2011 were graded 1 for Overall effectiveness: "
            "Birmingham 2011, Performs poorly (1); Slough 2011, Performs poorly (1)."
        ),
        [("Birmingham", 2011, "overall", 1), ("Slough", 2011, "overall", 1)],
        id="how many letters are rated 1 in 2011",
    ),
    pytest.param(
        "how many councils were graded 4 overall in the apa years",
        AnswerKind.COUNT,
        (
            "1 of the 4 councils held for 2005-2008 was graded 4 for Overall effectiveness: East "
            "Riding of Yorkshire 2006, Grade 4 (outstanding)."
        ),
        [("East Riding of Yorkshire", 2006, "overall", 4)],
        id="how many councils were graded 4 overall in the apa years",
    ),
    pytest.param(
        "how many councils got a 1 in csa letters",
        AnswerKind.COUNT,
        (
            "2 of the 4 councils held for 2009-2011 were graded 1 for Overall effectiveness: "
            "Birmingham 2011, Performs poorly (1); Slough 2011, Performs poorly (1)."
        ),
        [("Birmingham", 2011, "overall", 1), ("Slough", 2011, "overall", 1)],
        id="how many councils got a 1 in csa letters",
    ),
    pytest.param(
        "how many of the councils were good overall",
        AnswerKind.COUNT,
        (
            "2 of the 7 councils held for 2005-2011 were graded 3 for Overall effectiveness: "
            "Birmingham 2007, Grade 3 (good); Surrey 2005, Grade 3 (good)."
        ),
        [("Birmingham", 2007, "overall", 3), ("Surrey", 2005, "overall", 3)],
        id="how many of the councils were good overall",
    ),
    pytest.param(
        "number of councils graded inadequate for staying safe",
        AnswerKind.COUNT,
        (
            "1 of the 2 councils held for 2007, 2008 was graded 1 for Staying safe: Bedfordshire "
            "2008, Grade 1 (inadequate)."
        ),
        [("Bedfordshire", 2008, "staying_safe", 1)],
        id="number of councils graded inadequate for staying safe",
    ),
    pytest.param(
        "how many councils performed adequately",
        AnswerKind.COUNT,
        (
            "1 of the 4 councils held for 2009-2011 was graded 2 for Overall effectiveness: "
            "Cheshire West and Chester 2009, Performs adequately (2)."
        ),
        [("Cheshire West and Chester", 2009, "overall", 2)],
        id="how many councils performed adequately",
    ),
]


RANKINGS = [
    pytest.param(
        "which councils were good for being healthy in 2006-2008",
        AnswerKind.TABLE,
        (
            "1 council(s) graded 3 for Being healthy in 2007, 2008, out of the 2 letter(s) held "
            "for those years. Being healthy is not graded in the letters for 2006."
        ),
        [("Bedfordshire", 2008, "being_healthy", 3)],
        id="listing over years one of which grades not the area",
    ),
    pytest.param(
        "which councils were graded 3 or better overall?",
        AnswerKind.TABLE,
        (
            "4 council(s) graded 4 or 3 for Overall effectiveness in 2005-2011, out of the 8 "
            "letter(s) held for those years."
        ),
        [
            ("Birmingham", 2007, "overall", 3),
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("Kingston upon Thames", 2010, "overall", 4),
            ("Surrey", 2005, "overall", 3),
        ],
        id="which councils were graded 3 or better overall?",
    ),
    pytest.param(
        "which councils got 2 or worse overall",
        AnswerKind.TABLE,
        (
            "4 council(s) graded 2 or 1 for Overall effectiveness in 2005-2011, out of the 8 "
            "letter(s) held for those years."
        ),
        [
            ("Bedfordshire", 2008, "overall", 2),
            ("Birmingham", 2011, "overall", 1),
            ("Cheshire West and Chester", 2009, "overall", 2),
            ("Slough", 2011, "overall", 1),
        ],
        id="which councils got 2 or worse overall",
    ),
    pytest.param(
        "which councils were rated below 3 overall?",
        AnswerKind.TABLE,
        (
            "4 council(s) graded 2 or 1 for Overall effectiveness in 2005-2011, out of the 8 "
            "letter(s) held for those years."
        ),
        [
            ("Bedfordshire", 2008, "overall", 2),
            ("Birmingham", 2011, "overall", 1),
            ("Cheshire West and Chester", 2009, "overall", 2),
            ("Slough", 2011, "overall", 1),
        ],
        id="which councils were rated below 3 overall?",
    ),
    pytest.param(
        "which councils were rated above 2 overall?",
        AnswerKind.TABLE,
        (
            "4 council(s) graded 4 or 3 for Overall effectiveness in 2005-2011, out of the 8 "
            "letter(s) held for those years."
        ),
        [
            ("Birmingham", 2007, "overall", 3),
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("Kingston upon Thames", 2010, "overall", 4),
            ("Surrey", 2005, "overall", 3),
        ],
        id="which councils were rated above 2 overall?",
    ),
    pytest.param(
        "which councils had the best overall grade?",
        AnswerKind.TABLE,
        (
            "Best for Overall effectiveness in 2005-2011: East Riding of Yorkshire 2006, Grade 4 "
            "(outstanding); Kingston upon Thames 2010, Performs excellently (4). 2 council(s) "
            "with a grade for Overall effectiveness in 2005-2011, out of the 8 letter(s) held "
            "for those years."
        ),
        [
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("Kingston upon Thames", 2010, "overall", 4),
        ],
        id="which councils had the best overall grade?",
    ),
    pytest.param(
        "which councils had the worst overall grade?",
        AnswerKind.TABLE,
        (
            "Worst for Overall effectiveness in 2005-2011: Birmingham 2011, Performs poorly (1); "
            "Slough 2011, Performs poorly (1). 2 council(s) with a grade for Overall "
            "effectiveness in 2005-2011, out of the 8 letter(s) held for those years."
        ),
        [("Birmingham", 2011, "overall", 1), ("Slough", 2011, "overall", 1)],
        id="which councils had the worst overall grade?",
    ),
    pytest.param(
        "best councils for staying safe",
        AnswerKind.TABLE,
        (
            "Best for Staying safe in 2007, 2008: Birmingham 2007, Grade 2 (adequate). 1 "
            "council(s) with a grade for Staying safe in 2007, 2008, out of the 2 letter(s) held "
            "for those years."
        ),
        [("Birmingham", 2007, "staying_safe", 2)],
        id="best councils for staying safe",
    ),
    pytest.param(
        "worst councils for staying safe",
        AnswerKind.TABLE,
        (
            "Worst for Staying safe in 2007, 2008: Bedfordshire 2008, Grade 1 (inadequate). 1 "
            "council(s) with a grade for Staying safe in 2007, 2008, out of the 2 letter(s) held "
            "for those years."
        ),
        [("Bedfordshire", 2008, "staying_safe", 1)],
        id="worst councils for staying safe",
    ),
    pytest.param(
        "who had the lowest capacity to improve",
        AnswerKind.TABLE,
        (
            "Worst for Capacity to improve in 2005-2008: Bedfordshire 2008, Grade 2 (adequate). "
            "1 council(s) with a grade for Capacity to improve in 2005-2008, out of the 4 "
            "letter(s) held for those years."
        ),
        [("Bedfordshire", 2008, "capacity_to_improve", 2)],
        id="who had the lowest capacity to improve",
    ),
    pytest.param(
        "between 2006 and 2008 who was best",
        AnswerKind.TABLE,
        (
            "Best for Overall effectiveness in 2006-2008: East Riding of Yorkshire 2006, Grade 4 "
            "(outstanding). 1 council(s) with a grade for Overall effectiveness in 2006-2008, "
            "out of the 3 letter(s) held for those years."
        ),
        [("East Riding of Yorkshire", 2006, "overall", 4)],
        id="between 2006 and 2008 who was best",
    ),
    pytest.param(
        "overall grades best first in the apa years",
        AnswerKind.TABLE,
        (
            "4 council(s) with a grade for Overall effectiveness in 2005-2008, out of the 4 "
            "letter(s) held for those years."
        ),
        [
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("Birmingham", 2007, "overall", 3),
            ("Surrey", 2005, "overall", 3),
            ("Bedfordshire", 2008, "overall", 2),
        ],
        id="overall grades best first in the apa years",
    ),
    pytest.param(
        "worst first staying safe",
        AnswerKind.TABLE,
        (
            "2 council(s) with a grade for Staying safe in 2007, 2008, out of the 2 letter(s) "
            "held for those years."
        ),
        [("Bedfordshire", 2008, "staying_safe", 1), ("Birmingham", 2007, "staying_safe", 2)],
        id="worst first staying safe",
    ),
    pytest.param(
        "councils worst first",
        AnswerKind.TABLE,
        (
            "7 council(s) with a grade for Overall effectiveness in 2005-2011, out of the 8 "
            "letter(s) held for those years."
        ),
        [
            ("Birmingham", 2011, "overall", 1),
            ("Slough", 2011, "overall", 1),
            ("Bedfordshire", 2008, "overall", 2),
            ("Cheshire West and Chester", 2009, "overall", 2),
            ("Birmingham", 2007, "overall", 3),
            ("Surrey", 2005, "overall", 3),
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("Kingston upon Thames", 2010, "overall", 4),
        ],
        id="councils worst first",
    ),
    pytest.param(
        "latest overall grades of all councils",
        AnswerKind.TABLE,
        (
            "7 council(s) with a grade for Overall effectiveness in 2005-2011, out of the 8 "
            "letter(s) held for those years."
        ),
        [
            ("Bedfordshire", 2008, "overall", 2),
            ("Birmingham", 2011, "overall", 1),
            ("Cheshire West and Chester", 2009, "overall", 2),
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("Kingston upon Thames", 2010, "overall", 4),
            ("Slough", 2011, "overall", 1),
            ("Surrey", 2005, "overall", 3),
        ],
        id="latest overall grades of all councils",
    ),
    pytest.param(
        "which councils performed poorly?",
        AnswerKind.TABLE,
        (
            "2 council(s) graded 1 for Overall effectiveness in 2009-2011, out of the 4 "
            "letter(s) held for those years."
        ),
        [("Birmingham", 2011, "overall", 1), ("Slough", 2011, "overall", 1)],
        id="which councils performed poorly?",
    ),
    pytest.param(
        "which councils performed excellently",
        AnswerKind.TABLE,
        (
            "1 council(s) graded 4 for Overall effectiveness in 2009-2011, out of the 4 "
            "letter(s) held for those years."
        ),
        [("Kingston upon Thames", 2010, "overall", 4)],
        id="which councils performed excellently",
    ),
    pytest.param(
        "which councils performed well or better",
        AnswerKind.TABLE,
        (
            "1 council(s) graded 4 or 3 for Overall effectiveness in 2009-2011, out of the 4 "
            "letter(s) held for those years."
        ),
        [("Kingston upon Thames", 2010, "overall", 4)],
        id="which councils performed well or better",
    ),
    pytest.param(
        "which councils were rated outstanding in the apa years?",
        AnswerKind.TABLE,
        (
            "3 council(s) graded 4 for any area in 2005-2008, out of the 4 letter(s) held for "
            "those years."
        ),
        [
            ("Bedfordshire", 2008, "making_a_positive_contribution", 4),
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("East Riding of Yorkshire", 2006, "capacity_to_improve", 4),
            ("Surrey", 2005, "education", 4),
        ],
        id="which councils were rated outstanding in the apa years?",
    ),
    pytest.param(
        "which councils were rated good or better in csa letters",
        AnswerKind.TABLE,
        (
            "1 council(s) graded 4 or 3 for Overall effectiveness in 2009-2011, out of the 4 "
            "letter(s) held for those years."
        ),
        [("Kingston upon Thames", 2010, "overall", 4)],
        id="which councils were rated good or better in csa letters",
    ),
    pytest.param(
        "which councils got an outstanding for anything?",
        AnswerKind.TABLE,
        (
            "4 council(s) graded 4 for any area in 2005-2011, out of the 8 letter(s) held for "
            "those years."
        ),
        [
            ("Bedfordshire", 2008, "making_a_positive_contribution", 4),
            ("East Riding of Yorkshire", 2006, "overall", 4),
            ("East Riding of Yorkshire", 2006, "capacity_to_improve", 4),
            ("Kingston upon Thames", 2010, "overall", 4),
            ("Surrey", 2005, "education", 4),
        ],
        id="which councils got an outstanding for anything?",
    ),
    pytest.param(
        "which councils got a 1 for staying safe",
        AnswerKind.TABLE,
        (
            "1 council(s) graded 1 for Staying safe in 2007, 2008, out of the 2 letter(s) held "
            "for those years."
        ),
        [("Bedfordshire", 2008, "staying_safe", 1)],
        id="which councils got a 1 for staying safe",
    ),
    pytest.param(
        "which councils got a grade for social care",
        AnswerKind.TABLE,
        (
            "2 council(s) with a grade for Social care in 2005, 2006, out of the 2 letter(s) held "
            "for those years."
        ),
        [("East Riding of Yorkshire", 2006, "social_care", 3), ("Surrey", 2005, "social_care", 2)],
        id="which councils got a grade for social care",
    ),
    pytest.param(
        "which councils were graded good in 2009 to 2011",
        AnswerKind.TABLE,
        (
            "0 council(s) graded 3 for Overall effectiveness in 2009-2011, out of the 4 "
            "letter(s) held for those years."
        ),
        [],
        id="which councils were graded good in 2009 to 2011",
    ),
    pytest.param(
        "councils rated less than 3 overall since 2008",
        AnswerKind.TABLE,
        (
            "4 council(s) graded 2 or 1 for Overall effectiveness in 2008-2011, out of the 5 "
            "letter(s) held for those years."
        ),
        [
            ("Bedfordshire", 2008, "overall", 2),
            ("Birmingham", 2011, "overall", 1),
            ("Cheshire West and Chester", 2009, "overall", 2),
            ("Slough", 2011, "overall", 1),
        ],
        id="councils rated less than 3 overall since 2008",
    ),
    pytest.param(
        "which councils were rated 2 overall before 2010",
        AnswerKind.TABLE,
        (
            "2 council(s) graded 2 for Overall effectiveness in 2005-2009, out of the 5 "
            "letter(s) held for those years."
        ),
        [("Bedfordshire", 2008, "overall", 2), ("Cheshire West and Chester", 2009, "overall", 2)],
        id="which councils were rated 2 overall before 2010",
    ),
    pytest.param(
        "which councils were rated 2 in '08",
        AnswerKind.TABLE,
        "1 council(s) graded 2 for any area in 2008, out of the 1 letter(s) held for those years.",
        [
            ("Bedfordshire", 2008, "overall", 2),
            ("Bedfordshire", 2008, "enjoying_and_achieving", 2),
            ("Bedfordshire", 2008, "capacity_to_improve", 2),
        ],
        id="which councils were rated 2 in '08",
    ),
    pytest.param(
        "which councils were graded for staying safe in 2010",
        AnswerKind.NO_GRADE,
        "Staying safe is not graded in the letters for 2010.",
        [],
        id="which councils were graded for staying safe in 2010",
    ),
    pytest.param(
        "which councils were graded in 2012",
        AnswerKind.NOT_FOUND,
        "The store holds no letters for 2012.",
        [],
        id="which councils were graded in 2012",
    ),
]


CHANGE = [
    pytest.param(
        "how has birmingham's apa grade changed",
        AnswerKind.TREND,
        Direction.SINGLE,
        (
            "Birmingham, Overall effectiveness: 2007: Grade 3 (good). Only one letter in "
            "2005-2008 grades it: one letter does not make a trend. No letter held for 2005, "
            "2006, 2008."
        ),
        [("Birmingham", 2007, "overall", 3)],
        id="how has birmingham's apa grade changed",
    ),
    pytest.param(
        "how has birmingham's overall rating changed from 2007 to 2011?",
        AnswerKind.TREND,
        Direction.DOWN,
        (
            "Birmingham, Overall effectiveness: 2007: Grade 3 (good); 2011: Performs poorly (1). "
            "Down: 3 in 2007, 1 in 2011. No letter held for 2008, 2009, 2010. APA grades "
            "(2005-2008) and CSA ratings (2009-2011) are different assessments on a 1-4 scale, 4 "
            "best."
        ),
        [("Birmingham", 2007, "overall", 3), ("Birmingham", 2011, "overall", 1)],
        id="how has birmingham's overall rating changed from 2007 to 2011?",
    ),
    pytest.param(
        "has birmingham improved?",
        AnswerKind.TREND,
        Direction.DOWN,
        (
            "Birmingham, Overall effectiveness: 2007: Grade 3 (good); 2011: Performs poorly (1). "
            "Down: 3 in 2007, 1 in 2011. No letter held for 2005, 2006, 2008, 2009, 2010. APA "
            "grades (2005-2008) and CSA ratings (2009-2011) are different assessments on a 1-4 "
            "scale, 4 best."
        ),
        [("Birmingham", 2007, "overall", 3), ("Birmingham", 2011, "overall", 1)],
        id="has birmingham improved?",
    ),
    pytest.param(
        "'07 to '11 birmingham",
        AnswerKind.TREND,
        Direction.DOWN,
        (
            "Birmingham, Overall effectiveness: 2007: Grade 3 (good); 2011: Performs poorly (1). "
            "Down: 3 in 2007, 1 in 2011. No letter held for 2008, 2009, 2010. APA grades "
            "(2005-2008) and CSA ratings (2009-2011) are different assessments on a 1-4 scale, 4 "
            "best."
        ),
        [("Birmingham", 2007, "overall", 3), ("Birmingham", 2011, "overall", 1)],
        id="'07 to '11 birmingham",
    ),
    pytest.param(
        "did birmingham keep its grade into 2011",
        AnswerKind.TREND,
        Direction.DOWN,
        (
            "Birmingham, Overall effectiveness: 2007: Grade 3 (good); 2011: Performs poorly (1). "
            "Down: 3 in 2007, 1 in 2011. No letter held for 2008, 2009, 2010. APA grades "
            "(2005-2008) and CSA ratings (2009-2011) are different assessments on a 1-4 scale, 4 "
            "best."
        ),
        [("Birmingham", 2007, "overall", 3), ("Birmingham", 2011, "overall", 1)],
        id="did birmingham keep its grade into 2011",
    ),
    pytest.param(
        "did surrey keep its 3 into 2007",
        AnswerKind.TREND,
        Direction.SINGLE,
        (
            "Surrey, Overall effectiveness: 2005: Grade 3 (good). Only one letter in 2005-2007 "
            "grades it: one letter does not make a trend. No letter held for 2006, 2007."
        ),
        [("Surrey", 2005, "overall", 3)],
        id="did surrey keep its 3 into 2007",
    ),
    pytest.param(
        "did east riding keep its 4 into 2007",
        AnswerKind.TREND,
        Direction.SINGLE,
        (
            "East Riding of Yorkshire, Overall effectiveness: 2006: Grade 4 (outstanding). Only "
            "one letter in 2006, 2007 grades it: one letter does not make a trend. No letter "
            "held for 2007."
        ),
        [("East Riding of Yorkshire", 2006, "overall", 4)],
        id="did east riding keep its 4 into 2007",
    ),
    pytest.param(
        "how has surrey changed over time",
        AnswerKind.TREND,
        Direction.SINGLE,
        (
            "Surrey, Overall effectiveness: 2005: Grade 3 (good). Only one letter in 2005-2011 "
            "grades it: one letter does not make a trend. No letter held for 2006, 2007, 2008, "
            "2009, 2010, 2011."
        ),
        [("Surrey", 2005, "overall", 3)],
        id="how has surrey changed over time",
    ),
    pytest.param(
        "before 2007 surrey",
        AnswerKind.TREND,
        Direction.SINGLE,
        (
            "Surrey, Overall effectiveness: 2005: Grade 3 (good). Only one letter in 2005, 2006 "
            "grades it: one letter does not make a trend. No letter held for 2006."
        ),
        [("Surrey", 2005, "overall", 3)],
        id="before 2007 surrey",
    ),
    pytest.param(
        "how has bedfordshire changed since 2008",
        AnswerKind.TREND,
        Direction.SINGLE,
        (
            "Bedfordshire, Overall effectiveness: 2008: Grade 2 (adequate). Only one letter in "
            "2008 grades it: one letter does not make a trend. Bedfordshire was a children's "
            "services authority only from 2005 to 2008: no letter for 2009, 2010, 2011."
        ),
        [("Bedfordshire", 2008, "overall", 2)],
        id="how has bedfordshire changed since 2008",
    ),
    pytest.param(
        "how has cheshire west changed from 2007 to 2009",
        AnswerKind.TREND,
        Direction.SINGLE,
        (
            "Cheshire West and Chester, Overall effectiveness: 2009: Performs adequately (2). "
            "Only one letter in 2009 grades it: one letter does not make a trend. Cheshire West "
            "and Chester was a children's services authority only from 2009 to 2011: no letter "
            "for 2007, 2008."
        ),
        [("Cheshire West and Chester", 2009, "overall", 2)],
        id="how has cheshire west changed from 2007 to 2009",
    ),
    pytest.param(
        "birmingham staying safe 2007 to 2011",
        AnswerKind.TREND,
        Direction.SINGLE,
        (
            "Birmingham, Staying safe: 2007: Grade 2 (adequate). Only one letter in 2007-2011 "
            "grades it: one letter does not make a trend. Not graded in the letter for 2011. No "
            "letter held for 2008, 2009, 2010."
        ),
        [("Birmingham", 2007, "staying_safe", 2)],
        id="birmingham staying safe 2007 to 2011",
    ),
    pytest.param(
        "has slough improved since 2009",
        AnswerKind.TREND,
        Direction.SINGLE,
        (
            "Slough, Overall effectiveness: 2011: Performs poorly (1). Only one letter in "
            "2009-2011 grades it: one letter does not make a trend. No letter held for 2009, "
            "2010."
        ),
        [("Slough", 2011, "overall", 1)],
        id="has slough improved since 2009",
    ),
    pytest.param(
        "birmingham overall over the years csa",
        AnswerKind.TREND,
        Direction.SINGLE,
        (
            "Birmingham, Overall effectiveness: 2011: Performs poorly (1). Only one letter in "
            "2009-2011 grades it: one letter does not make a trend. No letter held for 2009, "
            "2010."
        ),
        [("Birmingham", 2011, "overall", 1)],
        id="birmingham overall over the years csa",
    ),
    pytest.param(
        "how has kingston's staying safe changed",
        AnswerKind.NOT_FOUND,
        None,
        (
            "None of the letters held for Kingston upon Thames grades Staying safe in 2005-2011. "
            "The store holds these letters for Kingston upon Thames: 2010 (CSA)."
        ),
        [],
        id="how has kingston's staying safe changed",
    ),
    pytest.param(
        "how has cheshire east changed",
        AnswerKind.NOT_FOUND,
        None,
        "The store holds no letters for Cheshire East.",
        [],
        id="how has cheshire east changed",
    ),
]


LOOKUPS = [
    pytest.param(
        "bedfordshire saftey 2008",
        AnswerKind.GRADE,
        (
            "Bedfordshire's Staying safe grade in its 2008 annual performance assessment letter "
            "was Grade 1 (inadequate)."
        ),
        [("Bedfordshire", 2008, "staying_safe", 1)],
        id="bedfordshire saftey 2008",
    ),
    pytest.param(
        "birmigam 2007 staying safe",
        AnswerKind.GRADE,
        (
            "Birmingham's Staying safe grade in its 2007 annual performance assessment letter "
            "was Grade 2 (adequate)."
        ),
        [("Birmingham", 2007, "staying_safe", 2)],
        id="birmigam 2007 staying safe",
    ),
    pytest.param(
        "birmigham 2007 staying safe",
        AnswerKind.GRADE,
        (
            "Birmingham's Staying safe grade in its 2007 annual performance assessment letter "
            "was Grade 2 (adequate)."
        ),
        [("Birmingham", 2007, "staying_safe", 2)],
        id="birmigham 2007 staying safe",
    ),
    pytest.param(
        "brimingham 2007 staying safe",
        AnswerKind.GRADE,
        (
            "Birmingham's Staying safe grade in its 2007 annual performance assessment letter "
            "was Grade 2 (adequate)."
        ),
        [("Birmingham", 2007, "staying_safe", 2)],
        id="brimingham 2007 staying safe",
    ),
    pytest.param(
        "slouhg 2011",
        AnswerKind.GRADE,
        (
            "Slough's overall rating in its 2011 children's services assessment letter was "
            "Performs poorly (1)."
        ),
        [("Slough", 2011, "overall", 1)],
        id="slouhg 2011",
    ),
    pytest.param(
        "birmingham capcity to improve 2007",
        AnswerKind.GRADE,
        (
            "Birmingham's Capacity to improve grade in its 2007 annual performance assessment "
            "letter was Grade 3 (good)."
        ),
        [("Birmingham", 2007, "capacity_to_improve", 3)],
        id="birmingham capcity to improve 2007",
    ),
    pytest.param(
        "brum '07 staying safe",
        AnswerKind.GRADE,
        (
            "Birmingham's Staying safe grade in its 2007 annual performance assessment letter "
            "was Grade 2 (adequate)."
        ),
        [("Birmingham", 2007, "staying_safe", 2)],
        id="brum '07 staying safe",
    ),
    pytest.param(
        "bham 2011",
        AnswerKind.GRADE,
        (
            "Birmingham's overall rating in its 2011 children's services assessment letter was "
            "Performs poorly (1)."
        ),
        [("Birmingham", 2011, "overall", 1)],
        id="bham 2011",
    ),
    pytest.param(
        "beds 2008 staying safe",
        AnswerKind.GRADE,
        (
            "Bedfordshire's Staying safe grade in its 2008 annual performance assessment letter "
            "was Grade 1 (inadequate)."
        ),
        [("Bedfordshire", 2008, "staying_safe", 1)],
        id="beds 2008 staying safe",
    ),
    pytest.param(
        "cwac 2009",
        AnswerKind.GRADE,
        (
            "Cheshire West and Chester's overall rating in its 2009 children's services "
            "assessment letter was Performs adequately (2)."
        ),
        [("Cheshire West and Chester", 2009, "overall", 2)],
        id="cwac 2009",
    ),
    pytest.param(
        "eryc 2006 overall",
        AnswerKind.GRADE,
        (
            "East Riding of Yorkshire's overall rating in its 2006 annual performance assessment "
            "letter was Grade 4 (outstanding)."
        ),
        [("East Riding of Yorkshire", 2006, "overall", 4)],
        id="eryc 2006 overall",
    ),
    pytest.param(
        "what was surrey's social care grade in 2005?",
        AnswerKind.GRADE,
        (
            "Surrey's Social care grade in its 2005 annual performance assessment letter was "
            "Grade 2 (adequate)."
        ),
        [("Surrey", 2005, "social_care", 2)],
        id="what was surrey's social care grade in 2005?",
    ),
    pytest.param(
        "surrey 2005 education",
        AnswerKind.GRADE,
        (
            "Surrey's Education grade in its 2005 annual performance assessment letter was Grade "
            "4 (outstanding)."
        ),
        [("Surrey", 2005, "education", 4)],
        id="surrey 2005 education",
    ),
    pytest.param(
        "Birmingham's staying safe",
        AnswerKind.GRADE,
        (
            "Birmingham's Staying safe grade in its 2007 annual performance assessment letter "
            "was Grade 2 (adequate)."
        ),
        [("Birmingham", 2007, "staying_safe", 2)],
        id="Birmingham's staying safe",
    ),
    pytest.param(
        "kingston 2010 staying safe",
        AnswerKind.NO_GRADE,
        (
            "Kingston upon Thames's 2010 letter does not grade Staying safe: children's services "
            "assessments (2009-2011) give a single overall rating. Its overall rating was "
            "Performs excellently (4). The passage below is what the letter says nearest to it."
        ),
        [("Kingston upon Thames", 2010, "overall", 4)],
        id="kingston 2010 staying safe",
    ),
    pytest.param(
        "surrey 2008",
        AnswerKind.NOT_FOUND,
        (
            "No letter for Surrey for 2008 is in the store. The store holds these letters for "
            "Surrey: 2005 (APA)."
        ),
        [],
        id="surrey 2008",
    ),
    pytest.param(
        "birmingham 2004",
        AnswerKind.NOT_FOUND,
        (
            "There is no Ofsted letter for 2004: the letters are annual performance assessments "
            "2005-2008, children's services assessments 2009-2011. The store holds these letters "
            "for Birmingham: 2007 (APA), 2011 (CSA)."
        ),
        [],
        id="birmingham 2004",
    ),
    pytest.param(
        "birmingham 2012 overall",
        AnswerKind.NOT_FOUND,
        (
            "There is no Ofsted letter for 2012: the letters are annual performance assessments "
            "2005-2008, children's services assessments 2009-2011. The store holds these letters "
            "for Birmingham: 2007 (APA), 2011 (CSA)."
        ),
        [],
        id="birmingham 2012 overall",
    ),
]


NAMES = [
    pytest.param(
        "hogwarts overall",
        AnswerKind.NOT_FOUND,
        "I don't know 'hogwarts': no English children's services authority is called that.",
        (),
        "Read as: overall effectiveness · lookup · not recognised: 'hogwarts'",
        id="hogwarts overall",
    ),
    pytest.param(
        "wessex 2008",
        AnswerKind.NOT_FOUND,
        (
            "I don't know 'wessex': no English children's services authority is called that. Did "
            "you mean Essex or East Sussex or West Sussex?"
        ),
        ("Essex", "East Sussex", "West Sussex"),
        "Read as: 2008 · lookup · not recognised: 'wessex'",
        id="wessex 2008",
    ),
    pytest.param(
        "Sloughton grades",
        AnswerKind.NOT_FOUND,
        (
            "I don't know 'Sloughton': no English children's services authority is called that. "
            "Did you mean Slough or Southampton or Luton?"
        ),
        ("Slough", "Southampton", "Luton"),
        "Read as: lookup · not recognised: 'Sloughton'",
        id="Sloughton grades",
    ),
    pytest.param(
        "sussex 2008",
        AnswerKind.CLARIFY,
        "'sussex' could mean East Sussex or West Sussex. Which one?",
        ("East Sussex", "West Sussex"),
        "Read as: sussex? · 2008 · lookup",
        id="sussex 2008",
    ),
    pytest.param(
        "yorkshire overall 2007",
        AnswerKind.CLARIFY,
        "'yorkshire' could mean East Riding of Yorkshire or North Yorkshire. Which one?",
        ("East Riding of Yorkshire", "North Yorkshire"),
        "Read as: yorkshire? · overall effectiveness · 2007 · lookup",
        id="yorkshire overall 2007",
    ),
    pytest.param(
        "bedford 2008",
        AnswerKind.CLARIFY,
        (
            "Bedford was not a children's services authority in 2008. Which did you mean? "
            "(Bedfordshire 2005-2008; Bedford 2009-2011)"
        ),
        ("Bedfordshire", "Bedford"),
        "Read as: Bedford · 2008 · lookup",
        id="bedford 2008",
    ),
    pytest.param(
        "bedford 2008 staying safe",
        AnswerKind.CLARIFY,
        (
            "Bedford was not a children's services authority in 2008. Which did you mean? "
            "(Bedfordshire 2005-2008; Bedford 2009-2011)"
        ),
        ("Bedfordshire", "Bedford"),
        "Read as: Bedford · staying safe · 2008 · lookup",
        id="bedford 2008 staying safe",
    ),
    pytest.param(
        "bedfordshire 2010",
        AnswerKind.NOT_FOUND,
        (
            "Bedfordshire was not a children's services authority in 2010 (it was from 2005 to "
            "2008); Bedford and Central Bedfordshire took over its duties (Bedford 2009-2011; "
            "Central Bedfordshire 2009-2011; Bedfordshire 2005-2008)."
        ),
        ("Bedford", "Central Bedfordshire"),
        "Read as: Bedfordshire · 2010 · lookup",
        id="bedfordshire 2010",
    ),
    pytest.param(
        "cheshire 2010",
        AnswerKind.CLARIFY,
        (
            "Cheshire was not a children's services authority in 2010. Which did you mean? "
            "(Cheshire East 2009-2011; Cheshire West and Chester 2009-2011; Cheshire 2005-2008)"
        ),
        ("Cheshire East", "Cheshire West and Chester", "Cheshire"),
        "Read as: Cheshire · 2010 · lookup",
        id="cheshire 2010",
    ),
    pytest.param(
        "cheshire west 2008",
        AnswerKind.NOT_FOUND,
        (
            "Cheshire West and Chester was not a children's services authority in 2008 (it was "
            "from 2009 to 2011); Cheshire held the duty then (Cheshire 2005-2008; Cheshire West "
            "and Chester 2009-2011)."
        ),
        ("Cheshire",),
        "Read as: Cheshire West and Chester · 2008 · lookup",
        id="cheshire west 2008",
    ),
    pytest.param(
        "manchestre 2009",
        AnswerKind.NOT_FOUND,
        (
            "No letter for Manchester for 2009 is in the store. The store holds no letters for "
            "Manchester."
        ),
        (),
        "Read as: Manchester · 2009 · lookup",
        id="manchestre 2009",
    ),
    pytest.param(
        "Reading 2008",
        AnswerKind.NOT_FOUND,
        "No letter for Reading for 2008 is in the store. The store holds no letters for Reading.",
        (),
        "Read as: Reading · 2008 · lookup",
        id="Reading 2008",
    ),
]


ABOUT = [
    pytest.param(
        "what does grade 2 mean in a csa letter?",
        (
            "Grade 2 is adequate in an APA letter (only minimum requirements) and “Performs "
            "adequately (2)” in a CSA letter (meets only minimum requirements). On both scales 4 "
            "is best and 1 is worst: the opposite of school inspection grades, where 1 is "
            "outstanding."
        ),
        id="what does grade 2 mean in a csa letter?",
    ),
    pytest.param(
        "what is the difference between the apa and csa scales?",
        (
            "The annual performance assessment (APA, 2005-2008) scale has 4 points: Grade 4 "
            "(outstanding): well above minimum requirements; Grade 3 (good): consistently above "
            "minimum requirements; Grade 2 (adequate): only minimum requirements; Grade 1 "
            "(inadequate): does not deliver minimum requirements. The children's services "
            "assessment (CSA, 2009-2011) scale has 4 points: Performs excellently (4): "
            "significantly exceeds minimum requirements; Performs well (3): exceeds minimum "
            "requirements; Performs adequately (2): meets only minimum requirements; Performs "
            "poorly (1): does not meet minimum requirements. On both scales 4 is best and 1 is "
            "worst: the opposite of school inspection grades, where 1 is outstanding."
        ),
        id="what is the difference between the apa and csa scales?",
    ),
    pytest.param(
        "what are the every child matters outcomes?",
        (
            "The five Every Child Matters outcomes are being healthy, staying safe, enjoying and "
            "achieving, making a positive contribution, achieving economic well-being. APA "
            "letters graded each of them in 2007-2008."
        ),
        id="what are the every child matters outcomes?",
    ),
    pytest.param(
        "why are there no per area grades after 2008?",
        (
            "From 2009 the children's services assessment (2009-2011) gives a single overall "
            "rating, with strengths and areas for improvement in prose: no per-area grades. "
            "Per-area grades exist only in the APA letters of 2007-2008."
        ),
        id="why are there no per area grades after 2008?",
    ),
    pytest.param(
        "what is capacity to improve?",
        (
            "Capacity to improve is the APA judgement of whether a council can make its services "
            "better: in 2007-2008 “capacity to improve, including the management of services for "
            "children and young people”, so service management is graded within it, not "
            "separately (2005-2006 letters discuss service management in prose). It is graded "
            "1-4 like the rest."
        ),
        id="what is capacity to improve?",
    ),
    pytest.param(
        "is service management graded separately?",
        (
            "Capacity to improve is the APA judgement of whether a council can make its services "
            "better: in 2007-2008 “capacity to improve, including the management of services for "
            "children and young people”, so service management is graded within it, not "
            "separately (2005-2006 letters discuss service management in prose). It is graded "
            "1-4 like the rest."
        ),
        id="is service management graded separately?",
    ),
    pytest.param(
        "which years does the store cover?",
        (
            "The letters run from 2005 to 2011: APA letters 2005-2008, CSA letters 2009-2011. "
            "There was no 2012 assessment (the duty, section 138 of the Education and "
            "Inspections Act 2006, was repealed in 2012) and none before 2005."
        ),
        id="which years does the store cover?",
    ),
    pytest.param(
        "was there a 2012 assessment?",
        (
            "The letters run from 2005 to 2011: APA letters 2005-2008, CSA letters 2009-2011. "
            "There was no 2012 assessment (the duty, section 138 of the Education and "
            "Inspections Act 2006, was repealed in 2012) and none before 2005."
        ),
        id="was there a 2012 assessment?",
    ),
    pytest.param(
        "what does apa stand for?",
        (
            "APA stands for annual performance assessment, Ofsted's yearly judgement of a "
            "council's children's services in 2005-2008, graded 1-4."
        ),
        id="what does apa stand for?",
    ),
    pytest.param(
        "what does csa stand for?",
        (
            "CSA stands for children's services assessment, the single yearly rating of "
            "2009-2011; in 2009 it was called the annual rating."
        ),
        id="what does csa stand for?",
    ),
    pytest.param(
        "who issued the letters?",
        (
            "Ofsted issued the letters (jointly with CSCI, the Commission for Social Care "
            "Inspection, in 2005-2006)."
        ),
        id="who issued the letters?",
    ),
    pytest.param(
        "what is a jar?",
        (
            "JAR is a joint area review: an inspection of all a council's children's services by "
            "several inspectorates, with its own grades. In 2006 councils with a JAR had no APA "
            "letter; JAR grades are not APA grades."
        ),
        id="what is a jar?",
    ),
    pytest.param(
        "what is section 138?",
        (
            "Section 138 of the Education and Inspections Act 2006 required Ofsted's annual "
            "assessment of each council's children's services; it was repealed in 2012."
        ),
        id="what is section 138?",
    ),
    pytest.param(
        "which year does a letter dated january 2012 count for?",
        (
            "A letter counts for the year in its title, not the date it was signed: a 2011 "
            "assessment dated January 2012 is a 2011 letter."
        ),
        id="which year does a letter dated january 2012 count for?",
    ),
    pytest.param(
        "which councils do you have letters for?",
        (
            "The store holds 8 letters for 7 councils: Bedfordshire, Birmingham, Cheshire West "
            "and Chester, East Riding of Yorkshire, Kingston upon Thames, Slough, Surrey."
        ),
        id="which councils do you have letters for?",
    ),
    pytest.param(
        "what was the 2009 assessment called?",
        (
            "In 2009 the assessment was called the annual rating of council children's services; "
            "from 2010 it was called the children's services assessment."
        ),
        id="what was the 2009 assessment called?",
    ),
    pytest.param(
        "can you compare apa and csa grades?",
        (
            "An APA grade and a CSA rating are different assessments: both use 1-4 with 4 best, "
            "but they judge different things, so compare them with care."
        ),
        id="can you compare apa and csa grades?",
    ),
    pytest.param(
        "is grade 1 the best?",
        (
            "Grade 1 is inadequate in an APA letter (does not deliver minimum requirements) and "
            "“Performs poorly (1)” in a CSA letter (does not meet minimum requirements). On both "
            "scales 4 is best and 1 is worst: the opposite of school inspection grades, where 1 "
            "is outstanding."
        ),
        id="is grade 1 the best?",
    ),
    pytest.param(
        "what does grade 3 mean?",
        (
            "Grade 3 is good in an APA letter (consistently above minimum requirements) and "
            "“Performs well (3)” in a CSA letter (exceeds minimum requirements). On both scales "
            "4 is best and 1 is worst: the opposite of school inspection grades, where 1 is "
            "outstanding."
        ),
        id="what does grade 3 mean?",
    ),
    pytest.param(
        "what does performs adequately mean?",
        (
            "Grade 2 is adequate in an APA letter (only minimum requirements) and “Performs "
            "adequately (2)” in a CSA letter (meets only minimum requirements). On both scales 4 "
            "is best and 1 is worst: the opposite of school inspection grades, where 1 is "
            "outstanding."
        ),
        id="what does performs adequately mean?",
    ),
    pytest.param(
        "what does outstanding mean?",
        (
            "Grade 4 is outstanding in an APA letter (well above minimum requirements) and "
            "“Performs excellently (4)” in a CSA letter (significantly exceeds minimum "
            "requirements). It is the top grade; it does not mean a service is perfect: letters "
            "graded 4 still name areas for improvement. On both scales 4 is best and 1 is worst: "
            "the opposite of school inspection grades, where 1 is outstanding."
        ),
        id="what does outstanding mean?",
    ),
    pytest.param(
        "grade 2?",
        (
            "Grade 2 is adequate in an APA letter (only minimum requirements) and “Performs "
            "adequately (2)” in a CSA letter (meets only minimum requirements). On both scales 4 "
            "is best and 1 is worst: the opposite of school inspection grades, where 1 is "
            "outstanding."
        ),
        id="grade 2?",
    ),
    pytest.param(
        "what areas did the 2006 letters grade?",
        "2006 letters grade overall effectiveness, capacity to improve, social care.",
        id="what areas did the 2006 letters grade?",
    ),
]


# -- the tests over the tables above ---------------------------------------------------------


@pytest.mark.parametrize(("question", "kind", "verdict", "message", "judgements"), COMPARE)
def test_compare(engine, question, kind, verdict, message, judgements):
    check(engine.answer(question), kind, message, judgements, verdict)


@pytest.mark.parametrize(("question", "kind", "message", "judgements"), YESNO)
def test_yes_no(engine, question, kind, message, judgements):
    check(engine.answer(question), kind, message, judgements)


@pytest.mark.parametrize(("question", "kind", "message", "judgements"), ONE_LETTER)
def test_one_letter_strongest_weakest_filtered_and_counted(
    engine, question, kind, message, judgements
):
    check(engine.answer(question), kind, message, judgements)


@pytest.mark.parametrize(("question", "kind", "message", "judgements"), COUNTS)
def test_count_across_councils(engine, question, kind, message, judgements):
    check(engine.answer(question), kind, message, judgements)


@pytest.mark.parametrize(("question", "kind", "message", "judgements"), RANKINGS)
def test_ranking_across_councils(engine, question, kind, message, judgements):
    check(engine.answer(question), kind, message, judgements)


@pytest.mark.parametrize(("question", "kind", "direction", "message", "judgements"), CHANGE)
def test_change_over_the_years(engine, question, kind, direction, message, judgements):
    check(engine.answer(question), kind, message, judgements, direction)


@pytest.mark.parametrize(("question", "kind", "message", "judgements"), LOOKUPS)
def test_names_and_areas_typed_loosely(engine, question, kind, message, judgements):
    check(engine.answer(question), kind, message, judgements)


@pytest.mark.parametrize(("question", "kind", "message", "options", "read_as"), NAMES)
def test_unknown_ambiguous_and_reorganised_names(engine, question, kind, message, options, read_as):
    answer = engine.answer(question)
    check(answer, kind, message, [])
    assert answer.options == options
    assert answer.read_as == read_as


@pytest.mark.parametrize(("question", "message"), ABOUT)
def test_about_the_scheme(engine, question, message):
    answer = engine.answer(question)
    check(answer, AnswerKind.ABOUT, message, [])
    assert answer.passages == ()


# -- a council with a letter for each CSA year: up, the same, and a comparison within a regime


@pytest.fixture(scope="module")
def csa_years(tmp_path_factory) -> Answerer:
    """Birmingham's APA 2007 letter (overall 3) and its CSA letter rewritten as 2009
    (performs adequately), 2010 and 2011 (performs well): the fixture letters hold no council
    whose grade went up or stayed the same."""
    folder = tmp_path_factory.mktemp("csa-years")
    letters = folder / "letters"
    letters.mkdir()
    shutil.copy(LETTERS / "birmingham_apa2007.txt", letters)
    text = (LETTERS / "birmingham_csa2011.txt").read_text(encoding="utf-8")
    rating = "Performs poorly (1)\n\nChildren"
    title = "children\u2019s services assessment 2011"
    assert text.count(rating) == 1 and text.count(title) == 1
    for year, phrase in ((2009, "Performs adequately (2)"), (2010, "Performs well (3)")):
        variant = text.replace(title, title.replace("2011", str(year)))
        (letters / f"birmingham_csa{year}.txt").write_text(
            variant.replace(rating, rating.replace("Performs poorly (1)", phrase)),
            encoding="utf-8",
        )
    (letters / "birmingham_csa2011.txt").write_text(
        text.replace(rating, rating.replace("Performs poorly (1)", "Performs well (3)")),
        encoding="utf-8",
    )
    sql = make_engine(f"sqlite:///{folder / 'store.sqlite3'}")
    create_schema(sql)
    report = ingest_paths(sql, [letters])
    assert not report.failed, report.failed
    return Answerer.open(sql)


B2007 = ("Birmingham", 2007, "overall", 3)
B2009 = ("Birmingham", 2009, "overall", 2)
B2010 = ("Birmingham", 2010, "overall", 3)
B2011 = ("Birmingham", 2011, "overall", 3)


@pytest.mark.parametrize(
    ("question", "kind", "outcome", "message", "judgements"),
    [
        pytest.param(
            "how has birmingham changed from 2009 to 2011?",
            AnswerKind.TREND,
            Direction.UP,
            "Birmingham, Overall effectiveness: 2009: Performs adequately (2); 2010: Performs "
            "well (3); 2011: Performs well (3). Up: 2 in 2009, 3 in 2011.",
            [B2009, B2010, B2011],
            id="up within the CSA years, no caveat",
        ),
        pytest.param(
            "birmingham trend in the csa years",
            AnswerKind.TREND,
            Direction.UP,
            "Birmingham, Overall effectiveness: 2009: Performs adequately (2); 2010: Performs "
            "well (3); 2011: Performs well (3). Up: 2 in 2009, 3 in 2011.",
            [B2009, B2010, B2011],
            id="the csa years",
        ),
        pytest.param(
            "birmingham since 2010",
            AnswerKind.TREND,
            Direction.SAME,
            "Birmingham, Overall effectiveness: 2010: Performs well (3); 2011: Performs well "
            "(3). The same: 3 in 2010, 3 in 2011.",
            [B2010, B2011],
            id="since 2010: the same",
        ),
        pytest.param(
            "did birmingham keep its rating into 2011",
            AnswerKind.TREND,
            Direction.SAME,
            "Birmingham, Overall effectiveness: 2010: Performs well (3); 2011: Performs well "
            "(3). The same: 3 in 2010, 3 in 2011.",
            [B2010, B2011],
            id="into 2011: from the letter before",
        ),
        pytest.param(
            "has birmingham improved?",
            AnswerKind.TREND,
            Direction.SAME,
            "Birmingham, Overall effectiveness: 2007: Grade 3 (good); 2009: Performs "
            "adequately (2); 2010: Performs well (3); 2011: Performs well (3). The same: 3 in "
            "2007, 3 in 2011. No letter held for 2005, 2006, 2008. APA grades (2005-2008) and "
            "CSA ratings (2009-2011) are different assessments on a 1-4 scale, 4 best.",
            [B2007, B2009, B2010, B2011],
            id="every year: first against last",
        ),
        pytest.param(
            "birmingham 2009 vs 2010",
            AnswerKind.COMPARE,
            Verdict.SECOND_HIGHER,
            "Overall effectiveness: Birmingham 2009: Performs adequately (2); Birmingham "
            "2010: Performs well (3). Birmingham 2010 is higher (4 is best).",
            [B2009, B2010],
            id="one council's years: second higher",
        ),
        pytest.param(
            "birmingham 2010 vs 2009",
            AnswerKind.COMPARE,
            Verdict.FIRST_HIGHER,
            "Overall effectiveness: Birmingham 2010: Performs well (3); Birmingham 2009: "
            "Performs adequately (2). Birmingham 2010 is higher (4 is best).",
            [B2010, B2009],
            id="one council's years: first higher",
        ),
        pytest.param(
            "birmingham 2010 vs 2011",
            AnswerKind.COMPARE,
            Verdict.EQUAL,
            "Overall effectiveness: Birmingham 2010: Performs well (3); Birmingham 2011: "
            "Performs well (3). The grades are equal.",
            [B2010, B2011],
            id="one council's years: equal",
        ),
    ],
)
def test_a_council_over_the_csa_years(csa_years, question, kind, outcome, message, judgements):
    check(csa_years.answer(question), kind, message, judgements, outcome)


# -- how a question was read ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        (
            "how has birmingham's overall rating changed from 2007 to 2011?",
            "Read as: Birmingham · overall effectiveness · 2007-2011 · change",
        ),
        ("before 2007 surrey", "Read as: Surrey · 2005, 2006 · change"),
        ("bham and slouhg 2011", "Read as: Birmingham and Slough · 2011 · compare"),
        (
            "did birmingham get a 3 for anything in 2007?",
            "Read as: Birmingham · any area · grade 3 · 2007 · yesno",
        ),
        (
            "which of bedfordshire's areas were adequate or worse in 2008",
            "Read as: Bedfordshire · grade 2 or 1 · 2008 · lookup",
        ),
        (
            "which councils performed poorly in 2011?",
            "Read as: grade 1 · 2011 · CSA letters · rank",
        ),
        (
            "which councils had the worst overall grade?",
            "Read as: overall effectiveness · the worst · rank",
        ),
        ("councils best first", "Read as: best first · rank"),
        ("latest overall grades of all councils", "Read as: overall effectiveness · latest · rank"),
        (
            "the apa years east riding",
            "Read as: East Riding of Yorkshire · 2005-2008 · APA letters · lookup",
        ),
        (
            "was staying safe bedfordshire's lowest grade in 2008?",
            "Read as: Bedfordshire · staying safe · 2008 · the worst · yesno",
        ),
        ("birmingham 2007 vs 2011", "Read as: Birmingham · 2007, 2011 · compare"),
        ("what is a jar?", "Read as: about"),
        ("whos the worst for staying safe", "Read as: staying safe · the worst · rank"),
    ],
)
def test_read_as_line(engine, question, read_as):
    assert engine.answer(question).read_as == read_as


# -- passage searches --------------------------------------------------------------------------


def test_a_quoted_phrase_searches_and_folds_the_repeated_boilerplate(engine):
    answer = engine.answer('"section 138 of the Education and Inspections Act"')
    assert answer.kind == AnswerKind.PASSAGES
    assert answer.message == (
        "Passages that best match 'section 138 of the education and inspections act', "
        "ranked by BM25."
    )
    assert answer.judgements == ()
    top = [(p.authority, p.year, p.same_in) for p in answer.passages[:3]]
    assert top == [
        ("Birmingham", 2011, ("Kingston upon Thames CSA 2010", "Slough CSA 2011")),
        ("Cheshire West and Chester", 2009, ()),
        ("Bedfordshire", 2008, ("Birmingham APA 2007",)),
    ]
    assert answer.passages[0].text == (
        "This children\u2019s services assessment is provided in accordance with section 138 "
        "of the Education and Inspections Act 2006."
    )
    shown = [(p.authority, p.year) for p in answer.passages]
    assert ("Slough", 2011) not in shown and ("Kingston upon Thames", 2010) not in shown
    assert answer.more


def test_a_quoted_csa_phrase_folds_the_identical_scale_text(engine):
    answer = engine.answer('"performs poorly"', k=10)
    scale = [p for p in answer.passages if p.text.startswith("Within each level")]
    assert [(p.authority, p.year, p.same_in) for p in scale] == [
        ("Cheshire West and Chester", 2009, ()),
        ("Birmingham", 2011, ("Slough CSA 2011",)),
        ("Kingston upon Thames", 2010, ()),
    ]


def test_words_the_letters_use_search_one_councils_letters(engine):
    answer = engine.answer("what did birmingham's letter say about privately fostered children")
    assert answer.kind == AnswerKind.PASSAGES
    assert answer.message == (
        "Passages in Birmingham that best match 'what did letter say about privately "
        "fostered children', ranked by BM25."
    )
    assert answer.read_as == "Read as: Birmingham · search"
    assert {p.authority for p in answer.passages} == {"Birmingham"}
    assert answer.passages[0].section == "Staying Safe"
    assert "privately fostered" in answer.passages[0].text


def test_a_topic_without_a_council_searches_every_letter(engine):
    answer = engine.answer("privately fostered children")
    assert answer.kind == AnswerKind.PASSAGES
    assert answer.message == (
        "Passages that best match 'privately fostered children', ranked by BM25."
    )
    assert answer.read_as == "Read as: search"
    assert [(p.authority, p.year) for p in answer.passages[:2]] == [
        ("Birmingham", 2007),
        ("Birmingham", 2007),
    ]


# -- the reader on its own -------------------------------------------------------------------

LETTER_WORDS = frozenset("private fostering fostered adoption teenage conception rate".split())


def reading(text: str):
    return read(text, gazetteer(directory()), lambda w: w in LETTER_WORDS)


def sides(r) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(s.council.short_name, s.text, s.years) for s in r.sides]


@pytest.mark.parametrize(
    ("text", "named", "years", "areas", "grades", "op"),
    [
        (
            "brum '07 stay safe",
            [("Birmingham", "brum", (2007,))],
            (2007,),
            ("staying_safe",),
            set(),
            Op.LOOKUP,
        ),
        (
            "Birmingham 2007 vs Bedfordshire 2008",
            [("Birmingham", "Birmingham", (2007,)), ("Bedfordshire", "Bedfordshire", (2008,))],
            (2007, 2008),
            (),
            set(),
            Op.COMPARE,
        ),
        (
            "slough vs birmingham 2011",
            [("Slough", "slough", (2011,)), ("Birmingham", "birmingham", (2011,))],
            (2011,),
            (),
            set(),
            Op.COMPARE,
        ),
        (
            "birmingham 2007 vs 2011",
            [("Birmingham", "birmingham", (2007, 2011))],
            (2007, 2011),
            (),
            set(),
            Op.COMPARE,
        ),
        (
            "birmingham 2007 to 2011",
            [("Birmingham", "birmingham", (2007, 2008, 2009, 2010, 2011))],
            (2007, 2008, 2009, 2010, 2011),
            (),
            set(),
            Op.CHANGE,
        ),
        (
            "since 2008 bedfordshire",
            [("Bedfordshire", "bedfordshire", ())],
            (2008, 2009, 2010, 2011),
            (),
            set(),
            Op.CHANGE,
        ),
        ("before 2007 surrey", [("Surrey", "surrey", ())], (2005, 2006), (), set(), Op.CHANGE),
        (
            "birmigham capcity to improve 2007",
            [("Birmingham", "birmigham", (2007,))],
            (2007,),
            ("capacity_to_improve",),
            set(),
            Op.LOOKUP,
        ),
        (
            "cwac 2009",
            [("Cheshire West and Chester", "cwac", (2009,))],
            (2009,),
            (),
            set(),
            Op.LOOKUP,
        ),
        (
            "eryc 2006 overall",
            [("East Riding of Yorkshire", "eryc", (2006,))],
            (2006,),
            ("overall",),
            set(),
            Op.LOOKUP,
        ),
        ("how many letters were rated 1?", [], (), (), {1}, Op.COUNT),
        ("how many councils were rated 3 or better in 2008?", [], (2008,), (), {3, 4}, Op.COUNT),
        (
            "which councils got below 3 for staying safe",
            [],
            (),
            ("staying_safe",),
            {1, 2},
            Op.RANK,
        ),
        ("which councils got above 2 overall", [], (), ("overall",), {3, 4}, Op.RANK),
        ("csa letters rated 4", [], (2009, 2010, 2011), (), {4}, Op.RANK),
        (
            "a 2 or a 3 for birmingham 2007",
            [("Birmingham", "birmingham", (2007,))],
            (2007,),
            (),
            set(),
            Op.LOOKUP,
        ),
        ("13 to 19 year olds in surrey", [("Surrey", "surrey", ())], (), (), set(), Op.LOOKUP),
        (
            "private fostering in birmingham",
            [("Birmingham", "birmingham", ())],
            (),
            (),
            set(),
            Op.SEARCH,
        ),
        ("Reading 2008", [("Reading", "Reading", (2008,))], (2008,), (), set(), Op.LOOKUP),
    ],
)
def test_reading_slots_and_operation(text, named, years, areas, grades, op):
    r = reading(text)
    assert sides(r) == named
    assert r.years == years
    assert r.areas == areas
    assert r.grades == frozenset(grades)
    assert r.op == op


def test_reading_a_typo_marks_the_side():
    r = reading("bham and slouhg 2011")
    assert [(s.council.short_name, s.typo) for s in r.sides] == [
        ("Birmingham", False),
        ("Slough", True),
    ]
    assert [s.years for s in r.sides] == [(2011,), (2011,)]
    assert r.op == Op.COMPARE


def test_reading_order_sort_latest_scale_and_unit():
    assert (reading("councils best first").order, reading("councils best first").sort_all) == (
        Order.BEST,
        True,
    )
    worst = reading("worst councils for staying safe")
    assert (worst.order, worst.sort_all, worst.op) == (Order.WORST, False, Op.RANK)
    assert reading("latest rating for slough").latest
    poorly = reading("which councils performed poorly in 2011?")
    assert (poorly.scale, poorly.grades, poorly.op) == (LetterKind.CSA, frozenset({1}), Op.RANK)
    assert reading("how many letters were rated 1?").unit == "letters"
    assert reading("how many councils were rated 3 or better in 2008?").unit == "councils"
    apa = reading("the apa years east riding")
    assert (apa.scale, apa.years) == (LetterKind.APA, (2005, 2006, 2007, 2008))


def test_reading_names_it_cannot_place():
    sussex = reading("sussex 2008")
    assert sussex.sides == ()
    assert [(t, [c.short_name for c in cs]) for t, cs in sussex.ambiguous] == [
        ("sussex", ["East Sussex", "West Sussex"])
    ]
    gotham = reading("gotham grades 2007")
    assert (gotham.unknown, gotham.sides, gotham.years) == (("gotham",), (), (2007,))
    lower = reading("reading 2008")
    assert (lower.sides, lower.unknown) == ((), ("reading",))


def test_reading_words_the_letters_use_are_the_search_topic():
    r = reading("private fostering in birmingham")
    assert r.topic == ("private", "fostering")
    assert r.unknown == () and r.unread == ()


def test_a_lone_unknown_word_asks_nothing_and_gets_the_help(engine):
    answer = engine.answer("asdfghjkl")
    assert answer.kind == AnswerKind.HELP
    assert answer.read_as == ""
    assert answer.judgements == () and answer.passages == ()


# -- the classes a review of the composers found wrong, each fixed by its rule ------------------

HELP_TEXT_START = "I answer questions about Ofsted's letters on councils' children's services"


@pytest.mark.parametrize(
    ("question", "kind", "message", "graded"),
    [
        (
            "search: staying safe",
            AnswerKind.PASSAGES,
            "Passages that best match 'staying safe', ranked by BM25.",
            [],
        ),
        (
            "kingston vs surrey staying safe",
            AnswerKind.COMPARE,
            "Staying safe: Kingston upon Thames 2010: Staying safe not graded that year; Surrey "
            "2005: Staying safe not graded that year. Neither side's letter grades that area, so "
            "they cannot be compared.",
            [],
        ),
        (
            "which councils' latest overall grade was good?",
            AnswerKind.TABLE,
            "1 council(s) graded 3 for Overall effectiveness in 2005-2011, out of the 8 "
            "letter(s) held for those years.",
            [("Surrey", 2005, "overall", 3)],
        ),
        (
            "did bedfordshire get a grade 1 in 2008?",
            AnswerKind.YESNO,
            "Yes: Bedfordshire's 2008 letter gives Staying safe Grade 1 (inadequate).",
            [("Bedfordshire", 2008, "staying_safe", 1)],
        ),
        (
            "was bedfordshire inadequate in 2008?",
            AnswerKind.YESNO,
            "No: Bedfordshire's 2008 letter gives Overall effectiveness Grade 2 (adequate).",
            [("Bedfordshire", 2008, "overall", 2)],
        ),
        (
            "how many of birmingham's 2007 outcomes were good",
            AnswerKind.COUNT,
            "3 of the 5 graded outcomes in Birmingham's 2007 letter are Grade 3 (good): "
            "Enjoying and achieving Grade 3 (good); Making a positive contribution Grade 3 "
            "(good); Achieving economic well-being Grade 3 (good).",
            [
                ("Birmingham", 2007, "enjoying_and_achieving", 3),
                ("Birmingham", 2007, "making_a_positive_contribution", 3),
                ("Birmingham", 2007, "achieving_economic_wellbeing", 3),
            ],
        ),
        (
            "birmingham weakest area",
            AnswerKind.GRADES,
            "Birmingham's weakest areas in 2007: Being healthy Grade 2 (adequate); Staying safe "
            "Grade 2 (adequate).",
            [("Birmingham", 2007, "being_healthy", 2), ("Birmingham", 2007, "staying_safe", 2)],
        ),
        (
            "what do apa and csa stand for?",
            AnswerKind.ABOUT,
            "APA stands for annual performance assessment, Ofsted's yearly judgement of a "
            "council's children's services in 2005-2008, graded 1-4. CSA stands for children's "
            "services assessment, the single yearly rating of 2009-2011; in 2009 it was called "
            "the annual rating.",
            [],
        ),
        (
            "why cant i get a staying safe grade for 2010",
            AnswerKind.ABOUT,
            "From 2009 the children's services assessment (2009-2011) gives a single overall "
            "rating, with strengths and areas for improvement in prose: no per-area grades. "
            "Per-area grades exist only in the APA letters of 2007-2008.",
            [],
        ),
        ("DROP TABLE judgements;", AnswerKind.HELP, HELP_TEXT_START, []),
    ],
)
def test_reviewed_classes(engine, question, kind, message, graded) -> None:
    answer = engine.answer(question)
    assert answer.kind == kind
    if kind == AnswerKind.HELP:
        assert answer.message.startswith(message)
    else:
        assert answer.message == message
    assert [(f.authority, f.year, f.area, f.grade) for f in answer.judgements] == graded


def test_a_ranking_lists_best_first_with_ties_a_to_z(engine) -> None:
    answer = engine.answer("overall ranking")
    assert [(f.authority, f.year, f.grade) for f in answer.judgements] == [
        ("East Riding of Yorkshire", 2006, 4),
        ("Kingston upon Thames", 2010, 4),
        ("Birmingham", 2007, 3),
        ("Surrey", 2005, 3),
        ("Bedfordshire", 2008, 2),
        ("Cheshire West and Chester", 2009, 2),
        ("Birmingham", 2011, 1),
        ("Slough", 2011, 1),
    ]


def test_is_4_good_or_bad_explains_grade_4(engine) -> None:
    answer = engine.answer("is 4 good or bad")
    assert answer.message.startswith("Grade 4 is outstanding in an APA letter")
    assert "Grade 3" not in answer.message
    assert answer.message.count("On both scales 4 is best") == 1


# -- one council's letter: none held, an area it does not grade, counts within it; and the areas
# each year's letters grade ---------------------------------------------------------------------


def resolved(answer: Answer) -> tuple:
    """What the answer's context carries into a follow-up: council, years, area, intent."""
    c = answer.context
    return (c.council, c.years, c.area, c.intent)


# Leeds and Manchester have no letter in the store; Surrey has only its 2005 APA letter.
NO_LETTER_HELD = [
    pytest.param(
        "did leeds get anything outstanding in 2007?",
        "No letter for Leeds for 2007 is in the store. The store holds no letters for Leeds.",
        ("Leeds", (2007,), None),
        id="yes/no, a year with no letter",
    ),
    pytest.param(
        "was leeds's staying safe good in 2007?",
        "No letter for Leeds for 2007 is in the store. The store holds no letters for Leeds.",
        ("Leeds", (2007,), "staying_safe"),
        id="yes/no about an area, a year with no letter",
    ),
    pytest.param(
        "manchester 2007 weakest area",
        "No letter for Manchester for 2007 is in the store. The store holds no letters for "
        "Manchester.",
        ("Manchester", (2007,), None),
        id="weakest area, a year with no letter",
    ),
    pytest.param(
        "how many areas were good in surrey's 2008 letter",
        "No letter for Surrey for 2008 is in the store. The store holds these letters for "
        "Surrey: 2005 (APA).",
        ("Surrey", (2008,), None),
        id="count, a year with no letter for a council with letters",
    ),
    pytest.param(
        "did leeds get anything outstanding?",
        "The store holds no letters for Leeds.",
        ("Leeds", (), None),
        id="yes/no, no year, no letters at all",
    ),
    pytest.param(
        "was leeds's staying safe good?",
        "The store holds no letters for Leeds.",
        ("Leeds", (), "staying_safe"),
        id="yes/no about an area, no year, no letters at all",
    ),
    pytest.param(
        "leeds weakest area",
        "The store holds no letters for Leeds.",
        ("Leeds", (), None),
        id="weakest area, no year, no letters at all",
    ),
    pytest.param(
        "how many areas were graded in leeds's letter",
        "The store holds no letters for Leeds.",
        ("Leeds", (), None),
        id="count, no year, no letters at all",
    ),
]


@pytest.mark.parametrize(("question", "message", "context"), NO_LETTER_HELD)
def test_a_council_with_no_letter_for_the_question(engine, question, message, context):
    answer = engine.answer(question)
    check(answer, AnswerKind.NOT_FOUND, message, [])
    assert answer.question == question
    assert answer.options == ()
    assert resolved(answer)[:3] == context


NOT_GRADED = [
    pytest.param(
        "was kingston's staying safe good in 2010?",
        "Kingston upon Thames's 2010 letter does not grade Staying safe; it grades Overall "
        "effectiveness Performs excellently (4).",
        [("Kingston upon Thames", 2010, "overall", 4)],
        ("Kingston upon Thames", (2010,), "staying_safe", "grades"),
        "Read as: Kingston upon Thames · staying safe · grade 3 · 2010 · yesno",
        id="a CSA letter grades no outcome",
    ),
    pytest.param(
        "did surrey's being healthy match its staying safe in 2005",
        "Surrey's 2005 letter does not grade Being healthy, Staying safe; it grades Overall "
        "effectiveness Grade 3 (good); Capacity to improve Grade 3 (good); Social care Grade 2 "
        "(adequate); Education Grade 4 (outstanding).",
        [
            ("Surrey", 2005, "overall", 3),
            ("Surrey", 2005, "capacity_to_improve", 3),
            ("Surrey", 2005, "social_care", 2),
            ("Surrey", 2005, "education", 4),
        ],
        ("Surrey", (2005,), "being_healthy", "grades"),
        "Read as: Surrey · being healthy, staying safe · 2005 · yesno",
        id="2005 letters grade two services, not the outcomes",
    ),
]


@pytest.mark.parametrize(("question", "message", "judgements", "context", "read_as"), NOT_GRADED)
def test_a_yes_no_about_an_area_the_letter_does_not_grade(
    engine, question, message, judgements, context, read_as
):
    answer = engine.answer(question)
    check(answer, AnswerKind.NO_GRADE, message, judgements)
    assert answer.question == question
    assert resolved(answer) == context
    assert answer.read_as == read_as


BED = "Bedfordshire"
LETTER_COUNTS = [
    pytest.param(
        "how many areas were outstanding in bedfordshire's 2008 letter",
        "1 of the 7 graded areas in Bedfordshire's 2008 letter is Grade 4 (outstanding): Making "
        "a positive contribution Grade 4 (outstanding).",
        [(BED, 2008, "making_a_positive_contribution", 4)],
        "Read as: Bedfordshire · grade 4 · 2008 · count",
        ("Bedfordshire", (2008,), None, "grades"),
        id="one hit: is",
    ),
    pytest.param(
        "how many areas were adequate in bedfordshire's 2008 letter",
        "3 of the 7 graded areas in Bedfordshire's 2008 letter are Grade 2 (adequate): Overall "
        "effectiveness Grade 2 (adequate); Enjoying and achieving Grade 2 (adequate); Capacity "
        "to improve Grade 2 (adequate).",
        [
            (BED, 2008, "overall", 2),
            (BED, 2008, "enjoying_and_achieving", 2),
            (BED, 2008, "capacity_to_improve", 2),
        ],
        "Read as: Bedfordshire · grade 2 · 2008 · count",
        ("Bedfordshire", (2008,), None, "grades"),
        id="several hits: are",
    ),
    pytest.param(
        "how many areas were outstanding in birmingham's 2007 letter",
        "0 of the 7 graded areas in Birmingham's 2007 letter are Grade 4 (outstanding).",
        [],
        "Read as: Birmingham · grade 4 · 2007 · count",
        ("Birmingham", (2007,), None, "grades"),
        id="no hit",
    ),
    pytest.param(
        "how many outcomes were good in bedfordshire's 2008 letter",
        "2 of the 5 graded outcomes in Bedfordshire's 2008 letter are Grade 3 (good): Being "
        "healthy Grade 3 (good); Achieving economic well-being Grade 3 (good).",
        [(BED, 2008, "being_healthy", 3), (BED, 2008, "achieving_economic_wellbeing", 3)],
        "Read as: Bedfordshire · grade 3 · 2008 · count",
        ("Bedfordshire", (2008,), None, "grades"),
        id="outcomes only",
    ),
    pytest.param(
        "how many of bedfordshire's staying safe and being healthy were good in 2008",
        "1 of the 2 graded areas in Bedfordshire's 2008 letter is Grade 3 (good): Being healthy "
        "Grade 3 (good).",
        [(BED, 2008, "being_healthy", 3)],
        "Read as: Bedfordshire · staying safe, being healthy · grade 3 · 2008 · count",
        ("Bedfordshire", (2008,), "staying_safe", "grades"),
        id="the areas named",
    ),
    pytest.param(
        "how many areas were outstanding in kingston's 2010 letter",
        "1 of the 1 graded areas in Kingston upon Thames's 2010 letter is Performs excellently "
        "(4): Overall effectiveness Performs excellently (4).",
        [("Kingston upon Thames", 2010, "overall", 4)],
        "Read as: Kingston upon Thames · grade 4 · 2010 · count",
        ("Kingston upon Thames", (2010,), None, "grades"),
        id="a CSA letter, in CSA wording",
    ),
    pytest.param(
        "how many areas were good in kingston's 2010 letter",
        "0 of the 1 graded areas in Kingston upon Thames's 2010 letter are Performs well (3).",
        [],
        "Read as: Kingston upon Thames · grade 3 · 2010 · count",
        ("Kingston upon Thames", (2010,), None, "grades"),
        id="a CSA letter, no hit",
    ),
    pytest.param(
        "how many areas were graded in bedfordshire's 2008 letter",
        "7 graded areas in Bedfordshire's 2008 letter: Overall effectiveness Grade 2 (adequate); "
        "Being healthy Grade 3 (good); Staying safe Grade 1 (inadequate); Enjoying and achieving "
        "Grade 2 (adequate); Making a positive contribution Grade 4 (outstanding); Achieving "
        "economic well-being Grade 3 (good); Capacity to improve Grade 2 (adequate).",
        [
            (BED, 2008, "overall", 2),
            (BED, 2008, "being_healthy", 3),
            (BED, 2008, "staying_safe", 1),
            (BED, 2008, "enjoying_and_achieving", 2),
            (BED, 2008, "making_a_positive_contribution", 4),
            (BED, 2008, "achieving_economic_wellbeing", 3),
            (BED, 2008, "capacity_to_improve", 2),
        ],
        "Read as: Bedfordshire · 2008 · count",
        ("Bedfordshire", (2008,), None, "grades"),
        id="no grade filter: every graded area",
    ),
    pytest.param(
        "how many outcomes were graded in bedfordshire's 2008 letter",
        "5 graded outcomes in Bedfordshire's 2008 letter: Being healthy Grade 3 (good); Staying "
        "safe Grade 1 (inadequate); Enjoying and achieving Grade 2 (adequate); Making a positive "
        "contribution Grade 4 (outstanding); Achieving economic well-being Grade 3 (good).",
        [
            (BED, 2008, "being_healthy", 3),
            (BED, 2008, "staying_safe", 1),
            (BED, 2008, "enjoying_and_achieving", 2),
            (BED, 2008, "making_a_positive_contribution", 4),
            (BED, 2008, "achieving_economic_wellbeing", 3),
        ],
        "Read as: Bedfordshire · 2008 · count",
        ("Bedfordshire", (2008,), None, "grades"),
        id="no grade filter: every graded outcome",
    ),
]


@pytest.mark.parametrize(("question", "message", "judgements", "read_as", "context"), LETTER_COUNTS)
def test_counts_within_one_letter(engine, question, message, judgements, read_as, context):
    answer = engine.answer(question)
    check(answer, AnswerKind.COUNT, message, judgements)
    assert answer.question == question
    assert resolved(answer) == context
    assert answer.read_as == read_as


def test_surreys_outcomes_are_its_two_services_not_overall_and_capacity(engine):
    """Surrey's 2005 letter grades two services besides overall (3) and capacity (3): asked for
    its good or outstanding outcomes, only education (4) counts, not the two headline 3s."""
    check(
        engine.answer("which of surrey's outcomes were good or outstanding"),
        AnswerKind.GRADES,
        "Surrey's 2005 areas graded Grade 4 (outstanding) or Grade 3 (good): Education Grade 4 "
        "(outstanding).",
        [("Surrey", 2005, "education", 4)],
    )


def test_higher_than_all_other_areas_weighs_every_other_grade(engine):
    """Bedfordshire's being healthy (3) is below its positive contribution (4)."""
    check(
        engine.answer(
            "was bedfordshire's being healthy higher than all other areas or not in 2008?"
        ),
        AnswerKind.YESNO,
        "No: Bedfordshire's 2008 letter gives Overall effectiveness Grade 2 (adequate); Being "
        "healthy Grade 3 (good); Staying safe Grade 1 (inadequate); Enjoying and achieving Grade "
        "2 (adequate); Making a positive contribution Grade 4 (outstanding); Achieving economic "
        "well-being Grade 3 (good); Capacity to improve Grade 2 (adequate).",
        [
            ("Bedfordshire", 2008, "overall", 2),
            ("Bedfordshire", 2008, "being_healthy", 3),
            ("Bedfordshire", 2008, "staying_safe", 1),
            ("Bedfordshire", 2008, "enjoying_and_achieving", 2),
            ("Bedfordshire", 2008, "making_a_positive_contribution", 4),
            ("Bedfordshire", 2008, "achieving_economic_wellbeing", 3),
            ("Bedfordshire", 2008, "capacity_to_improve", 2),
        ],
    )


EVERY_YEAR = (
    "2005 letters grade overall effectiveness, capacity to improve, social care, education; "
    "2006 letters grade overall effectiveness, capacity to improve, social care; 2007 letters "
    "grade overall effectiveness, being healthy, staying safe, enjoying and achieving, making a "
    "positive contribution, achieving economic well-being, capacity to improve; 2008 letters "
    "grade overall effectiveness, being healthy, staying safe, enjoying and achieving, making a "
    "positive contribution, achieving economic well-being, capacity to improve; 2009 letters "
    "grade overall effectiveness; 2010 letters grade overall effectiveness; 2011 letters grade "
    "overall effectiveness."
)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "what areas did the 2005 letters grade",
            "2005 letters grade overall effectiveness, capacity to improve, social care, "
            "education.",
        ),
        (
            "what was graded in the 2006 letters",
            "2006 letters grade overall effectiveness, capacity to improve, social care.",
        ),
        ("what got graded in the 2009 letters", "2009 letters grade overall effectiveness."),
        ("what was graded in the 2011 letters", "2011 letters grade overall effectiveness."),
        ("what areas did the letters grade", EVERY_YEAR),
    ],
)
def test_the_areas_each_years_letters_grade(engine, question, message):
    answer = engine.answer(question)
    check(answer, AnswerKind.ABOUT, message, [])
    assert answer.passages == ()


@pytest.mark.parametrize(
    ("question", "kind", "message"),
    [
        (
            "which of surrey's outcomes were good",
            AnswerKind.GRADES,
            "None of Surrey's 2005 outcomes is Grade 3 (good): Social care Grade 2 (adequate); "
            "Education Grade 4 (outstanding).",
        ),
        (
            "was bedfordshire's being healthy better than all other areas in 2008?",
            AnswerKind.YESNO,
            "No: Bedfordshire's 2008 letter gives Overall effectiveness Grade 2 (adequate); "
            "Being healthy Grade 3 (good); Staying safe Grade 1 (inadequate); Enjoying and "
            "achieving Grade 2 (adequate); Making a positive contribution Grade 4 (outstanding); "
            "Achieving economic well-being Grade 3 (good); Capacity to improve Grade 2 "
            "(adequate).",
        ),
        (
            "was bedfordshire's positive contribution higher than all other areas in 2008?",
            AnswerKind.YESNO,
            "Yes: Bedfordshire's 2008 letter gives Making a positive contribution Grade 4 "
            "(outstanding).",
        ),
        (
            "how many areas were graded in kingston's 2010 letter",
            AnswerKind.COUNT,
            "1 graded area in Kingston upon Thames's 2010 letter: Overall effectiveness Performs "
            "excellently (4).",
        ),
    ],
)
def test_second_review_classes(engine, question, kind, message) -> None:
    answer = engine.answer(question)
    assert (answer.kind, answer.message) == (kind, message)


def test_areas_asked_for_a_year_without_letters_say_so_first(engine) -> None:
    answer = engine.answer("what areas did the 2012 letters grade")
    assert answer.kind == AnswerKind.ABOUT
    assert answer.message.startswith("There are no 2012 letters; 2005 letters grade overall")


def test_a_count_of_none_ends_at_what_was_counted(engine) -> None:
    question = "how many councils were inadequate for staying safe in 2007"
    answer = engine.answer(question)
    assert (answer.kind, answer.question, answer.message, answer.judgements) == (
        AnswerKind.COUNT,
        question,
        "0 of the 1 councils held for 2007 were graded 1 for Staying safe.",
        (),
    )


def test_a_count_across_councils_keeps_the_thread_context_of_a_table(engine) -> None:
    question = "how many letters give an overall 1"
    answer = engine.answer(question)
    assert answer.question == question
    assert answer.context == Context(
        None, (), "overall", "table", "how many letters give an overall"
    )
    assert answer.read_as == "Read as: overall effectiveness · grade 1 · count"


@pytest.mark.parametrize(
    ("question", "message", "graded"),
    [
        (
            "birmingham staying safe and being healthy 2007",
            "Birmingham's 2007 letter: Staying safe Grade 2 (adequate); Being healthy Grade 2 "
            "(adequate).",
            [("Birmingham", 2007, "staying_safe", 2), ("Birmingham", 2007, "being_healthy", 2)],
        ),
        (
            "compare birmingham's staying safe and being healthy in 2007",
            "Birmingham's 2007 letter: Staying safe Grade 2 (adequate); Being healthy Grade 2 "
            "(adequate).",
            [("Birmingham", 2007, "staying_safe", 2), ("Birmingham", 2007, "being_healthy", 2)],
        ),
        # no year: the latest letter that grades one of the areas, not the latest letter
        (
            "birmingham staying safe and being healthy",
            "Birmingham's 2007 letter: Staying safe Grade 2 (adequate); Being healthy Grade 2 "
            "(adequate).",
            [("Birmingham", 2007, "staying_safe", 2), ("Birmingham", 2007, "being_healthy", 2)],
        ),
        (
            "birmingham staying safe and being healthy 2011",
            "Birmingham's 2011 letter grades none of these. Not graded in that letter: Staying "
            "safe, Being healthy.",
            [],
        ),
        (
            "kingston staying safe and overall 2010",
            "Kingston upon Thames's 2010 letter: Overall effectiveness Performs excellently (4). "
            "Not graded in that letter: Staying safe.",
            [("Kingston upon Thames", 2010, "overall", 4)],
        ),
        (
            "leeds staying safe and overall 2010",
            "No letter for Leeds for 2010 is in the store. The store holds no letters for Leeds.",
            [],
        ),
    ],
)
def test_every_area_asked_of_one_letter_is_answered(engine, question, message, graded) -> None:
    answer = engine.answer(question)
    assert answer.message == message
    assert [(f.authority, f.year, f.area, f.grade) for f in answer.judgements] == graded


@pytest.mark.parametrize(
    ("question", "kind", "years", "area"),
    [
        (
            "how many councils were outstanding for staying safe in 2010",
            AnswerKind.NO_GRADE,
            (2010,),
            "staying_safe",
        ),
        ("best councils for staying safe in 2010", AnswerKind.NO_GRADE, (2010,), "staying_safe"),
        ("which councils were rated good in 2012", AnswerKind.NOT_FOUND, (2012,), None),
        ("how many councils were rated good in 2012", AnswerKind.NOT_FOUND, (2012,), None),
        (
            "which councils got a 1 for staying safe in 2008",
            AnswerKind.TABLE,
            (2008,),
            "staying_safe",
        ),
        (
            "how many councils got a 1 for staying safe in 2008",
            AnswerKind.COUNT,
            (2008,),
            "staying_safe",
        ),
    ],
)
def test_an_answer_across_councils_leaves_a_cross_council_thread(
    engine, question, kind, years, area
):
    """Refused or answered, a question across councils leaves its thread reading across
    councils, in the years and area it asked: a follow-up there starts from them."""
    answer = engine.answer(question)
    assert answer.kind == kind
    c = answer.context
    assert (c.council, c.years, c.area, c.intent) == (None, years, area, "table")


def test_a_listing_of_a_year_with_no_letters_names_the_year_asked(engine):
    answer = engine.answer("which councils were rated good in 2012 and 2013")
    assert (answer.kind, answer.message) == (
        AnswerKind.NOT_FOUND,
        "The store holds no letters for 2012, 2013.",
    )


@pytest.mark.parametrize(
    ("first", "follow_up", "years", "area"),
    [
        (
            "how many councils were outstanding for staying safe in 2010",
            "and in 2008?",
            (2008,),
            "staying_safe",
        ),
        (
            "which councils got a 1 for staying safe in 2008",
            "and in 2007?",
            (2007,),
            "staying_safe",
        ),
        ("staying safe grades in 2008", "what about being healthy?", (2008,), "being_healthy"),
    ],
)
def test_a_follow_up_in_a_cross_council_thread_lists_the_same_area_or_year(
    engine, first, follow_up, years, area
):
    """'and in 2008?' under a listing of every council's staying safe grades lists them for
    2008, not every council's overall grade; a passage search there stays a search."""
    answer = engine.answer(follow_up, context=engine.answer(first).context)
    assert answer.kind == AnswerKind.TABLE
    assert {(f.year, f.area) for f in answer.judgements} == {(years[0], area)}
    assert (answer.context.years, answer.context.area) == (years, area)
    search = engine.answer("privately fostered children", context=engine.answer(first).context)
    assert search.kind == AnswerKind.PASSAGES
