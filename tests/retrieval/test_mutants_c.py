"""What users read that no test read before (survivors of mutation testing, batch c): the
``letters audit`` report line by line, the "say the same" line under a passage, follow-ups
after comparisons, trends and several areas, the councils of the 2009 reorganisation, and the
reasons ``letters eval`` gives.

Grades are those of the fixture letters (see test_behaviour_questions.py's docstring).
"""

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from retrieval.answer import AnswerKind
from retrieval.answerer import Answerer, reorganised
from retrieval.audit import audit
from retrieval.evaluate import Outcome, evaluate
from retrieval.render import audit_as, same_text, to_text
from store.db import create_schema, make_engine
from store.ingest import ingest_paths
from tests.conftest import LETTERS
from tests.retrieval.test_audit import _store as audit_store
from tests.retrieval.test_behaviour_follow_ups import thread

# -- letters audit, as a user reads it ---------------------------------------------------------


def _blocks(text: str) -> dict[str, list[str]]:
    """The report's years (one block each, a blank line between), each as its lines."""
    assert text.endswith("\n") and not text.endswith("\n\n")
    return {block[:4]: block.split("\n") for block in text[:-1].split("\n\n")}


def test_the_audit_report_reads_year_by_year_published_apart_from_held(tmp_path: Path) -> None:
    """The bundled letters (Birmingham 2007 and 2011) and two made 2010 letters: Birmingham
    "well" (published: poorly) and Kingston "poorly" (not on the published list)."""
    blocks = _blocks(audit_as(audit(audit_store(tmp_path)), "table"))
    assert list(blocks) == ["2005", "2006", "2007", "2008", "2009", "2010", "2011"]
    # 2005: no count of letters was published, only a note; shares, not counts.
    assert blocks["2005"] == [
        "2005 APA — letters: count not published (about 150); 0 held",
        "  Overall effectiveness, Grade 4 (outstanding)                   published 8%"
        "          held 0 of 0 letters held",
        "  Overall effectiveness, Grade 3 (good)                          published 67%"
        "         held 0 of 0 letters held",
        "  Overall effectiveness, Grade 2 (adequate)                      published 24%"
        "         held 0 of 0 letters held",
        "  Overall effectiveness, Grade 1 (inadequate)                    published 1%"
        "          held 0 of 0 letters held",
        "  Capacity to improve, Grade 4 (outstanding) or Grade 3 (good)   published 87%"
        "         held 0 of 0 letters held",
        "  Education, Grade 4 (outstanding) or Grade 3 (good)             published 76%"
        "         held 0 of 0 letters held",
        "  Social care, Grade 4 (outstanding) or Grade 3 (good)           published 65%"
        "         held 0 of 0 letters held",
        "  No held grade disagrees with a published list.",
        "  Published Grade 1 (inadequate) for Overall effectiveness, no letter held: "
        "North East Lincolnshire",
        "  Published Grade 1 (inadequate) for Education, no letter held: North East Lincolnshire",
        "  Published figures from: "
        "https://www.communitycare.co.uk/2005/11/30/joint-childrens-gradings-positive/",
    ]
    # 2008: a count with no note beside it, and two sources.
    assert blocks["2008"] == [
        "2008 APA — letters: 147 published; 0 held",
        "  Overall effectiveness, Grade 4 (outstanding) or Grade 3 (good) published 73%"
        "         held 0 of 0 letters held",
        "  No held grade disagrees with a published list.",
        "  Published Grade 1 (inadequate) for Overall effectiveness, no letter held: "
        "Doncaster, Haringey, Milton Keynes, Surrey",
        "  Published Grade 1 (inadequate) for Staying safe, no letter held: Birmingham, "
        "Doncaster, Essex, Haringey, Reading, Surrey, West Sussex, Wokingham",
        "  Published Grade 4 (outstanding) for Overall effectiveness, no letter held: "
        "Gateshead, Kensington and Chelsea, York",
        "  Published figures from: http://news.bbc.co.uk/2/hi/uk_news/7786915.stm; "
        "https://www.fenews.co.uk/resources/archive/ofsted-releases-annual-performance-"
        "assessments-2008/",
    ]
    # 2010: CSA wording, held shares, and the two held grades that disagree.
    assert blocks["2010"] == [
        "2010 CSA — letters: 152 published (146 on 9 December 2010 and 6 later); 2 held",
        "  Overall effectiveness, Performs excellently (4)                published 20 letters"
        "  held 0 of 2 letters held (0%)",
        "  Overall effectiveness, Performs well (3)                       published 77 letters"
        "  held 1 of 2 letters held (50%)",
        "  Overall effectiveness, Performs adequately (2)                 published 37 letters"
        "  held 0 of 2 letters held (0%)",
        "  Overall effectiveness, Performs poorly (1)                     published 12 letters"
        "  held 1 of 2 letters held (50%)",
        "  Held grades that disagree with a published list:",
        "    Birmingham, Overall effectiveness: published Performs poorly (1); held Performs "
        "well (3)",
        "    Kingston upon Thames, Overall effectiveness: held Performs poorly (1); not among "
        "the 12 councils published so",
        "  Published Performs poorly (1) for Overall effectiveness, no letter held: Calderdale, "
        "Doncaster, Essex, Kent, Leeds, Nottinghamshire, Peterborough, Salford, Sandwell, "
        "Torbay, Worcestershire",
        "  Published figures from: http://www.communitycare.co.uk/2010/12/09/twice-as-many-"
        "excellent-services-as-last-year-says-ofsted/; https://www.publicfinance.co.uk/news/"
        "2010/12/twelve-councils-child-services-rated-poor",
    ]


def test_the_audit_csv_gives_the_published_count_or_else_its_note(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(audit_as(audit(audit_store(tmp_path)), "csv"))))
    letters = {r["year"]: (r["published"], r["held"]) for r in rows if r["check"] == "letters"}
    assert letters == {
        "2005": ("about 150", "0"),  # no count published: the note stands in for it
        "2006": ("102", "0"),
        "2007": ("137", "1"),
        "2008": ("147", "0"),
        "2009": ("152", "0"),
        "2010": ("152", "2"),
        "2011": ("152", "1"),
    }
    y2010 = [
        " | ".join(r[c] for c in ("check", "council", "area", "grades", "published", "held"))
        for r in rows
        if r["year"] == "2010" and r["check"] != "not held"
    ]
    assert y2010 == [
        "letters |  |  |  | 152 | 2",
        "distribution |  | Overall effectiveness | Performs excellently (4) | 20 letters | "
        "0 of 2 letters held (0%)",
        "distribution |  | Overall effectiveness | Performs well (3) | 77 letters | "
        "1 of 2 letters held (50%)",
        "distribution |  | Overall effectiveness | Performs adequately (2) | 37 letters | "
        "0 of 2 letters held (0%)",
        "distribution |  | Overall effectiveness | Performs poorly (1) | 12 letters | "
        "1 of 2 letters held (50%)",
        "disagreement | Birmingham | Overall effectiveness | Performs poorly (1) | "
        "Performs poorly (1) | Performs well (3)",
        "disagreement | Kingston upon Thames | Overall effectiveness | Performs poorly (1) | "
        "Performs poorly (1) | Performs poorly (1)",
    ]


# -- "… and N other letters say the same" -----------------------------------------------------


def test_a_passage_other_letters_repeat_names_them_in_one_line(engine) -> None:
    answer = engine.answer('"section 138 of the Education and Inspections Act"')
    lines = to_text(answer).split("\n")
    assert (
        "   … and 2 other letters say the same (Kingston upon Thames CSA 2010, Slough CSA 2011)"
        in lines
    )
    assert "   … and 1 other letter says the same (Birmingham APA 2007)" in lines
    many = replace(answer.passages[0], same_in=("A CSA 2009", "B CSA 2010", "C CSA 2011", "D"))
    assert same_text(many) == (
        "… and 4 other letters say the same (A CSA 2009, B CSA 2010, C CSA 2011, …)"
    )


# -- follow-ups that name only a council ------------------------------------------------------


def test_a_council_alone_after_a_grade_asks_for_that_grade(engine) -> None:
    """'why Birmingham?' has no words to search: it asks what the thread asked."""
    assert thread(engine, "Slough overall 2011", "why Birmingham?")[1] == (
        "grade",
        "Birmingham's overall rating in its 2011 children's services assessment letter was "
        "Performs poorly (1).",
    )


def test_a_council_s_change_after_a_grade_is_its_trend(engine) -> None:
    assert thread(engine, "Slough overall 2011", "how has Birmingham changed?")[1] == (
        "trend",
        "Birmingham, Overall effectiveness: 2007: Grade 3 (good); 2011: Performs poorly (1). "
        "Down: 3 in 2007, 1 in 2011. No letter held for 2008, 2009, 2010. APA grades "
        "(2005-2008) and CSA ratings (2009-2011) are different assessments on a 1-4 scale, "
        "4 best.",
    )


def test_a_council_after_a_comparison_keeps_the_year_compared(engine) -> None:
    said = thread(engine, "compare Birmingham and Slough in 2011", "Birmingham")
    assert said[1] == (
        "grade",
        "Birmingham's overall rating in its 2011 children's services assessment letter was "
        "Performs poorly (1).",
    )


def test_an_area_after_one_council_s_years_compared_is_its_trend(engine) -> None:
    said = thread(engine, "Birmingham 2007 vs 2011", "what about being healthy?")
    assert said[1] == (
        "trend",
        "Birmingham, Being healthy: 2007: Grade 2 (adequate). Only one letter in 2007, 2011 "
        "grades it: one letter does not make a trend. Not graded in the letter for 2011.",
    )


def test_a_year_after_a_trend_no_letter_grades_asks_for_that_area_then(engine) -> None:
    said = thread(engine, "Birmingham being healthy 2009 to 2011", "and in 2007?")
    assert said == [
        (
            "not_found",
            "None of the letters held for Birmingham grades Being healthy in 2009-2011. The "
            "store holds these letters for Birmingham: 2007 (APA), 2011 (CSA).",
        ),
        (
            "grade",
            "Birmingham's Being healthy grade in its 2007 annual performance assessment letter "
            "was Grade 2 (adequate).",
        ),
    ]


def test_a_year_after_several_areas_asks_for_that_year_s_letter(engine) -> None:
    """The thread keeps the council and year of a several-area answer, not its first area."""
    said = thread(engine, "Birmingham staying safe and being healthy 2007", "and in 2011?")
    assert said == [
        (
            "grades",
            "Birmingham's 2007 letter: Staying safe Grade 2 (adequate); Being healthy Grade 2 "
            "(adequate).",
        ),
        (
            "grade",
            "Birmingham's overall rating in its 2011 children's services assessment letter was "
            "Performs poorly (1).",
        ),
    ]


# -- the 2009 reorganisation, read from the council table's notes -----------------------------


@pytest.fixture
def fresh_reorganisation():
    """The successors read afresh from the table (the reading is cached once per process)."""
    reorganised.cache_clear()
    yield
    reorganised.cache_clear()


@pytest.mark.usefixtures("fresh_reorganisation")
def test_a_split_county_offers_each_council_it_was_split_into(engine) -> None:
    """'split into Cheshire East and Cheshire West and Chester': two names, one holding an
    " and " of its own."""
    cheshire = engine.answer("Cheshire 2010 overall")
    assert (cheshire.kind, cheshire.options) == (
        AnswerKind.CLARIFY,
        ("Cheshire East", "Cheshire West and Chester", "Cheshire"),
    )
    assert cheshire.message == (
        "Cheshire was not a children's services authority in 2010. Which did you mean? "
        "(Cheshire East 2009-2011; Cheshire West and Chester 2009-2011; Cheshire 2005-2008)"
    )
    bedford = engine.answer("Central Bedfordshire 2007 overall")
    assert (bedford.kind, bedford.message) == (
        AnswerKind.NOT_FOUND,
        "Central Bedfordshire was not a children's services authority in 2007 (it was from "
        "2009 to 2011); Bedfordshire held the duty then (Bedfordshire 2005-2008; Central "
        "Bedfordshire 2009-2011).",
    )


def test_only_the_years_a_council_did_not_exist_are_said_to_be_missing(engine) -> None:
    # The year it was an authority is answered as asked; the year it was not is said so.
    answer = engine.answer("Bedfordshire 2008 and 2009 grades")
    assert (answer.kind, answer.message) == (
        AnswerKind.GRADES,
        "Bedfordshire: 2008 annual performance assessment: 7 graded area(s).\n"
        "Bedfordshire was not a children's services authority in 2009 (it was from 2005 to "
        "2008); Bedford and Central Bedfordshire took over its duties (Bedford 2009-2011; "
        "Central Bedfordshire 2009-2011; Bedfordshire 2005-2008).",
    )
    assert {(f.source.authority, f.source.year) for f in answer.judgements} == {
        ("Bedfordshire", 2008)
    }
    alone = engine.answer("Bedfordshire 2009 grades")
    assert alone.kind == AnswerKind.NOT_FOUND and alone.judgements == ()


def test_a_comparison_says_a_side_was_not_yet_an_authority(engine) -> None:
    # Bedford began in 2009: its 2008 letter is not missing from the store, it never existed.
    answer = engine.answer("Birmingham and Bedford 2008 overall")
    assert (
        "Bedford: no letter held (not a children's services authority in 2008: it was from "
        "2009 to 2011)" in answer.message
    )
    for question, held in [
        ("Birmingham and Kingston 2008 overall", "Kingston upon Thames: no letter held for 2008."),
        ("Birmingham and Leeds 2012 overall", "Leeds: no letter held for 2012."),  # no letters
    ]:
        kept = engine.answer(question)
        assert held in kept.message
        assert "authority" not in kept.message


# -- names in questions ------------------------------------------------------------------------


def test_a_choice_replaces_the_name_typed_not_the_same_word_in_another_name(engine) -> None:
    answer = engine.answer("Sussex in 2008, not West Sussex")
    assert answer.choices == (
        "East Sussex in 2008, not West Sussex",
        "West Sussex in 2008, not West Sussex",
    )


def test_a_quoted_possessive_council_name_is_only_a_name_not_a_search(engine) -> None:
    answer = engine.answer('what was "Kingston upon Thames\'s" overall rating in 2010?')
    assert (answer.kind, answer.message) == (
        AnswerKind.GRADE,
        "Kingston upon Thames's overall rating in its 2010 children's services assessment "
        "letter was Performs excellently (4).",
    )


# -- grades of one council, several areas, across councils ------------------------------------


def test_a_council_s_grades_list_each_letter_with_a_csa_s_own_wording(engine) -> None:
    answer = engine.answer("Birmingham grades")
    assert (answer.kind, answer.message) == (
        AnswerKind.GRADES,
        "Birmingham: 2007 annual performance assessment: 7 graded area(s); 2011 children's "
        "services assessment: Performs poorly (1).",
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "Birmingham service management and staying safe 2007",
            "Birmingham's 2007 letter: Capacity to improve Grade 3 (good); Staying safe Grade 2 "
            "(adequate).",
        ),
        (
            "Bedfordshire service management and staying safe",
            "Bedfordshire's 2008 letter: Capacity to improve Grade 2 (adequate); Staying safe "
            "Grade 1 (inadequate).",
        ),
    ],
)
def test_service_management_is_read_from_capacity_to_improve_among_several_areas(
    engine, question: str, message: str
) -> None:
    """2007-08 letters grade service management within "capacity to improve"."""
    answer = engine.answer(question)
    assert (answer.kind, answer.message) == (AnswerKind.GRADES, message)


def test_the_weakest_of_two_areas_named_is_the_weakest_answer(engine) -> None:
    answer = engine.answer("Birmingham's weakest of being healthy and staying safe in 2007")
    assert (answer.kind, answer.message) == (
        AnswerKind.GRADES,
        "Birmingham's Being healthy and Staying safe are graded the same in 2007: Being healthy "
        "Grade 2 (adequate); Staying safe Grade 2 (adequate).",
    )


# Birmingham 2007 grades Being healthy and Staying safe 2, the other three outcomes 3: the
# strongest or weakest of the areas named is one of them, never an area not asked about.
@pytest.mark.parametrize(
    ("question", "named", "picked"),
    [
        (
            "Birmingham's strongest of being healthy and staying safe in 2007",
            {"being_healthy", "staying_safe"},
            {"being_healthy", "staying_safe"},
        ),
        (
            "which was better for Birmingham in 2007, staying safe or enjoying and achieving?",
            {"staying_safe", "enjoying_and_achieving"},
            {"enjoying_and_achieving"},
        ),
        (
            "Birmingham 2007: which was weaker, being healthy or making a positive contribution",
            {"being_healthy", "making_a_positive_contribution"},
            {"being_healthy"},
        ),
        (  # 2007 grades service management as part of capacity to improve
            "Birmingham's strongest of staying safe and service management in 2007",
            {"staying_safe", "capacity_to_improve"},
            {"capacity_to_improve"},
        ),
        (
            "best of staying safe and economic well-being for Birmingham in 2007",
            {"staying_safe", "achieving_economic_wellbeing"},
            {"achieving_economic_wellbeing"},
        ),
    ],
)
def test_the_strongest_or_weakest_of_areas_named_is_among_them(
    engine, question: str, named: set[str], picked: set[str]
) -> None:
    answer = engine.answer(question)
    assert answer.kind == AnswerKind.GRADES
    assert {f.area for f in answer.judgements} == picked
    assert picked <= named


def test_whether_one_area_was_better_than_another_is_still_a_yes_no(engine) -> None:
    answer = engine.answer(
        "was Birmingham's staying safe better than its enjoying and achieving in 2007?"
    )
    assert answer.message.startswith("No: ")


def test_the_best_in_any_area_says_any_area_not_every_area_s_name(engine) -> None:
    answer = engine.answer("which council had the best grade in any area in 2008?")
    assert (answer.kind, answer.message) == (
        AnswerKind.TABLE,
        "Best for any area in 2008: Bedfordshire 2008, Grade 4 (outstanding). 1 council(s) "
        "with a grade for any area in 2008, out of the 1 letter(s) held for those years.",
    )


def test_a_yes_no_about_a_letter_whose_overall_grade_was_lost_reads_its_areas(
    tmp_path: Path,
) -> None:
    """A damaged letter held without its overall grade ("never silent" names it at ingest):
    "was it inadequate?" is answered from the grades it does hold, not a crash."""
    lines = (LETTERS / "apa2008_bedfordshire.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index("Overall effectiveness of children's services")
    del lines[next(i for i in range(at + 1, at + 4) if lines[i].startswith("Grade"))]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bedfordshire.txt").write_text("\n".join(lines), encoding="utf-8")
    sql = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    create_schema(sql)
    [loaded] = ingest_paths(sql, [folder]).outcomes
    assert (loaded.graded, loaded.expected) == (6, 7)
    answer = Answerer.open(sql).answer("was Bedfordshire inadequate in 2008?")
    assert (answer.kind, answer.message) == (
        AnswerKind.YESNO,
        "Yes: Bedfordshire's 2008 letter gives Staying safe Grade 1 (inadequate).",
    )


# -- letters eval: the reasons it gives --------------------------------------------------------

SURREY_2005 = {"council": "Surrey", "year": 2005, "area": "overall", "grade": 3}
NO_MANCHESTER = {"council": "Manchester", "year": 2005, "area": "overall", "grade": None}


def test_eval_names_a_grade_stated_for_a_side_that_should_have_no_letter(engine) -> None:
    def compare(sides: list[dict]) -> dict:
        q = "surrey vs manchester 2005"
        return {"id": "c1", "kind": "compare", "q": q, "op": "compare", "expect": {"sides": sides}}

    right = compare([SURREY_2005, NO_MANCHESTER])
    wrong = compare([{**SURREY_2005, "grade": None}, NO_MANCHESTER])  # Surrey's letter is held
    report = evaluate([right, wrong], engine.answer)
    assert report.outcomes == [
        Outcome("c1", "surrey vs manchester 2005", "compare", True, ""),
        Outcome(
            "c1",
            "surrey vs manchester 2005",
            "compare",
            False,
            "states a grade for the side without a letter: [('Surrey', 2005, 'overall', 3)]",
        ),
    ]


def test_a_passing_question_carries_no_reason(engine) -> None:
    item = {
        "id": "g1",
        "q": "what was Birmingham's Staying Safe grade in 2007?",
        "expect": "grade",
        "year": 2007,
        "area": "staying_safe",
        "grade": 2,
    }
    assert evaluate([item], engine.answer).outcomes == [Outcome("g1", item["q"], "grade", True, "")]
