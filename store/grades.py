"""Finding a letter's own grades, and the sentence that states each one.

Only three places count: a "Grade N" at an area heading (APA 2007-08), a row of the flattened
"Areas for judgement | Grade awarded" table (APA 2005-06), and the "Performs X (N)" line after
the "<council> children's services assessment <year>" heading (CSA 2009-11). Grades quoted
from other inspections or earlier years sit in prose and are never read as grades.
"""

import re
from dataclasses import dataclass

from store.layout import Block, Layout
from store.lines import (
    GRADE_LINE,
    PAGE_FURNITURE,
    SCALE_NUMBER,
    Line,
    grade_of,
    repeated_furniture,
)
from store.vocabulary import APA_WORDS, CSA_WORDS, LetterKind

# The rating line. A PDF prints it in a box beside the "Children's services assessment" label,
# which a layout-keeping extraction puts on the same line.
CSA_BOX_LABEL = r"(?:(?:annual\s+)?children'?\s?s?\s+services\s+assessment\s*[:\-]?\s*)?"
CSA_GRADE = re.compile(
    rf"^\s*{CSA_BOX_LABEL}performs (excellently|well|adequately|poorly)\s*"
    r"(?:\(\s*([1-4])\s*\))?\s*$",
    re.I,
)

# The rating on the heading's own line, after its year ("... assessment 2011: Performs poorly
# (1)"), as a copy that lost the line break gives it.
CSA_AFTER_TITLE = re.compile(
    r"\d{4}\s*[:|\-\u2013]?\s*performs (excellently|well|adequately|poorly)\s*"
    r"(?:\(\s*([1-4])\s*\))?\s*$",
    re.I,
)


def _prose(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    """A pattern of words whose spaces match any white space: prose wraps between any two."""
    return re.compile(pattern.replace(" ", r"\s+"), flags)


CSA_PROSE = _prose(
    r"children(?:'?\s?s)? services in .{0,90}?\bperforms? (excellently|well|adequately|poorly)",
    re.I | re.S,
)
APA_PROSE = re.compile(
    r"\b(?:is|are|remains?|was|were|been|be)\s+(?:now\s+|only\s+|still\s+|judged\s+to\s+be\s+)?"
    r"(outstanding|excellent|good|adequate|inadequate)\b",
    re.I,
)
OVERALL_PROSE = (
    (4, _prose(r"well above (?:the )?minimum requirements")),
    (1, _prose(r"(?:do|does|did) not (?:meet|deliver) (?:the )?minimum requirements")),
    (
        2,
        _prose(
            r"(?:only )?(?:at|meets?|meeting|delivers?) (?:only )?(?:the )?minimum requirements"
        ),
    ),
    (3, _prose(r"above (?:the )?minimum requirements")),
)
# The 2005-06 table's header, in one cell a line or both cells on one ("Areas for judgement
# Grade" over "awarded", as a layout-keeping PDF extraction gives it).
TABLE_HEADER = re.compile(r"^(?:areas? for judgement(?: grade(?: awarded)?)?|(?:grade )?awarded)$")
TABLE_LABELS = (
    (
        "overall",
        re.compile(
            r"children'?\s?s? services? (?:in|to) maintaining|contribution of the "
            r"(?:local authority|council)'?\s?s? children'?\s?s? services?\b",
            re.I,
        ),
    ),
    ("capacity_to_improve", re.compile(r"capacity to improve", re.I)),
    ("social_care", re.compile(r"social care services", re.I)),
    ("education", re.compile(r"education services", re.I)),
)
# A grade cell: "3", "Grade 3", "3 (Good)", "4 - Excellent" (Ealing 2006 printed the word).
_CELL_WORD = r"(?:\s*[-\u2013:]?\s*\(?\s*(?P<word>[a-z]+)\s*\)?)?"
TABLE_CELL = re.compile(rf"^\s*(?:grade\s*)?(?P<grade>[1-4]){_CELL_WORD}\s*$", re.I)
LABEL_WITH_GRADE = re.compile(rf"[-\u2013:\s]\s*(?P<grade>[1-4]){_CELL_WORD}\s*$", re.I)
KEY_TEXT = re.compile(rf"^\s*{SCALE_NUMBER}?an? (?:service|organisation) that", re.I)

# Thresholds, in lines of the letter or characters of a line.
PROSE_BLOCKS = 2  # a section restates its grade up front; later paragraphs quote other judgements
GRADE_LINES_AFTER = 2  # "Grade N" sits on one of the two non-blank lines below its heading
CSA_GRADE_WINDOW = 10  # "Performs X (N)" is 2-3 lines below its heading; further is another line
TABLE_WINDOW = 60  # the 2005-06 table runs 12-20 lines; 60 allows for blank lines between cells
MAX_LABEL = 160  # a table row label; a longer line is prose that mentions the same words
# The longest row label (social care, 131 characters) wrapped at 40 columns is 4 lines; a fifth
# line with no grade cell is prose after the table.
MAX_LABEL_LINES = 4
MIN_COLUMN_ROWS = 3  # the 2006 table has 3 rows, 2005's 4; two stopped lines may be any prose
COLUMN_CELLS_WINDOW = 12  # 4 cells, each perhaps after a blank line, and "Grade awarded"
LABEL_KEEP = MAX_LABEL_LINES  # a label's lines before the current one; older are an earlier row


@dataclass(frozen=True)
class Found:
    area: str
    grade: int
    grade_span: tuple[int, int]  # normalised offsets of the printed grade ("Grade 2", table cell)
    quote_span: tuple[int, int]  # normalised offsets of the stating sentence(s)
    section: int


def sentence_span(text: str, pos: int, block: Block) -> tuple[int, int]:
    """The sentence around ``pos``, kept inside its paragraph."""
    start = block.start
    for m in re.finditer(r"[.!?]\s+(?=[A-Z0-9\"'(])", text[block.start : pos]):
        start = block.start + m.end()
    m = re.search(r"[.!?](?=\s|$)", text[pos : block.end])
    return start, (pos + m.end() if m else block.end)


# Outside its own section (the 2005-06 table), a sentence must name the area it restates.
AREA_MENTION = {
    "overall": re.compile(r"children'?\s?s? services|\bcouncil\b|local authority", re.I),
    "capacity_to_improve": re.compile(r"capacity", re.I),
    "social_care": re.compile(r"social care", re.I),
    "education": re.compile(r"education", re.I),
}


def prose_quote(
    layout: Layout, text: str, sections: list[int], area: str, grade: int, kind: str
) -> tuple[int, int] | None:
    """The first sentences of these sections that restate the grade in words, if they agree."""
    for section in sections:
        span = _section_quote(layout, text, section, area, grade, kind)
        if span:
            return span
    return None


def _section_quote(
    layout: Layout, text: str, section: int, area: str, grade: int, kind: str
) -> tuple[int, int] | None:
    blocks = [b for b in layout.blocks if b.section == section][:PROSE_BLOCKS]
    own_section = layout.sections[section].area == area
    for block in blocks:
        body = text[block.start : block.end]
        for found, pos in _prose_grades(body, area, kind):
            if found != grade:
                continue
            span = sentence_span(text, block.start + pos, block)
            mention = AREA_MENTION.get(area)
            if own_section or mention is None or mention.search(text[span[0] : span[1]]):
                return span
    return None


# Areas whose grade a letter may restate in the scale's own words ("delivers only minimum
# requirements"): overall effectiveness, and the services the 2005-06 table grades.
SCALE_WORDED = ("overall", "social_care", "education")


def _prose_grades(body: str, area: str, kind: str) -> list[tuple[int, int]]:
    hits: list[tuple[int, int]] = []
    if kind == LetterKind.CSA:
        return [(CSA_WORDS[m.group(1).lower()], m.start()) for m in CSA_PROSE.finditer(body)]
    if area in SCALE_WORDED:
        for grade, pattern in OVERALL_PROSE:
            hits += [(grade, m.start()) for m in pattern.finditer(body)]
    hits += [(APA_WORDS[m.group(1).lower()], m.start()) for m in APA_PROSE.finditer(body)]
    return sorted(hits, key=lambda h: h[1])


def heading_grades(layout: Layout) -> list[Found]:
    """APA 2007-08: "Grade N" on the heading line or on one of the next two non-blank lines."""
    found: list[Found] = []
    lines = layout.lines
    for index, section in enumerate(layout.sections):
        if section.area is None or section.area == "service_management":
            continue
        head = lines[section.line + 1] if section.wrapped else lines[section.line]
        if section.grade is not None:
            m = re.search(rf"grade\s*:?\s*{section.grade}", head.text, re.I)
            span = (head.start + m.start(), head.start + m.end()) if m else (head.start, head.end)
            found.append(Found(section.area, section.grade, span, (head.start, head.end), index))
            continue
        after = _grade_after(lines, section.line)
        if after is not None:
            grade, start, end = after
            found.append(Found(section.area, grade, (start, end), (head.start, end), index))
    return _first_per_area(found)


def _grade_after(lines: list[Line], at: int) -> tuple[int, int, int] | None:
    """The grade below a heading and where it is printed: "Grade N" on one line, or "Grade"
    and its digit on two (a box that an extraction split)."""
    seen = 0
    for ln in lines[at + 1 :]:
        if ln.blank:
            continue
        m = GRADE_LINE.match(ln.text)
        if m:
            grade = grade_of(m)
            return None if grade is None else (grade, ln.start, ln.end)
        digit = _boxed_digit(lines, ln)
        if digit is not None:
            return int(digit.text), ln.start, digit.end
        seen += 1
        if seen >= GRADE_LINES_AFTER:
            return None
    return None


def _boxed_digit(lines: list[Line], label: Line) -> Line | None:
    """The digit line under a line that says only "Grade"."""
    if label.key != "grade":
        return None
    nxt = next((ln for ln in lines[label.index + 1 : label.index + 3] if not ln.blank), None)
    return nxt if nxt is not None and re.fullmatch(r"\s*[1-4]\s*", nxt.text) else None


def csa_grade(layout: Layout, title: range, section: int) -> Found | None:
    """The rating printed after the assessment heading on its own line ("Performs X (N)",
    the first within a few lines), or at the end of the heading itself."""
    found = rating_after(layout.lines, title)
    if found is None:
        return None
    m, start, end = found
    word = CSA_WORDS[m.group(1).lower()]
    if m.group(2) and int(m.group(2)) != word:
        return None  # the words and the number disagree: state nothing
    return Found("overall", word, (start, end), (start, end), section)


def rating_after(lines: list[Line], title: range) -> tuple[re.Match[str], int, int] | None:
    """The rating line under a CSA heading and where it is printed: on the heading's own last
    line, or on a line of its own a few lines below."""
    if not title:
        return None
    last = lines[title.stop - 1]
    m = CSA_AFTER_TITLE.search(last.text)
    if m:
        return m, last.start, last.end
    for ln in lines[title.start + 1 : title.start + CSA_GRADE_WINDOW]:
        m = CSA_GRADE.match(ln.text)
        if m:
            return m, ln.start, ln.end
    return None


def table_region(lines: list[Line], furniture: set[str] | None = None) -> range:
    """The flattened 2005-06 grade table: from its header to its last cell or key line. Label
    lines may wrap at any width; more lines than a label wraps to, with no cell, end it."""
    for ln in lines:
        if TABLE_HEADER.match(ln.key):
            last, pending = ln.index, []  # pending: label lines since the last cell
            furniture = repeated_furniture(lines) if furniture is None else furniture
            for later in lines[ln.index + 1 : ln.index + TABLE_WINDOW]:
                if later.blank or _page_furniture(later, furniture):
                    continue  # a page break inside the table
                if (
                    _cell(later.text) is not None
                    or KEY_TEXT.match(later.text)
                    or TABLE_HEADER.match(later.key)
                    or later.key == "key"
                ):
                    last, pending = later.index, []
                elif len(later.text) <= MAX_LABEL and len(pending) < MAX_LABEL_LINES:
                    pending.append(later.text)
                    if _cell(later.text, LABEL_WITH_GRADE) and _label_area(" ".join(pending)):
                        last, pending = later.index, []  # a row with its cell on one line
                else:
                    break  # prose: the table is over
            columns = column_rows(lines, ln.index, furniture)
            if last == ln.index and columns:
                return range(ln.index, columns[-1][3].index + 1)
            return range(ln.index, last + 1)
    return range(0)


def column_rows(
    lines: list[Line], header: int, furniture: set[str]
) -> list[tuple[str, int, list[Line], Line]]:
    """The table read column by column, as an extraction may give it: every row's label (each
    ends with a stop), then "Grade awarded", then the cells in the same order. Paired only
    when there are as many cells as labelled rows; otherwise nothing is read from it."""
    rows: list[list[Line]] = [[]]
    at = header + 1
    for ln in lines[at : header + TABLE_WINDOW]:
        at = ln.index
        if ln.blank or _page_furniture(ln, furniture) or TABLE_HEADER.match(ln.key):
            continue
        if _cell(ln.text) is not None or len(ln.text) > MAX_LABEL:
            break
        rows[-1].append(ln)
        if ln.text.rstrip().endswith("."):
            rows.append([])
    areas = [(_label_area(" ".join(x.text for x in row)), row) for row in rows if row]
    labelled = [(area, row) for area, row in areas if area]
    cells: list[tuple[int, Line]] = []
    for ln in lines[at : at + COLUMN_CELLS_WINDOW]:
        if ln.blank or TABLE_HEADER.match(ln.key):
            continue
        grade = _cell(ln.text)
        if grade is None:
            break
        cells.append((grade, ln))
    if len(labelled) < MIN_COLUMN_ROWS or len(labelled) != len(cells) or rows[-1]:
        return []
    return [
        (area, grade, row, cell) for (area, row), (grade, cell) in zip(labelled, cells, strict=True)
    ]


def _page_furniture(line: Line, furniture: set[str]) -> bool:
    """A footer or running header from a page break inside the table (a bare digit is a cell)."""
    return _cell(line.text) is None and (
        bool(PAGE_FURNITURE.match(line.text)) or line.key in furniture
    )


def _cell(text: str, pattern: re.Pattern[str] = TABLE_CELL) -> int | None:
    """The grade of a cell ("3", "3 (Good)"); None when it is no cell or its word disagrees
    with its number (then the letter's grade is unclear, and nothing is stated)."""
    m = pattern.match(text) if pattern is TABLE_CELL else pattern.search(text)
    if not m:
        return None
    grade, word = int(m["grade"]), (m["word"] or "").lower()
    if word and APA_WORDS.get(word) != grade:
        return None  # "3 (Adequate)", or "3 children": not a cell we can trust
    return grade


def table_grades(layout: Layout, region: range) -> list[Found]:
    """Rows of the table: label lines, then a bare digit cell that is not a key number."""
    found: list[Found] = []
    lines = layout.lines
    label: list[Line] = []
    furniture = repeated_furniture(lines) if layout.furniture is None else layout.furniture
    for ln in (lines[i] for i in region):
        if ln.blank or _page_furniture(ln, furniture):
            continue
        if TABLE_HEADER.match(ln.key) or KEY_TEXT.match(ln.text):
            label = []
            continue
        cell = _cell(ln.text)
        inline = None if cell is not None else _cell(ln.text, LABEL_WITH_GRADE)
        if cell is None:
            label = [*label[-LABEL_KEEP:], ln]
        if (cell or inline) and label and not _is_key_number(lines, ln):
            area = _label_area(" ".join(x.text for x in label))
            if area:
                grade = cell or inline
                end = ln.end
                found.append(
                    Found(
                        area,
                        grade,
                        (ln.start, ln.end),
                        (label[0].start, end),
                        layout.section_of(ln.index),
                    )
                )
            label = []
    if not found and region:
        for area, grade, label, cell_line in column_rows(lines, region.start, furniture):
            found.append(
                Found(
                    area,
                    grade,
                    (cell_line.start, cell_line.end),
                    (label[0].start, label[-1].end),
                    layout.section_of(cell_line.index),
                )
            )
    return _first_per_area(found)


def _is_key_number(lines: list[Line], line: Line) -> bool:
    """A bare digit whose next line describes a key entry that carries no number of its own."""
    nxt = next((ln for ln in lines[line.index + 1 :] if not ln.blank), None)
    return (
        nxt is not None
        and bool(KEY_TEXT.match(nxt.text))
        and not re.match(r"^\s*grade\s*[1-4]", nxt.text, re.I)
    )


def _label_area(label: str) -> str | None:
    for area, pattern in TABLE_LABELS:
        if pattern.search(label):
            return area
    return None


def _first_per_area(found: list[Found]) -> list[Found]:
    seen: set[str] = set()
    kept = []
    for f in found:
        if f.area not in seen:
            seen.add(f.area)
            kept.append(f)
    return kept
