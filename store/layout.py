"""The layout of a letter: each line's role, the sections, and the prose blocks (paragraphs)."""

import re
from dataclasses import dataclass

from store.lines import (
    BULLET,
    GRADE_LINE,
    HEADING_GRADE,
    HEADING_MARKUP,
    LETTERHEAD,
    MAX_HEADING,
    PAGE_FURNITURE,
    PLAIN_HEADINGS,
    SALUTATION,
    SALUTATION_WITHIN,
    SCALE_CELL,
    SCALE_NUMBER,
    SUB_HEADINGS,
    Line,
    area_heading,
    date_parts,
    grade_of,
    is_paragraph_style,
    repeated_furniture,
    undecorated,
)
from store.vocabulary import LetterKind

TERMINAL = re.compile(r"(?:[.!?:;\"']|[.!?]\))\s*$")  # a bracket ends a sentence only after a stop
CLOSING = re.compile(r"^\s*yours (?:sincerely|faithfully)\b", re.I)
CSA_GRADE_LINE = re.compile(
    r"^\s*(?:(?:annual\s+)?children'?\s?s?\s+services\s+assessment\s*[:\-]?\s*)?"
    r"performs \w+\s*\(\s*[1-4]\s*\)\s*$",
    re.I,
)

# Thresholds, in lines of the letter or characters of a line.
MAX_ADDRESS_LINES = 15  # a date and an addressee's name, post, office and address: 12 seen
MAX_ADDRESS_WIDTH = 70  # an address line is short; "Strategic Director of ..." is the longest, ~60
MAX_SCALE_CELL = 120  # a scale-key cell is one line of ~65 characters; longer is prose quoting it
HEADING_WINDOW = 4  # a heading and the next 3 lines: its "Grade N" sits below a blank line or two
FULL_LINE = 0.85  # a "." line within 15% of the wrap width ended a sentence, not a paragraph
WRAP_PERCENTILE = 0.9  # wrapped prose reaches ~85 columns; the longest 10% are joined lines
MAX_RUNNING_HEADER = 80  # "Children's services assessment 2011: <council>" is ~60; a page's
# first line longer than that is prose carried over
DEFAULT_WIDTH = 80  # a common wrap width; only used when the letter has no prose lines at all


@dataclass(frozen=True)
class SectionStart:
    line: int
    heading: str
    area: str | None
    grade: int | None = None  # "Grade N" printed on the heading line itself
    wrapped: bool = False  # the heading goes on onto the next line (which then holds its grade)


@dataclass(frozen=True)
class Block:
    lines: tuple[int, ...]
    start: int  # normalised offsets
    end: int
    bullet: bool
    section: int  # index into sections


@dataclass
class Layout:
    lines: list[Line]
    # blank, junk, header, closing, title, heading, sub, grade, table, text, bullet
    roles: list[str]
    sections: list[SectionStart]
    blocks: list[Block]
    paragraph_style: bool
    furniture: set[str] | None = None  # running headers' keys, found once per letter

    def section_of(self, line_index: int) -> int:
        current = 0
        for i, s in enumerate(self.sections):
            if s.line <= line_index:
                current = i
        return current


def header_end(lines: list[Line], title_lines: range) -> int:
    """Index of the first line after the letterhead, date, address and salutation.

    The title usually follows "Dear ...", but some copies print it above the date and address,
    as a subject line: then the salutation after it still ends the letterhead, as long as only
    short address-like lines stand between them (a body line starting "Dear" does not)."""
    for ln in lines[:SALUTATION_WITHIN]:
        if not SALUTATION.match(ln.text):
            continue
        if not title_lines or ln.index < title_lines.start:
            return ln.index + 1
        return ln.index + 1 if _only_address(lines[title_lines.stop : ln.index]) else 0
    return 0


def _only_address(between: list[Line]) -> bool:
    """Whether the lines between a title and a "Dear" below it are a date and an address."""
    filled = [ln for ln in between if not ln.blank]
    return len(filled) <= MAX_ADDRESS_LINES and all(
        len(ln.text.strip()) <= MAX_ADDRESS_WIDTH or LETTERHEAD.search(ln.text) for ln in filled
    )


def closing_start(lines: list[Line]) -> int:
    for ln in reversed(lines):
        if CLOSING.match(ln.text):
            return ln.index
    return len(lines)


def classify(
    lines: list[Line],
    kind: str,
    title_lines: range,
    table: range,
    heading_lines: dict[int, SectionStart],
    page_tops: frozenset[int] = frozenset(),
    furniture: set[str] | None = None,
) -> list[str]:
    """Each line's role. ``page_tops``: lines that open a page (after a form feed), where a
    running header printed once (a two-page letter's) is told by its place."""
    first = header_end(lines, title_lines)
    last = closing_start(lines)
    furniture = repeated_furniture(lines) if furniture is None else furniture
    paragraph_style = is_paragraph_style(lines)
    roles: list[str] = []
    for ln in lines:
        text = ln.text
        if ln.blank:
            role = "blank"
        elif ln.index < first and ln.index not in title_lines:
            role = "header"
        elif ln.index >= last:
            role = "closing"
        elif ln.index in title_lines:
            role = "title"
        elif ln.index in heading_lines or _heading_tail(heading_lines, ln.index):
            role = "heading"
        elif ln.index in table:
            role = "table"
        elif (
            PAGE_FURNITURE.match(text)
            or LETTERHEAD.search(text)
            or date_parts(text)
            or ln.key in furniture
            or (ln.index in page_tops and _running_header(lines, ln))
        ):
            role = "junk"
        elif GRADE_LINE.match(text) or CSA_GRADE_LINE.match(text):
            role = "grade"
        elif SCALE_CELL.match(text) and len(text) < MAX_SCALE_CELL or _key_wrap(lines, roles, ln):
            role = "junk"
        elif _heading_shaped(text) and _sub_heading(ln.key, kind) or _wrapped_sub(lines, ln, kind):
            role = "sub"
        elif BULLET.match(text) or (paragraph_style and re.match(r"^ \S", text)):
            role = "bullet"
        else:
            role = "text"
        roles.append(role)
    return roles


def _running_header(lines: list[Line], line: Line) -> bool:
    """A page's first line that is a label, not prose, and what follows it does not carry on
    its sentence (a label between two halves of a sentence is found by
    ``_furniture_inside_sentences``)."""
    after = next((a for a in lines[line.index + 1 :] if not a.blank), None)
    return _label_shaped(line) and (after is None or not after.text.strip()[:1].islower())


def _label_shaped(line: Line) -> bool:
    """Short, no stop, begun with a capital (a label is capitalised; a sentence carried over
    the page begins in lower case or with a number), and not a heading, grade or bullet."""
    text = line.text.strip()
    if (
        not text[:1].isupper()
        or SUB_HEADINGS.match(line.key)
        or PLAIN_HEADINGS.match(line.key)
        or GRADE_LINE.match(text)
        or CSA_GRADE_LINE.match(text)
        or BULLET.match(text)
    ):
        return False
    return len(text) < MAX_RUNNING_HEADER and not re.search(r"[.!?,;]$", text)


KEY_CELL = re.compile(rf"^\s*{SCALE_NUMBER}?an? (?:service|organisation) that\b", re.I)


def _key_wrap(lines: list[Line], roles: list[str], line: Line) -> bool:
    """The wrapped end of a scale-key cell ("A service that ... for" / "users")."""
    prev = next((lines[i] for i in range(line.index - 1, -1, -1) if not lines[i].blank), None)
    return (
        prev is not None
        and roles[prev.index] in ("junk", "table")
        and bool(KEY_CELL.match(prev.text))  # a key cell's start, however narrow its wrap
        and line.text.strip()[:1].islower()
        and not re.search(r"[.!?]\s*$", prev.text)
        and len(line.text) < MAX_SCALE_CELL
    )


def _sub_heading(key: str, kind: str) -> bool:
    return bool(SUB_HEADINGS.match(key) or (PLAIN_HEADINGS.match(key) and kind == LetterKind.APA))


def _wrapped_sub(lines: list[Line], line: Line, kind: str) -> bool:
    """Either half of a sub-heading wrapped over two lines ("Important weaknesses and" /
    "areas for development")."""
    return any(
        _heading_shaped(first.text) and _sub_heading(f"{first.key} {second.key}", kind)
        for first, second in _pairs(lines, line)
    )


def _pairs(lines: list[Line], line: Line) -> list[tuple[Line, Line]]:
    """The line with the one above it and with the one below it, where neither is blank."""
    pairs = []
    if line.index > 0 and not lines[line.index - 1].blank and not line.blank:
        pairs.append((lines[line.index - 1], line))
    if line.index + 1 < len(lines) and not lines[line.index + 1].blank and not line.blank:
        pairs.append((line, lines[line.index + 1]))
    return pairs


def _heading_shaped(text: str) -> bool:
    """Headings start with a capital and do not end like a sentence or a clause (a copy's
    number before one, "1) Strengths", is not part of it)."""
    text = HEADING_MARKUP.sub("", text.strip())
    return bool(text) and text[0].isupper() and not text.endswith((".", ",", ";"))


def find_headings(
    lines: list[Line], kind: str, csa_title: range | None, after: int
) -> dict[int, SectionStart]:
    """Each section heading by its line: the CSA title, area headings and plain headings. A
    heading wrapped onto a second line ("Overall effectiveness" / "of children's services")
    takes that line with it, so the tail is never read as prose."""
    found: dict[int, SectionStart] = {}
    csa_title = csa_title or range(0)
    for ln in lines[after:]:
        if csa_title and ln.index == csa_title.start:
            found[ln.index] = SectionStart(
                ln.index, "Children's services assessment", "overall", None, len(csa_title) > 1
            )
            continue
        hit = area_heading(ln, lines[ln.index + 1 : ln.index + HEADING_WINDOW])
        if hit:
            area, grade = hit
            tail = None if HEADING_GRADE.search(ln.text) else _wrapped_tail(lines, ln)
            if tail is not None:
                joined = f"{ln.text.strip()} {tail.text.strip()}"
                on_tail = HEADING_GRADE.search(tail.text)
                grade = grade_of(on_tail) if on_tail else grade
                found[ln.index] = SectionStart(ln.index, _bare(joined), area, grade, True)
            else:
                found[ln.index] = SectionStart(ln.index, _bare(ln.text), area, grade)
        elif kind == LetterKind.CSA and PLAIN_HEADINGS.match(ln.key) and _heading_shaped(ln.text):
            found[ln.index] = SectionStart(ln.index, ln.text.strip(), None)
        elif kind == LetterKind.CSA and (tail := _wrapped_plain(lines, ln)) is not None:
            joined = f"{ln.text.strip()} {tail.text.strip()}"
            found[ln.index] = SectionStart(ln.index, joined, None, None, True)
    return found


def _wrapped_plain(lines: list[Line], head: Line) -> Line | None:
    """The second line of a plain heading wrapped over two ("Annual rating of council" /
    "children's services for 2009")."""
    nxt = lines[head.index + 1] if head.index + 1 < len(lines) else None
    if nxt is None or nxt.blank or not _heading_shaped(head.text):
        return None
    return nxt if PLAIN_HEADINGS.match(f"{head.key} {nxt.key}") else None


def _wrapped_tail(lines: list[Line], head: Line) -> Line | None:
    """The next line when it finishes a wrapped heading: it goes on in lower case and either
    carries the grade ("Capacity to improve, including the management of services for children"
    / "and young people Grade 3") or ends without a stop ("Overall effectiveness" / "of
    children's services"), as a sentence would not."""
    nxt = lines[head.index + 1] if head.index + 1 < len(lines) else None
    if nxt is None or nxt.blank or not nxt.text.strip()[:1].islower():
        return None
    if len(head.text.strip()) + len(nxt.text.strip()) + 1 > MAX_HEADING:
        return None
    m = HEADING_GRADE.search(nxt.text)
    if m is None:
        return None if TERMINAL.search(nxt.text) else nxt
    return nxt if GRADE_WORD_AFTER.fullmatch(nxt.text[m.end() :]) else None


# What may follow "Grade 3" on a wrapped heading's last line: nothing, or the grade's word, as
# the letters print it ("(good)", "(Good)", "- good", ": Good").
GRADE_WORD_AFTER = re.compile(r"\s*(?:[-\u2013:]\s*)?(?:\(\s*[a-z]+\s*\)|[a-z]+)?\s*", re.I)


def _heading_tail(heading_lines: dict[int, SectionStart], index: int) -> bool:
    start = heading_lines.get(index - 1)
    return start is not None and start.wrapped


def _bare(heading: str) -> str:
    """The heading without the grade printed after it: "Staying safe: Grade 2" cites as
    "Staying safe" (the grade is shown beside it anyway)."""
    heading = undecorated(heading)
    m = HEADING_GRADE.search(heading)
    return (heading[: m.start()] if m else heading).strip(" \t:,-\u2013(")


def build_blocks(
    lines: list[Line],
    roles: list[str],
    sections: list[SectionStart],
    paragraph_style: bool,
    page_tops: frozenset[int] = frozenset(),
) -> list[Block]:
    """Group prose lines into paragraphs and bullets, mending page breaks inside sentences.
    ``page_tops``: lines that open a page (``lay_out``'s)."""
    roles = _furniture_inside_sentences(lines, roles, page_tops)
    width = _wrap_width(lines, roles)
    groups: list[list[int]] = []
    bullets: list[bool] = []
    gap = False  # a blank or furniture line since the last prose line
    turned = False  # a page began since the last prose line
    for ln, role in zip(lines, roles, strict=True):
        turned = turned or ln.index in page_tops
        if role in ("blank", "junk"):
            gap = True
            continue
        if role not in ("text", "bullet"):
            groups.append([])  # a heading ends any open paragraph
            bullets.append(False)
            gap = False
            continue
        prev = lines[groups[-1][-1]] if groups and groups[-1] else None
        if (
            prev is None
            or role == "bullet"
            or _after_list(bullets[-1], ln, gap, turned)
            or _starts_new(prev, ln, gap, paragraph_style, width, turned)
        ):
            groups.append([ln.index])
            bullets.append(role == "bullet")
        else:
            groups[-1].append(ln.index)
        gap = turned = False
    blocks = []
    section_lines = [s.line for s in sections]
    for group, bullet in zip(groups, bullets, strict=True):
        if not group:
            continue
        section = max((i for i, at in enumerate(section_lines) if at <= group[0]), default=0)
        blocks.append(
            Block(tuple(group), lines[group[0]].start, lines[group[-1]].end, bullet, section)
        )
    return blocks


def _furniture_inside_sentences(
    lines: list[Line], roles: list[str], page_tops: frozenset[int] = frozenset()
) -> list[str]:
    """A line that stands between two halves of one sentence (the text before it stops
    without a full stop, the text after it goes on in lower case) is page furniture, a footer
    or a page number, whatever it looks like: no heading falls inside a sentence."""
    roles = list(roles)
    prose = [i for i, r in enumerate(roles) if r in ("text", "bullet")]
    # A line read as prose can stand between the halves too, and is furniture when the halves
    # join around it: one with no lower-case letter (a running title in capitals), or a label
    # opening a page (a running header printed once, in a two-page letter).
    standing = {
        i
        for i in prose
        if not re.search(r"[a-z]", lines[i].text) or (i in page_tops and _label_shaped(lines[i]))
    }
    prose_halves = [i for i in prose if i not in standing]
    for before, after in zip(prose_halves, prose_halves[1:], strict=False):
        between = range(before + 1, after)
        if (
            between
            and not TERMINAL.search(lines[before].text)
            and lines[after].text.lstrip()[:1].islower()
        ):
            for i in between:
                roles[i] = "junk" if roles[i] != "blank" else "blank"
    return roles


def _after_list(in_bullet: bool, line: Line, gap: bool, turned: bool) -> bool:
    """A list's last item often has no full stop: a blank line and then a capital, with no
    page between them, open the paragraph after the list rather than carry the item on."""
    return in_bullet and gap and not turned and line.text.lstrip()[:1].isupper()


def _starts_new(
    prev: Line, line: Line, gap: bool, paragraph_style: bool, width: int, turned: bool = False
) -> bool:
    ended = bool(TERMINAL.search(prev.text))
    full = len(prev.text.rstrip()) >= FULL_LINE * width
    if turned and not paragraph_style:
        # Over a page break, a line that fills the measure did not end its paragraph (a
        # paragraph's last line stops short), even where a sentence ends with it.
        return ended and not full
    if paragraph_style or gap or line.text.startswith(" "):
        # A page break (blank lines, or a leading space in wrapped text) mid-sentence: the
        # previous line stops without punctuation.
        return ended
    return ended and not full


def _wrap_width(lines: list[Line], roles: list[str]) -> int:
    lengths = sorted(
        len(ln.text.rstrip()) for ln, r in zip(lines, roles, strict=True) if r == "text"
    )
    return lengths[int(len(lengths) * WRAP_PERCENTILE)] if lengths else DEFAULT_WIDTH
