"""What the ``letters`` command prints over the fixture letters: grades, coverage, searches,
``ask --json`` and the ``eval`` report."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from letters.cli import cli


@pytest.fixture
def letters(fixture_store):
    """``letters ARGS`` on the fixture store: its exit code and standard output, each BM25 score
    shown as "…" (scores move with every letter loaded)."""
    url = fixture_store.url.render_as_string(hide_password=False)

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(cli, ["--database", url, *args], catch_exceptions=False)
        return result.exit_code, re.sub(r"\(score \d+\.\d\d\)", "(score …)", result.stdout)

    return run


# -- letters grades ----------------------------------------------------------------------------


def test_grades_lists_a_council_s_judgements_one_a_line(letters) -> None:
    assert letters("grades", "Surrey") == (
        0,
        "Surrey                 2005 APA Overall effectiveness            3 good\n"
        "Surrey                 2005 APA Capacity to improve              3 good\n"
        "Surrey                 2005 APA Social care                      2 adequate\n"
        "Surrey                 2005 APA Education                        4 outstanding\n",
    )


def test_grades_finds_a_misspelt_council_and_only_that_council(letters) -> None:
    assert letters("grades", "Birmingam", "--year", "2011") == (
        0,
        "Birmingham             2011 CSA Overall effectiveness            1 performs poorly\n",
    )


def test_grades_as_json_is_indented_and_keeps_curly_quotes(letters) -> None:
    assert letters("grades", "Slough", "--format", "json") == (
        0,
        """[
  {
    "authority": "Slough",
    "year": 2011,
    "kind": "csa",
    "area": "overall",
    "area_label": "Overall effectiveness",
    "grade": 1,
    "grade_label": "performs poorly",
    "grade_text": "Performs poorly (1)",
    "quote": "Children’s services in Slough Borough Council perform poorly.",
    "source": {
      "title": "Slough Borough Council children’s services assessment 2011",
      "date": "2012-01-12",
      "section": "Children's services assessment",
      "page": null,
      "file": "csa2011_late_slough.txt",
      "url": null
    }
  }
]
""",
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("Manchester",), "No judgements held for Manchester.\n"),
        (("--all", "--year", "2004"), "No judgements held for any council in 2004.\n"),
    ],
)
def test_grades_says_when_nothing_is_held(letters, args: tuple, said: str) -> None:
    assert letters("grades", *args) == (0, said)


# -- letters coverage --------------------------------------------------------------------------


def test_coverage_is_a_council_by_year_grid_with_a_count(letters) -> None:
    assert letters("coverage") == (
        0,
        "council                        2005   2006   2007   2008   2009   2010   2011\n"
        "Bedfordshire                      -      -      -  APA/7      -      -      -\n"
        "Birmingham                        -      -  APA/7      -      -      -  CSA/1\n"
        "Cheshire West and Chester         -      -      -      -  CSA/1      -      -\n"
        "East Riding of Yorkshire          -  APA/3      -      -      -      -      -\n"
        "Kingston upon Thames              -      -      -      -      -  CSA/1      -\n"
        "Slough                            -      -      -      -      -      -  CSA/1\n"
        "Surrey                        APA/4      -      -      -      -      -      -\n"
        "\n"
        "8 letter(s) for 7 council(s). Cell: kind/graded areas.\n",
    )


# -- letters search and letters ask --json -----------------------------------------------------


def test_search_for_an_unknown_council_suggests_near_names(letters) -> None:
    assert letters("search", "fostering", "--council", "Gotham") == (
        0,
        "No council called 'Gotham'.\n\nTry: Northamptonshire | Southampton | Waltham Forest\n",
    )


def test_search_for_an_unknown_council_as_json(letters) -> None:
    code, out = letters("search", "fostering", "--council", "Gotham", "--json")
    assert (code, json.loads(out)) == (
        0,
        {
            "kind": "not_found",
            "question": "fostering",
            "message": "No council called 'Gotham'.",
            "judgements": [],
            "passages": [],
            "options": ["Northamptonshire", "Southampton", "Waltham Forest"],
            "choices": [],  # the council was given apart from the question: none to ask
            "more": False,
            "read_as": "",
            "verdict": None,
            "direction": None,
        },
    )


def test_search_in_one_year_finds_only_that_year_s_letters(letters) -> None:
    assert letters("search", "fostering", "--year", "2010") == (
        0,
        "Passages in 2010 that best match 'fostering', ranked by BM25.\n"
        "\n"
        "1. Kingston upon Thames 2010 — Strengths (score …)\n"
        "   “The local authority’s fostering and adoption services are both outstanding, and the\n"
        "   single local authority children’s home is good. Looked after children are stable in\n"
        "   their placements and achieve well at school compared with their peers nationally.”\n"
        "   — Royal Borough of Kingston upon Thames children’s services assessment 2010 (CSA\n"
        "     2010, 2010-12-09), section “Strengths”, p. 3 [csa2010_kingston.txt]\n",
    )


def test_search_with_k_1_shows_the_single_best_passage_of_the_council(letters) -> None:
    assert letters("search", "fostering", "--council", "Birmingham", "-k", "1") == (
        0,
        "Passages in Birmingham that best match 'fostering', ranked by BM25.\n"
        "\n"
        "1. Birmingham 2007 — Staying Safe (score …)\n"
        "   “Establish effective systems to identify and safeguard privately fostered children\n"
        "   and young people.”\n"
        "   — 2007 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN\n"
        "     BIRMINGHAM CITY COUNCIL (APA 2007, 2007-11-26), section “Staying Safe”\n"
        "     [birmingham_apa2007.txt]\n",
    )


def test_search_for_symbols_alone_matches_nothing(letters) -> None:
    assert letters("search", "🙂") == (0, "No passage matches ''.\n")


def test_search_as_json_in_a_council_and_year(letters) -> None:
    args = ("search", "foster carers", "--council", "Slough", "--year", "2011", "-k", "2")
    code, out = letters(*args, "--json")
    said = json.loads(out)
    scores = [p.pop("score") for p in said["passages"]]
    assert (code, all(s > 0 for s in scores)) == (0, True)
    assert said == {
        "kind": "passages",
        "question": "foster carers",
        "message": "Passages in Slough 2011 that best match 'foster carers', ranked by BM25.",
        "judgements": [],
        "passages": [
            {
                "text": "The local authority fostering service is only satisfactory, and too few "
                "looked after children are placed with local authority foster carers.",
                "authority": "Slough",
                "year": 2011,
                "kind": "csa",
                "section": "Areas for further improvement",
                "source": {
                    "title": "Slough Borough Council children’s services assessment 2011",
                    "date": "2012-01-12",
                    "section": "Areas for further improvement",
                    "page": None,
                    "file": "csa2011_late_slough.txt",
                    "url": None,
                },
                "same_in": [],
            }
        ],
        "options": [],
        "choices": [],
        "more": False,
        "read_as": "",
        "verdict": None,
        "direction": None,
    }


def test_ask_json_is_one_line_that_keeps_curly_quotes(letters) -> None:
    assert letters("ask", "--json", "What was Gotham’s overall grade in 2007?") == (
        0,
        '{"kind": "not_found", "question": "What was Gotham’s overall grade in 2007?", '
        "\"message\": \"I don't know 'Gotham': no English children's services authority is "
        'called that. Did you mean Northamptonshire or Southampton or Waltham Forest?", '
        '"judgements": [], "passages": [], "options": ["Northamptonshire", "Southampton", '
        '"Waltham Forest"], "choices": ["What was Northamptonshire’s overall grade in 2007?", '
        '"What was Southampton’s overall grade in 2007?", "What was Waltham Forest’s overall '
        'grade in 2007?"], "more": false, "read_as": "Read as: overall effectiveness · 2007 · '
        'lookup · not recognised: \'Gotham\'", "verdict": null, "direction": null}\n',
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Gotham",  # six names score at least 60: three are offered
            "I don't know 'Gotham': no English children's services authority is called that. "
            "Did you mean Northamptonshire or Southampton or Waltham Forest?",
        ),
        (
            "Springfield",  # Sheffield scores exactly 60
            "I don't know 'Springfield': no English children's services authority is called "
            "that. Did you mean Enfield or Sheffield?",
        ),
        (
            "Xyzzyq",
            "I don't know 'Xyzzyq': no English children's services authority is called that.",
        ),
    ],
)
def test_an_unknown_council_is_offered_at_most_three_names_scoring_60_or_more(
    letters, name: str, message: str
) -> None:
    code, out = letters("ask", "--json", f"What was {name}'s overall grade in 2007?")
    assert (code, json.loads(out)["message"]) == (0, message)


# -- letters eval ------------------------------------------------------------------------------

QUESTIONS = [
    {
        "id": "g-ok",
        "q": "what was Birmingham's Staying Safe grade in 2007?",
        "expect": "grade",
        "year": 2007,
        "area": "staying_safe",
        "grade": 2,
    },
    {
        "id": "g-bad",
        "q": "what was Birmingham's Staying Safe grade in 2007?",
        "expect": "grade",
        "year": 2007,
        "area": "staying_safe",
        "grade": 3,
    },
    {
        "id": "gs-bad",
        "q": "Bedfordshire 2008 grades",
        "expect": "grades",
        "year": 2008,
        "grades": {"overall": 3},
    },
    {
        "id": "gy-bad",
        "q": "Birmingham overall since 2005",
        "expect": "grades_by_year",
        "area": "overall",
        "by_year": {"2007": 3},
    },
    {
        # straight apostrophe, a doubled space and a trailing newline, as pasted from a letter
        "id": "p-ok",
        "q": "what did Ofsted say about children's homes in Birmingham in 2011?",
        "expect": "passage",
        "contains": "Five of the children's  homes run by the local authority are outstanding. "
        "However, four are inadequate, which is a serious concern.\n",
    },
    {"id": "p-bad", "q": "private fostering", "expect": "passage", "contains": "no such words"},
    {"id": "nf-bad", "q": "Birmingham being healthy 2007 to 2011", "expect": "not_found"},
    {
        "id": "na-bad",
        "q": "What was Birmingham's overall grade in 2008?",
        "expect": "no_area_grade",
        "area": "overall",
    },
    {"id": "t-ok", "q": "staying safe grades in 2008", "expect": "table"},
    {
        "id": "t-bad",
        "q": "Which councils performed poorly in 2011?",
        "expect": "table",
        "authorities": ["Slough"],
    },
    {"id": "tr-ok", "q": "Birmingham overall since 2005", "expect": "trend"},
    {"id": "c-bad", "q": "Birmingham being healthy 2007 to 2011", "expect": "clarify"},
    {"id": "u-bad", "q": "help", "expect": "bogus"},
    {"q": "help", "expect": "clarify"},  # no id
]


def test_eval_reports_each_expectation_then_every_failure_and_exits_1(letters, tmp_path) -> None:
    path = Path(tmp_path / "questions.jsonl")
    path.write_text("\n".join(json.dumps(q) for q in QUESTIONS) + "\n", encoding="utf-8")
    assert letters("eval", str(path)) == (
        1,
        "bogus            0/1    0.0%\n"
        "clarify          0/2    0.0%\n"
        "grade            1/2   50.0%\n"
        "grades           0/1    0.0%\n"
        "grades_by_year   0/1    0.0%\n"
        "no_area_grade    0/1    0.0%\n"
        "not_found        0/1    0.0%\n"
        "passage          1/2   50.0%\n"
        "table            1/2   50.0%\n"
        "trend            1/1  100.0%\n"
        "all              4/14   28.6%\n"
        'FAIL g-bad "what was Birmingham\'s Staying Safe grade in 2007?": wanted grade 3, got '
        "grade {(2007, 'staying_safe'): 2}\n"
        "FAIL gs-bad 'Bedfordshire 2008 grades': got grades {'overall': 2, 'being_healthy': 3, "
        "'staying_safe': 1, 'enjoying_and_achieving': 2, 'making_a_positive_contribution': 4, "
        "'achieving_economic_wellbeing': 3, 'capacity_to_improve': 2}\n"
        "FAIL gy-bad 'Birmingham overall since 2005': got trend {'2007': 3, '2011': 1}\n"
        "FAIL p-bad 'private fostering': no top-3 passage holds 'no such words' (passages)\n"
        "FAIL nf-bad 'Birmingham being healthy 2007 to 2011': got trend: Birmingham, Being "
        "healthy: 2007: Grade 2 (adequate). Only one letter in 2007-201\n"
        'FAIL na-bad "What was Birmingham\'s overall grade in 2008?": got not_found: No letter '
        "for Birmingham for 2008 is in the store. The store holds these letters\n"
        "FAIL t-bad 'Which councils performed poorly in 2011?': got table ['Birmingham', "
        "'Slough']\n"
        "FAIL c-bad 'Birmingham being healthy 2007 to 2011': got trend: Birmingham, Being "
        "healthy: 2007: Grade 2 (adequate). Only one letter in 2007-201\n"
        "FAIL u-bad 'help': unknown expectation 'bogus'\n"
        "FAIL  'help': got help: I answer questions about Ofsted's letters on councils' "
        "children's services, 2005\n",
    )
