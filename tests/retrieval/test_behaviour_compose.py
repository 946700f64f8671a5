"""What each kind of answer says, as the terminal and JSON renderings show it, for the questions
people ask: one grade, an area a letter does not grade, a trend, a table, a passage search."""

import re
from pathlib import Path

import pytest

from retrieval.answerer import Answerer
from retrieval.render import to_dict, to_text
from store.db import create_schema, make_engine
from store.ingest import ingest_paths
from tests.conftest import LETTERS

BIRMINGHAM_2011_ASSESSMENT = (
    "   — Birmingham City Council children’s services assessment 2011 (CSA 2011), section\n"
    "     “Children's services assessment” [birmingham_csa2011.txt]"
)


def scoreless(text: str) -> str:
    """A rendering with each BM25 score shown as "…": scores move with every letter loaded."""
    return re.sub(r"\(score \d+\.\d\d\)", "(score …)", text)


def not_found(question: str, message: str, read_as: str | None = None) -> dict:
    """The JSON of a not-found answer: the message, how the question was read, and nothing
    else."""
    answer = {
        "kind": "not_found",
        "question": question,
        "message": message,
        "judgements": [],
        "passages": [],
        "options": [],
        "choices": [],
        "more": False,
    }
    if read_as is not None:
        answer |= {"read_as": read_as, "verdict": None, "direction": None}
    return answer


HELP_MESSAGE = (
    "I answer questions about Ofsted's letters on councils' children's services, 2005-2011 "
    "(8 letters for 7 councils are loaded). Ask for a grade (council, area, year), all grades "
    "of a year, a trend across years, two councils compared, which councils got a grade (best "
    "or worst first, or how many), a yes/no about a letter, what the scales mean, or search "
    "the letters' text. Put a phrase in quotes, or start with search:, to search the text for "
    "it."
)
HELP_OPTIONS = [
    "what was Birmingham's Staying Safe grade in 2007?",
    "Birmingham 2007 grades",
    "How has Birmingham's overall rating changed from 2007 to 2011?",
    "Which councils performed poorly in 2011?",
    "Birmingham 2007 vs 2011 overall",
    "what does performs adequately mean?",
    "privately fostered children",
]


# -- one grade ---------------------------------------------------------------------------------


def test_an_overall_csa_rating_is_called_the_overall_rating_in_the_csa_wording(engine) -> None:
    answer = engine.answer("Slough overall 2011")
    assert scoreless(to_text(answer)) == (
        "Slough's overall rating in its 2011 children's services assessment letter was Performs\n"
        "poorly (1).\n"
        "(Read as: Slough · overall effectiveness · 2011 · lookup)\n"
        "\n"
        "Slough 2011 — Overall effectiveness: Performs poorly (1)\n"
        "  “Children’s services in Slough Borough Council perform poorly.”\n"
        "  — Slough Borough Council children’s services assessment 2011 (CSA 2011, 2012-01-12),\n"
        "    section “Children's services assessment” [csa2011_late_slough.txt]"
    )


def test_a_surrey_capacity_grade_is_answered_from_the_2005_grade_table(engine) -> None:
    answer = engine.answer("What was Surrey's capacity to improve grade in 2005?")
    assert scoreless(to_text(answer)) == (
        "Surrey's Capacity to improve grade in its 2005 annual performance assessment letter was\n"
        "Grade 3 (good).\n"
        "(Read as: Surrey · capacity to improve · 2005 · lookup)\n"
        "\n"
        "Surrey 2005 — Capacity to improve: Grade 3 (good)\n"
        "  “The council s capacity to improve is good.”\n"
        "  — ANNUAL PERFORMANCE ASSESSMENT OF SURREY COUNTY COUNCIL S EDUCATION AND CHILDREN S\n"
        "    SOCIAL CARE SERVICES 2005 (APA 2005, 2005-11-10), section “Areas for judgement\n"
        "    (grade table)”, p. 4 [apa2005_surrey.txt]"
    )


# -- an area the letter does not grade ---------------------------------------------------------


def test_a_csa_letter_asked_for_an_outcome_area_gives_the_overall_rating_and_one_passage(
    engine,
) -> None:
    answer = engine.answer("Birmingham being healthy 2011")
    assert scoreless(to_text(answer)) == (
        "Birmingham's 2011 letter does not grade Being healthy: children's services assessments\n"
        "(2009-2011) give a single overall rating. Its overall rating was Performs poorly (1).\n"
        "The passage below is what the letter says nearest to it.\n"
        "(Read as: Birmingham · being healthy · 2011 · lookup)\n"
        "\n"
        "Birmingham 2011 — Overall effectiveness: Performs poorly (1)\n"
        "  “Children’s services in Birmingham City Council perform poorly.”\n"
        "  — Birmingham City Council children’s services assessment 2011 (CSA 2011), section\n"
        "    “Children's services assessment” [birmingham_csa2011.txt]\n"
        "\n"
        "1. Birmingham 2011 — Children's services assessment (score …)\n"
        "   “The weaknesses in safeguarding services are significant. The local authority’s own\n"
        "   assessment and the view of the independent chair of the improvement board show that\n"
        "   the rate of progress has picked up momentum and much is happening in a range of key\n"
        "   areas, such as partnership with health, review of front-line practice and\n"
        "   reorganisation of services. These developments have yet to demonstrate impact and\n"
        "   many initiatives are recent. However, strengths in education services identified in\n"
        "   2010 have been maintained and, in some areas, improved further. The very large\n"
        "   majority of setting and institutions help children and young people to achieve and\n"
        "   enjoy their learning.”\n" + BIRMINGHAM_2011_ASSESSMENT
    )


def test_a_2005_letter_asked_for_staying_safe_lists_the_areas_2005_letters_grade(engine) -> None:
    answer = engine.answer("What was Surrey's staying safe grade in 2005?")
    assert answer.message == (
        "Surrey's 2005 letter does not grade Staying safe: 2005 letters grade only Overall "
        "effectiveness, Capacity to improve, Social care, Education. Its overall rating was "
        "Grade 3 (good). The passage below is what the letter says nearest to it."
    )
    assert [(p.authority, p.year, p.section, p.score > 0) for p in answer.passages] == [
        ("Surrey", 2005, "Staying safe", True)
    ]


# -- trends ------------------------------------------------------------------------------------


def test_a_trend_without_an_area_follows_the_overall_rating_across_both_regimes(engine) -> None:
    answer = engine.answer("Birmingham 2007 to 2011")
    assert answer.kind == "trend"
    assert answer.message == (
        "Birmingham, Overall effectiveness: 2007: Grade 3 (good); 2011: Performs poorly (1). "
        "Down: 3 in 2007, 1 in 2011. No letter held for 2008, 2009, 2010. APA grades "
        "(2005-2008) and CSA ratings (2009-2011) are different assessments on a 1-4 scale, 4 "
        "best."
    )
    assert [(f.year, f.area, f.grade) for f in answer.judgements] == [
        (2007, "overall", 3),
        (2011, "overall", 1),
    ]


def test_a_trend_names_the_held_letters_that_do_not_grade_the_area(engine) -> None:
    answer = engine.answer("Birmingham being healthy 2007 to 2011")
    assert answer.message == (
        "Birmingham, Being healthy: 2007: Grade 2 (adequate). Only one letter in 2007-2011 "
        "grades it: one letter does not make a trend. Not graded in the letter for 2011. No "
        "letter held for 2008, 2009, 2010."
    )


def test_a_trend_over_years_whose_letters_never_grade_the_area_says_what_is_held(engine) -> None:
    answer = engine.answer("Birmingham being healthy 2009 to 2011")
    assert to_dict(answer) == not_found(
        "Birmingham being healthy 2009 to 2011",
        "None of the letters held for Birmingham grades Being healthy in 2009-2011. The store "
        "holds these letters for Birmingham: 2007 (APA), 2011 (CSA).",
        "Read as: Birmingham · being healthy · 2009-2011 · change",
    )


def test_a_trend_for_a_council_with_no_letters_says_so(engine) -> None:
    answer = engine.answer("Manchester overall since 2005")
    assert to_dict(answer) == not_found(
        "Manchester overall since 2005",
        "The store holds no letters for Manchester.",
        read_as="Read as: Manchester · overall effectiveness · 2005-2011 · change",
    )


# -- tables ------------------------------------------------------------------------------------


def test_a_table_in_csa_wording_without_years_covers_every_csa_year(engine) -> None:
    answer = engine.answer("Which councils performed poorly?")
    assert answer.message == (
        "2 council(s) graded 1 for Overall effectiveness in 2009-2011, out of the 4 letter(s) "
        "held for those years."
    )
    assert [(f.authority, f.year) for f in answer.judgements] == [
        ("Birmingham", 2011),
        ("Slough", 2011),
    ]


def test_a_table_for_two_years_lists_them_rather_than_a_span(engine) -> None:
    answer = engine.answer("Which councils performed poorly in 2010 and 2011?")
    assert answer.message == (
        "2 council(s) graded 1 for Overall effectiveness in 2010, 2011, out of the 3 letter(s) "
        "held for those years."
    )


def test_a_table_without_a_grade_word_counts_every_council_graded(engine) -> None:
    answer = engine.answer("staying safe grades in 2008")
    assert answer.kind == "table"
    assert answer.message == (
        "1 council(s) with a grade for Staying safe in 2008, out of the 1 letter(s) held for "
        "those years."
    )
    assert [(f.authority, f.grade) for f in answer.judgements] == [("Bedfordshire", 1)]


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "Which councils performed excellently in 2011?",
            "0 council(s) graded 4 for Overall effectiveness in 2011, out of the 2 letter(s) held "
            "for those years.",
        ),
        (
            "Which councils had outstanding staying safe grades in 2008?",
            "0 council(s) graded 4 for Staying safe in 2008, out of the 1 letter(s) held for those "
            "years.",
        ),
    ],
)
def test_a_table_of_a_graded_area_that_nobody_got_is_an_empty_table(
    engine, question: str, message: str
) -> None:
    answer = engine.answer(question)
    assert (answer.kind, answer.message, answer.judgements) == ("table", message, ())


@pytest.mark.parametrize(
    ("question", "message", "read_as"),
    [
        (
            "Which councils had good being healthy grades in 2011?",
            "Being healthy is not graded in the letters for 2011.",
            "Read as: being healthy · grade 3 · 2011 · rank",
        ),
        (
            "Which councils had good being healthy grades in 2009?",
            "Being healthy is not graded in the letters for 2009.",
            "Read as: being healthy · grade 3 · 2009 · rank",
        ),
        (
            "Which councils had good staying safe grades in 2005?",
            "Staying safe is not graded in the letters for 2005.",
            "Read as: staying safe · grade 3 · 2005 · rank",
        ),
    ],
)
def test_a_table_of_an_area_that_year_does_not_grade_says_it_is_not_graded(
    engine, question: str, message: str, read_as: str
) -> None:
    assert to_dict(engine.answer(question)) == {
        **not_found(question, message, read_as),
        "kind": "no_grade",
    }


def test_a_table_for_a_year_with_no_letters_says_none_are_held(engine) -> None:
    question = "Which councils performed poorly in 2004?"
    assert to_dict(engine.answer(question)) == not_found(
        question,
        "The store holds no letters for 2004.",
        "Read as: grade 1 · 2004 · CSA letters · rank",
    )


# -- passage searches --------------------------------------------------------------------------


def test_a_search_in_a_council_with_no_letters_says_so(engine) -> None:
    question = "what did Ofsted say about fostering in Manchester?"
    assert to_dict(engine.answer(question)) == not_found(
        question, "The store holds no letters for Manchester.", "Read as: Manchester · search"
    )


def test_unknown_words_alone_get_the_help_answer(engine) -> None:
    assert to_dict(engine.answer("xyzzy plugh")) == {
        **not_found("xyzzy plugh", HELP_MESSAGE, ""),
        "kind": "help",
        "options": HELP_OPTIONS,
        "choices": HELP_OPTIONS,
    }


@pytest.mark.parametrize(
    ("question", "message", "where"),
    [
        (
            "fostering in Birmingham in 2011",
            "Passages in Birmingham 2011 that best match 'fostering in in', ranked by BM25.",
            {("Birmingham", 2011)},
        ),
        (
            "fostering in Birmingham",
            "Passages in Birmingham that best match 'fostering in', ranked by BM25.",
            {("Birmingham", 2007), ("Birmingham", 2011)},
        ),
        (
            "fostering in 2010",
            "Passages in 2010 that best match 'fostering in', ranked by BM25.",
            {("Kingston upon Thames", 2010)},
        ),
    ],
)
def test_a_search_names_the_council_and_year_it_was_limited_to(
    engine, question: str, message: str, where: set
) -> None:
    answer = engine.answer(question)
    assert answer.message == message
    assert {(p.authority, p.year) for p in answer.passages} == where


def test_a_long_search_quotes_only_its_first_eighty_characters(engine) -> None:
    long = (
        "what does the letter say about the arrangements for identifying and safeguarding "
        "privately fostered children and young people"
    )
    assert engine.answer(long).message == (
        "Passages that best match 'what does the letter say about the arrangements for "
        "identifying and safeguarding', ranked by BM25."
    )
    assert engine.answer("xyzzy " * 20).message == HELP_MESSAGE


@pytest.mark.parametrize(("k", "more"), [(3, True), (4, False), (5, False)])
def test_more_results_are_offered_only_while_passages_remain(engine, k: int, more: bool) -> None:
    """Birmingham has four passages about fostering."""
    answer = engine.answer("fostering in Birmingham", k=k)
    assert (len(answer.passages), to_dict(answer)["more"]) == (min(k, 4), more)


# -- evidence beside a short quote, and letters edited to test the edges -----------------------


def _edited(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Answerer:
    """The fixture letters, with Birmingham 2007's positive contribution restated in a short
    sentence, Slough's rating sentence exactly 60 characters long, and Bedfordshire's overall
    grade line taken out."""
    folder = tmp_path_factory.mktemp("edited-letters")
    edits = {
        "birmingham_apa2007.txt": (
            "The contribution of services to outcomes in this aspect remains good.",
            "Outcomes in this aspect remain good.",
        ),
        "csa2011_late_slough.txt": (
            "Children’s services in Slough Borough Council perform poorly.",
            "Childrens services in Slough Borough Council perform poorly.",
        ),
        "apa2008_bedfordshire.txt": (
            "Overall effectiveness of children's services\n\nGrade 2\n",
            "Overall effectiveness of children's services\n\n",
        ),
    }
    for path in LETTERS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        if path.name in edits:
            text = _edited(text, *edits[path.name])
        Path(folder / path.name).write_text(text, encoding="utf-8")
    sql = make_engine(f"sqlite:///{folder / 'store.sqlite3'}")
    create_schema(sql)
    assert not ingest_paths(sql, [folder]).failed
    return Answerer.open(sql)


def test_a_grade_quoted_in_a_short_sentence_comes_with_the_best_passage_of_its_section(
    edited,
) -> None:
    answer = edited.answer("Birmingham positive contribution 2007")
    assert scoreless(to_text(answer)) == (
        "Birmingham's Making a positive contribution grade in its 2007 annual performance\n"
        "assessment letter was Grade 3 (good).\n"
        "(Read as: Birmingham · making a positive contribution · 2007 · lookup)\n"
        "\n"
        "Birmingham 2007 — Making a positive contribution: Grade 3 (good)\n"
        "  “Outcomes in this aspect remain good.”\n"
        "  — 2007 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN\n"
        "    BIRMINGHAM CITY COUNCIL (APA 2007, 2007-11-26), section “Making a positive\n"
        "    contribution” [birmingham_apa2007.txt]\n"
        "\n"
        "1. Birmingham 2007 — Making a positive contribution (score …)\n"
        "   “The local authority places a very strong emphasis, and has well developed\n"
        "   mechanisms, for involving children and young people in the decision making process.\n"
        "   The Tellus2 survey shows that children and young people's views are listened to and a\n"
        "   greater proportion than nationally had given their views about the local area through\n"
        "   a youth parliament or meetings outside school. Since 2004, the number of young people\n"
        "   aged 13 to 19 reached by the youth service has markedly increased to be nearly double\n"
        "   the national average. Inspection findings indicate that children and young people in\n"
        "   all schools and early years settings are actively encouraged to make a positive\n"
        "   contribution and their personal development and well-being are promoted effectively.”\n"
        "   — 2007 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN\n"
        "     BIRMINGHAM CITY COUNCIL (APA 2007, 2007-11-26), section “Making a positive\n"
        "     contribution” [birmingham_apa2007.txt]"
    )


def test_a_grade_quoted_in_a_sixty_character_sentence_stands_alone(edited) -> None:
    answer = edited.answer("Slough overall 2011")
    assert [f.quote for f in answer.judgements] == [
        "Childrens services in Slough Borough Council perform poorly."
    ]
    assert answer.passages == ()


def test_a_letter_that_does_not_state_a_grade_it_should_says_so_without_an_overall(
    edited,
) -> None:
    answer = edited.answer("Bedfordshire overall 2008")
    assert answer.kind == "no_grade"
    assert answer.message == (
        "Bedfordshire's 2008 letter does not grade Overall effectiveness: this letter does not "
        "state that grade. The passage below is what the letter says nearest to it."
    )
    assert answer.judgements == ()
    assert [(p.authority, p.year, p.section) for p in answer.passages] == [
        (
            "Bedfordshire",
            2008,
            "Capacity to improve, including the management of children's services",
        )
    ]
