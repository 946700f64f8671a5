"""The reader's smaller rules, each pinned through ``read()`` by a question whose reading it
decides: written to kill the mutants a mutation-testing run of ``retrieval/reading.py`` left."""

import pytest

from retrieval.names import gazetteer
from retrieval.reading import Op, read
from store.councils import directory

LETTER_WORDS = frozenset(
    "private fostering fostered adoption teenage conception rate gcse looked after care homes "
    "referral interim director board youth offending inspection schools status agency social "
    "workers reach".split()
)


def reading(text: str):
    return read(text, gazetteer(directory()), lambda w: w in LETTER_WORDS)


def named(r) -> list[tuple[str, str]]:
    return [(s.council.short_name, s.text) for s in r.sides]


# -- words: apostrophes, "&", accents ----------------------------------------------------------


# A council is named however its possessive, capitals, "&" or accents are typed, and the name
# is shown back as written ("K&C" as "K and C").
@pytest.mark.parametrize(
    ("text", "sides", "years"),
    [
        ("BIRMINGHAM'S GRADES", [("Birmingham", "BIRMINGHAM")], ()),  # a capital 'S
        ("Birmingham’s grades", [("Birmingham", "Birmingham")], ()),  # a curly apostrophe
        ("K&C 2008", [("Kensington and Chelsea", "K and C")], (2008,)),
        (
            "kensington & chelsea 2008",
            [("Kensington and Chelsea", "kensington and chelsea")],
            (2008,),
        ),
        ("Ēaling 2008", [("Ealing", "Ēaling")], (2008,)),  # an accent typed on a name
    ],
)
def test_a_council_is_named_through_apostrophes_ampersands_and_accents(text, sides, years):
    r = reading(text)
    assert (named(r), r.unknown, r.years) == (sides, (), years)


# What a passage search looks for: the question without the council's name and years; an
# apostrophe inside a word joins it ("didn't"), a word with no ASCII letters is kept as typed
# and in lower case, "&" in a name is not searched, and an area's words stay in the search.
@pytest.mark.parametrize(
    ("text", "search_words", "unread"),
    [
        ("didn't birmingham get a 3 in 2007?", "didnt get a in", ()),
        ("birmingham grades ß", "grades ß", ()),
        ("K&C 2008", "", ()),
        ("birmingham staying safe 2007", "staying safe", ()),
        ('"private fostering" in leeds', "private fostering in", ()),
        ("councils rated good or well above minimum requirements", "councils rated or well", ()),
        (
            "did birmingham get a 2 or a 3 for making a positive contribution in 2007",
            "did get a or a for making positive contribution in",
            (),
        ),
    ],
)
def test_the_words_a_passage_search_looks_for(text, search_words, unread) -> None:
    r = reading(text)
    assert (r.search_words, r.unread) == (search_words, unread)


# -- years ---------------------------------------------------------------------------------------


# A two-digit number is a year unless the words around it say otherwise ("year 10", "10 year
# olds", "11 to 14 year olds"); 04 and 12, one either side of the archive, are still years.
@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("birmingham year 10 results", ()),  # a school year
        ("birmingham 10 year olds", ()),  # an age
        ("birmingham 06 year", ()),
        ("birmingham services for 11 to 14 year olds", ()),  # an age range's first end
        ("'07 grades for birmingham by key stage", (2007,)),  # "stage" is last, not before
        ("birmingham 04 grades", (2004,)),
        ("birmingham 12 grades", (2012,)),
        ("birmingham 07 grades", (2007,)),
    ],
)
def test_two_digit_numbers_are_years_unless_their_neighbours_say_not(text, years) -> None:
    assert reading(text).years == years


# -- grade filters -------------------------------------------------------------------------------


# Every grade the question names joins the filter: "or", comparisons, "at least"/"at most",
# "or better"/"or below" and the scales' wording all add to the grades named before them.
@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("did Birmingham get a 3 or better in 2007?", {3, 4}),
        ("which councils were rated 2 or below in 2008", {1, 2}),
        ("councils rated good or well above minimum requirements", {3, 4}),
        ("which councils were graded below 2 or above 3 in 2007", {1, 4}),
        ("rated inadequate or good or better in 2007", {1, 3, 4}),
        ("rated 4 or 2 or below in 2007", {1, 2, 4}),
        ("rated at least 3 in 2007", {3, 4}),
        ("rated at most 2 in 2007", {1, 2}),
        ("rated 1 or at least 3 in 2007", {1, 3, 4}),
        ("rated 4 or at most 2 in 2007", {1, 2, 4}),
        ("did birmingham get a 3 or outstanding in 2007", {3, 4}),  # a digit, then a word
        ("which councils got 1 in ss or 3 overall in 2007", {1, 3}),  # the grades far apart
    ],
)
def test_every_grade_named_joins_the_filter(text, grades) -> None:
    assert reading(text).grades == grades


# "a 2 or a 3", "2 or 3": which of two grades, so no filter, also at the start of a question.
@pytest.mark.parametrize(
    "text",
    [
        "2 or 3 for birmingham in 2007?",
        "did birmingham get a 2 or a 3 for making a positive contribution in 2007",
    ],
)
def test_two_digits_joined_by_or_ask_which_not_filter(text) -> None:
    assert reading(text).grades == frozenset()


# A digit 1-4 is a grade only in a grade's context: a word before it ("rated", "get") or
# after it ("for", "overall", "or", "in", "and"); a number leading the question is not one.
@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("birmingham 3 overall", {3}),
        ("birmingham 3 for staying safe", {3}),
        ("birmingham 3 in 2007", {3}),
        ("birmingham 3 or better in 2007", {3, 4}),
        ("birmingham 3 and above in 2007", {3, 4}),
        ("3 best councils in 2007 by score", set()),  # "score" ends the question, not before
        ("which councils were rated above and below", set()),  # a comparison with no grade
    ],
)
def test_a_digit_is_a_grade_only_in_a_grade_s_context(text, grades) -> None:
    assert reading(text).grades == grades


# "good or bad" asks about the grades, not for the good ones; its words are not searched.
@pytest.mark.parametrize(
    ("text", "cues", "search_words"),
    [
        ("councils rated good or bad", {"grade", "plural"}, "councils rated"),
        ("is good or bad a grade", {"grade", "yesno"}, "is a grade"),
    ],
)
def test_good_or_bad_asks_about_grades_without_filtering(text, cues, search_words) -> None:
    r = reading(text)
    assert (r.grades, r.cues, r.search_words) == (frozenset(), cues, search_words)


# "well" is a grade (3, on the CSA's scale) only after "perform(s/ed/ing)": "as well as" is not.
@pytest.mark.parametrize(
    ("text", "grades", "scale"),
    [
        ("performs well for staying safe", {3}, "csa"),
        ("which councils performed well in 2007", {3}, "csa"),
        ("as well as staying safe birmingham 2007", set(), None),
    ],
)
def test_well_is_a_grade_only_after_perform(text, grades, scale) -> None:
    r = reading(text)
    assert (r.grades, r.scale) == (grades, scale)


# -- operations and orders -----------------------------------------------------------------------


# A quoted council or area name only marks the name: it is looked up, not searched for.
@pytest.mark.parametrize(
    ("text", "op"),
    [
        ('"birmingham"', Op.LOOKUP),
        ('"leeds city council" staying safe 2007', Op.LOOKUP),
        ('"the birmingham grades"', Op.SEARCH),  # more than a name: the words are searched
    ],
)
def test_a_quoted_name_is_looked_up_not_searched(text, op) -> None:
    assert reading(text).op == op


# "best to worst", "league table", "stack up": order every row.
@pytest.mark.parametrize("text", ["best to worst 2007", "worst to best overall 2008"])
def test_best_to_worst_sorts_every_row(text) -> None:
    assert reading(text).sort_all is True


# "any" leading a council's question is a request to list ("any outstanding?"), not a yes/no
# verb such as "did" or "was".
@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("surrey any outstanding 2005", Op.LOOKUP),
        ("surrey 2005 was it rated outstanding", Op.YESNO),
    ],
)
def test_any_after_a_council_lists_rather_than_asks_yes_or_no(text, op) -> None:
    assert reading(text).op == op
