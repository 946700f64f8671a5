"""The structured reading of a question: every council, year, area and grade it names, the
operation, and what it named that nothing matched."""

import pytest

from retrieval.names import gazetteer
from retrieval.reading import Op, Order, clean, read
from store.councils import directory

LETTER_WORDS = frozenset(
    "private fostering fostered adoption teenage conception rate gcse looked after care homes "
    "referral interim director board youth offending inspection schools status agency social "
    "workers reach".split()
)


def reading(text: str):
    return read(text, gazetteer(directory()), lambda w: w in LETTER_WORDS)


def councils(r) -> list[str]:
    return [s.council.short_name for s in r.sides]


@pytest.mark.parametrize(
    ("text", "names", "years", "areas", "op"),
    [
        (
            "what was Birmingham's Staying Safe grade in 2007?",
            ["Birmingham"],
            (2007,),
            ("staying_safe",),
            Op.LOOKUP,
        ),
        ("brum stay safe '07", ["Birmingham"], (2007,), ("staying_safe",), Op.LOOKUP),
        ("B'ham E&A 2007?", ["Birmingham"], (2007,), ("enjoying_and_achieving",), Op.LOOKUP),
        (
            "Birmigham capcity to improve 2007",
            ["Birmingham"],
            (2007,),
            ("capacity_to_improve",),
            Op.LOOKUP,
        ),
        ("Kingston-upon-Thames 2010 csa", ["Kingston upon Thames"], (2010,), (), Op.LOOKUP),
        ("slough vs birmingham 2011", ["Slough", "Birmingham"], (2011,), (), Op.COMPARE),
        (
            "Leeds or Birmingham, who did better in 2010?",
            ["Leeds", "Birmingham"],
            (2010,),
            (),
            Op.COMPARE,
        ),
        ("birmingham 2007 vs 2011 overall", ["Birmingham"], (2007, 2011), ("overall",), Op.COMPARE),
        (
            "did birmingham improve between 2007 and 2011?",
            ["Birmingham"],
            (2007, 2008, 2009, 2010, 2011),
            (),
            Op.CHANGE,
        ),
        (
            "has birmingham gone downhill since 07",
            ["Birmingham"],
            (2007, 2008, 2009, 2010, 2011),
            (),
            Op.CHANGE,
        ),
        (
            "anything outstanding in bedfordshire's 2008 letter?",
            ["Bedfordshire"],
            (2008,),
            (),
            Op.YESNO,
        ),
        ("how many councils performed poorly in 2011", [], (2011,), (), Op.COUNT),
        ("best overall council in 2005", [], (2005,), ("overall",), Op.RANK),
        ("what does performs adequately mean", [], (), (), Op.ABOUT),
        (
            "what did the letter say about surrey's health results?",
            ["Surrey"],
            (),
            ("being_healthy",),
            Op.SEARCH,
        ),
        ("east riding teenage conception rate", ["East Riding of Yorkshire"], (), (), Op.SEARCH),
        ("search: agency social workers surrey", ["Surrey"], (), (), Op.SEARCH),
        ("youth service reach 13 to 19 year olds birmingham", ["Birmingham"], (), (), Op.SEARCH),
    ],
)
def test_reading_slots(text, names, years, areas, op) -> None:
    r = reading(text)
    assert (councils(r), r.years, r.areas, r.op) == (names, years, areas, op)


def test_each_side_keeps_its_own_year() -> None:
    r = reading("bedfordshire 2008 overall vs cheshire west 2009")
    assert [(s.council.short_name, s.years) for s in r.sides] == [
        ("Bedfordshire", (2008,)),
        ("Cheshire West and Chester", (2009,)),
    ]


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("which councils were rated good or better in 2007", {3, 4}),
        ("councils rated 4", {4}),
        ("who fell below minimum requirements overall", {1}),
        ("education grade above 3 anywhere?", {4}),
        ("anything below adequate for birmingham 2007?", {1}),
        ("in 2010 which councils performed well or excellently", {3, 4}),
        ("did birmingham get a 2 or a 3 for making a positive contribution in 2007", set()),
    ],
)
def test_grade_filters(text: str, grades: set[int]) -> None:
    assert reading(text).grades == grades


def test_superlatives_and_orders() -> None:
    assert reading("worst performer 2011").order == Order.WORST
    ranked = reading("capacity to improve ranking best to worst")
    assert (ranked.order, ranked.sort_all) == (Order.BEST, True)


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("sussex 2008", ["East Sussex", "West Sussex"]),
        ("yorkshire 2006 grades", ["East Riding of Yorkshire", "North Yorkshire"]),
    ],
)
def test_a_shared_part_of_names_is_ambiguous(text: str, options: list[str]) -> None:
    ((_, found),) = reading(text).ambiguous
    assert [c.short_name for c in found] == options


def test_an_unknown_name_is_reported_not_dropped() -> None:
    r = reading("gotham overall 2007")
    assert (r.unknown, r.sides, r.op) == (("gotham",), (), Op.LOOKUP)
    assert reading("narnia staying safe").unknown == ("narnia",)


def test_a_question_across_councils_names_no_unknown_council() -> None:
    assert reading("worst performer 2011").unknown == ()


def test_an_everyday_word_names_a_council_only_in_capitals() -> None:
    assert councils(reading("Reading 2008 grades")) == ["Reading"]
    assert councils(reading("what did the letters say about reading")) == []


def test_a_short_word_one_letter_from_a_name_is_not_a_typo() -> None:
    assert councils(reading("which years does the store cover")) == []
    assert councils(reading("slouhg 2011 grade")) == ["Slough"]


def test_a_long_message_is_read_from_its_question() -> None:
    text = "background " * 60 + "so anyway. what did bedfordshire get for staying safe in 2008"
    r = reading(text)
    assert (councils(r), r.years, r.areas) == (["Bedfordshire"], (2008,), ("staying_safe",))


def test_slack_markup_and_emoji_are_cleaned() -> None:
    assert clean("<@U123> hi <!channel> see <https://x.org|the site> 🙂") == "hi see the site"
    assert clean("&lt;Slough&gt; *2011*") == "Slough 2011"


@pytest.mark.parametrize("text", ["", "   ", "help", "what can you do?", "?", "lol", "null"])
def test_help_questions(text: str) -> None:
    assert reading(text).op == Op.HELP


# -- the council gazetteer, built here (not the cached one) so its rules run in every test ----


@pytest.fixture
def fresh_names():  # per test: mutmut credits a shared fixture to its first test only
    from retrieval.names import Gazetteer

    return Gazetteer(directory())


def _named(names, text: str):
    from retrieval.names import words

    tokens = words(text)
    found = names.match(tokens, 0)
    if found is None:
        return None
    n, entry = found
    return n, entry.partial, sorted(c.short_name for c in entry.councils)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Birmingham", (1, False, ["Birmingham"])),  # the short name
        ("Birmingham City Council", (3, False, ["Birmingham"])),  # the formal name
        ("Surrey CC", (1, False, ["Surrey"])),  # "CC" is a type word, read as filler
        ("surreys", (1, False, ["Surrey"])),  # possessive without an apostrophe
        ("east ridings", (2, False, ["East Riding of Yorkshire"])),
        ("brum", (1, False, ["Birmingham"])),  # a nickname
        ("e riding", (2, False, ["East Riding of Yorkshire"])),  # a compass word shortened
        ("East Riding of Yorks", (4, False, ["East Riding of Yorkshire"])),
        ("K&C", (3, False, ["Kensington and Chelsea"])),  # initials of an "X and Y" name
        ("kc", (1, False, ["Kensington and Chelsea"])),
        ("B&NES", (3, False, ["Bath and North East Somerset"])),
        ("Royal Borough of Kingston upon Thames", (6, False, ["Kingston upon Thames"])),
        ("kingston upon thames council", (3, False, ["Kingston upon Thames"])),
        ("cheshire west", (2, True, ["Cheshire West and Chester"])),  # a unique part
        ("cheshire w", (2, True, ["Cheshire West and Chester"])),
        ("sussex", (1, True, ["East Sussex", "West Sussex"])),  # a shared part
        ("thames", (1, True, ["Kingston upon Thames", "Richmond upon Thames"])),
        ("cheshire", (1, False, ["Cheshire"])),  # a whole name beats the parts it shares
        ("east", None),  # a compass word alone names nothing
        ("upon", None),
        ("council", None),
    ],
)
def test_the_gazetteer_knows_names_as_people_type_them(fresh_names, text, found) -> None:
    assert _named(fresh_names, text) == found


@pytest.mark.parametrize(
    ("typed", "councils"),
    [
        ("slouhg", ["Slough"]),  # two letters swapped
        ("surry", ["Surrey"]),  # one missing
        ("birmingam", ["Birmingham"]),
        ("bedforshire", ["Bedfordshire"]),
        ("bimringham", ["Birmingham"]),
        ("chesire west", ["Cheshire West and Chester"]),  # a unique part, misspelt
        ("store", []),  # one letter changed in a short word: another word, not "stoke"
        ("leeds", ["Leeds"]),
        ("needs", []),  # the first letter is kept by a typo
        ("sloughh", ["Slough"]),
        ("berm", []),  # under five letters nothing is guessed
        ("birmxxgham", ["Birmingham"]),  # two changes in a long name
        ("birmxxxham", []),  # three are too many
    ],
)
def test_typos_are_matched_by_edit_distance(fresh_names, typed, councils) -> None:
    assert sorted(c.short_name for c in fresh_names.fuzzy(typed)) == councils


def test_nearest_names_offer_at_most_three_alike(fresh_names) -> None:
    assert fresh_names.nearest("Springfield") == ["Enfield", "Sheffield"]
    assert fresh_names.nearest("Xyzzyq") == []
    assert len(fresh_names.nearest("Hampton")) == 3


# -- the reader's smaller rules, each pinned by a question whose reading it decides ------------


def _sides(r) -> list[tuple[str, tuple[int, ...]]]:
    return [(s.council.short_name, s.years) for s in r.sides]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("reading council 2008", ["Reading"]),  # two words: a name, whatever its capitals
        ("bury council 2008", ["Bury"]),
        ("sutton council grades", ["Sutton"]),
    ],
)
def test_an_everyday_word_with_more_of_the_name_names_the_council(text, names) -> None:
    r = reading(text)
    assert (councils(r), r.unknown) == (names, ())


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("birmingham 04 to 06", (2004, 2005, 2006)),  # 04: the year before the archive
        ("birmingham 10 to 12", (2010, 2011, 2012)),  # 12: the year after it
    ],
)
def test_two_digit_spans_reach_one_year_either_side_of_the_archive(text, years) -> None:
    r = reading(text)
    assert (r.years, r.span, r.op) == (years, True, Op.CHANGE)


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("who was worst in zorblax 2011", Order.WORST),
        ("councils in zorblax 2011", None),  # "councils": plural
        ("best zorblax 2011", Order.BEST),
        ("worst zorblax 2011", Order.WORST),
        ("zorblax 2011 ranking", None),  # "ranking": a sort
    ],
)
def test_a_left_over_word_across_councils_is_unread_not_an_unknown_council(text, order) -> None:
    r = reading(text)
    assert (r.unknown, r.unread, r.order, r.op) == ((), ("zorblax",), order, Op.RANK)


def test_a_left_over_word_naming_nothing_else_is_an_unknown_council() -> None:
    r = reading("zorblax 2011")
    assert (r.unknown, r.unread, r.op) == (("zorblax",), (), Op.LOOKUP)


def test_a_ranking_with_a_stray_word_is_still_answered_as_a_table(engine) -> None:
    a = engine.answer("who was worst in zorblax 2011")
    assert a.kind == "table"
    assert [f.authority for f in a.judgements] == ["Birmingham", "Slough"]


@pytest.mark.parametrize(
    ("text", "areas", "unread"),
    [
        ("surrey capcity to improv 2007", ("capacity_to_improve",), ()),  # 2 slips, 19 letters
        ("surrey stayng saf 2007", ("staying_safe",), ()),  # 2 slips in exactly 10 letters
        ("surrey helthy 2007", ("being_healthy",), ()),  # 1 slip in a short word
        ("surrey capcty 2007", (), ("capcty",)),  # 2 slips in a short word: too many
        ("surrey capxxxty to improve 2007", (), ("capxxxty",)),  # 3 slips: too many
        ("birmingham small heath 2007", (), ("small", "heath")),  # under 6 letters: no guess
        ("birmingham letters saying same things?", (), ("things",)),  # only cue/filler words
    ],
)
def test_misspelt_areas_within_the_edits_allowed(text, areas, unread) -> None:
    r = reading(text)
    assert (r.areas, r.unread) == (areas, unread)


def test_a_word_reads_the_same_at_the_end_of_a_question_as_in_the_middle() -> None:
    middle = reading("birmingham stayingsafe 2007")
    end = reading("birmingham 2007 stayingsafe")
    assert (middle.areas, middle.unread) == (end.areas, end.unread)


def test_cue_and_filler_words_near_an_area_name_search_the_letters() -> None:
    assert reading("birmingham letters saying same things?").op == Op.SEARCH


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # the years are a span for both councils, not 2007 for a misspelt Slough alone; the
        # councils stay in the order written though the misspelt one is found last
        (
            "slouhg grades from 2007 to 2009 vs leeds",
            [("Slough", (2007, 2008, 2009)), ("Leeds", (2007, 2008, 2009))],
        ),
        # a misspelt council first takes its own year, not the latest letter
        ("birmingam vs bedfordshire 2008", [("Birmingham", (2008,)), ("Bedfordshire", (2008,))]),
        (
            "bedfordshire 2007 vs birmingam 2008",
            [("Bedfordshire", (2007,)), ("Birmingham", (2008,))],
        ),
        # a span stands where it was written: Slough's, and 2011 is Leeds'
        (
            "slough 2007 to 2009 vs leeds 2011",
            [("Slough", (2007, 2008, 2009)), ("Leeds", (2011,))],
        ),
        # a council named with no year takes its neighbour's
        ("birmingham 2007 vs leeds", [("Birmingham", (2007,)), ("Leeds", (2007,))]),
        (
            "leeds vs slough from 2007 to 2009",
            [("Leeds", (2007, 2008, 2009)), ("Slough", (2007, 2008, 2009))],
        ),
        # a word that is not a year after a misspelt name adds no year to it
        ("leeds vs slouhg overall 2011", [("Leeds", (2011,)), ("Slough", (2011,))]),
    ],
)
def test_a_misspelt_council_takes_only_the_years_written_by_it(text, sides) -> None:
    r = reading(text)
    assert (_sides(r), r.op) == (sides, Op.COMPARE)


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("is grade 3?", Op.ABOUT),  # what a grade means
        ("is grade 2 adequate?", Op.ABOUT),
        ("is performing well a grade 3?", Op.ABOUT),
        ("outstanding in 2007?", Op.RANK),  # a year: who was outstanding
        ("rated 4 for staying safe", Op.RANK),  # an area: who got a 4 for it
        ("how many years does the store cover?", Op.ABOUT),
        ("years do you cover", Op.ABOUT),
        ("you have letters for 2009?", Op.ABOUT),
        ("what did the 2011 letters say about adoption", Op.SEARCH),
        ("worst grade you can get?", Op.ABOUT),
        ("lowest rating you can get?", Op.ABOUT),
    ],
)
def test_questions_about_the_scheme(text, op) -> None:
    r = reading(text)
    assert (r.op, r.sides) == (op, ())


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("birmingham 2007 staying safe or being healthy higher?", Op.YESNO),
        ("was birmingham's staying safe worse or being healthy?", Op.YESNO),
        ("compare birmingham's staying safe and being healthy in 2007", Op.LOOKUP),
        ("birmingham staying safe and being healthy 2007", Op.LOOKUP),  # no relation asked
    ],
)
def test_two_areas_of_one_council_related(text, op) -> None:
    r = reading(text)
    assert (councils(r), r.areas, r.op) == (["Birmingham"], ("staying_safe", "being_healthy"), op)


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("Surrey 2005, was it rated outstanding?", Op.YESNO),  # the question after the lead
        ("surrey 2005 was it rated outstanding", Op.YESNO),
        ("can you show surrey's outstanding grades in 2005", Op.LOOKUP),  # a request
        ("Surrey 2005, could you list the outstanding grades", Op.LOOKUP),
    ],
)
def test_yes_no_questions_start_with_a_verb_or_after_a_leading_name(text, op) -> None:
    r = reading(text)
    assert (councils(r), r.years, r.grades, r.op) == (["Surrey"], (2005,), {4}, op)


def test_a_yes_no_question_after_a_leading_name_is_answered_yes_or_no(engine) -> None:
    a = engine.answer("Surrey 2005, was it rated outstanding?")
    assert (a.kind, a.message.split(":")[0]) == ("yesno", "No")
    listed = engine.answer("can you show surrey's outstanding grades in 2005")
    assert [(f.area, f.grade) for f in listed.judgements] == [("education", 4)]


@pytest.mark.parametrize(
    ("text", "years", "own"),
    [
        # a span and a year beside it: both asked, the year not dropped
        ("birmingham 2007 to 2009 and 2011", (2007, 2008, 2009, 2011), True),
        ("birmingham 2005 to 2006 and 2009 to 2010", (2005, 2006, 2009, 2010), True),
        ("birmingham before 2007", (2005, 2006), True),
        ("birmingham after 2009", (2010, 2011), True),
        ("birmingham since 2009", (2009, 2010, 2011), True),
        # written before the council: the question's years, not the council's own
        ("between 06 and 08 for birmingham", (2006, 2007, 2008), False),
    ],
)
def test_a_span_and_the_years_beside_it_are_the_council_s_years(text, years, own) -> None:
    r = reading(text)
    assert (r.years, r.span) == (years, True)
    assert _sides(r) == [("Birmingham", years if own else ())]


@pytest.mark.parametrize("text", ["13 to 19 year olds in birmingham", "birmingham since 99"])
def test_numbers_that_cannot_be_the_archive_s_years_make_no_span(text) -> None:
    r = reading(text)
    assert (r.years, r.span, _sides(r)) == ((), False, [("Birmingham", ())])
