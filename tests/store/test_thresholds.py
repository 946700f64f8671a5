"""Each named threshold of the parser, exercised just inside and just outside its boundary.

Inputs are built from the constants, so a deliberate retune moves the test with it; a slip in
the comparison that uses a constant (``>`` for ``>=``, an extra ``+ 1``) fails here.
"""

import math

import pytest

from store.errors import ParseError
from store.grades import (
    CSA_GRADE_WINDOW,
    GRADE_LINES_AFTER,
    LABEL_KEEP,
    MAX_LABEL,
    MAX_LABEL_LINES,
    PROSE_BLOCKS,
    TABLE_WINDOW,
    heading_grades,
    prose_quote,
    table_grades,
    table_region,
)
from store.layout import (
    DEFAULT_WIDTH,
    FULL_LINE,
    HEADING_WINDOW,
    MAX_ADDRESS_WIDTH,
    MAX_SCALE_CELL,
    SALUTATION_WITHIN,
    WRAP_PERCENTILE,
    Layout,
    SectionStart,
    _wrap_width,
    build_blocks,
    classify,
    find_headings,
    header_end,
)
from store.lines import (
    LONG_LINE,
    LONG_LINE_SHARE,
    MAX_FURNITURE,
    MAX_HEADING,
    MIN_FURNITURE_REPEATS,
    MIN_LONG_LINES,
    SHORT_HEADING,
    after_salutation,
    area_heading,
    is_paragraph_style,
    repeated_furniture,
    split_lines,
)
from store.parse import (
    BINARY_SAMPLE,
    BINARY_SHARE,
    HEAD_LINES,
    MIN_PASSAGE_WORDS,
    SIGNATURE_WINDOW,
    TITLE_MAX_LINES,
    find_addressee,
    find_date,
    find_signatory,
    find_title,
    parse_letter,
)
from store.vocabulary import LetterKind

CSA_TITLE = "Birmingham City Council children's services assessment 2011"


def _lines(*texts: str):
    return split_lines("\n".join(texts))


def _padded(start: str, length: int) -> str:
    """``start`` padded with letters to exactly ``length`` characters."""
    assert len(start) < length
    return start + "x" * (length - len(start))


def _layout(lines, sections, blocks=()) -> Layout:
    return Layout(lines, [], list(sections), list(blocks), False)


def _paragraphs(lines) -> list[tuple[int, ...]]:
    """Build paragraphs from lines that are all prose (or blank) in one section."""
    roles = ["blank" if ln.blank else "text" for ln in lines]
    blocks = build_blocks(lines, roles, [SectionStart(0, "Introduction", None)], False)
    return [b.lines for b in blocks]


def _csa_letter(*body: str) -> str:
    return "\n".join(["Dear Ms Brazil", "", CSA_TITLE, *body, "", "Yours sincerely", ""])


# store/lines.py


@pytest.mark.parametrize(("length", "expected"), [(LONG_LINE, False), (LONG_LINE + 1, True)])
def test_is_paragraph_style_counts_lines_longer_than_long_line(length: int, expected: bool) -> None:
    lines = _lines(*["x" * length] * MIN_LONG_LINES)
    assert is_paragraph_style(lines) is expected


@pytest.mark.parametrize(
    ("count", "expected"), [(MIN_LONG_LINES - 1, False), (MIN_LONG_LINES, True)]
)
def test_is_paragraph_style_needs_min_long_lines(count: int, expected: bool) -> None:
    lines = _lines(*["x" * (LONG_LINE + 1)] * count)
    assert is_paragraph_style(lines) is expected


@pytest.mark.parametrize(("extra", "expected"), [(0, True), (1, False)])
def test_is_paragraph_style_needs_long_line_share(extra: int, expected: bool) -> None:
    total = round(MIN_LONG_LINES / LONG_LINE_SHARE) + extra  # long lines make exactly the share
    long = ["x" * (LONG_LINE + 1)] * MIN_LONG_LINES
    lines = _lines(*long, *["short line"] * (total - MIN_LONG_LINES))
    assert is_paragraph_style(lines) is expected


@pytest.mark.parametrize(
    ("length", "expected"), [(MAX_HEADING, ("staying_safe", None)), (MAX_HEADING + 1, None)]
)
def test_area_heading_longer_than_max_heading_is_prose(length: int, expected) -> None:
    # Over SHORT_HEADING, so only the "Grade N" line below keeps it a heading.
    line, *following = _lines(_padded("Staying safe ", length), "Grade 3")
    assert area_heading(line, following) == expected


@pytest.mark.parametrize(
    ("length", "expected"), [(SHORT_HEADING, ("staying_safe", None)), (SHORT_HEADING + 1, None)]
)
def test_area_heading_over_short_heading_needs_a_grade_line(length: int, expected) -> None:
    line, *following = _lines(_padded("Staying safe ", length), "The council has done well.")
    assert area_heading(line, following) == expected


@pytest.mark.parametrize(
    ("length", "expected"), [(MAX_FURNITURE - 1, True), (MAX_FURNITURE, False)]
)
def test_repeated_furniture_only_short_lines(length: int, expected: bool) -> None:
    header = _padded("Birmingham City Council annual letter ", length)
    lines = _lines(header, "Body text.", header)
    assert (lines[0].key in repeated_furniture(lines)) is expected


@pytest.mark.parametrize(
    ("copies", "expected"), [(MIN_FURNITURE_REPEATS - 1, False), (MIN_FURNITURE_REPEATS, True)]
)
def test_repeated_furniture_needs_min_repeats(copies: int, expected: bool) -> None:
    lines = _lines(*["Aviation House 125 Kingsway", "Body text."] * copies)
    assert (lines[0].key in repeated_furniture(lines)) is expected


# store/layout.py


@pytest.mark.parametrize(
    "first_line_after_salutation",
    [
        pytest.param(lambda lines: header_end(lines, range(0)), id="header_end"),
        pytest.param(
            lambda lines: header_end(
                lines, range(2 * SALUTATION_WITHIN, 2 * SALUTATION_WITHIN + 1)
            ),
            id="late_title",
        ),
        pytest.param(after_salutation, id="csa_body_start"),
    ],
)
@pytest.mark.parametrize(
    ("at", "expected"), [(SALUTATION_WITHIN - 1, SALUTATION_WITHIN), (SALUTATION_WITHIN, 0)]
)
def test_salutation_found_only_within_salutation_within(
    first_line_after_salutation, at: int, expected: int
) -> None:
    lines = _lines(*["Aviation House"] * at, "Dear Ms Brazil", "The letter.")
    assert first_line_after_salutation(lines) == expected


@pytest.mark.parametrize(
    ("width", "expected"), [(MAX_ADDRESS_WIDTH, 3), (MAX_ADDRESS_WIDTH + 1, 0)]
)
def test_a_title_above_dear_ends_the_letterhead_only_over_address_width_lines(
    width: int, expected: int
) -> None:
    # Between a title printed above "Dear" and the salutation: an address line is at most
    # MAX_ADDRESS_WIDTH long; a longer line is letter prose, and the letterhead is not skipped.
    lines = _lines("TITLE", "x" * width, "Dear Ms Brazil", "The letter.")
    assert header_end(lines, range(0, 1)) == expected


@pytest.mark.parametrize(
    ("length", "role"), [(MAX_SCALE_CELL - 1, "junk"), (MAX_SCALE_CELL, "text")]
)
def test_classify_scale_cell_only_when_shorter_than_max(length: int, role: str) -> None:
    cell = _padded("A service that delivers well above minimum requirements for users ", length)
    assert classify(_lines(cell), LetterKind.APA, range(0), range(0), {}) == [role]


@pytest.mark.parametrize(
    ("blanks", "found"), [(HEADING_WINDOW - 2, True), (HEADING_WINDOW - 1, False)]
)
def test_find_headings_grade_line_within_heading_window(blanks: int, found: bool) -> None:
    heading = _padded("Staying safe ", SHORT_HEADING + 1)  # needs its "Grade N" line
    lines = _lines(heading, *[""] * blanks, "Grade 3")
    assert (0 in find_headings(lines, LetterKind.APA, None, 0)) is found


@pytest.mark.parametrize("shorter", [0, 1])
def test_build_blocks_full_line_ending_a_sentence_continues_the_paragraph(shorter: int) -> None:
    width = 100
    edge = math.ceil(FULL_LINE * width)  # the shortest line that counts as full
    lines = _lines(_padded("A sentence ", edge - shorter - 1) + ".", *["x" * width] * 10)
    assert len(_paragraphs(lines)) == (2 if shorter else 1)


def test_build_blocks_wrap_width_is_the_wrap_percentile_line() -> None:
    n = 100
    rank = int(n * WRAP_PERCENTILE)  # the line whose length is the wrap width
    below, width, above = 90, 100, 120  # lengths at rank - 1, rank, rank + 1
    ends = math.ceil(FULL_LINE * below)  # ends a paragraph at `width`, not at `below`
    full = below  # full at `width`, not at `above`
    assert ends < FULL_LINE * width <= full < FULL_LINE * above
    lines = _lines(
        _padded("Ends here ", ends - 1) + ".",
        *["x" * 50] * (rank - 2),
        _padded("Full line ", full - 1) + ".",
        "x" * width,
        *["x" * above] * (n - rank - 1),
    )
    assert [len(p) for p in _paragraphs(lines)] == [1, n - 1]


def test_build_blocks_default_width_only_without_prose_lines() -> None:
    # No boundary to test: a paragraph break is only weighed between two prose lines, so the
    # letter always has a prose line to measure and DEFAULT_WIDTH is a fallback for none.
    lines = _lines("x" * (DEFAULT_WIDTH + 5), "- a bullet")
    assert _wrap_width(lines, ["bullet", "bullet"]) == DEFAULT_WIDTH
    assert _wrap_width(lines, ["text", "bullet"]) == DEFAULT_WIDTH + 5


# store/grades.py


@pytest.mark.parametrize(("before", "found"), [(PROSE_BLOCKS - 1, True), (PROSE_BLOCKS, False)])
def test_prose_quote_reads_only_the_first_prose_blocks(before: int, found: bool) -> None:
    restated = "Outcomes for children and young people in staying safe are good."
    text = "\n\n".join(["The council works with its partners."] * before + [restated])
    lines = split_lines(text)
    roles = ["blank" if ln.blank else "text" for ln in lines]
    sections = [SectionStart(0, "Staying safe", "staying_safe")]
    layout = Layout(lines, roles, sections, build_blocks(lines, roles, sections, False), False)
    span = prose_quote(layout, text, [0], "staying_safe", 3, LetterKind.APA)
    assert (text[span[0] : span[1]] if span else None) == (restated if found else None)


@pytest.mark.parametrize(
    ("between", "found"), [(GRADE_LINES_AFTER - 1, True), (GRADE_LINES_AFTER, False)]
)
def test_heading_grades_grade_within_lines_after_heading(between: int, found: bool) -> None:
    sub = "Summary of strengths and areas for development"
    lines = _lines("Staying safe", *[sub] * between, "Grade 3")
    layout = _layout(lines, [SectionStart(0, "Staying safe", "staying_safe")])
    grades = [(f.area, f.grade) for f in heading_grades(layout)]
    assert grades == ([("staying_safe", 3)] if found else [])


@pytest.mark.parametrize(
    ("after", "found"), [(CSA_GRADE_WINDOW - 1, True), (CSA_GRADE_WINDOW, False)]
)
def test_parse_csa_rating_within_csa_grade_window(after: int, found: bool) -> None:
    letter = _csa_letter(*[""] * (after - 1), "Performs poorly (1)")
    if found:
        assert [j.grade for j in parse_letter(letter, "x.txt").judgements] == [1]
    else:
        with pytest.raises(ParseError, match="no rating line"):
            parse_letter(letter, "x.txt")


@pytest.mark.parametrize(("at", "inside"), [(TABLE_WINDOW - 1, True), (TABLE_WINDOW, False)])
def test_table_region_cell_within_table_window(at: int, inside: bool) -> None:
    lines = _lines("Areas for judgement", *[""] * (at - 1), "3")
    assert (at in table_region(lines)) is inside


@pytest.mark.parametrize(("length", "inside"), [(MAX_LABEL, True), (MAX_LABEL + 1, False)])
def test_table_region_label_no_longer_than_max_label(length: int, inside: bool) -> None:
    label = _padded("The council's overall capacity to improve its services ", length)
    lines = _lines("Areas for judgement", label, "3")
    assert (2 in table_region(lines)) is inside


@pytest.mark.parametrize(
    ("label_lines", "inside"), [(MAX_LABEL_LINES, True), (MAX_LABEL_LINES + 1, False)]
)
def test_table_region_label_wraps_to_at_most_max_label_lines(
    label_lines: int, inside: bool
) -> None:
    lines = _lines(
        "Areas for judgement",
        "The council's overall capacity to improve its services for",
        *["and young people in the area"] * (label_lines - 1),
        "3",
    )
    assert (len(lines) - 1 in table_region(lines)) is inside


@pytest.mark.parametrize(("more", "found"), [(LABEL_KEEP, True), (LABEL_KEEP + 1, False)])
def test_table_grades_label_keeps_label_keep_earlier_lines(more: int, found: bool) -> None:
    lines = _lines("The council's overall capacity to improve", *["its services"] * more, "3")
    layout = _layout(lines, [SectionStart(0, "Summary", None)])
    grades = [(f.area, f.grade) for f in table_grades(layout, range(len(lines)))]
    assert grades == ([("capacity_to_improve", 3)] if found else [])


# store/parse.py


def _reason(text: str) -> str:
    with pytest.raises(ParseError) as err:
        parse_letter(text, "x.txt")
    return err.value.reason


@pytest.mark.parametrize("extra", [0, 1])
def test_parse_binary_when_control_characters_exceed_binary_share(extra: int) -> None:
    odd = int(BINARY_SAMPLE * BINARY_SHARE) + extra
    text = "\x01" * odd + "a" * (BINARY_SAMPLE - odd)
    binary = "this is not text (binary content)"
    assert (_reason(text) == binary) is bool(extra)


@pytest.mark.parametrize(("at", "binary"), [(BINARY_SAMPLE - 1, True), (BINARY_SAMPLE, False)])
def test_parse_binary_looks_only_at_binary_sample(at: int, binary: bool) -> None:
    text = "a" * at + "\x00"
    assert (_reason(text) == "this is not text (binary content)") is binary


@pytest.mark.parametrize(
    ("find", "line", "expected"),
    [
        (find_date, "26 November 2007", "2007-11-26"),
        (find_addressee, "Dear Mr Howell", "Mr Howell"),
    ],
)
@pytest.mark.parametrize(("at", "found"), [(HEAD_LINES - 1, True), (HEAD_LINES, False)])
def test_find_on_first_head_lines(find, line: str, expected: str, at: int, found: bool) -> None:
    result = find(_lines(*["Aviation House"] * at, line))
    assert (str(result) if result else None) == (expected if found else None)


@pytest.mark.parametrize(
    ("at", "reason"), [(HEAD_LINES - 1, "joint area review"), (HEAD_LINES, "no assessment title")]
)
def test_find_title_joint_area_review_named_in_head_lines(at: int, reason: str) -> None:
    lines = _lines(*[""] * at, "This joint area review report")
    with pytest.raises(ParseError, match=reason):
        find_title(lines, "x.txt")


@pytest.mark.parametrize(
    ("count", "found"), [(TITLE_MAX_LINES, True), (TITLE_MAX_LINES + 1, False)]
)
def test_find_title_wrapped_over_at_most_title_max_lines(count: int, found: bool) -> None:
    words = "SURREY COUNTY COUNCIL'S EDUCATION AND CHILDREN'S SOCIAL CARE SERVICES 2005".split()
    size = math.ceil(len(words) / (count - 1))
    rest = [" ".join(words[i : i + size]) for i in range(0, len(words), size)]
    assert len(rest) == count - 1
    lines = _lines("ANNUAL PERFORMANCE ASSESSMENT OF", *rest, "This letter summarises.")
    if found:
        assert find_title(lines, "x.txt").year == 2005
    else:
        with pytest.raises(ParseError, match="no assessment title"):
            find_title(lines, "x.txt")


@pytest.mark.parametrize(
    ("after", "expected"), [(SIGNATURE_WINDOW - 1, "Jane Smith"), (SIGNATURE_WINDOW, None)]
)
def test_find_signatory_within_signature_window(after: int, expected: str | None) -> None:
    lines = _lines("Yours sincerely", *[""] * (after - 1), "Jane Smith")
    assert find_signatory(lines) == expected


@pytest.mark.parametrize(
    ("words", "kept"), [(MIN_PASSAGE_WORDS - 1, False), (MIN_PASSAGE_WORDS, True)]
)
def test_parse_passage_needs_min_passage_words(words: int, kept: bool) -> None:
    paragraph = " ".join(["Staff"] + ["word"] * (words - 1)) + "."
    letter = _csa_letter("Performs poorly (1)", "", paragraph, "")
    passages = [p.text for p in parse_letter(letter, "x.txt").passages]
    assert (paragraph in passages) is kept
