"""The engine's answers: kinds, truth rules, follow-ups, bad input, rebuilds after ingest."""

import json
import shutil
import time

import pytest

from retrieval.answerer import Answerer
from store.db import create_schema, make_engine
from store.ingest import ingest_paths
from store.text import fold
from tests.conftest import LETTERS


def letter_text(case: str) -> str:
    return fold((LETTERS / f"{case}.txt").read_text(encoding="utf-8"))


def test_grade_answer_quotes_the_letter_and_cites_it(engine: Answerer) -> None:
    a = engine.answer("what was Birmingham's Staying Safe grade in 2007?")
    assert a.kind == "grade"
    (f,) = a.judgements
    assert (f.authority, f.year, f.area, f.grade, f.grade_label) == (
        "Birmingham",
        2007,
        "staying_safe",
        2,
        "adequate",
    )
    assert f.quote in letter_text("birmingham_apa2007")
    assert f.source.date == "2007-11-26" and f.source.section == "Staying Safe"
    assert "Grade 2 (adequate)" in a.message


def test_every_reported_grade_is_stated_by_its_own_letter(engine: Answerer) -> None:
    """Truth rule: each finding's quote and grade come from that council's letter for that year."""
    letters = {}
    for case in (p.stem for p in LETTERS.glob("*.txt")):
        facts = json.loads((LETTERS / f"{case}.intended.json").read_text())
        letters[(facts["council"], facts["year"])] = (letter_text(case), facts["judgements"])
    seen = 0
    for question in (
        "Birmingham 2007 grades",
        "Birmingham overall since 2005",
        "Bedfordshire 2008 grades",
        "Surrey 2005 grades",
        "East Riding 2006 grades",
        "Which councils performed poorly in 2011?",
        "2009",
        "2010",
        "staying safe grades in 2008",
        "Birmingham",
    ):
        for f in engine.answer(question).judgements:
            text, grades = letters[(f.authority, f.year)]
            assert f.quote in text
            assert grades[f.area] == f.grade
            seen += 1
    assert seen >= 30


def test_area_not_graded_that_year_is_no_grade_with_overall_and_a_passage(engine) -> None:
    a = engine.answer("What was Birmingham's being healthy grade in 2011?")
    assert a.kind == "no_grade"
    assert [(f.area, f.grade) for f in a.judgements] == [("overall", 1)]
    assert "does not grade Being healthy" in a.message
    assert a.passages and a.passages[0].year == 2011


def test_2005_outcome_areas_are_not_graded(engine: Answerer) -> None:
    a = engine.answer("What was Surrey's staying safe grade in 2005?")
    assert a.kind == "no_grade" and "2005 letters grade only" in a.message


def test_no_letter_says_what_is_held(engine: Answerer) -> None:
    a = engine.answer("What was Birmingham's overall grade in 2008?")
    assert a.kind == "not_found"
    assert "Birmingham: 2007 (APA), 2011 (CSA)" in a.message
    assert not a.judgements


def test_council_with_no_letters_and_unknown_name(engine: Answerer) -> None:
    assert "no letters for Manchester" in engine.answer("Manchester overall 2011").message
    a = engine.answer("What was Gotham's overall grade in 2007?")
    assert a.kind == "not_found" and "'Gotham'" in a.message and a.options


def test_no_letters_after_2011(engine: Answerer) -> None:
    a = engine.answer("Slough overall 2012")
    assert a.kind == "not_found" and "2009-2011" in a.message


def test_reorganised_council_asks_which(engine: Answerer) -> None:
    a = engine.answer("Bedford 2008 overall")
    assert a.kind == "clarify" and set(a.options) == {"Bedford", "Bedfordshire"}


def test_trend_and_table(engine: Answerer) -> None:
    trend = engine.answer("How has Birmingham's overall rating changed from 2007 to 2011?")
    assert trend.kind == "trend"
    assert [(f.year, f.grade) for f in trend.judgements] == [(2007, 3), (2011, 1)]
    assert "Down: 3 in 2007, 1 in 2011. No letter held for 2008, 2009, 2010." in trend.message
    table = engine.answer("Which councils performed poorly in 2011?")
    assert table.kind == "table"
    assert sorted(f.authority for f in table.judgements) == ["Birmingham", "Slough"]


def test_passage_search_is_filtered_by_council_and_year(engine: Answerer) -> None:
    a = engine.answer("what did Ofsted say about children's homes in Birmingham in 2011?")
    assert a.kind == "passages" and a.passages
    assert {(p.authority, p.year) for p in a.passages} == {("Birmingham", 2011)}
    assert "children" in a.passages[0].text.lower()


def test_more_results_pages_on(engine: Answerer) -> None:
    first = engine.answer("looked after children", mode="search", k=3)
    second = engine.answer("looked after children", mode="search", k=3, offset=3)
    assert first.more and len(second.passages) == 3
    assert not {p.passage_id for p in first.passages} & {p.passage_id for p in second.passages}


def test_follow_ups_resolve_against_the_previous_question(engine: Answerer) -> None:
    first = engine.answer("Birmingham staying safe 2007")
    later = engine.answer("and in 2011?", context=first.context)
    assert later.kind == "no_grade" and later.judgements[0].year == 2011
    other = engine.answer("what about being healthy?", context=first.context)
    assert other.kind == "grade" and other.judgements[0].area == "being_healthy"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("", {"help"}),
        ("   \n\t ", {"help"}),
        ("🙂🙂🙂", {"help", "passages"}),
        ("<@U123> <!channel> <https://example.org|link>", {"help", "passages"}),
        ("'; DROP TABLE letter; --", {"help"}),
        ("Birmingham", {"grades"}),
        ("2007", {"table"}),
        ("Bedford", {"grades", "not_found", "clarify"}),
    ],
)
def test_odd_input_gives_a_sensible_answer(engine: Answerer, text: str, kinds: set) -> None:
    assert engine.answer(text).kind in kinds


def test_ten_thousand_characters_answer_quickly(engine: Answerer) -> None:
    text = ("Birmingham staying safe 2007 " + "lorem ipsum dolor " * 600)[:10_000]
    engine.answer("warm up")
    start = time.perf_counter()
    answer = engine.answer(text)
    assert answer.kind in ("grade", "passages")
    assert time.perf_counter() - start < 1.0  # the bound, with a wide margin


def test_index_rebuilds_after_an_ingest_without_restart(tmp_path) -> None:
    sql = make_engine(f"sqlite:///{tmp_path / 's.sqlite3'}")
    create_schema(sql)
    engine = Answerer.open(sql)  # bundled Birmingham letters only
    assert engine.answer("Kingston overall 2010").kind == "not_found"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(LETTERS / "csa2010_kingston.txt", folder)
    ingest_paths(make_engine(f"sqlite:///{tmp_path / 's.sqlite3'}"), [folder])  # another process
    a = engine.answer("Kingston overall 2010")
    assert a.kind == "grade" and a.judgements[0].grade == 4
    assert (
        engine.answer("fostering and adoption services outstanding").passages[0].authority
        == "Kingston upon Thames"
    )


def test_answering_which_one_keeps_the_year_and_area(engine: Answerer) -> None:
    asked = engine.answer("Bedford 2008 staying safe")
    assert asked.kind == "clarify" and asked.context.years == (2008,)
    chosen = engine.answer("Bedfordshire", context=asked.context)
    assert chosen.kind == "grade"
    assert [(f.authority, f.year, f.area, f.grade) for f in chosen.judgements] == [
        ("Bedfordshire", 2008, "staying_safe", 1)
    ]
    switched = engine.answer("and Birmingham?", context=chosen.context)
    assert switched.kind == "not_found" and "Birmingham" in switched.message
