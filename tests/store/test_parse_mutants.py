"""Letters that differ from the fixtures the way real files do (formats.md section 6), and the
parser's rules the fixtures never reach: a title wrapped over two lines or at the very top of
the file, a line that only looks like a title, a letter cut short, a grade table without its
key or further down the letter, the exact reason a file is refused, who a letter is to and
from, its sections and passages. Each is asserted as a reader sees it.

The fixture letters' own readings are cached per test run only (the ``plain`` fixture): a
module-level cache would outlive a run and hide a changed parser from the next one."""

import re

import pytest

from store.councils import CouncilDirectory, parse_councils
from store.errors import ParseError
from store.lines import split_lines
from store.parse import (
    BINARY_SAMPLE,
    BINARY_SHARE,
    MAX_LETTER_CHARS,
    find_title,
    parse_letter,
)
from tests.conftest import LETTERS

CASES = ("birmingham_csa2011", "csa2009_cheshire_west", "csa2010_kingston", "csa2011_late_slough")
TEXT = {
    case: (LETTERS / f"{case}.txt").read_text(encoding="utf-8")
    for case in (*CASES, "apa2005_surrey", "apa2006_east_riding", "birmingham_apa2007")
}
KINGSTON_TITLE = "Royal Borough of Kingston upon Thames children\u2019s services assessment 2010"


def _read(text: str, cited: bool = True) -> tuple:
    """What a reader sees of a letter: council, year, title and grades (with the section each
    cites), or the reason it is refused."""
    try:
        letter = parse_letter(text, "x.txt")
    except ParseError as err:
        return ("refused", err.reason)
    grades = [(j.area, j.grade, j.section if cited else None) for j in letter.judgements]
    return (letter.council, letter.year, letter.title, grades)


class Plain:
    """Each fixture letter as it is, read once per test run."""

    def __init__(self) -> None:
        self._seen: dict[tuple, object] = {}

    def _once(self, how, case: str, *args):
        key = (how, case, *args)
        if key not in self._seen:
            self._seen[key] = how(TEXT[case], *args)
        return self._seen[key]

    def read(self, case: str, cited: bool = True) -> tuple:
        return self._once(_read, case, cited)

    def headings(self, case: str) -> list[str]:
        return self._once(_headings, case)

    def passages(self, case: str) -> list[str]:
        return self._once(_passages, case)


@pytest.fixture(scope="module")
def plain() -> Plain:
    return Plain()


def _headings(text: str) -> list[str]:
    return [s.heading for s in parse_letter(text, "x.txt").sections]


def _passages(text: str) -> list[str]:
    return [p.text for p in parse_letter(text, "x.txt").passages]


def _changed(case: str, old: str, new: str) -> str:
    text = TEXT[case]
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _from(case: str, start: str) -> str:
    """The letter from ``start`` on: a file whose first page is missing."""
    text = TEXT[case]
    return text[text.index(start) :]


# -- a CSA title wrapped over two lines --------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "old", "new"),
    [
        # The second line names no council: it carries on from the line above.
        ("csa2010_kingston", "Kingston upon Thames children", "Kingston\nupon Thames children"),
        # The same with blank lines above and below the title.
        (
            "csa2009_cheshire_west",
            "West and Chester Council children",
            "West and\nChester Council children",
        ),
        # The second line is only the title's end.
        (
            "birmingham_csa2011",
            "children\u2019s services assessment 2011",
            "children\u2019s\nservices assessment 2011",
        ),
        (
            "csa2010_kingston",
            "children\u2019s services assessment 2010",
            "children\u2019s\nservices assessment 2010",
        ),
        (
            "csa2011_late_slough",
            "Council children\u2019s services",
            "Council\nchildren\u2019s services",
        ),
    ],
)
def test_a_csa_title_wrapped_over_two_lines_reads_as_on_one(
    case: str, old: str, new: str, plain: Plain
) -> None:
    assert _read(_changed(case, old, new)) == plain.read(case)


@pytest.mark.parametrize(
    ("case", "start", "old", "new"),
    [
        ("csa2010_kingston", KINGSTON_TITLE, "Kingston upon", "Kingston\nupon"),
        ("apa2006_east_riding", "2006 ANNUAL", "2006 ANNUAL", "2006\nANNUAL"),
    ],
)
def test_a_file_that_starts_at_its_wrapped_title_reads_as_the_letter(
    case: str, start: str, old: str, new: str, plain: Plain
) -> None:
    text = _from(case, start).replace(old, new, 1)
    assert _read(text, cited=False) == plain.read(case, cited=False)


def test_the_first_line_of_a_file_has_no_line_above_it(plain: Plain) -> None:
    # Python's lines[-1] is the file's last line: it must never be read as the title's head.
    tail = _from("csa2010_kingston", KINGSTON_TITLE).replace("Royal Borough of Kingston ", "", 1)
    assert _read(tail + "\nRoyal Borough of Kingston") == (
        "refused",
        "council 'upon Thames' is not in the table of English children's services authorities",
    )
    apa = _from("apa2006_east_riding", "2006 ANNUAL")
    assert _read(apa.rstrip("\n") + "\n2005") == plain.read("apa2006_east_riding")


# -- a line that only looks like a title --------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "old", "new"),
    [
        # The opening heading with the year on it: "Annual" is no council.
        (
            "birmingham_csa2011",
            "Annual children\u2019s services assessment\n",
            "Annual children\u2019s services assessment 2011\n",
        ),
        # A page footer naming the assessment, under a line that ends a sentence.
        (
            "csa2010_kingston",
            "judgement.\nPage 1 of 3",
            "judgement.\nChildren\u2019s services assessment 2010",
        ),
        (
            "csa2010_kingston",
            "judgement.\nPage 1 of 3",
            "judgement. \nChildren\u2019s services assessment 2010",
        ),
    ],
)
def test_a_line_that_only_looks_like_a_title_is_passed_over(
    case: str, old: str, new: str, plain: Plain
) -> None:
    assert _read(_changed(case, old, new)) == plain.read(case)


@pytest.mark.parametrize("above", ["", "The letter continues.", " Aviation House 125 Kingsway"])
def test_an_unknown_council_is_named_as_its_title_names_it(above: str) -> None:
    text = _changed(
        "csa2010_kingston",
        f" Aviation House 125 Kingsway London WC2B 6SE\n{KINGSTON_TITLE}",
        f"{above}\n{KINGSTON_TITLE.replace('Royal Borough of Kingston upon Thames', 'Gotham')}",
    )
    assert _read(text) == (
        "refused",
        "council 'Gotham' is not in the table of English children's services authorities",
    )


# -- a letter cut short -------------------------------------------------------------------------


def test_a_csa_letter_cut_after_its_wrapped_title_says_the_rating_is_missing() -> None:
    text = TEXT["birmingham_csa2011"]
    title = "Birmingham City Council children\u2019s services assessment 2011"
    cut = text[: text.index(title)] + title.replace(" services", "\nservices")
    assert _read(cut) == (
        "refused",
        "no rating line ('Performs ... (N)') after the heading "
        "'Birmingham City Council children's services assessment 2011'",
    )


def test_an_apa_title_on_the_last_lines_of_a_file_is_found() -> None:
    lines = split_lines(
        "2006 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN\n"
        "THE EAST RIDING OF YORKSHIRE COUNCIL"
    )
    title = find_title(lines, "x.txt")
    assert (title.year, title.council_name, title.lines) == (
        2006,
        "THE EAST RIDING OF YORKSHIRE COUNCIL",
        range(0, 2),
    )


# -- the 2005-06 grade table --------------------------------------------------------------------

KEY_2005 = re.compile(r"Grade 4: A service.*?\nGrade 1: [^\n]*\n", re.S)
KEY_2006 = re.compile(r"Key\n4\nA service.*?\n1\nA service[^\n]*\n", re.S)
TABLE_2006 = re.compile(r"Areas for judgement\n.*?\n1\nA service[^\n]*\n", re.S)


def _moved_table(text: str, before: str) -> str:
    table = TABLE_2006.search(text).group(0)
    rest = text.replace(table, "", 1)
    return rest.replace(before, f"{table}\n{before}", 1)


@pytest.mark.parametrize(
    ("case", "change"),
    [
        # The key left out (on a missing page, or printed as an image): the last row is a cell.
        ("apa2005_surrey", lambda t: KEY_2005.sub("", t, count=1)),
        ("apa2006_east_riding", lambda t: KEY_2006.sub("", t, count=1)),
        # The table printed further down, after the first outcome section.
        ("apa2006_east_riding", lambda t: _moved_table(t, "Staying safe\n")),
    ],
)
def test_every_row_of_the_grade_table_is_read(case: str, change, plain: Plain) -> None:
    text = change(TEXT[case])
    assert text != TEXT[case]
    assert _read(text) == plain.read(case)


def test_prose_after_a_table_printed_mid_section_stays_in_that_section() -> None:
    def cited(text: str) -> list[tuple]:
        return [(p.text, p.section, p.area) for p in parse_letter(text, "x.txt").passages]

    text = TEXT["apa2006_east_riding"]
    moved = _moved_table(text, "Services to promote emotional")
    assert cited(moved) == cited(text)


RESTATED = "The council's overall capacity to improve its services for children and young people- 1"


@pytest.mark.parametrize("case", ["apa2006_east_riding", "birmingham_apa2007"])
def test_a_grade_restated_above_the_letter_is_not_the_letters(case: str, plain: Plain) -> None:
    # A council paper restating a grade (Stockton's "...young people- 4"), the letter appended.
    assert _read(f"{RESTATED}\n\n{TEXT[case]}") == plain.read(case)


def test_a_letter_cut_off_after_its_grade_table_keeps_every_row(plain: Plain) -> None:
    key_end = "A service that does not deliver minimum requirements for users"
    for case, cut_after in [
        ("apa2005_surrey", f"Grade 1: {key_end}"),
        ("apa2006_east_riding", key_end),
        (
            "apa2006_east_riding",
            "maintaining and improving outcomes for children and young people.\n3",
        ),
    ]:
        text = TEXT[case]
        cut = text[: text.index(cut_after) + len(cut_after)]  # no line end: the file stops there
        assert _read(cut)[3] == plain.read(case)[3], (case, cut_after)


def test_a_file_that_is_only_an_apa_title_names_its_council_and_year(plain: Plain) -> None:
    title = (
        "2006 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN\n"
        "THE EAST RIDING OF YORKSHIRE COUNCIL"
    )
    assert _read(title)[:3] == plain.read("apa2006_east_riding")[:3]


# -- why a file is refused: the exact reason a user reads ---------------------------------------


def _apa(council: str, year: int = 2007) -> str:
    return (
        f"Dear Mr Howell\n\n{year} ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND "
        f"YOUNG PEOPLE IN {council}\n\nThis letter summarises the findings.\n\n"
        "Overall effectiveness of children's services\n\nGrade 3\n"
    )


def _csa(council: str, year: int = 2011) -> str:
    return (
        f"Dear Ms Brazil\n\n{council} children\u2019s services assessment {year}\n\n"
        "Performs well (3)\n\nChildren's services perform well.\n"
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            _apa("THE GOTHAM COUNCIL"),
            "council 'GOTHAM COUNCIL' is not in the table of English children's services "
            "authorities",
        ),
        (
            _apa("GOTHAM COUNCIL."),  # the title's stop is no part of the name
            "council 'GOTHAM COUNCIL' is not in the table of English children's services "
            "authorities",
        ),
        (
            _apa("BEDFORD BOROUGH COUNCIL"),
            "Bedford was not a children's services authority in 2007 (2009-2011)",
        ),
        (
            _csa("Bedfordshire County Council", 2010),
            "Bedfordshire was not a children's services authority in 2010 (2005-2008)",
        ),
        (
            _apa("BIRMINGHAM CITY COUNCIL", 2009),
            "an APA letter for 2009, but APA letters cover 2005-2008 only",
        ),
        (
            _csa("Birmingham City Council", 2008),
            "a CSA letter for 2008, but CSA letters cover 2009-2011 only",
        ),
        (
            _csa("Birmingham City Council", 2012),
            "claims a children's services assessment for 2012; there were none after 2011",
        ),
        (
            "Dear Sir\n\nThe joint area review found.\n",
            "not an Ofsted APA or CSA letter: no assessment title found",
        ),
        ("The joint area review found.\n", "a joint area review report, not an APA or CSA letter"),
        ("The joint area\nreview found.\n", "a joint area review report, not an APA or CSA letter"),
        (
            # The title above the salutation, and no rating anywhere.
            "Birmingham City Council children\u2019s services assessment 2011\n\nDear Ms Brazil\n"
            "\nThe letter.\n",
            "no rating line ('Performs ... (N)') after the heading "
            "'Birmingham City Council children's services assessment 2011'",
        ),
        (
            _csa("Birmingham City Council").replace("Performs well (3)", "The rating."),
            "no rating line ('Performs ... (N)') after the heading "
            "'Birmingham City Council children's services assessment 2011'",
        ),
        (" \n\t\f\n", "the file is empty"),
    ],
)
def test_a_refused_file_says_exactly_why(text: str, reason: str) -> None:
    assert _read(text) == ("refused", reason)


@pytest.mark.parametrize(
    ("council", "short"), [("WEST SUSSEX", "West Sussex"), ("ESSEX.", "Essex")]
)
def test_an_apa_title_names_its_council_to_the_last_letter(council: str, short: str) -> None:
    assert parse_letter(_apa(council), "x.txt").council == short


def test_a_csa_letter_with_its_title_above_the_salutation_never_crashes_the_reader() -> None:
    # Read, or refused for a reason; never "could not be read" (a crash). Today it is refused
    # as having no rating line, though one follows the title.
    text = (
        "Birmingham City Council children\u2019s services assessment 2011\n\nDear Ms Brazil\n\n"
        "Performs poorly (1)\n\nChildren's services in Birmingham perform poorly.\n"
    )
    result = _read(text)
    assert result[:2] == ("Birmingham", 2011) or not result[1].startswith("could not be read")


def test_a_file_far_longer_than_a_letter_is_refused_only_past_the_limit() -> None:
    # A NUL in the first page says binary, so the at-the-limit file is refused at once too.
    text = "\x00" + "x" * (MAX_LETTER_CHARS - 1)
    assert _read(text) == ("refused", "this is not text (binary content)")
    assert _read(text + "x") == ("refused", "far longer than any letter: not one letter")


def test_a_binary_file_decoded_with_replacement_characters_is_not_text() -> None:
    odd = int(BINARY_SAMPLE * BINARY_SHARE) + 1
    text = "\ufffd" * odd + "a" * (BINARY_SAMPLE - odd)
    assert _read(text) == ("refused", "this is not text (binary content)")


@pytest.mark.parametrize("spacing", ["\t", "\r", "\f"])
def test_tabs_carriage_returns_and_form_feeds_are_text(spacing: str) -> None:
    # Every line indented or ended with one: far more than BINARY_SHARE of the first page.
    text = TEXT["birmingham_csa2011"]
    spaced = "\n".join(
        f"{spacing}{ln}" if spacing == "\t" else f"{ln}{spacing}" for ln in text.split("\n")
    )
    assert _read(spaced)[:2] == ("Birmingham", 2011)


class _BrokenDirectory:
    def lookup(self, name: str, year: int | None = None):
        raise RuntimeError("a reading bug")


def test_a_reading_bug_costs_the_file_with_a_reason_to_report() -> None:
    with pytest.raises(ParseError) as err:
        parse_letter(TEXT["csa2010_kingston"], "k.txt", _BrokenDirectory())
    assert (err.value.source, err.value.reason) == (
        "k.txt",
        "could not be read (RuntimeError): please report this file",
    )


def test_a_name_two_councils_share_is_refused_naming_both() -> None:
    header = "short_name\tformal_name\talt_names\tfirst_year\tlast_year\tla_type\tdfe_la_code"
    rows = [
        "Gotham North\tGotham North Council\tGotham\t\t\tUnitary\t991",
        "Gotham South\tGotham South Council\tGotham\t\t\tUnitary\t992",
        "Birmingham\tBirmingham City Council\t\t\t\tMetropolitan district\t330",
    ]
    councils = CouncilDirectory(parse_councils("\n".join([header, *rows])))
    with pytest.raises(ParseError) as err:
        parse_letter(_csa("Gotham"), "x.txt", councils)
    assert err.value.reason == "council 'Gotham' could be Gotham North or Gotham South"
    assert parse_letter(_csa("Birmingham City Council"), "x.txt", councils).council == "Birmingham"


# -- who the letter is to and from ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("salutation", "addressee"),
    [
        ("Dear Mr Smith,", "Mr Smith"),
        ("DEAR Mr Smith", "Mr Smith"),
        ("  Dear   Mr Smith", "Mr Smith"),
        ("dear Mr Smith,,", "Mr Smith"),
        ("DEAR MRS WILCOX,", "MRS WILCOX"),  # a name in capitals keeps its last letter
    ],
)
def test_the_addressee_is_the_name_after_dear(salutation: str, addressee: str) -> None:
    text = _changed("csa2010_kingston", "Dear Mr Smith\n", f"{salutation}\n")
    assert parse_letter(text, "x.txt").addressee == addressee


def test_a_print_date_that_is_no_date_is_passed_over_for_the_letters_own() -> None:
    # A US-style print stamp ("12/31/2010": no 31st month) above the letter's date line.
    text = _changed("csa2010_kingston", "9 December 2010\n", "12/31/2010\n\n9 December 2010\n")
    assert str(parse_letter(text, "x.txt").letter_date) == "2010-12-09"


SIGNED = "Divisional Manager, Children\u2019s Services Assessment\n"


@pytest.mark.parametrize(
    "after",
    [
        "CC: Mr Bob Jones, Director of Children's Services",  # the copies list
        "Cc Ms Jane Jones",
        "Page 3 of 3",  # page furniture
        "Aviation House 125 Kingsway London WC2B 6SE",  # the letterhead, printed as a footer
        "T 0300 123 1231",
        "~~ ;;",  # OCR debris from the signature image
    ],
)
def test_the_signatory_is_the_signers_names_and_posts_only(after: str) -> None:
    text = _changed("csa2010_kingston", SIGNED, f"{SIGNED}{after}\n")
    assert parse_letter(text, "x.txt").signatory == (
        "Juliet Winstanley, Divisional Manager, Children's Services Assessment"
    )


def test_a_signer_straight_under_yours_sincerely_is_kept() -> None:
    text = _changed("csa2010_kingston", "Yours sincerely\n\n", "Yours sincerely\n")
    assert parse_letter(text, "x.txt").signatory == (
        "Juliet Winstanley, Divisional Manager, Children's Services Assessment"
    )


def test_a_second_signer_with_a_hyphen_or_apostrophe_is_kept() -> None:
    text = _changed("csa2010_kingston", SIGNED, f"{SIGNED}\nMary O'Neill-Smith\nDirector\n")
    assert parse_letter(text, "x.txt").signatory == (
        "Juliet Winstanley, Divisional Manager, Children's Services Assessment, "
        "Mary O'Neill-Smith, Director"
    )


# -- sections and passages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "Thank you for your letter of 1 December.",  # prose before the opening heading
        "\u2022 Thank you for your letter.",  # a bullet
    ],
)
def test_prose_above_the_csa_opening_heading_is_its_introduction(
    opening: str, plain: Plain
) -> None:
    before = plain.headings("csa2010_kingston")
    text = _changed("csa2010_kingston", "Dear Mr Smith\n", f"Dear Mr Smith\n{opening}\n")
    assert _headings(text) == ["Introduction", *before]


def test_a_csa_letter_without_an_opening_heading_starts_with_its_introduction(plain: Plain) -> None:
    before = plain.headings("birmingham_csa2011")
    text = _changed(
        "birmingham_csa2011", "Annual children\u2019s services assessment\nOfsted", "Ofsted"
    )
    assert _headings(text) == ["Introduction", *before[1:]]


def test_a_heading_straight_after_the_grade_table_opens_the_next_section(plain: Plain) -> None:
    # The summary printed above the table, not below it: nothing of the title's section
    # follows the table, so no empty section resumes there.
    text = TEXT["apa2006_east_riding"]
    start = text.index("The East Riding of Yorkshire Council delivers services")
    end = text.index("Being healthy\n")
    moved = (text[:start] + text[end:]).replace("Summary\n", f"Summary\n{text[start:end]}", 1)
    headings = _headings(moved)
    assert headings == [h for i, h in enumerate(plain.headings("apa2006_east_riding")) if i != 2]
    assert headings[1:3] == ["Areas for judgement (grade table)", "Being healthy"]
    overall = next(j for j in parse_letter(moved, "x.txt").judgements if j.area == "overall")
    assert overall.quote.startswith("The East Riding of Yorkshire Council delivers services")


def _cut(case: str, start: str, end: str) -> str:
    text = TEXT[case]
    return text[: text.index(start)] + text[text.index(end) :]


@pytest.mark.parametrize(
    "text",
    [
        # No summary paragraph after the table: only the table states the overall grade.
        _cut(
            "apa2006_east_riding",
            "The East Riding of Yorkshire Council delivers",
            "Being healthy\n",
        ),
        _cut("apa2005_surrey", "Surrey County Council consistently delivers", "Being healthy\n"),
        # The table straight under the title: no section before it to read around it.
        _cut("apa2006_east_riding", "This letter summarises", "Areas for judgement"),
    ],
    ids=["2006-no-summary", "2005-no-summary", "2006-table-under-title"],
)
def test_the_overall_table_grade_is_never_quoted_from_another_areas_section(text: str) -> None:
    overall = next(j for j in parse_letter(text, "x.txt").judgements if j.area == "overall")
    assert overall.quote.startswith("The contribution of the local authority")


PARAGRAPH = "The large majority of early years"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        *[
            (PARAGRAPH, f"{glyph}{PARAGRAPH}")
            for glyph in [
                "\u2022 ",
                "\u2022",
                "\uf0b7 ",
                "\uf0b7",
                "o ",
                "- ",
                "* ",
                "\u25cf ",
                "\u25e6 ",
            ]
        ],
        ("childcare provision remains", "childcare provi\u00adsion remains"),  # a soft hyphen
        ("childcare provision remains", "childcare provision\u200b remains"),  # a zero-width space
        ("childcare provision remains", "childcare provision\ue000 remains"),  # a private-use glyph
    ],
)
def test_a_passage_carries_no_bullet_glyph_or_invisible_character(
    old: str, new: str, plain: Plain
) -> None:
    changed = _changed("birmingham_csa2011", old, new)
    assert _passages(changed) == plain.passages("birmingham_csa2011")


def test_a_stray_two_word_block_is_dropped_and_reading_goes_on(plain: Plain) -> None:
    text = _changed(
        "birmingham_csa2011",
        "\n\nFor children under five",
        "\n\nSee overleaf.\n\nFor children under five",
    )
    assert _passages(text) == plain.passages("birmingham_csa2011")


def _sections(text: str) -> list[tuple[str, str]]:
    return [(s.heading, text[s.start : s.end]) for s in parse_letter(text, "x.txt").sections]


@pytest.mark.parametrize(
    ("above", "first"),
    [
        ("Royal Borough of Kingston\n", "Royal Borough of Kingston\nupon Thames"),  # wrapped
        (
            "Annual children\u2019s services assessment\n",
            "Annual children\u2019s services assessment",
        ),
    ],
)
def test_each_section_of_a_file_that_opens_at_its_title_holds_only_its_own_lines(
    above: str, first: str
) -> None:
    title = _from("csa2010_kingston", KINGSTON_TITLE)
    text = above + (title.replace(above.strip() + " ", "", 1) if "Royal" in above else title)
    sections = parse_letter(text, "x.txt").sections
    assert all(a.end <= b.start for a, b in zip(sections, sections[1:], strict=False))
    assert next(text[s.start : s.end] for s in sections if s.end > s.start).startswith(first)


RUNNING_HEADER = "Children\u2019s services assessment 2011: Birmingham"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A two-page letter: page two opens with a running header printed that once.
        ("\n\n\n\nFor children under five", f"\n\n\f{RUNNING_HEADER}\n\nFor children under five"),
        # The same page break with no header: the page goes on as before.
        ("\n\n\n\nFor children under five", "\n\n\f\nFor children under five"),
    ],
)
def test_a_running_header_at_the_top_of_a_page_is_no_passage(
    old: str, new: str, plain: Plain
) -> None:
    assert _passages(_changed("birmingham_csa2011", old, new)) == plain.passages(
        "birmingham_csa2011"
    )
