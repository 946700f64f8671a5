"""Letter PDFs laid out the way the real ones are: ``letter_pdf(text) -> bytes``.

The input is one letter's plain text, as the fixtures in tests/data/letters/ and the seeds in
shared/letters/ hold it: an earlier extraction, with that extraction's noise. The output is an
A4 PDF in 11pt type that a reader would take for the letter itself:

* page one: a two-column letterhead table (Ofsted's address block on the left, CSCI's block,
  or the direct lines and the date, on the right), then the date, the addressee and "Dear …";
* the title in bold capitals, headings in bold, body paragraphs justified (embedded hyphens may
  end a line, as a word processor breaks them);
* the 2005/2006 "Areas for judgement / Grade awarded" table rebuilt as a ruled two-column
  table with its key as rows below it; the CSA scale table and the CSA grade box as ruled
  tables; 2008's interleaved "Major strengths / Important weaknesses" bullets as a two-column
  table; two signatories side by side;
* bullets as list items whose glyph is set in the Symbol font;
* a running header on pages 2+ and "Page N of M" at the foot of every page.

Line roles are decided from the text only (short capitalised lines without a final full stop
are headings, and so on); nothing here knows how the parser reads a letter. The earlier
extraction's own page furniture ("Page N of M" lines, the running header after them, bare page
numbers at a page start) is dropped, because the PDF prints its own; every other word is kept,
in order. ``build_letter`` also reports what it dropped and which text it drew on which page,
so a test can check both.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

BULLET_FONT = "Symbol"
BULLET_GLYPH = "\u2022"  # drawn in Symbol, where it is code 0xB7
BULLET_MARKS = ("-", "\u2022", "\uf0b7")  # what the text versions start a bullet line with
FONT_SIZE = 11
LEADING = 14
MARGIN = 2.2 * cm
TOP = 2.7 * cm  # room for the running header
BOTTOM = 2.2 * cm
WIDOWS = 0  # 1: a lone first or last line of a paragraph may stand on a page

_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
)
_PAGE_FOOTER = re.compile(r"^\s*Page\s+(\d+)\s+of\s+(\d+)\s*$", re.I)
_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")
_DATE = re.compile(
    r"^\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{4}$"
)
_GRADE_CELL = re.compile(r"^[1-4](\s*\(\w+\))?$")
_KEY_LINE = re.compile(r"^Grade\s+([1-4])\s*:\s*(.+)$")
_PERFORMS = re.compile(r"^Performs\s+(excellently|well|adequately|poorly)(\s*\(\d\))?$", re.I)
_CSA_TITLE = re.compile(r"^(.+?)\s+children[’'`]?s?\s+services\s+assessment\s+(\d{4})$", re.I)
_TERMINAL = ".!?:;"
_CONTACT = re.compile(r"^(T|F|Direct|Textphone|Tel|Fax|Email:?)\b|@|^www\.|\.gov\.uk$|\.org\.uk$")
_SMALL_WORDS = {"of", "and", "upon", "the", "in", "on", "with"}


# --------------------------------------------------------------------------------------------
# Reading the text version


@dataclass
class _Line:
    text: str  # stripped
    index: int  # line number in the original text
    blanks: int  # blank lines just before it
    lead: bool  # started with whitespace
    brk: bool  # a page of the earlier extraction starts here


@dataclass
class Block:
    """One thing on the page, in reading order."""

    kind: str  # letterhead, date, address, salutation, title, heading, para, bullets, ...
    texts: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    key: list[list[str]] = field(default_factory=list)


@dataclass
class Letter:
    """The letter as the PDF sets it out."""

    blocks: list[Block]
    header: str  # the running header on pages 2+
    dropped: list[int]  # line numbers of the earlier extraction's page furniture
    title: str


def _terminal(text: str) -> bool:
    return text.rstrip().endswith(tuple(_TERMINAL))


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 10 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _headingish(text: str) -> bool:
    """Short, capitalised, no final full stop: how a heading looks in any of the layouts."""
    if not text or len(text) > 100 or len(text.split()) > 15:
        return False
    if text.startswith(BULLET_MARKS) or text[-1] in ".,;:!?":
        return False
    return text[0].isupper() or text[0].isdigit()


def _bullet_text(text: str) -> str | None:
    for mark in BULLET_MARKS:
        if text.startswith(mark) and (len(text) == len(mark) or text[len(mark)].isspace()):
            return text[len(mark) :].strip()
    return None


def _style_is_hard_wrapped(lines: list[str]) -> bool:
    long = [len(s) for s in lines if len(s.strip()) > 40]
    if not long:
        return False
    return sum(n > 110 for n in long) < 0.1 * len(long)


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(s.rstrip()) for s in lines if len(s.strip()) > 40)
    if not lengths:
        return 85
    return lengths[int(0.95 * (len(lengths) - 1))]


def _furniture(raw: list[str]) -> tuple[set[int], set[int], str]:
    """Lines to drop, lines a page starts at, and the running header the text repeats."""
    dropped: set[int] = set()
    breaks: set[int] = set()
    footers = [i for i, s in enumerate(raw) if _PAGE_FOOTER.match(s)]
    after: dict[int, int] = {}
    for i in footers:
        dropped.add(i)
        j = i + 1
        while j < len(raw) and not raw[j].strip():
            j += 1
        if j < len(raw):
            after[i] = j
            breaks.add(j)
    seen: dict[str, int] = {}
    for j in after.values():
        seen[raw[j].strip()] = seen.get(raw[j].strip(), 0) + 1
    header = ""
    for j in after.values():
        text = raw[j].strip()
        if seen[text] >= 2 or (
            len(after) == 1 and (raw[j][:1].isspace() or re.match(r"^APA \d{4}:", text))
        ):
            dropped.add(j)
            header = header or text
            k = j + 1
            while k < len(raw) and not raw[k].strip():
                k += 1
            breaks.add(k)
    for i, s in enumerate(raw):  # a bare page number, then a line starting a page
        m = _BARE_NUMBER.match(s)
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        if m and nxt[:1].isspace() and nxt.strip() and 2 <= int(m.group(1)) <= 20:
            dropped.add(i)
            breaks.add(i + 1)
    return dropped, breaks, header


def _lines(text: str) -> tuple[list[_Line], list[int], str, bool, int]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\f\n")
    raw = text.split("\n")
    dropped, breaks, header = _furniture(raw)
    hard = _style_is_hard_wrapped(raw)
    width = _wrap_width(raw)
    out: list[_Line] = []
    blanks = 0
    brk = False
    for i, s in enumerate(raw):
        if s.strip() == "\f":
            dropped.add(i)
            brk = True
            continue
        if i in dropped:
            continue
        if not s.strip():
            blanks += 1
            continue
        lead = s[:1].isspace()
        page_start = brk or i in breaks or (hard and lead) or (not hard and blanks >= 3)
        out.append(_Line(s.strip(), i, blanks, lead, page_start))
        blanks = 0
        brk = False
    return out, sorted(dropped), header, hard, width


# --------------------------------------------------------------------------------------------
# Deciding roles


class _Reader:
    def __init__(self, lines: list[_Line], hard: bool, width: int) -> None:
        self.lines = lines
        self.hard = hard
        self.width = width
        self.i = 0
        self.blocks: list[Block] = []

    def peek(self, k: int = 0) -> _Line | None:
        j = self.i + k
        return self.lines[j] if j < len(self.lines) else None

    # -- units -------------------------------------------------------------------------------

    def _continues(self, prev: _Line, cur: _Line) -> bool:
        """Does ``cur`` carry on the paragraph that ``prev`` is in?"""
        if self._starts_structure(cur):
            return False
        if cur.brk:  # a page of the earlier extraction starts here: rejoin mid-sentence
            return not _terminal(prev.text) and not (
                cur.blanks and _headingish(cur.text) and not cur.text[0].islower()
            )
        if cur.blanks or not self.hard:
            return False
        if _bullet_text(cur.text) is not None:
            return False
        if _terminal(prev.text) and _headingish(cur.text) and len(cur.text) < 0.6 * self.width:
            return False  # a short heading line after a finished sentence
        first = cur.text.split()[0]
        fits = len(prev.text) + 1 + len(first) <= self._local_width(prev)
        # the first word would have fitted on the line before: that line ended its paragraph
        short_heading = _headingish(prev.text) and len(prev.text) < 0.6 * self.width
        return not (fits and (_terminal(prev.text) or short_heading))

    def _local_width(self, line: _Line) -> int:
        """The wrap width around ``line``: bullets and indented blocks wrap narrower."""
        at = self.lines.index(line)
        near = self.lines[max(0, at - 4) : at + 5]
        lengths = [len(x.text) for x in near if len(x.text) <= 1.1 * self.width]
        return min(self.width, max(lengths, default=self.width))

    def _starts_structure(self, cur: _Line) -> bool:
        t = cur.text
        return (
            t.casefold() == "areas for judgement"
            or _PERFORMS.match(t) is not None
            or _CSA_TITLE.match(t) is not None
            or re.match(r"^Yours\s+(sincerely|faithfully)", t, re.I) is not None
        )

    def unit(self) -> tuple[str, _Line]:
        first = self.lines[self.i]
        parts = [first.text]
        prev = first
        self.i += 1
        while (cur := self.peek()) is not None and self._continues(prev, cur):
            parts.append(cur.text)
            prev = cur
            self.i += 1
        return " ".join(parts), first

    # -- structures --------------------------------------------------------------------------

    def grade_table(self) -> bool:
        a, b = self.peek(), self.peek(1)
        if not (a and b and a.text.casefold() == "areas for judgement"):
            return False
        if not b.text.casefold().startswith("grade awarded"):
            return False
        head = [a.text, b.text]
        j = self.i + 2
        rows: list[list[str]] = []
        while True:
            label: list[str] = []
            k = j
            while k < len(self.lines) and len(label) < 4:
                t = self.lines[k].text
                if _GRADE_CELL.match(t):
                    break
                if _KEY_LINE.match(t) or t.casefold() == "key":
                    label = []
                    break
                label.append(t)
                k += 1
            if not label or k >= len(self.lines) or not _GRADE_CELL.match(self.lines[k].text):
                break
            rows.append([" ".join(label), self.lines[k].text])
            j = k + 1
        if not rows:
            return False
        key: list[list[str]] = []
        if j < len(self.lines) and self.lines[j].text.casefold() == "key":
            key.append([self.lines[j].text])
            j += 1
            while (
                j + 1 < len(self.lines)
                and _GRADE_CELL.match(self.lines[j].text)
                and not _GRADE_CELL.match(self.lines[j + 1].text)
            ):
                key.append([self.lines[j].text, self.lines[j + 1].text])
                j += 2
        else:
            while j < len(self.lines) and (
                m := re.match(r"^(Grade\s+[1-4]\s*:)\s*(.+)$", self.lines[j].text)
            ):
                key.append([m.group(1), m.group(2)])
                j += 1
        self.blocks.append(Block("grade_table", texts=head, rows=rows, key=key))
        self.i = j
        return True

    def scale_table(self) -> bool:
        rows: list[list[str]] = []
        j = self.i
        while j + 2 < len(self.lines):
            d, label, desc = (self.lines[j + n].text for n in range(3))
            if not (_GRADE_CELL.match(d) and _PERFORMS.match(label)):
                break
            if not desc.lower().startswith("an organisation"):
                break
            rows.append([d, label, desc])
            j += 3
        if len(rows) < 2:
            return False
        self.blocks.append(Block("scale_table", rows=rows))
        self.i = j
        return True

    def csa_grade(self) -> bool:
        a = self.peek()
        if not (a and _CSA_TITLE.match(a.text)):
            return False
        self.blocks.append(Block("heading", texts=[a.text]))
        self.i += 1
        b, c = self.peek(), self.peek(1)
        if b and c and not _PERFORMS.match(b.text) and _PERFORMS.match(c.text):
            if _headingish(b.text) and len(b.text) < 60:
                self.blocks.append(Block("grade_box", texts=[b.text, c.text]))
                self.i += 2
        elif b and _PERFORMS.match(b.text):
            self.blocks.append(Block("grade_box", texts=[b.text]))
            self.i += 1
        return True

    def strengths_table(self) -> bool:
        a, b = self.peek(), self.peek(1)
        if not (a and b and a.text.casefold().startswith("major strengths")):
            return False
        if not b.text.casefold().startswith("important weaknesses"):
            return False
        j = self.i + 2
        items: list[str] = []
        while j < len(self.lines):
            line = self.lines[j]
            item = _bullet_text(line.text)
            if item is None and not (line.lead and not self.hard):
                break
            items.append(item if item is not None else line.text)
            j += 1
        if not items:
            return False
        left, right = items[0::2], items[1::2]
        rows = [[x, right[n] if n < len(right) else ""] for n, x in enumerate(left)]
        self.blocks.append(Block("strengths_table", texts=[a.text, b.text], rows=rows))
        self.i = j
        return True

    def is_bullet_start(self, line: _Line) -> bool:
        if _bullet_text(line.text) is not None:
            return True
        if not self.hard:
            return line.lead  # the glyph (Wingdings, private use) was lost, its space kept
        return line.blanks >= 2  # hard-wrapped: a lost glyph leaves a run of blank lines

    # -- body --------------------------------------------------------------------------------

    def body(self, end: int) -> None:
        while self.i < end:
            line = self.lines[self.i]
            if self.grade_table() or self.csa_grade() or self.strengths_table():
                continue
            if _GRADE_CELL.match(line.text) and self.scale_table():
                continue
            if self.is_bullet_start(line) or (
                self.hard
                and line.brk
                and self.blocks
                and self.blocks[-1].kind == "bullets"
                and self._next_is_bullet()
            ):
                text, _ = self.unit()
                item = _bullet_text(text)
                self._add_bullet(item if item is not None else text)
                continue
            text, first = self.unit()
            if _headingish(text) and first.text == text:
                self.blocks.append(Block("heading", texts=[text]))
            else:
                self.blocks.append(Block("para", texts=[text]))

    def _next_is_bullet(self) -> bool:
        save = self.i
        self.unit()
        nxt = self.peek()
        self.i = save
        return nxt is not None and self.is_bullet_start(nxt)

    def _add_bullet(self, text: str) -> None:
        if self.blocks and self.blocks[-1].kind == "bullets":
            self.blocks[-1].texts.append(text)
        else:
            self.blocks.append(Block("bullets", texts=[text]))


def _split_contacts(text: str) -> list[str]:
    """One flattened letterhead line as the lines of an address block (no word changes)."""
    marks = r"(?<!Direct)(?=\s(?:T|F|Direct|Textphone|Email:?)\s)|(?=\s\S+@)|(?=\swww\.)"
    parts = re.split(marks, text)
    out: list[str] = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if _CONTACT.search(part):
            out.append(part)
            continue
        ends = r"\b(House|Street|Road|Kingsway|Square|Place|Gate|Building|Inspection)\s+"
        pieces = re.sub(ends, lambda m: m.group(1) + "\n", part).split("\n")
        out.extend(p.strip() for p in pieces if p.strip())
    return out


def _letterhead(lines: list[_Line]) -> tuple[list[str], list[str], str, list[str]]:
    """Left column, right column, date, addressee lines (before "Dear")."""
    date_at = next((n for n, x in enumerate(lines) if _DATE.match(x.text)), None)
    head = lines[:date_at] if date_at is not None else []
    rest = lines[date_at + 1 :] if date_at is not None else lines
    date = lines[date_at].text if date_at is not None else ""
    csci = next((n for n, x in enumerate(head) if x.text.startswith("Commission for Social")), None)
    if csci is not None:
        left_lines = [x.text for x in head[:csci]]
        right_lines = [x.text for x in head[csci:]]
    else:
        left_lines = [x.text for x in head]
        right_lines = []
    left = [p for t in left_lines for p in _split_contacts(t)]
    right = [p for t in right_lines for p in _split_contacts(t)]
    if csci is None:  # Ofsted alone: the direct lines and regional mailbox go right
        cut = next((n for n, p in enumerate(left) if p.startswith("Direct")), len(left))
        left, right = left[:cut], left[cut:]
    return left, right, date, [x.text for x in rest]


def _title_case(text: str) -> str:
    words = text.lower().split()
    return " ".join(
        w if (n and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for n, w in enumerate(words)
    )


def _running_header(title: str, blocks: list[Block], body: str) -> str:
    apostrophe = "’" if "’" in body else "'"
    m = re.match(r"^(\d{4}) ANNUAL PERFORMANCE ASSESSMENT .* IN (.+)$", title)
    if m:
        return f"APA {m.group(1)}: {_title_case(m.group(2))}"
    m = re.match(r"^ANNUAL PERFORMANCE ASSESSMENT OF (.+?) COUNCIL[’' ]S .*(\d{4})$", title)
    if m:
        return f"APA {m.group(2)}: {_title_case(m.group(1))} Council"
    for b in blocks:
        if b.kind == "heading" and (m := _CSA_TITLE.match(b.texts[0])):
            council, year = m.group(1), m.group(2)
            if "annual rating" in body.lower():
                return f"Annual rating {year}: {council}"
            return f"Children{apostrophe}s services assessment {year}: {council}"
    return title[:60]


def read_letter(text: str) -> Letter:
    """The letter's blocks in reading order, with the furniture it dropped."""
    lines, dropped, header, hard, width = _lines(text)
    dear = next((n for n, x in enumerate(lines) if re.match(r"^Dear\s+\S", x.text)), None)
    blocks: list[Block] = []
    if dear is not None:
        left, right, date, address = _letterhead(lines[:dear])
        blocks.append(Block("letterhead", texts=[], rows=[left, right]))
        if date and right and not right[0].startswith("Direct"):
            blocks.append(Block("date", texts=[date]))
        elif date:
            blocks[-1].rows[1] = right + ["", date] if right else [date]
        if address:
            blocks.append(Block("address", texts=address))
        blocks.append(Block("salutation", texts=[lines[dear].text]))
        start = dear + 1
    else:
        blocks.append(Block("letterhead", rows=[[], []]))
        start = 0
    sign = next(
        (
            n
            for n, x in enumerate(lines)
            if n >= start and re.match(r"^Yours\s+(sincerely|faithfully)", x.text, re.I)
        ),
        len(lines),
    )
    title_lines: list[str] = []
    n = start
    while n < sign and _caps(lines[n].text) and not _terminal(lines[n].text):
        title_lines.append(lines[n].text)
        n += 1
    title = " ".join(title_lines)
    if title:
        blocks.append(Block("title", texts=[title]))
    reader = _Reader(lines, hard, width)
    reader.i = n
    reader.body(sign)
    blocks.extend(reader.blocks)
    if sign < len(lines):
        groups: list[list[str]] = []
        for x in lines[sign + 1 :]:
            if x.blanks or not groups:
                groups.append([])
            groups[-1].append(x.text)
        blocks.append(Block("closing", texts=[lines[sign].text]))
        if len(groups) == 2 and all(len(g) >= 2 for g in groups):
            blocks.append(Block("signatures", rows=groups))
        else:
            blocks.append(Block("signature", texts=[t for g in groups for t in g]))
    body_text = " ".join(t for b in blocks for t in b.texts)
    if not header:
        header = _running_header(title, blocks, body_text)
    return Letter(blocks, header, dropped, title)


# --------------------------------------------------------------------------------------------
# Setting it


def _fonts() -> tuple[str, str, str]:
    """Regular, bold and italic faces: an embedded TrueType sans if the machine has one."""
    names = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
    for folder in _FONT_DIRS:
        paths = [folder / n for n in names]
        if all(p.exists() for p in paths):
            faces = ("LetterSans", "LetterSans-Bold", "LetterSans-Italic")
            for face, path in zip(faces, paths, strict=True):
                if face not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(TTFont(face, str(path)))
            return faces
    return "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"


class _Para(Paragraph):
    """A paragraph that tells the canvas which page it was drawn on, and what it said."""

    def split(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.origin = getattr(self, "origin", id(self))
        return parts

    def draw(self) -> None:
        record = getattr(self.canv, "record", None)
        if record is not None:
            origin = getattr(self, "origin", id(self))
            record(self.canv.getPageNumber(), self._text(), origin)
        super().draw()

    def _text(self) -> str:
        """The words this piece sets (a split piece has no frags text of its own)."""
        lines = getattr(getattr(self, "blPara", None), "lines", None)
        if lines is None:
            return self.getPlainText()
        if self.blPara.kind == 0:
            return " ".join(" ".join(words) for _, words in lines)
        return " ".join("".join(getattr(w, "text", "") for w in line.words) for line in lines)


class _LetterCanvas(Canvas):
    """Holds each page until the end, so every footer can say "Page N of M"."""

    def __init__(self, *args, header: str = "", font: str = "Helvetica", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self.drawn: list[tuple[int, str]] = []
        self.origins: dict[int, set[int]] = {}
        self.header = header
        self.font = font

    def record(self, page: int, text: str, origin: int) -> None:
        self.drawn.append((page, text))
        self.origins.setdefault(origin, set()).add(page)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(self.font, 9)
            self.drawCentredString(A4[0] / 2, 1.2 * cm, f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


def _styles(faces: tuple[str, str, str]) -> dict[str, ParagraphStyle]:
    regular, bold, italic = faces
    base = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=FONT_SIZE,
        leading=LEADING,
        alignment=TA_JUSTIFY,
        spaceAfter=8,
        embeddedHyphenation=1,
        splitLongWords=0,
        allowWidows=WIDOWS,
        allowOrphans=WIDOWS,
    )
    return {
        "body": base,
        "bullet": ParagraphStyle("bullet", parent=base, spaceAfter=4),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=bold,
            alignment=TA_LEFT,
            spaceBefore=6,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, alignment=TA_LEFT, spaceBefore=4, spaceAfter=10
        ),
        "plain": ParagraphStyle("plain", parent=base, alignment=TA_LEFT, spaceAfter=0),
        "letterhead": ParagraphStyle(
            "letterhead", parent=base, fontSize=8.5, leading=10.5, alignment=TA_LEFT, spaceAfter=0
        ),
        "letterhead_right": ParagraphStyle(
            "letterhead_right",
            parent=base,
            fontSize=8.5,
            leading=10.5,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=10, leading=12.5, alignment=TA_LEFT, spaceAfter=0
        ),
        "cell_bold": ParagraphStyle(
            "cell_bold",
            parent=base,
            fontName=bold,
            fontSize=10,
            leading=12.5,
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        "grade": ParagraphStyle(
            "grade",
            parent=base,
            fontName=bold,
            fontSize=10,
            leading=12.5,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        "signature_junk": ParagraphStyle(
            "signature_junk", parent=base, fontName=italic, alignment=TA_LEFT, spaceAfter=0
        ),
    }


_NOT_IN_WINANSI = str.maketrans({"\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff"})


def _markup(text: str, style: ParagraphStyle) -> str:
    if style.fontName.startswith("Helvetica"):  # no TrueType face: the standard font's glyphs
        text = text.translate(_NOT_IN_WINANSI)
    return escape(text)


def _p(text: str, style: ParagraphStyle) -> _Para:
    return _Para(_markup(text, style), style)


def _lines_p(lines: list[str], style: ParagraphStyle) -> _Para:
    return _Para("<br/>".join(_markup(t, style) for t in lines), style)


def _logo() -> Drawing:
    """A crest-like mark in place of the letterhead's logo: shapes only, no text layer."""
    d = Drawing(3.2 * cm, 1.3 * cm)
    d.add(
        Rect(0, 0.15 * cm, 3.2 * cm, 1.0 * cm, fillColor=colors.HexColor("#5a2d82"), strokeWidth=0)
    )
    for n in range(4):
        d.add(
            Circle(
                (0.5 + 0.75 * n) * cm,
                0.65 * cm,
                0.25 * cm,
                fillColor=colors.white,
                strokeColor=colors.white,
            )
        )
    return d


_RULED = [
    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 5),
    ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ("TOPPADDING", (0, 0), (-1, -1), 4),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
]


def _flowables(letter: Letter, faces: tuple[str, str, str]) -> list:
    st = _styles(faces)
    width = A4[0] - 2 * MARGIN
    story: list = []
    for b in letter.blocks:
        if b.kind == "letterhead":
            left, right = b.rows
            cell_left = [_logo()] + ([_lines_p(left, st["letterhead"])] if left else [])
            cell_right = [_lines_p(right, st["letterhead_right"])] if right else ""
            t = Table([[cell_left, cell_right]], colWidths=[0.55 * width, 0.45 * width])
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 14)]
        elif b.kind == "date":
            story += [_p(b.texts[0], st["plain"]), Spacer(1, 12)]
        elif b.kind == "address":
            story += [_lines_p(b.texts, st["plain"]), Spacer(1, 14)]
        elif b.kind in ("salutation", "closing"):
            story += [_p(b.texts[0], st["plain"]), Spacer(1, 10)]
        elif b.kind == "title":
            story.append(_p(b.texts[0], st["title"]))
        elif b.kind == "heading":
            story.append(_p(b.texts[0], st["heading"]))
        elif b.kind == "para":
            story.append(_p(b.texts[0], st["body"]))
        elif b.kind == "bullets":
            story.append(_bullets(b.texts, st["bullet"]))
        elif b.kind == "grade_table":
            story += [_grade_table(b, st, width), Spacer(1, 10)]
        elif b.kind == "scale_table":
            small = {
                s: ParagraphStyle(f"{s}_9", parent=st[s], fontSize=9, leading=11)
                for s in ("cell", "cell_bold")
            }
            rows = [
                [_p(c, small["cell_bold"] if n < 2 else small["cell"]) for n, c in enumerate(r)]
                for r in b.rows
            ]
            t = Table(rows, colWidths=[1.0 * cm, 4.4 * cm, width - 5.4 * cm])
            t.setStyle(TableStyle(_RULED))
            story += [t, Spacer(1, 10)]
        elif b.kind == "grade_box":
            cells = [_p(c, st["cell_bold"]) for c in b.texts]
            widths = [0.55 * width, 0.45 * width] if len(cells) == 2 else [width]
            t = Table([cells], colWidths=widths)
            t.setStyle(
                TableStyle(_RULED + [("BACKGROUND", (-1, 0), (-1, 0), colors.HexColor("#e6e0ef"))])
            )
            story += [t, Spacer(1, 10)]
        elif b.kind == "strengths_table":
            head = [_p(c, st["cell_bold"]) for c in b.texts]
            rows = [[_bullets([c], st["cell"]) if c else "" for c in r] for r in b.rows]
            t = Table([head, *rows], colWidths=[width / 2, width / 2])
            t.setStyle(TableStyle(_RULED))
            story += [t, Spacer(1, 10)]
        elif b.kind == "signature":
            story += [Spacer(1, 18)]
            for text in b.texts:
                junk = not re.search(r"[A-Za-z]{3}", text) or re.match(r"^\W", text)
                story.append(_p(text, st["signature_junk"] if junk else st["plain"]))
        elif b.kind == "signatures":
            cells = [_lines_p(g, st["plain"]) for g in b.rows]
            t = Table([cells], colWidths=[width / 2, width / 2])
            t.setStyle(
                TableStyle(
                    [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
                )
            )
            story += [Spacer(1, 18), t]
    return story


def _bullets(texts: list[str], style: ParagraphStyle) -> ListFlowable:
    items = [ListItem(_p(t, style), leftIndent=16, value=BULLET_GLYPH) for t in texts]
    return ListFlowable(
        items,
        bulletType="bullet",
        start=BULLET_GLYPH,
        bulletFontName=BULLET_FONT,
        bulletFontSize=style.fontSize,
        leftIndent=16,
        spaceAfter=6,
    )


def _grade_table(b: Block, st: dict[str, ParagraphStyle], width: float) -> Table:
    grade_w = 2.8 * cm
    rows: list[list] = [[_p(b.texts[0], st["cell_bold"]), _p(b.texts[1], st["cell_bold"])]]
    rows += [[_p(label, st["cell"]), _p(grade, st["grade"])] for label, grade in b.rows]
    style = list(_RULED)
    for n, key in enumerate(b.key):
        r = len(rows)
        if len(key) == 1:
            rows.append([_p(key[0], st["cell_bold"]), ""])
        else:
            inner = Table(
                [[_p(key[0], st["cell_bold"]), _p(key[1], st["cell"])]],
                colWidths=[2.2 * cm, width - 2.2 * cm - 10],
            )
            inner.setStyle(
                TableStyle(
                    [("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]
                )
            )
            rows.append([inner, ""])
        style.append(("SPAN", (0, r), (1, r)))
        if n:
            style.append(("LINEABOVE", (0, r), (1, r), 0, colors.white))
    t = Table(rows, colWidths=[width - grade_w, grade_w])
    t.setStyle(TableStyle(style))
    return t


@dataclass(frozen=True)
class BuiltLetter:
    pdf: bytes
    letter: Letter
    drawn: list[tuple[int, str]]  # (page, text) of every paragraph piece, in drawing order
    pages: int
    broken: int  # paragraphs that a page break falls in


def build_letter(text: str) -> BuiltLetter:
    """The PDF, the blocks it set, and which text it drew on which page."""
    letter = read_letter(text)
    faces = _fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=letter.title or letter.header,
        author="Ofsted",
        invariant=1,
    )
    made: list[_LetterCanvas] = []

    def canvasmaker(*args, **kwargs) -> _LetterCanvas:
        canvas = _LetterCanvas(*args, header=letter.header, font=faces[0], **kwargs)
        made.append(canvas)
        return canvas

    def later_pages(canvas: Canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(faces[0], 9)
        canvas.drawString(MARGIN, A4[1] - 1.3 * cm, letter.header)
        canvas.restoreState()

    doc.build(_flowables(letter, faces), onLaterPages=later_pages, canvasmaker=canvasmaker)
    canvas = made[-1]
    broken = sum(len(pages) > 1 for pages in canvas.origins.values())
    return BuiltLetter(buf.getvalue(), letter, list(canvas.drawn), len(canvas._pages), broken)


def letter_pdf(text: str) -> bytes:
    """One letter's plain text as a PDF laid out like the real letter."""
    return build_letter(text).pdf


def archive_pdfs(texts: list[tuple[str, str]], folder: Path) -> list[Path]:
    """``name.pdf`` in ``folder`` for each (name, text); the paths, in the same order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts:
        stem = name[:-4] if name.endswith(".txt") else name
        path = folder / f"{stem}.pdf"
        path.write_bytes(letter_pdf(text))
        paths.append(path)
    return paths
