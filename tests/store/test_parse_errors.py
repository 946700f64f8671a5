"""Files that are not letters we can read raise ParseError with a one-line reason."""

from pathlib import Path

import pytest

from store.errors import ParseError
from store.parse import parse_letter

BAD = Path(__file__).parents[1] / "data" / "bad"
LETTERS = Path(__file__).parents[1] / "data" / "letters"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("not_ofsted.txt", "no assessment title"),
        ("jar_report.txt", "joint area review"),
        ("csa2012.txt", "none after 2011"),
        ("unknown_council.txt", "'GOTHAM CITY COUNCIL' is not in the table"),
        ("no_grade_csa.txt", "no rating line"),
    ],
)
def test_parse_rejects_bad_file_with_reason(name: str, reason: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_letter((BAD / name).read_text(encoding="utf-8"), name)
    assert reason in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n\n  ", "empty"),
        ("\x00\x01\x02binary\x00" * 50, "not text"),
    ],
)
def test_parse_rejects_empty_and_binary(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse_letter(text, "x.txt")


def _apa2007(body: str, council: str = "BIRMINGHAM CITY COUNCIL", year: int = 2007) -> str:
    return (
        f"Dear Mr Howell\n\n{year} ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN "
        f"AND YOUNG PEOPLE IN {council}\n\nThis letter summarises the findings.\n\n{body}"
    )


def test_parse_rejects_council_that_did_not_exist_that_year() -> None:
    with pytest.raises(ParseError, match="Bedford was not a children's services authority in 2007"):
        parse_letter(
            _apa2007(
                "Overall effectiveness of children's services\n\nGrade 3\n",
                "BEDFORD BOROUGH COUNCIL",
            ),
            "x.txt",
        )


def test_parse_rejects_apa_year_outside_the_regime() -> None:
    with pytest.raises(ParseError, match="2005-2008 only"):
        parse_letter(_apa2007("Overall effectiveness\n\nGrade 3\n", year=2010), "x.txt")


def test_key_stage_and_level_digits_are_never_grades() -> None:
    body = (
        "Being healthy\n\nChildren at Key Stage 2 reach Level 3 and Tellus2 shows this.\n\n"
        "Grade 2 / A*-C results are good.\n\nStaying safe Grade 1\n\nThe contribution of the "
        "council's services in this aspect is inadequate.\n"
    )
    letter = parse_letter(_apa2007(body), "x.txt")
    assert {j.area: j.grade for j in letter.judgements} == {"staying_safe": 1}


def test_heading_named_inside_a_sentence_is_not_a_heading() -> None:
    body = (
        "Overall effectiveness of children's services\n\nGrade 3\n\nThe council's contribution "
        "for enjoying and achieving, making a positive contribution and being healthy remains "
        "good.\n\nGrade 4\n"
    )
    letter = parse_letter(_apa2007(body), "x.txt")
    assert [(j.area, j.grade) for j in letter.judgements] == [("overall", 3)]


def test_csa_scale_boilerplate_and_earlier_years_are_not_the_grade() -> None:
    text = (LETTERS / "birmingham_csa2011.txt").read_text(encoding="utf-8")
    letter = parse_letter(text, "b.txt")
    assert [(j.area, j.grade, j.grade_text) for j in letter.judgements] == [
        ("overall", 1, "Performs poorly (1)")
    ]
    # the letter quotes 2010's rating and an inadequate safeguarding inspection: not grades
    assert "2010 assessment" in text and "inadequate" in text


def test_csa_rating_whose_words_and_number_disagree_is_not_taken() -> None:
    text = (
        "Dear Ms X\n\nBirmingham City Council children's services assessment 2011\n\n"
        "Performs well (1)\n\nChildren's services perform.\n"
    )
    with pytest.raises(ParseError, match="no rating line"):
        parse_letter(text, "x.txt")


def test_year_comes_from_the_title_not_the_date() -> None:
    letter = parse_letter((LETTERS / "csa2011_late_slough.txt").read_text(encoding="utf-8"), "s")
    assert letter.year == 2011
    assert letter.letter_date.year == 2012
