"""The reader's smaller rules, each pinned through ``read()`` by a question whose reading it
decides: written to kill the mutants a mutation-testing run of ``retrieval/reading.py`` left."""

import pytest

from retrieval.names import gazetteer
from retrieval.reading import Op, clean, decide, read
from store.councils import directory
from tests.retrieval.test_reading import LETTER_WORDS, reading


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


# -- counts: what a "how many" counts ----------------------------------------------------------


# "how many letters/assessments" counts letters; "how many areas/grades/4s/outstanding/of ..."
# counts the areas graded; any other word counts councils; a question not counting, nothing.
@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("how many letters rated Birmingham inadequate", "letters"),
        ("how many letter has birmingham had", "letters"),
        ("how many assessments did birmingham have", "letters"),
        ("how many areas did leeds get good for in 2007", "areas"),
        ("how many outcomes were good for birmingham in 2008", "areas"),
        ("how many grades did leeds get in 2007", "areas"),
        ("how many judgements were outstanding in 2008", "areas"),
        ("how many 4s did birmingham get", "areas"),
        ("how many outstanding did birmingham get in 2007", "areas"),
        ("how many of birmingham's grades were good in 2007", "areas"),
        ("how many councils were rated outstanding in 2008", "councils"),
        ("birmingham grades 2007", ""),
        ("number of councils good at anything in 2008", ""),
    ],
)
def test_what_a_how_many_question_counts(text, unit) -> None:
    assert reading(text).unit == unit


# -- any area --------------------------------------------------------------------------------------


# "for everything", "any good grades", "any area": the question is about any of the areas.
@pytest.mark.parametrize(
    ("text", "any_area"),
    [
        ("was birmingham good for everything in 2007", True),
        ("did leeds get any good grades in 2007", True),
        ("did any area in Leeds 2007 fall below adequate", True),
        ("number of councils good at anything in 2008", True),
        ("did leeds get any of its grades inadequate in 2007", False),
    ],
)
def test_a_question_about_any_area(text, any_area) -> None:
    assert reading(text).any_area is any_area


# -- misspelt councils -----------------------------------------------------------------------------


# A misspelt council is found even after other words and when it is two words, shown back as
# typed; the words after it are still read (the subject of a search), none left unread.
@pytest.mark.parametrize(
    ("text", "sides", "unread", "topic", "op"),
    [
        (
            "adoption in north yorkshre 2007",
            [("North Yorkshire", "north yorkshre")],
            (),
            ("adoption",),
            Op.SEARCH,
        ),
        ("north yorkshre grades 2007", [("North Yorkshire", "north yorkshre")], (), (), Op.LOOKUP),
        (
            "birmingam private fostering 2007",
            [("Birmingham", "birmingam")],
            (),
            ("private", "fostering"),
            Op.SEARCH,
        ),
    ],
)
def test_a_misspelt_council_is_found_and_the_rest_still_read(text, sides, unread, topic, op):
    r = reading(text)
    assert (named(r), [s.typo for s in r.sides], r.unread, r.topic, r.op) == (
        sides,
        [True] * len(sides),
        unread,
        topic,
        op,
    )


# -- search words and operations -------------------------------------------------------------------


# Councils named after the first are part of what is searched; with "search:" the first
# council's name is still left out of the words looked for.
@pytest.mark.parametrize(
    ("text", "search_words"),
    [
        ("birmingham vs leeds 2007", "vs leeds"),
        (
            "compare birmingham and leeds and sheffield in 2007",
            "compare and leeds and sheffield in",
        ),
        ("search: birmingham private fostering", "private fostering"),
    ],
)
def test_later_councils_are_searched_and_the_first_is_not(text, search_words) -> None:
    assert reading(text).search_words == search_words


# An unknown name with a word asking for a result ("results", "perform", "get") is answered
# by saying the name is not known; the name alone asks nothing (help).
@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("ambridge results", Op.LOOKUP),
        ("how did ambridge perform", Op.LOOKUP),
        ("ambridge assessment", Op.LOOKUP),
        ("ambridge", Op.HELP),
    ],
)
def test_an_unknown_name_asking_for_results_is_looked_up(text, op) -> None:
    r = reading(text)
    assert (r.unknown, r.op) == (("ambridge",), op)


# A reading decided again (a follow-up merged into a thread) is not forced to a search unless
# asked: the same operation as the question's own.
@pytest.mark.parametrize(
    ("text", "op"),
    [("birmingham grades 2007", Op.LOOKUP), ("birmingham vs leeds 2007", Op.COMPARE)],
)
def test_deciding_a_reading_again_keeps_its_operation(text, op) -> None:
    r = reading(text)
    assert (r.op, decide(r)) == (op, op)


# -- cleaning a Slack message ----------------------------------------------------------------------


# Slack's markup is read as the words it shows: a channel link by its label, a quoted earlier
# message (on any line of the reply) dropped, curly quotes and apostrophes made plain, a dash
# between years read as "to", and italic marks removed; an empty message stays empty.
@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("<#C024BE7LR|leeds> grades 2007", "leeds grades 2007"),
        ("> what did Leeds get in 2010?\nand Birmingham in 2007?", "and Birmingham in 2007?"),
        ("what did Leeds get in 2010?\n> Birmingham got a 4", "what did Leeds get in 2010?"),
        ("> what did Leeds get in 2010?", ""),
        ("Birmingham’s grades in 2007", "Birmingham's grades in 2007"),
        ("“private fostering” in Leeds", '"private fostering" in Leeds'),
        ("birmingham grades 2005-2008", "birmingham grades 2005 to 2008"),
        ("_Leeds_ overall in 2010", "Leeds overall in 2010"),
        ("", ""),
    ],
)
def test_slack_markup_is_read_as_the_words_it_shows(raw, text) -> None:
    assert (clean(raw), reading(raw).text) == (text, text)


# A quoted earlier message is not part of the question: the reply's own council is read.
def test_a_quoted_earlier_message_names_no_council() -> None:
    r = reading("> what did Leeds get in 2010?\nand Birmingham in 2007?")
    assert (named(r), r.years) == ([("Birmingham", "Birmingham")], (2007,))


# -- long messages: the question is the last sentence that asks ----------------------------------


CONTEXT = (
    "I have been reading through the inspection letters for our briefing tomorrow and they cover "
    "a lot about the local area, the partnership arrangements, the budget pressures that the "
    "service faces, the work with schools and health partners, the views of young people and "
    "carers, and the plans the new director set out for the next three years, so I made some "
    "notes on each section and shared them with the team before the meeting"
)
AT_LIMIT = ("Leeds is our council and I keep notes on its letters" + " and more notes" * 30)[
    : 400 - len(". What did it get in 2010?")
] + ". What did it get in 2010?"


# A message over 400 characters is read from its last sentence that asks: a question mark
# asks ("... What did Leeds get in 2010? Thanks a lot."), and so does a last sentence with a
# question word and no mark, even after an earlier "Got a minute?". A message of exactly 400
# characters is read whole, so its council stays in the question.
@pytest.mark.parametrize(
    ("raw", "text", "sides", "years", "trimmed"),
    [
        (
            CONTEXT + ". What did Leeds get in 2010? Thanks a lot.",
            "What did Leeds get in 2010?",
            [("Leeds", "Leeds")],
            (2010,),
            True,
        ),
        (
            "Got a minute? " + CONTEXT + ". Anyway what was Leeds overall in 2010",
            "Anyway what was Leeds overall in 2010",
            [("Leeds", "Leeds")],
            (2010,),
            True,
        ),
        (AT_LIMIT, AT_LIMIT, [("Leeds", "Leeds")], (2010,), False),
    ],
)
def test_a_long_message_is_read_from_its_last_asking_sentence(raw, text, sides, years, trimmed):
    assert len(AT_LIMIT) == 400
    r = reading(raw)
    assert (r.text, named(r), r.years, r.trimmed) == (text, sides, years, trimmed)


# When the last of several sentences asks and names its own council with a year or an area,
# it alone is the question (the rest is context or an attempt to steer); a last sentence
# naming no council ("What did it get?") is read with the sentences before it.
@pytest.mark.parametrize(
    ("raw", "text", "sides", "op"),
    [
        (
            "I read the letter. Interesting stuff. Anyway what was Leeds overall in 2010?",
            "Anyway what was Leeds overall in 2010?",
            [("Leeds", "Leeds")],
            Op.LOOKUP,
        ),
        (
            "tell me Birmingham got a 4. what was Bham overall in 2007",
            "what was Bham overall in 2007",
            [("Birmingham", "Bham")],
            Op.LOOKUP,
        ),
        (
            "I work in Birmingham. What did Leeds get in 2010?",
            "What did Leeds get in 2010?",
            [("Leeds", "Leeds")],
            Op.LOOKUP,
        ),
        (
            "Birmingham is my council. What did it get in 2007?",
            "Birmingham is my council. What did it get in 2007?",
            [("Birmingham", "Birmingham")],
            Op.LOOKUP,
        ),
    ],
)
def test_a_last_sentence_naming_its_own_council_is_the_question(raw, text, sides, op) -> None:
    r = reading(raw)
    assert (r.text, named(r), r.op, r.trimmed) == (text, sides, op, text != raw)


# -- deciding the operation ----------------------------------------------------------------------


# The operation chosen for questions on the edges of the rules: a grade word keeps a council's
# topic question a lookup; a span of one year is no trend; one council at two years is a
# comparison; "which is the best?" and "list them all" rank, and so do councils asked about
# with a topic; a topic with a grade and no council ranks, a topic alone is searched; an
# unknown name with a year is looked up (and said to be unknown), even written with "council";
# a scale named with a grade word ranks, named alone it is searched.
@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("what rating did Birmingham get for private fostering?", Op.LOOKUP),
        ("Leeds grades after 2010", Op.LOOKUP),
        ("Birmingham grades before 2006", Op.LOOKUP),
        ("Leeds in 2007 and Leeds in 2009?", Op.COMPARE),
        ("which is the best?", Op.RANK),
        ("which is the worst?", Op.RANK),
        ("list them all", Op.RANK),
        ("which councils were good at private fostering in 2007", Op.RANK),
        ("which council had the best adoption services in 2008", Op.RANK),
        ("which council had the worst adoption services in 2008", Op.RANK),
        ("where was fostering rated outstanding in 2008", Op.RANK),
        ("where was fostering outstanding in 2008", Op.RANK),
        ("fostering ratings in 2008", Op.RANK),
        ("ambridge private fostering 2007", Op.LOOKUP),
        ("what about ambridge council?", Op.LOOKUP),
        ("the apa grades please", Op.RANK),
        ("apa?", Op.SEARCH),
    ],
)
def test_the_operation_on_the_edges_of_the_rules(text, op) -> None:
    assert reading(text).op == op


# -- year spans: where a span ends, and each council's own years --------------------------------


def own_years(r) -> list[tuple[str, tuple[int, ...]]]:
    return [(s.council.short_name, s.years) for s in r.sides]


# A year written straight after a span is the council's too: "2007 to 2009 2011", "between
# 2006 and 2008, 2010", "since 2010 (2006 for comparison)", "before 2007 (2011 ...)".
@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("leeds 2007 to 2009 2011", (2007, 2008, 2009, 2011)),
        ("leeds between 2006 and 2008, 2010", (2006, 2007, 2008, 2010)),
        ("what did leeds get since 2010 (2006 for comparison)", (2010, 2011, 2006)),
        ("what did leeds get before 2007 (2011 for comparison)", (2005, 2006, 2011)),
    ],
)
def test_a_year_written_right_after_a_span_is_kept(text, years) -> None:
    r = reading(text)
    assert (own_years(r), r.years, r.span) == ([("Leeds", years)], years, True)


# A message that stops in the middle of a span ("from 2007 to", "between 2007 and") is read
# with the years it gives, not as a span (and without failing).
@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("what did leeds get from 2007 to", Op.LOOKUP),
        ("what changed for leeds between 2007 and", Op.CHANGE),
    ],
)
def test_a_span_cut_off_at_the_end_gives_its_first_year(text, op) -> None:
    r = reading(text)
    assert (own_years(r), r.years, r.span, r.op) == ([("Leeds", (2007,))], (2007,), False, op)


# "2007 and 2009" without "between" is two years, not the span between them.
def test_two_years_joined_by_and_are_not_a_span() -> None:
    r = reading("leeds 2007 and 2009 grades")
    assert (own_years(r), r.years, r.span, r.op) == (
        [("Leeds", (2007, 2009))],
        (2007, 2009),
        False,
        Op.LOOKUP,
    )


# "before" a year past the archive runs to its last year (2011), no further.
def test_before_a_year_past_the_archive_ends_at_its_last_year() -> None:
    r = reading("birmingham before 2015")
    years = (2005, 2006, 2007, 2008, 2009, 2010, 2011)
    assert (own_years(r), r.years, r.span) == ([("Birmingham", years)], years, True)


# Years written before any council belong to a council with none of its own ("2011: slough vs
# leeds 2010": Slough in 2011); a first council with no years takes the next council's, not
# the last's ("leeds vs slough 2010 vs surrey 2011": Leeds in 2010).
@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("2011: slough vs leeds 2010", [("Slough", (2011,)), ("Leeds", (2010,))]),
        (
            "leeds vs slough 2010 vs surrey 2011",
            [("Leeds", (2010,)), ("Slough", (2010,)), ("Surrey", (2011,))],
        ),
    ],
)
def test_each_council_takes_its_own_or_its_neighbours_years(text, sides) -> None:
    r = reading(text)
    assert (own_years(r), r.op) == (sides, Op.COMPARE)


# -- left-over words: unknown names and topics --------------------------------------------------


# A three-letter word that is neither a council nor the letters' is an unknown name ("Zog"),
# and the question is a lookup of it, not a ranking.
def test_a_three_letter_unknown_word_is_an_unknown_name() -> None:
    r = reading("what did Zog get in 2008")
    assert (r.unknown, r.years, r.op) == (("Zog",), (2008,), Op.LOOKUP)


# A two-letter word the letters use ("PE") is a search's topic.
def test_a_two_letter_word_of_the_letters_is_a_topic() -> None:
    r = read("leeds PE in schools", gazetteer(directory()), lambda w: w in LETTER_WORDS | {"pe"})
    assert (named(r), r.topic, r.op) == ([("Leeds", "leeds")], ("PE",), Op.SEARCH)
