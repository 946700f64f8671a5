"""Lines of a letter, classified: what is prose, what is a heading, what is page furniture."""

import functools
import re
from collections import Counter
from dataclasses import dataclass

from store.text import key

# Thresholds, in characters of a line or lines of the letter.
LONG_LINE = 160  # hard wraps are at ~85 columns (150 where joined); longer is a one-line paragraph
MIN_LONG_LINES = 3  # a wrapped letter may hold a stray long line or two (a joined row, a URL)
LONG_LINE_SHARE = 0.1  # a fifth to a half of a paragraph-per-line letter's lines are long
# The longest heading, capacity (87 characters), plus " - Grade 4 (outstanding)"; more is prose.
MAX_HEADING = 120
SHORT_HEADING = 90  # capacity heading (87) fits; longer must be followed by its "Grade N" line
MAX_FURNITURE = 100  # headers and footers (address, page no.) are short; a long repeat is prose
MIN_FURNITURE_REPEATS = 2  # a running header comes once a page: twice in a two-page letter
PAGE_TOP_LINES = 2  # a running header on page 1 is its first line (or second, under a logo's)
SALUTATION_WITHIN = 60  # "Dear" follows letterhead and address (by line 19 seen); not the body's

SALUTATION = re.compile(r"^\s*dear\s+\S", re.I)
# A line ending in one of these words (or a comma) has not ended its sentence: the next line
# carries it on, whatever its case ("... in parts of Ellesmere Port and" / "Chester.").
RUNS_ON_WORD = re.compile(r"(?:,|\b(?:and|or|of|the|in|to|for|with|by|on|at|from|an?))$", re.I)

AREA_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (area, re.compile(rf"^(?:the )?{pattern}\b"))
    for area, pattern in (
        ("overall", r"overall effectiveness(?: of (?:the )?children'?s? services)?"),
        ("being_healthy", r"be(?:ing)? healthy"),
        ("staying_safe", r"stay(?:ing)? safe"),
        ("enjoying_and_achieving", r"enjoy(?:ing)? and achiev(?:e|ing)"),
        ("making_a_positive_contribution", r"mak(?:e|ing) a positive contribution"),
        ("achieving_economic_wellbeing", r"achiev(?:e|ing) economic well ?being"),
        ("capacity_to_improve", r"capacity to improve"),
        ("service_management", r"(?:service management|management of (?:children'?s? )?services)"),
    )
)

# Section headings that carry no graded area (CSA letters, 2005-06 letters).
PLAIN_HEADINGS = re.compile(
    r"^(?:annual children'?s? services assessment|annual rating of council children'?s? "
    r"services(?: for \d{4})?|strengths|areas? for (?:further )?improvement|"
    r"key areas? for (?:further )?(?:development|improvement)|outcomes for children and young "
    r"people|prospects for improvement|introduction|summary|areas for judgement)$"
)
# Headings inside a section: kept out of passages, never start a section.
SUB_HEADINGS = re.compile(
    r"^(?:summary of strengths and areas for (?:development|improvement)|areas? for development|"
    r"for immediate action|for action in the next (?:six|6) months|for action in the longer term|"
    r"major strengths|important weaknesses(?: and areas for (?:development|improvement))?|"
    r"strengths|key strengths|grade awarded|areas for judgement|judgement|grade|"
    r"children'?s? services assessment)$"
)
# "Grade 3" on its own line, as printed or as copies mark it up: "Grade 3 (good)", "Grade 3.",
# "(Grade 3)", "**Grade 3**" (a Markdown conversion).
# The grade's number, as a digit or, in a copy typed again, a word ("Grade Two", "Grade: one
# (1)", whose digit must then agree).
GRADE_NUMBER = r"(?i:([1-4])\b|(one|two|three|four)\b(?:\s*\(\s*([1-4])\s*\))?)(?!\s*/)"
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4}
GRADE_LINE = re.compile(
    rf"^\s*(?:\*\*|__|[(\[])?\s*grade\s*:?\s*{GRADE_NUMBER}(?:\s*[-(]?\s*[a-z]+\)?)?"
    r"\s*(?:\*\*|__|[)\]])?\s*\.?\s*$",
    re.I,
)
# "Grade N" after a heading: after a separator or a bracket, or glued on as PDF text runs may
# be ("Being healthyGrade 2"), where only its capital tells it from the heading's last word.
HEADING_GRADE = re.compile(
    rf"(?:[\s:,\-(\[*]+(?i:grade)|(?<=[a-z])Grade|(?<=[A-Z])GRADE)\s*:?\s*{GRADE_NUMBER}"
)


def grade_of(m: re.Match[str]) -> int | None:
    """The grade a GRADE_LINE or HEADING_GRADE match states; None when its word and its digit
    disagree ("Grade: one (3)"), and the letter's grade is then unclear."""
    if m.group(1):
        return int(m.group(1))
    value = NUMBER_WORDS[m.group(2).lower()]
    return value if not m.group(3) or int(m.group(3)) == value else None


# How copies mark a heading up: a number ("2. Being healthy", "3) ..."), Markdown ("## ...",
# "**...**"); and a stop after its grade ("Being healthy Grade 2."). None of it is the heading.
HEADING_MARKUP = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})?[.)]\s+|#{1,6}\s*|\*\*|__)")
GRADE_STOP = re.compile(r"(?<=[1-4])(?:\s*\(\s*[a-z]+\s*\))?\s*(?:\*\*|__|[)\]])?\s*\.$", re.I)
GLUED_GRADE = re.compile(r"(?<=[a-z])(?=Grade\s*[1-4])|(?<=[A-Z])(?=GRADE\s*[1-4])")
PAGE_FURNITURE = re.compile(
    r"^\s*(?:page \d+(?: of \d+)?|\d{1,3}|-\s*\d{1,3}\s*-|\d+\s*/\s*\d+)\s*$", re.I
)
LETTERHEAD = re.compile(
    r"ofsted\.gov\.uk|csci\.(?:org|gsi)|\bkingsway\b|piccadilly gate|\bWC2B\b|\bM1 2WD\b|"
    r"^\s*(?:direct )?[tf] \d{4,5}[\d ]+$|^\s*www\.",
    re.I,
)
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATED = r"^\s*(?:dated?:?\s*)?"  # "Date: 26 November 2007"
# A letter's date line as letters and council papers print it, each form's groups in the
# order (day, month, year): "26 November 2007", "26th Nov. 2007", "November 26, 2007",
# "26/11/2007" (day first, as in England).
DATE_FORMS = (
    (re.compile(rf"{_DATED}{_DAY}\s+{_MONTH},?\s+(\d{{4}})\s*$", re.I), (1, 2, 3)),
    (re.compile(rf"{_DATED}{_MONTH}\s+{_DAY},?\s+(\d{{4}})\s*$", re.I), (2, 1, 3)),
    (re.compile(rf"{_DATED}(\d{{1,2}})[/.](\d{{1,2}})[/.](\d{{4}})\s*$", re.I), (1, 2, 3)),
)
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a line that is only a date, in any of ``DATE_FORMS``."""
    for pattern, (day, month, year) in DATE_FORMS:
        m = pattern.match(text)
        if m:
            named = m.group(month)
            number = int(named) if named.isdigit() else MONTHS.index(named[:3].lower()) + 1
            return int(m.group(year)), number, int(m.group(day))
    return None


# A cell of a grade scale's key, with or without its number ("Grade 4:", "4") in front: a
# table's cells may come out on one line.
SCALE_NUMBER = r"(?:(?:grade\s*)?[1-4]\s*[:.\-]?\s*)"
SCALE_CELL = re.compile(
    rf"^\s*(?:[1-4]|{SCALE_NUMBER}?performs (?:excellently|well|adequately|poorly)|"
    rf"{SCALE_NUMBER}?an organisation that .*minimum requirements\.?|"
    rf"{SCALE_NUMBER}?a service that .*minimum requirements.*|key)\s*$",
    re.I,
)
BULLET = re.compile(r"^\s*(?:[-\u2022*\u25cf\u25e6o]\s+|\u2022)")


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offsets into the normalised text
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @functools.cached_property
    def key(self) -> str:
        """The line as headings are matched: a copy's numbering ("2. Strengths") left off."""
        return key(HEADING_MARKUP.sub("", self.text))


def split_lines(text: str) -> list[Line]:
    """The letter's lines; a heading run together with its grade and first paragraph on one
    line is two lines, the heading and grade, then the paragraph."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        run_on = RUN_ON_HEADING.match(raw)
        parts = [raw[: run_on.end(1)], raw[run_on.end() :]] if run_on else [raw]
        offsets = [pos, pos + run_on.end()] if run_on else [pos]
        for part, at in zip(parts, offsets, strict=True):
            lines.append(Line(len(lines), at, at + len(part), part))
        pos += len(raw) + 1
    return lines


def is_paragraph_style(lines: list[Line]) -> bool:
    """One paragraph per line (seed 2007) rather than hard-wrapped at ~85 columns (seed 2011)."""
    content = [len(ln.text) for ln in lines if not ln.blank]
    long = sum(1 for n in content if n > LONG_LINE)
    return bool(content) and long >= MIN_LONG_LINES and long / len(content) >= LONG_LINE_SHARE


def area_heading(line: Line, following: list[Line]) -> tuple[str, int | None] | None:
    """(area, grade on the line or None) when the line is an area heading, else None."""
    text = undecorated(line.text)
    k = key(GLUED_GRADE.sub(" ", text))
    nxt = next((f for f in following if not f.blank), None)
    graded_below = nxt is not None and bool(GRADE_LINE.match(nxt.text))
    if (
        not text
        # a heading is capitalised; one in lower case ("being healthy:") only with its grade
        or not (text[0].isupper() or (text[0].islower() and graded_below))
        or text.endswith(".")
        or ". " in text
        or len(text) > MAX_HEADING
    ):
        return None
    for area, pattern in AREA_HEADINGS:
        if not pattern.match(k):
            continue
        on_line = HEADING_GRADE.search(text)
        if on_line:
            return area, grade_of(on_line)
        if len(text) <= SHORT_HEADING or graded_below:
            return area, None
    return None


# A heading, its grade and the start of its first paragraph on one line, as copies that lose
# line breaks give them ("Staying safe Grade 1 The contribution of ..."): the heading's words,
# at most a heading's length without a stop, "Grade N", then a capitalised word.
RUN_ON_HEADING = re.compile(
    r"^(\s*(?:the\s+)?(?:overall\s+effectiveness|be(?:ing)?\s+healthy|stay(?:ing)?\s+safe|"
    r"enjoy(?:ing)?\s+and\s+achiev(?:e|ing)|mak(?:e|ing)\s+a\s+positive\s+contribution|"
    rf"achiev(?:e|ing)\s+economic\s+well[\s-]?being|capacity\s+to\s+improve)[^.\n]{{0,{MAX_HEADING}}}?"
    r"[\s:,\-(]grade\s*:?\s*[1-4]\b\)?)\s+(?=[A-Z])",
    re.I,
)


def undecorated(text: str) -> str:
    """A heading line without the marks a copy adds: its number, Markdown, a stop after its
    grade ("## 2. Being healthy Grade 2." reads "Being healthy Grade 2")."""
    text = HEADING_MARKUP.sub("", text.strip())
    if GRADE_STOP.search(text) and HEADING_GRADE.search(text):
        text = text[:-1]
    return re.sub(r"\*\*|__", "", text).strip()


STOPPED = re.compile(r"[.!?:;]$")  # a line that ends a sentence or clause


def repeated_furniture(lines: list[Line]) -> set[str]:
    """Short lines printed on several pages (running headers), by their key."""
    # The address is printed once, above "Dear": a body line that repeats one of its lines
    # ("Chester." after "... Ellesmere Port and") is not a running header. A running header
    # printed on the first page too stands at its top, above the letterhead.
    body = after_salutation(lines)
    counts = Counter(
        ln.key
        for ln in lines
        if not ln.blank
        and len(ln.text) < MAX_FURNITURE
        and (ln.index >= body or ln.index < PAGE_TOP_LINES)
    )
    joined = Counter(ln.key for ln in lines if _joined(ln, lines))
    return {
        k
        for k, n in counts.items()
        if n >= MIN_FURNITURE_REPEATS
        and joined[k] < n  # prose repeated (wrapped boilerplate) runs on into its neighbours
        and not PLAIN_HEADINGS.match(k)
        and not SUB_HEADINGS.match(k)
        and not re.fullmatch(r"[1-4]|grade [1-4]|performs \w+(?: [1-4])?", k)
        and not any(p.match(k) for _, p in AREA_HEADINGS)
    }


def _joined(line: Line, lines: list[Line]) -> bool:
    """Whether the line runs on into the next (no stop, the next carries on in lower case) or
    carries on from the one above (it starts in lower case after an unstopped line). A running
    header or footer stands apart on at least one of the pages it is printed on."""
    text = line.text.strip()
    before = lines[line.index - 1].text.strip() if line.index > 0 else ""
    after = lines[line.index + 1].text.strip() if line.index + 1 < len(lines) else ""
    runs_on = bool(after) and after[0].islower() and not STOPPED.search(text)
    carries_on = bool(before) and not STOPPED.search(before)
    carries_on = carries_on and (
        text[:1].islower() or (text[:1].isalpha() and bool(RUNS_ON_WORD.search(before)))
    )
    return runs_on or carries_on


def after_salutation(lines: list[Line]) -> int:
    """Index after the "Dear ..." line, or 0 when none opens the letter."""
    for ln in lines[:SALUTATION_WITHIN]:
        if SALUTATION.match(ln.text):
            return ln.index + 1
    return 0
