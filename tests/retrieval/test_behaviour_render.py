"""Terminal renderings at their edges: long council names in ``letters coverage``, and passages
chosen by position rather than by score."""

from retrieval.answer import Answer, AnswerKind, Cited, Source
from retrieval.render import coverage_text, to_text
from store.vocabulary import LetterKind


def test_coverage_cuts_a_long_council_name_to_keep_the_columns_apart() -> None:
    table = {"Bath and North East Somerset": {2009: ("csa", 1)}, "Barnet": {2007: ("apa", 7)}}
    assert coverage_text(table) == (
        "council                        2005   2006   2007   2008   2009   2010   2011\n"
        "Barnet                            -      -  APA/7      -      -      -      -\n"
        "Bath and North East Somerse       -      -      -      -  CSA/1      -      -\n"
        "\n"
        "2 letter(s) for 2 council(s). Cell: kind/graded areas."
    )


def test_a_passage_chosen_by_position_is_listed_without_a_score() -> None:
    source = Source(
        "Slough",
        LetterKind.CSA,
        2011,
        "Slough Borough Council children’s services assessment 2011",
        "2012-01-12",
        "Strengths",
        "csa2011_late_slough.txt",
    )
    passage = Cited(7, "Schools are improving.", 0.0, "Slough", 2011, "csa", "Strengths", source)
    answer = Answer(AnswerKind.PASSAGES, "q", "The first passage.", passages=(passage,))
    assert to_text(answer) == (
        "The first passage.\n"
        "\n"
        "1. Slough 2011 — Strengths\n"
        "   “Schools are improving.”\n"
        "   — Slough Borough Council children’s services assessment 2011 (CSA 2011, 2012-01-12),\n"
        "     section “Strengths” [csa2011_late_slough.txt]"
    )
