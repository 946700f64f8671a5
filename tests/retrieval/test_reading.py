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


@pytest.fixture(scope="module")
def fresh_names():
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
