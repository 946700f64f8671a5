"""Text-to-text variations of an Ofsted letter, each one a way real copies of letters look.

Written from shared/formats.md (§2 extraction noise, §6 what real files show) and from the
fixture letters, not from the parser, so that the parser is tested on what files look like
rather than on what it happens to handle. Every variation keeps the letter's words (up to
whitespace, line ends, case, ligatures, soft hyphens and a few named substitutions that real
files show) and never adds, removes or changes a grade the letter states: a correct reader
must find the same grades in the varied text.

The later variations come from the blind examples (b01-b38, each named in its `why`). Some of
them go beyond that promise of words kept, as the copies they imitate do: they number
headings, rewrite the date, add an embargo line, references or a forwarding e-mail's header,
or damage characters (mojibake, HTML entities, "?" for every non-ASCII character). None of
them states a grade that the letter does not, or loses one that it does.
"""

from __future__ import annotations

import datetime as _dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# Vocabulary of what lines in a letter are (decided from the letters, formats.md §1 and §2)
# ---------------------------------------------------------------------------------------------

#: "children's", "children’s", "children s" (apostrophe lost, docplayer) and "childrens".
_CHILDRENS = r"children(?:['’`]|[ \t])?s"

#: The headings that carry a grade in APA 2007-08 letters (formats.md §1.3, §1.10).
_GRADED_HEADINGS = (
    rf"overall\s+effectiveness\s+of\s+{_CHILDRENS}\s+services",
    r"be(?:ing)?\s+healthy",
    r"stay(?:ing)?\s+safe",
    r"enjoy(?:ing)?\s+and\s+achiev(?:e|ing)",
    r"mak(?:e|ing)\s+a\s+positive\s+contribution",
    r"achiev(?:e|ing)\s+economic\s+well[\s-]?being",
    r"capacity\s+to\s+improve(?:,?\s+including\s+the\s+management\s+of\s+[^\n]*?)?",
)

#: Other section headings and table headers seen in the letters (formats.md §1, §2.1).
_OTHER_HEADINGS = (
    r"summary(?:\s+of\s+strengths\s+and\s+areas\s+for\s+development)?",
    r"(?:key\s+)?areas?\s+for\s+(?:further\s+)?(?:development|improvement)",
    r"(?:major\s+)?strengths",
    r"important\s+weaknesses\s+and\s+areas\s+for\s+development",
    r"service\s+management",
    r"outcomes\s+for\s+children\s+and\s+young\s+people",
    r"prospects\s+for\s+improvement",
    rf"(?:annual\s+)?{_CHILDRENS}\s+services\s+assessment",
    rf"\S[^\n]{{0,90}}?\s{_CHILDRENS}\s+services\s+assessment\s+20\d\d",
    rf"annual\s+rating\s+of\s+council\s+{_CHILDRENS}\s+services(?:\s+for\s+20\d\d)?",
    r"for\s+immediate\s+action",
    r"for\s+action\s+in\s+the\s+(?:next\s+six\s+months|longer\s+term)",
    r"areas\s+for\s+judgement",
    r"grade\s+awarded",
    r"key",
)

_APA_WORDS = {4: "outstanding", 3: "good", 2: "adequate", 1: "inadequate"}
_WORD_ALT = r"outstanding|excellent|good|adequate|inadequate"
_GRADE_PART = rf"grade[ \t]*[1-4](?:[ \t]*\((?:{_WORD_ALT})\))?"
_SEP_CHARS = r"[ \t:–—-]*"

_GRADED = "|".join(_GRADED_HEADINGS)
_ANY_HEAD = "|".join(_GRADED_HEADINGS + _OTHER_HEADINGS)

#: "Being healthy Grade 2", "Staying Safe: Grade 2 (adequate)" - a graded heading and its grade.
_HEAD_GRADE_RE = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<head>{_GRADED})(?P<sep>{_SEP_CHARS})(?P<grade>{_GRADE_PART})[ \t]*$",
    re.I,
)
#: A graded heading alone on its line ("Enjoying and achieving").
_HEAD_ONLY_RE = re.compile(rf"^(?P<indent>[ \t]*)(?P<head>{_GRADED})[ \t]*$", re.I)
#: Any section heading, with the grade that may share its line.
_ANY_HEAD_RE = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<head>{_ANY_HEAD})"
    rf"(?:(?P<sep>{_SEP_CHARS})(?P<grade>{_GRADE_PART}))?[ \t]*$",
    re.I,
)
#: A graded heading's words at the start of a line ("staying safe remains adequate").
_HEAD_START_RE = re.compile(rf"^(?:{_GRADED})\b", re.I)
#: "Grade 3" alone on its line, the form under a heading (formats.md §1.3).
_GRADE_LINE_RE = re.compile(rf"^(?P<indent>[ \t]*)(?P<grade>{_GRADE_PART})[ \t]*$", re.I)
#: A bare grade-table cell ("3", "3 (Good)"), formats.md §1.1, §6 item 3.
_CELL_RE = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<n>[1-4])(?P<word>[ \t]*\((?:{_WORD_ALT})\))?[ \t]*$", re.I
)
_NUMBER_LINE_RE = re.compile(r"^\s*\d+(?:\s*\([A-Za-z]+\))?\s*$")
_GRADE_START_RE = re.compile(r"^\s*grade\s*[1-4]\b", re.I)
_GRADE_END_RE = re.compile(rf"\b{_GRADE_PART}\s*$", re.I)
_PERFORMS_RE = re.compile(r"^\s*performs\s+(?:excellently|well|adequately|poorly)\b", re.I)
_PAGE_RE = re.compile(r"^\s*page\s+\d+\s+of\s+\d+\s*$", re.I)
_BULLET_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[-–•*\uf0b7\uf0a7▪●]|\d+[.)])[ \t]+(?=\S)")
_DEAR_RE = re.compile(r"^\s*Dear\s+\S", re.I)
_YOURS_RE = re.compile(r"^\s*Yours\s+(?:sincerely|faithfully)", re.I)
_TABLE_START_RE = re.compile(r"^\s*grade\s+awarded\s*$", re.I)
_TABLE_END_RE = re.compile(r"^\s*(?:key\b|grade\s*[1-4]\s*:|a\s+service\s+that\b)", re.I)
_TERMINAL = (".", "!", "?", ";", ":")
#: Words a sentence cannot end on: a line ending on one runs on after a page break.
_JOINING_WORDS = frozenset("a an and as at by for from in of on or that the their to with".split())
_BULLET_MARKS = ("-", "–", "•", "*", "\uf0b7", "\uf0a7", "▪", "●")

#: The opening sentence of the Hertfordshire 2005 letter (formats.md §6 item 1).
HERTFORDSHIRE_2005_OPENING = (
    "This letter summarises the findings of the meeting held on 5 July 2005 to assess the "
    "performance of the education and social care services within your authority."
)
_OPENING_2005_RE = re.compile(
    r"This\s+letter\s+summarises\s+the\s+findings\s+of\s+the\s+2005\s+annual\s+performance"
    r"\s+assessment[^.]*\."
)

# ---------------------------------------------------------------------------------------------
# Reading a letter's lines
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """What each line of a letter is, so that re-flowing never moves a structural line."""

    lines: list[str]
    kinds: list[str]  # "blank", "fixed" (kept verbatim), "start" (begins a paragraph), "prose"
    width: int  # the width the letter's prose is wrapped at (an estimate)


def _is_upper_line(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and s.upper() == s


def _zones(lines: list[str]) -> tuple[int, int]:
    """Index after the "Dear ..." line and index of "Yours sincerely": outside is letterhead."""
    start = 0
    for i, line in enumerate(lines[:60]):
        if _DEAR_RE.match(line):
            start = i + 1
            break
    end = len(lines)
    for i in range(start, len(lines)):
        if _YOURS_RE.match(lines[i]):
            end = i
            break
    return start, end


def _is_fixed(line: str, repeated: set[str]) -> bool:
    """A line that is structure (heading, grade, cell, furniture): never joined or wrapped."""
    s = line.strip()
    return bool(
        _NUMBER_LINE_RE.match(s)
        or _GRADE_START_RE.match(s)
        or (len(s) < 100 and _GRADE_END_RE.search(s))
        or _PERFORMS_RE.match(s)
        or _PAGE_RE.match(s)
        or _ANY_HEAD_RE.match(s)
        or _is_upper_line(s)
        or (s in repeated and len(s) < 100 and not s.endswith(_TERMINAL))
    )


def _layout(text: str) -> _Layout:
    lines = text.split("\n")
    start, end = _zones(lines)
    stripped = [ln.strip() for ln in lines]
    counts: dict[str, int] = {}
    for s in stripped:
        if s:
            counts[s] = counts.get(s, 0) + 1
    repeated = {s for s, n in counts.items() if n >= 2}
    kinds: list[str] = []
    for i, line in enumerate(lines):
        if not line.strip():
            kinds.append("blank")
        elif i < start or i >= end or _is_fixed(line, repeated):
            kinds.append("fixed")
        elif _BULLET_RE.match(line) or line[:1] in (" ", "\t"):
            kinds.append("start")
        else:
            kinds.append("prose")
    lengths = sorted(
        len(ln.rstrip())
        for ln, k in zip(lines, kinds, strict=True)
        if k in ("prose", "start") and len(ln.rstrip()) <= 100
    )
    width = lengths[int(len(lengths) * 0.95)] if lengths else 80
    return _Layout(lines, kinds, max(width, 40))


def _continues(cur: str, nxt: str, width: int) -> bool:
    """Whether `nxt` carries on the paragraph of `cur` in hard-wrapped text.

    A greedy wrapper breaks a line only when the next word does not fit, so a line that would
    have had room for the next line's first word ends its paragraph (or is a heading).
    """
    s = cur.rstrip()
    n = nxt.strip()
    first = n.split()[0]
    room = len(s) + 1 + len(first)
    if s.endswith(_TERMINAL):
        if room <= width:
            return False
        short_heading = len(n) < width // 2 and n[:1].isupper() and not n.endswith(_TERMINAL)
        return not short_heading
    return room > int(width * 0.85)


def _blocks(lay: _Layout, across_page_breaks: bool) -> list[tuple[str, list[int]]]:
    """Group line indices into ("para", [...]) paragraphs and single ("keep", [i]) lines.

    With `across_page_breaks`, a paragraph broken by a page (three blank lines, formats.md
    §2.1) mid-sentence is joined up again, as a copy from HTML would have it.
    """
    out: list[tuple[str, list[int]]] = []
    widths = _run_widths(lay)
    i = 0
    n = len(lay.lines)
    while i < n:
        kind = lay.kinds[i]
        if kind in ("blank", "fixed"):
            out.append(("keep", [i]))
            i += 1
            continue
        para = [i]
        j = i + 1
        while j < n:
            if lay.kinds[j] == "prose" and _continues(lay.lines[j - 1], lay.lines[j], widths[j]):
                para.append(j)
                j += 1
                continue
            if across_page_breaks and _page_broken(lay, j - 1):
                nxt = j + 3
                para.append(nxt)
                j = nxt + 1
                continue
            break
        out.append(("para", para))
        i = j
    return out


def _run_widths(lay: _Layout) -> list[int]:
    """The wrap width around each line: list items and boxes are often wrapped narrower.

    It is the longest line of the run of prose lines the line belongs to, but never less than
    three quarters of the letter's width, so two short lines are not taken for a full one.
    """
    widths = [lay.width] * len(lay.lines)
    i = 0
    while i < len(lay.lines):
        if lay.kinds[i] not in ("prose", "start"):
            i += 1
            continue
        j = i
        while j + 1 < len(lay.lines) and lay.kinds[j + 1] == "prose":
            j += 1
        lengths = [len(lay.lines[k].rstrip()) for k in range(i, j + 1)]
        usual = [n for n in lengths if n <= 100]
        local = max(max(usual, default=lay.width), int(lay.width * 0.75))
        for k in range(i, j + 1):
            widths[k] = local
        i = j + 1
    return widths


def _page_broken(lay: _Layout, i: int) -> bool:
    """Line i ends mid-sentence and the paragraph resumes after three blank lines."""
    j = i + 4
    if j >= len(lay.lines) or lay.kinds[j] != "prose":
        return False
    if any(lay.kinds[k] != "blank" for k in range(i + 1, j)):
        return False
    cur = lay.lines[i].rstrip()
    if len(cur) < 60 or cur.endswith(_TERMINAL):
        return False
    last = cur.rsplit(" ", 1)[-1].lower()
    return lay.lines[j][:1].islower() or last in _JOINING_WORDS


def _risky_start(words: list[str], k: int) -> bool:
    """Whether a wrapped line starting at words[k] could read as structure.

    A wrapped line must not begin with "Grade 2", a bare 1-4, a bullet glyph, "Page 2 of 4",
    "Performs well (3)" or a graded heading's words: those are how grades, table cells, list
    items and headings look, and a wrap must not make prose look like one.
    """
    w = words[k]
    nxt = words[k + 1] if k + 1 < len(words) else ""
    if re.fullmatch(r"\(?grade", w, re.I) and re.match(r"[1-4]\b", nxt):
        return True
    if re.match(r"[1-4](?!\w)", w) or w in _BULLET_MARKS:
        return True
    if w.lower() == "page" and re.match(r"\d", nxt):
        return True
    if w.lower() == "performs":
        return True
    return bool(_HEAD_START_RE.match(" ".join(words[k : k + 8])))


def _wrap_words(words: list[str], width: int, indent: str) -> list[str]:
    """Greedy wrap at spaces only; a word longer than the width stays whole on its line."""
    lines: list[list[str]] = []
    cur: list[str] = []
    used = len(indent)
    for k, w in enumerate(words):
        if cur and used + 1 + len(w) > width:
            carry: list[str] = []
            while _risky_start(words, k - len(carry)) and len(cur) > 1:
                carry.insert(0, cur.pop())
            lines.append(cur)
            cur = [*carry, w]
            used = len(" ".join(cur))
        else:
            used += (1 if cur else 0) + len(w)
            cur.append(w)
    lines.append(cur)
    return [(indent if n == 0 else "") + " ".join(ws) for n, ws in enumerate(lines)]


def _split_words(text: str) -> list[str]:
    return [w for w in text.split(" ") if w]


def _paragraph(lay: _Layout, idx: list[int]) -> tuple[str, list[str]]:
    first = lay.lines[idx[0]]
    indent = first[: len(first) - len(first.lstrip(" \t"))]
    words: list[str] = []
    for i in idx:
        words.extend(_split_words(lay.lines[i].strip(" \t")))
    return indent, words


def _reflow(text: str, width: int | None) -> str:
    """Re-flow prose paragraphs: one line each (width None) or hard-wrapped at `width`."""
    lay = _layout(text)
    out: list[str] = []
    for kind, idx in _blocks(lay, across_page_breaks=width is None):
        if kind == "keep":
            out.append(lay.lines[idx[0]])
            continue
        indent, words = _paragraph(lay, idx)
        if width is None:
            out.append(indent + " ".join(words))
        else:
            out.extend(_wrap_words(words, width, indent))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# The variations
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variation:
    """One way a real copy of a letter differs from ours; `family` members never stack."""

    name: str
    why: str
    apply: Callable[[str, random.Random], str]
    family: str


def _lf_only(fn: Callable[[str, random.Random], str]) -> Callable[[str, random.Random], str]:
    """Run `fn` on LF text and put the letter's own line ends (CRLF or CR) back afterwards."""

    def run(text: str, rng: random.Random) -> str:
        if "\r" not in text:
            return fn(text, rng)
        style = "\r\n" if "\r\n" in text else "\r"
        plain = text.replace("\r\n", "\n").replace("\r", "\n")
        out = fn(plain, rng)
        return text if out == plain else out.replace("\n", style)

    run.__name__ = fn.__name__
    run.__doc__ = fn.__doc__
    return run


def _plain(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def crlf(text: str, rng: random.Random) -> str:
    """Windows line ends (formats.md §6 item 6)."""
    return _plain(text).replace("\n", "\r\n")


def cr_only(text: str, rng: random.Random) -> str:
    """Classic Mac line ends (formats.md §6 item 6)."""
    return _plain(text).replace("\n", "\r")


@_lf_only
def reflow_html(text: str, rng: random.Random) -> str:
    """Each paragraph on one line, as text copied from an HTML page."""
    return _reflow(text, None)


def _hard_wrap(width: int) -> Callable[[str, random.Random], str]:
    @_lf_only
    def wrap(text: str, rng: random.Random) -> str:
        """Prose hard-wrapped at a fixed width; structure lines kept on their own."""
        return _reflow(text, width)

    wrap.__name__ = f"hard_wrap_{width}"
    return wrap


@_lf_only
def headings_caps(text: str, rng: random.Random) -> str:
    """Section headings in capitals, including a grade that shares the heading's line."""
    caps_grade = rng.random() < 0.5
    lines = text.split("\n")
    start, end = _zones(lines)
    last_head = -10
    for i in range(start, end):
        m = _ANY_HEAD_RE.match(lines[i])
        if m:
            grade = m.group("grade") or ""
            if grade and caps_grade:
                grade = grade.upper()
            sep = m.group("sep") or ""
            lines[i] = m.group("indent") + m.group("head").upper() + sep + grade
            last_head = i
            continue
        g = _GRADE_LINE_RE.match(lines[i])
        if g and caps_grade and i - last_head <= 3:
            lines[i] = g.group("indent") + g.group("grade").upper()
    return "\n".join(lines)


_SEPARATORS = (": ", " – ", " - ", "   ", "", "\t", " — ", " : ")


@_lf_only
def heading_grade_separator(text: str, rng: random.Random) -> str:
    """Colon, dash, spaces, a tab or nothing between a heading and its grade on one line."""
    lines = text.split("\n")
    matches = [(i, m) for i, ln in enumerate(lines) if (m := _HEAD_GRADE_RE.match(ln))]
    if not matches:
        return text
    current = {m.group("sep") for _, m in matches}
    choices = [s for s in _SEPARATORS if s not in current] or list(_SEPARATORS)
    sep = rng.choice(choices)
    for i, m in matches:
        lines[i] = m.group("indent") + m.group("head") + sep + m.group("grade")
    return "\n".join(lines)


def _next_nonblank(lines: list[str], i: int, limit: int = 3) -> int | None:
    for j in range(i + 1, min(len(lines), i + 1 + limit)):
        if lines[j].strip():
            return j
    return None


@_lf_only
def grade_line_moved(text: str, rng: random.Random) -> str:
    """A heading's grade moved between its line and the next line (formats.md §1.3, §5.8)."""
    lines = text.split("\n")
    edits: list[tuple[int, int, list[str]]] = []  # (from, to-exclusive, replacement)
    sep = rng.choice((" ", " ", ": ", " - ", "  "))  # one letter, one style
    for i, line in enumerate(lines):
        m = _HEAD_GRADE_RE.match(line)
        if m:
            gap = [""] if rng.random() < 0.6 else []
            new = [m.group("indent") + m.group("head"), *gap, m.group("grade")]
            edits.append((i, i + 1, new))
            continue
        h = _HEAD_ONLY_RE.match(line)
        j = _next_nonblank(lines, i) if h else None
        if h and j is not None and (g := _GRADE_LINE_RE.match(lines[j])):
            edits.append((i, j + 1, [h.group("indent") + h.group("head") + sep + g.group("grade")]))
    if not edits:
        return text
    chosen = [e for e in edits if rng.random() < 0.6] or [rng.choice(edits)]
    for a, b, new in reversed(chosen):
        lines[a:b] = new
    return "\n".join(lines)


def _table_cells(lines: list[str]) -> list[int]:
    """Indices of the grade cells of a 2005/2006 "Areas for judgement" table (§1.1, §6.3)."""
    cells: list[int] = []
    for i, line in enumerate(lines):
        if not _TABLE_START_RE.match(line):
            continue
        prev_cell = True
        for j in range(i + 1, min(len(lines), i + 40)):
            s = lines[j]
            if _TABLE_END_RE.match(s) or len(cells) == 4:
                break
            if _CELL_RE.match(s):
                if not prev_cell:
                    cells.append(j)
                prev_cell = True
            elif s.strip():
                prev_cell = False
        break
    return cells


def _table_first_label(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        if _TABLE_START_RE.match(line):
            j = _next_nonblank(lines, i)
            if j is not None and not _CELL_RE.match(lines[j]):
                return j
            return None
    return None


def _under_graded_heading(lines: list[str], i: int) -> bool:
    """Whether line i comes right under a graded heading (blank lines aside)."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if lines[j].strip():
            return bool(_HEAD_ONLY_RE.match(lines[j]))
    return False


@_lf_only
def grade_word(text: str, rng: random.Random) -> str:
    """The grade's word after its number: "Grade 3 (good)", a table cell "3 (Good)"."""
    lines = text.split("\n")
    start, end = _zones(lines)
    capital = rng.random() < 0.5
    four = rng.choice(("Excellent", "Outstanding"))  # Ealing 2006 printed "4 (Excellent)"
    changed = False
    for i in range(start, end):
        m = _HEAD_GRADE_RE.match(lines[i])
        g = None if m else _GRADE_LINE_RE.match(lines[i])
        if g and not _under_graded_heading(lines, i):
            continue  # only a heading's grade, never a stray "Grade 2" line
        target = m or g
        if target is None:
            continue
        grade = target.group("grade")
        if "(" in grade:
            continue
        n = int(re.search(r"[1-4]", grade).group())  # type: ignore[union-attr]
        word = _APA_WORDS[n].capitalize() if capital else _APA_WORDS[n]
        lines[i] = lines[i].rstrip() + f" ({word})"
        changed = True
    for i in _table_cells(lines):
        c = _CELL_RE.match(lines[i])
        if c is None or c.group("word"):
            continue
        n = int(c.group("n"))
        word = four if n == 4 else _APA_WORDS[n].capitalize()
        lines[i] = lines[i].rstrip() + f" ({word})"
        changed = True
    return "\n".join(lines) if changed else text


def _title_block(lines: list[str]) -> tuple[int, int] | None:
    """The letter's title: the upper-case "... ANNUAL PERFORMANCE ASSESSMENT ..." lines."""
    start, _ = _zones(lines)
    for i in range(start, min(len(lines), start + 12)):
        if "ANNUAL PERFORMANCE ASSESSMENT" in lines[i].upper() and _is_upper_line(lines[i]):
            j = i + 1
            while j < len(lines) and j < i + 3 and _is_upper_line(lines[j].strip()):
                j += 1
            return i, j
    return None


def _break_near_middle(s: str, rng: random.Random, avoid: int | None = None) -> str | None:
    """Break `s` at one of the spaces nearest its middle (never inside "Grade N")."""
    protected = [(m.start(), m.end()) for m in re.finditer(r"grade\s*[1-4]", s, re.I)]
    spaces = [
        k
        for k, c in enumerate(s)
        if c == " " and 0 < k < len(s) - 1 and not any(a <= k < b for a, b in protected)
    ]
    if protected:
        spaces = [k for k in spaces if k < protected[0][0] - 1]
    spaces = [k for k in spaces if k != avoid and len(s[:k].strip()) >= 8 and s[k + 1 :].strip()]
    spaces = [k for k in spaces if not _risky_start(s[k + 1 :].split(), 0)]
    if not spaces:
        return None
    mid = len(s) / 2
    near = sorted(spaces, key=lambda k: abs(k - mid))[:3]
    k = rng.choice(near)
    return s[:k] + "\n" + s[k + 1 :]


@_lf_only
def long_line_wrapped(text: str, rng: random.Random) -> str:
    """A long title or heading wrapped over two lines, broken at a space near the middle."""
    lines = text.split("\n")
    start, end = _zones(lines)
    title = _title_block(lines)
    candidates: list[tuple[int, int]] = []
    if title:
        candidates.append(title)
    for i in range(start, end):
        if title and title[0] <= i < title[1]:
            continue
        m = _ANY_HEAD_RE.match(lines[i])
        if m and len(m.group("head")) >= 40:
            candidates.append((i, i + 1))
    if not candidates:
        return text
    picks = rng.sample(candidates, k=min(len(candidates), rng.choice((1, 2))))
    for a, b in sorted(picks, reverse=True):
        joined = " ".join(ln.strip() for ln in lines[a:b])
        indent = lines[a][: len(lines[a]) - len(lines[a].lstrip(" \t"))]
        avoid = len(lines[a].strip()) if b - a == 2 else None
        broken = _break_near_middle(joined, rng, avoid)
        if broken is not None:
            lines[a:b] = (indent + broken).split("\n")
    return "\n".join(lines)


_LIGATURES = {"fi": "\ufb01", "fl": "\ufb02"}


@_lf_only
def ligatures(text: str, rng: random.Random) -> str:
    """Ligature code points for "fi" and "fl" inside words, as PDF extractors leave them."""
    p = rng.uniform(0.5, 1.0)

    def sub(m: re.Match[str]) -> str:
        return _LIGATURES[m.group()] if rng.random() < p else m.group()

    return re.sub(r"(?<=[A-Za-z])f[il]|f[il](?=[a-z])", sub, text)


@_lf_only
def nbsp(text: str, rng: random.Random) -> str:
    """Non-breaking spaces in place of some spaces between words."""
    p = rng.uniform(0.05, 0.25)
    return re.sub(r"(?<=\S) (?=\S)", lambda m: "\u00a0" if rng.random() < p else " ", text)


@_lf_only
def soft_hyphens(text: str, rng: random.Random) -> str:
    """Soft hyphens (U+00AD) inside some long words, as optional hyphens in a Word source."""
    p = rng.uniform(0.1, 0.4)

    def sub(m: re.Match[str]) -> str:
        w = m.group()
        if rng.random() >= p:
            return w
        k = rng.randrange(3, len(w) - 3)
        return w[:k] + "\u00ad" + w[k:]

    return re.sub(r"[A-Za-z]{9,}", sub, text)


def _boundaries(lines: list[str]) -> list[int]:
    """Lines that can start a new page: a paragraph's first line after a sentence ends."""
    start, end = _zones(lines)
    table = set(range(*_table_span(lines)))
    out: list[int] = []
    prev: str | None = None
    gap = 0
    for i in range(start, end):
        s = lines[i].strip()
        if not s:
            gap += 1
            continue
        structural = bool(
            _GRADE_START_RE.match(s) or _NUMBER_LINE_RE.match(s) or _PERFORMS_RE.match(s)
        )
        heading = bool(_ANY_HEAD_RE.match(s))
        if prev is not None and prev.endswith(_TERMINAL) and not structural and i not in table:
            if gap or heading:
                out.append(i)
        prev = s
        gap = 0
    return out


def _table_span(lines: list[str]) -> tuple[int, int]:
    for i, line in enumerate(lines):
        if re.match(r"^\s*areas\s+for\s+judgement\s*$", line, re.I):
            cells = _table_cells(lines)
            return (i, (cells[-1] + 2) if cells else i + 1)
    return (0, 0)


@_lf_only
def form_feeds(text: str, rng: random.Random) -> str:
    """Form feeds between pages: after "Page N of M" footers, else at a few page boundaries."""
    lines = text.split("\n")
    pages = [i for i, ln in enumerate(lines) if _PAGE_RE.match(ln)]
    if pages:
        for i in reversed(pages):
            if i + 1 < len(lines) and (lines[i + 1].strip() or i + 2 < len(lines)):
                lines[i + 1] = "\f" + lines[i + 1]
            else:
                lines[i] = lines[i] + "\n\f"
        return "\n".join(lines)
    candidates = _boundaries(lines)
    if not candidates:
        return text
    page_breaks = [
        i for i in candidates if i >= 4 and all(not lines[k].strip() for k in range(i - 3, i))
    ]
    pool = page_breaks or candidates
    for i in rng.sample(pool, k=min(len(pool), rng.choice((1, 2, 3)))):
        lines[i] = "\f" + lines[i]
    return "\n".join(lines)


def _is_2005(lines: list[str]) -> bool:
    title = _title_block(lines)
    if title is None:
        return False
    words = " ".join(lines[title[0] : title[1]]).split()
    return bool(words) and words[-1] == "2005" and words[0].upper() == "ANNUAL"


@_lf_only
def opening_2005_hertfordshire(text: str, rng: random.Random) -> str:
    """A 2005 letter opening as Hertfordshire's did, not as the later years' letters do."""
    if not _is_2005(text.split("\n")):
        return text
    return _OPENING_2005_RE.sub(HERTFORDSHIRE_2005_OPENING, text, count=1)


_TITLE_APOS_RE = re.compile(r"\b(COUNCIL|CHILDREN)(['’]|[ \t])S\b")


@_lf_only
def title_2005_apostrophe(text: str, rng: random.Random) -> str:
    """A 2005 title's possessives with a curly, a straight or no apostrophe ("COUNCIL S")."""
    lines = text.split("\n")
    title = _title_block(lines)
    if title is None or not _is_2005(lines):
        return text
    block = "\n".join(lines[title[0] : title[1]])
    found = _TITLE_APOS_RE.search(block)
    if not found:
        return text
    current = " " if found.group(2) == "\t" else found.group(2)
    mark = rng.choice([m for m in ("’", " ", "'") if m != current])
    block = _TITLE_APOS_RE.sub(lambda m: m.group(1) + mark + "S", block)
    lines[title[0] : title[1]] = block.split("\n")
    return "\n".join(lines)


@_lf_only
def table_first_row_singular(text: str, rng: random.Random) -> str:
    """The first row label of a 2005/2006 grade table saying "children’s service" (Ealing)."""
    lines = text.split("\n")
    i = _table_first_label(lines)
    if i is None:
        return text
    new = re.sub(rf"({_CHILDRENS})\s+services\b", r"\1 service", lines[i], count=1, flags=re.I)
    if new == lines[i]:
        return text
    lines[i] = new
    return "\n".join(lines)


@_lf_only
def letterhead_debris(text: str, rng: random.Random) -> str:
    """Letterhead conversion debris: "London WC2B 6SE /" and an empty "Email:" line."""
    lines = text.split("\n")
    start, _ = _zones(lines)
    head = range(0, max(0, start - 1))
    changed = False
    for i in head:
        if "WC2B 6SE" in lines[i] and "WC2B 6SE /" not in lines[i]:
            lines[i] = lines[i].replace("WC2B 6SE", "WC2B 6SE /", 1)
            changed = True
            break
    for i in head:
        if re.search(r"ofsted\.gov\.uk|^\s*T\s+\d", lines[i]):
            lines.insert(i + 1, "Email:")
            changed = True
            break
    return "\n".join(lines) if changed else text


@_lf_only
def bullet_glyphs(text: str, rng: random.Random) -> str:
    """List items marked "- ", "• ", a private-use glyph, or a lone space (glyph dropped)."""
    lines = text.split("\n")
    start, end = _zones(lines)
    items = [i for i in range(start, end) if _BULLET_RE.match(lines[i])]
    items = [i for i in items if not re.match(r"^\s*\d", lines[i])]
    if not items:
        return text
    marks = {_BULLET_RE.match(lines[i]).group("mark") for i in items}  # type: ignore[union-attr]
    choices = [m for m in ("-", "•", "\uf0b7", "\uf0a7", "") if m not in marks]
    mark = rng.choice(choices)
    for i in items:
        m = _BULLET_RE.match(lines[i])
        assert m is not None
        body = lines[i][m.end() :]
        lines[i] = m.group("indent") + (f"{mark} " if mark else " ") + body
    return "\n".join(lines)


def _apostrophes(text: str, style: str) -> str:
    if style == "straight":
        return text.replace("’", "'").replace("‘", "'")
    if style == "curly":
        text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
        text = re.sub(r"(?<![\w'’])'(?=\w)", "‘", text)
        return re.sub(r"(?<=[\w.,!?])'", "’", text)
    return re.sub(r"(?<=[A-Za-z])['’](?=s\b)", " ", text)


@_lf_only
def apostrophe_style(text: str, rng: random.Random) -> str:
    """Apostrophes straight, curly, or lost as a space ("children s"), formats.md §2.1."""
    counts = {
        "straight": len(re.findall(r"\w'\w", text)),
        "curly": len(re.findall(r"\w’\w", text)),
        "space": len(re.findall(r"[a-z] s\b", text)),
    }
    if not any(counts.values()):
        return text
    current = max(counts, key=lambda k: counts[k])
    style = rng.choice([s for s in counts if s != current])
    if current == "space":
        # Put back the apostrophe a docplayer copy lost, then write it in the chosen style.
        mark = "'" if style == "straight" else "’"
        return re.sub(r"(?<=[a-z]) (?=s\b)", mark, text)
    return _apostrophes(text, style)


@_lf_only
def page_break_mid_paragraph(text: str, rng: random.Random) -> str:
    """A page break as three blank lines in the middle of a long paragraph line (§2.1)."""
    lay = _layout(text)
    long_lines = [
        i
        for i, (ln, k) in enumerate(zip(lay.lines, lay.kinds, strict=True))
        if k == "prose" and len(ln) >= 160
    ]
    if not long_lines:
        return text
    lines = list(lay.lines)
    for i in sorted(rng.sample(long_lines, k=min(2, len(long_lines))), reverse=True):
        s = lines[i]
        words = s.split(" ")
        cuts = [
            k
            for k in range(1, len(words))
            if len(" ".join(words[:k])) >= 60
            and len(" ".join(words[k:])) >= 60
            and words[k]
            and not _risky_start(words, k)
            and not re.fullmatch(r"\(?grade", words[k - 1], re.I)
            and not _ANY_HEAD_RE.match(" ".join(words[k : k + 6]))
            and not re.match(rf"(?:{_ANY_HEAD})\b", " ".join(words[k:]), re.I)
        ]
        if not cuts:
            continue
        k = rng.choice(cuts)
        lines[i : i + 1] = [" ".join(words[:k]), "", "", "", " ".join(words[k:])]
    out = "\n".join(lines)
    return out


@_lf_only
def title_above_salutation(text: str, rng: random.Random) -> str:
    """The title printed above "Dear ..." as a subject line: under the address, or at the top."""
    lines = text.split("\n")
    dear = next((i for i, ln in enumerate(lines) if re.match(r"^\s*Dear\s", ln)), None)
    title = _title_block(lines)
    if dear is None or title is None or title[0] < dear:
        return text
    block = lines[title[0] : title[1]]
    del lines[title[0] : title[1]]
    at = rng.choice((dear, 0))
    lines[at:at] = [*block, ""]
    return "\n".join(lines)


# -- headings, titles and grades as other copies write them (b02, b11-b19, b26, b37) ---------------


def _grade_sites(lines: list[str]) -> list[tuple[int, int | None]]:
    """Each graded heading that states its grade: (heading line, its own grade line or None)."""
    out: list[tuple[int, int | None]] = []
    for i, line in enumerate(lines):
        if _HEAD_GRADE_RE.match(line):
            out.append((i, None))
        elif _HEAD_ONLY_RE.match(line):
            j = _next_nonblank(lines, i)
            if j is not None and _GRADE_LINE_RE.match(lines[j]):
                out.append((i, j))
    return out


#: The ungraded section headings of a letter without graded areas (CSA 2009-2011).
_SECTION_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<head>strengths|(?:key\s+)?areas\s+for\s+(?:further\s+)?"
    r"(?:development|improvement)|outcomes\s+for\s+children\s+and\s+young\s+people"
    r"|prospects\s+for\s+improvement|service\s+management)[ \t]*$",
    re.I,
)


def _area_headings(lines: list[str]) -> list[int]:
    """The area headings a copy would number: graded areas (and service management), else
    the sections of a letter that grades no area."""
    start, end = _zones(lines)
    graded = [i for i in range(start, end) if _HEAD_ONLY_RE.match(lines[i])]
    graded += [i for i in range(start, end) if _HEAD_GRADE_RE.match(lines[i])]
    if graded:
        management = re.compile(r"^\s*service\s+management\s*$", re.I)
        graded += [i for i in range(start, end) if management.match(lines[i])]
        return sorted(graded)
    return [i for i in range(start, end) if _SECTION_RE.match(lines[i])]


@_lf_only
def numbered_headings(text: str, rng: random.Random) -> str:
    """Area headings numbered "1. Being healthy", "2) Staying safe", grades left as they are."""
    lines = text.split("\n")
    if not _zones(lines)[0]:
        return text
    style = rng.choice(("{}. ", "{}) "))
    for n, i in enumerate(_area_headings(lines), start=1):
        body = lines[i].lstrip(" \t")
        lines[i] = lines[i][: len(lines[i]) - len(body)] + style.format(n) + body
    return "\n".join(lines)


@_lf_only
def grade_full_stop(text: str, rng: random.Random) -> str:
    """Every heading's grade ends with a full stop: "Grade 3.", "Being healthy Grade 2."."""
    lines = text.split("\n")
    sites = _grade_sites(lines)
    for h, g in sites:
        k = h if g is None else g
        lines[k] = lines[k].rstrip() + "."
    return "\n".join(lines) if sites else text


_NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four"}


@_lf_only
def grade_as_word(text: str, rng: random.Random) -> str:
    """A heading's grade written as a word, as a copy typed again gives it: "Grade Two",
    "Grade: three (3)" (blind c11, c16)."""
    lines = text.split("\n")
    sites = _grade_sites(lines)
    for h, g in sites:
        k = h if g is None else g

        def word(m: re.Match[str]) -> str:
            name = _NUMBER_WORDS[m.group(2)]
            spoken = rng.choice((name.capitalize(), name, f"{name} ({m.group(2)})"))
            return f"{m.group(1)}{rng.choice(('', ':'))} {spoken}"

        lines[k] = re.sub(r"\b(grade)\s*:?\s*([1-4])\b", word, lines[k], count=1, flags=re.I)
    return "\n".join(lines) if sites else text


@_lf_only
def csa_heading_as_sentence(text: str, rng: random.Random) -> str:
    """The CSA heading said as a sentence: "The children's services assessment for <council>
    in <year> is:" (blind c20, c21)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = re.match(
            rf"^[ \t]*(?P<council>\S.*?)\s+{_CHILDRENS}\s+services\s+assessment\s+(?P<year>20\d\d)"
            r"[ \t]*$",
            line,
            re.I,
        )
        if m and re.search(r"(?i)performs", "\n".join(lines[i + 1 : i + 5])):
            said = rng.choice(("in", "for"))
            lines[i] = (
                f"The children's services assessment for {m['council']} {said} {m['year']} is:"
            )
            return "\n".join(lines)
    return text


def _site_grade(lines: list[str], h: int, g: int | None) -> str:
    m = _HEAD_GRADE_RE.match(lines[h]) if g is None else _GRADE_LINE_RE.match(lines[g])
    assert m is not None
    return m["grade"]


@_lf_only
def grade_in_brackets(text: str, rng: random.Random) -> str:
    """A heading's grade in brackets: "Staying safe (Grade 1)" on its line, or "(Grade 3)"."""
    lines = text.split("\n")
    onto_heading = rng.random() < 0.5  # b12 moved every grade up; else each stays where it is
    sites = [(h, g) for h, g in _grade_sites(lines) if "(" not in _site_grade(lines, h, g)]
    for h, g in reversed(sites):
        if g is None:
            m = _HEAD_GRADE_RE.match(lines[h])
            assert m is not None
            lines[h] = f"{m['indent']}{m['head']} ({m['grade']})"
            continue
        grade = _GRADE_LINE_RE.match(lines[g])
        assert grade is not None
        if onto_heading:
            lines[h] = f"{lines[h].rstrip()} ({grade['grade']})"
            del lines[h + 1 : g + 1]
        else:
            lines[g] = f"{grade['indent']}({grade['grade']})"
    return "\n".join(lines) if sites else text


@_lf_only
def grade_box_split(text: str, rng: random.Random) -> str:
    """A grade printed on its own line split over two: "Grade", then "3" on the next line."""
    lines = text.split("\n")
    own = [g for _, g in _grade_sites(lines) if g is not None]
    if not own:
        return text
    picked = [g for g in own if rng.random() < 0.5] or [rng.choice(own)]
    for g in reversed(picked):
        m = re.match(r"^([ \t]*)(grade)[ \t]*(\S.*)$", lines[g], re.I)
        assert m is not None
        lines[g : g + 1] = [m.group(1) + m.group(2), m.group(1) + m.group(3).rstrip()]
    return "\n".join(lines)


def _is_paragraph(line: str) -> bool:
    return bool(line.strip()) and not _BULLET_RE.match(line) and not _is_fixed(line, set())


@_lf_only
def run_on_headings(text: str, rng: random.Random) -> str:
    """A heading, its grade, any sub-heading and its first paragraph run on one line (b15)."""
    lines = text.split("\n")
    edits: list[tuple[int, int, str]] = []
    for h, g in _grade_sites(lines):
        parts = [lines[h].strip()] + ([lines[g].strip()] if g is not None else [])
        k = _next_nonblank(lines, g if g is not None else h)
        while (
            k is not None
            and _ANY_HEAD_RE.match(lines[k])
            and not _HEAD_START_RE.match(lines[k].strip())
        ):
            parts.append(lines[k].strip())
            k = _next_nonblank(lines, k)
        if k is not None and _is_paragraph(lines[k]):
            edits.append((h, k + 1, " ".join([*parts, lines[k].strip()])))
    for a, b, new in reversed(edits):
        lines[a:b] = [new]
    return "\n".join(lines) if edits else text


#: An APA title's first line ("2007 ANNUAL PERFORMANCE ASSESSMENT OF ...", any case).
_APA_TITLE_RE = re.compile(
    r"^[ \t]*(?:#+[ \t]+)?(?:20\d\d[ \t]+)?annual[ \t]+performance[ \t]+assessment[ \t]+of\b",
    re.I,
)
_TITLE_END_RE = re.compile(r"(?:20\d\d|council)[ \t]*$", re.I)


def _title_span(lines: list[str]) -> tuple[int, int] | None:
    """The APA title wherever it stands, in any case, with its second line if it wraps."""
    for i, line in enumerate(lines[:80]):
        if _APA_TITLE_RE.match(line) and len(line) < 200:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            wraps = not _TITLE_END_RE.search(line) and _TITLE_END_RE.search(nxt)
            return (i, i + 2) if wraps else (i, i + 1)
    return None


_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to upon with".split())


@_lf_only
def title_case_title(text: str, rng: random.Random) -> str:
    """The upper-case APA title written in Title Case, still wrapped where it was (b02, b12)."""
    lines = text.split("\n")
    span = _title_span(lines)
    if span is None or not all(_is_upper_line(lines[i]) for i in range(*span)):
        return text
    first = True
    for i in range(*span):
        words = lines[i].split(" ")
        for k, w in enumerate(words):
            low = w.lower()
            if not low:
                continue
            small = (low in _SMALL_WORDS and not first) or low == "s"  # "COUNCIL S" -> "Council s"
            words[k] = low if small else low[:1].upper() + low[1:]
            first = False
        lines[i] = " ".join(words)
    return "\n".join(lines)


_CSA_TITLE_RE = re.compile(
    rf"^(?P<title>[ \t]*\S[^\n]*?\s{_CHILDRENS}\s+services\s+assessment\s+20\d\d)[ \t]*$", re.I
)
_RATING_RE = re.compile(
    r"^[ \t]*(?P<rating>performs\s+(?:excellently|well|adequately|poorly)\s*\([1-4]\))[ \t]*$",
    re.I,
)
_LEAD_IN_RE = re.compile(rf"^[ \t]*{_CHILDRENS}\s+services\s+assessment[ \t]*$", re.I)


@_lf_only
def csa_rating_on_title(text: str, rng: random.Random) -> str:
    """A CSA rating moved onto its "<council> children's services assessment <year>" line,
    after ": " or " | ", as re-typed copies and table rows give it (b26, b37)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        t = _CSA_TITLE_RE.match(line)
        if not t:
            continue
        between = range(i + 1, min(len(lines), i + 5))
        j = next((k for k in between if _RATING_RE.match(lines[k])), None)
        if j is None or any(
            lines[k].strip() and not _LEAD_IN_RE.match(lines[k]) for k in range(i + 1, j)
        ):
            return text
        rating = _RATING_RE.match(lines[j])["rating"]  # type: ignore[index]
        gap = 1 if not lines[j - 1].strip() else 0
        del lines[j - gap : j + 1]  # the rating line and the blank line above it
        lines[i] = t["title"] + rng.choice((": ", " | ")) + rating
        return "\n".join(lines)
    return text


_MD_TOP_RE = re.compile(
    rf"^[ \t]*(?:annual\s+{_CHILDRENS}\s+services\s+assessment|annual\s+rating\s+of\s+council"
    rf"\s+{_CHILDRENS}\s+services(?:\s+for\s+20\d\d)?)[ \t]*$",
    re.I,
)
_TABLE_HEAD_RE = re.compile(r"^\s*(?:areas\s+for\s+judgement|grade\s+awarded|key)\s*$", re.I)


def _markdown_level(lines: list[str], i: int, graded_letter: bool) -> str:
    """ "#", "##", "###" or "" for line i of a letter converted to Markdown."""
    line = lines[i]
    if _MD_TOP_RE.match(line):
        return "#"
    if not _ANY_HEAD_RE.match(line) or _TABLE_HEAD_RE.match(line):
        return ""
    main = _HEAD_ONLY_RE.match(line) or _HEAD_GRADE_RE.match(line) or _CSA_TITLE_RE.match(line)
    if main or re.match(r"^\s*(?:summary|service\s+management)\s*$", line, re.I):
        return "##"
    return "###" if graded_letter or not _SECTION_RE.match(line) else "##"


@_lf_only
def markdown_conversion(text: str, rng: random.Random) -> str:
    """A PDF-to-Markdown copy: "# " title, "## "/"### " headings, "**Grade 3**" (b19)."""
    lines = text.split("\n")
    start, end = _zones(lines)
    if not start:
        return text
    graded = bool(_grade_sites(lines))
    levels = {i: _markdown_level(lines, i, graded) for i in range(start, end)}
    bold = {g for _, g in _grade_sites(lines) if g is not None}
    csa = next((i for i in range(start, end) if _CSA_TITLE_RE.match(lines[i])), None)
    if csa is not None:
        bold |= {k for k in range(csa + 1, min(end, csa + 5)) if _RATING_RE.match(lines[k])}
    for i in sorted(set(levels) | bold):
        body = lines[i].strip()
        if i in bold:
            lines[i] = f"**{body}**"
        elif levels.get(i):
            lines[i] = f"{levels[i]} {body}"
    span = _title_span(lines)
    if span is not None:
        joined = " ".join(lines[k].strip() for k in range(*span))
        lines[span[0] : span[1]] = [f"# {joined}"]
    return "\n".join(lines)


# -- characters damaged on the way (b08, b09, b22) --------------------------------------------

_CURLY_AND_DASHES = "’‘“”–—"


@_lf_only
def mojibake(text: str, rng: random.Random) -> str:
    """UTF-8 read as Windows-1252 ("childrenâ€™s"): the whole letter, or its quotes/dashes."""
    if not _zones(text.split("\n"))[0]:
        return text

    def bad(s: str) -> str:
        return s.encode("utf-8").decode("cp1252", errors="replace")

    if rng.random() < 0.5:
        marks = "".join(bad(c) if c in _CURLY_AND_DASHES else c for c in text)
        if marks != text:
            return marks
    return bad(text)


_ENTITY_NAMES = {
    "’": "rsquo",
    "‘": "lsquo",
    "“": "ldquo",
    "”": "rdquo",
    "–": "ndash",
    "—": "mdash",
    "•": "bull",
    "£": "pound",
    "\u00a0": "nbsp",
}


@_lf_only
def html_entities(text: str, rng: random.Random) -> str:
    """A web copy: "&amp;", "&shy;", and other non-ASCII as "&#8217;" or "&rsquo;" (b09)."""
    if not _zones(text.split("\n"))[0]:
        return text
    named = rng.random() < 0.5

    def entity(c: str) -> str:
        if c == "&":
            return "&amp;"
        if c == "\u00ad":
            return "&shy;"
        if ord(c) < 128:
            return c
        return f"&{_ENTITY_NAMES[c]};" if named and c in _ENTITY_NAMES else f"&#{ord(c)};"

    return "".join(entity(c) for c in text)


@_lf_only
def lost_apostrophes(text: str, rng: random.Random) -> str:
    """Every non-ASCII character lost to "?" ("council?s", "14?19", "signi?cantly"), b08."""
    if not _zones(text.split("\n"))[0]:
        return text
    # A non-breaking space becomes a plain one, so "Performs poorly (1)" is still one phrase.
    return re.sub(r"[^\x00-\x7f]", "?", text.replace("\u00a0", " "))


# -- the letter's surroundings: e-mail, dates, embargo and references -------------------------

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_DATE_LINE_RE = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<d>\d{{1,2}})[ \t]+(?P<m>{'|'.join(_MONTHS)})"
    r"[ \t]+(?P<y>20\d\d)[ \t]*$"
)


def _date_line(lines: list[str]) -> tuple[int, _dt.date] | None:
    """The letter's date ("10 November 2005") above "Dear ...", and the date it gives."""
    start, _ = _zones(lines)
    for i in range(start):
        m = _DATE_LINE_RE.match(lines[i])
        if m:
            return i, _dt.date(int(m["y"]), _MONTHS.index(m["m"]) + 1, int(m["d"]))
    return None


def _long_date(d: _dt.date, weekday: bool = False) -> str:
    day = f"{d.strftime('%A')} " if weekday else ""
    return f"{day}{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@_lf_only
def date_forms(text: str, rng: random.Random) -> str:
    """The date as "10th November 2005", "November 2005", "Thursday 10 November 2005",
    "10.11.2005" or "10/11/2005" (b01, b10, b35, b38, b12)."""
    lines = text.split("\n")
    found = _date_line(lines)
    if found is None:
        return text
    i, d = found
    month = _MONTHS[d.month - 1]
    form = rng.choice(
        (
            f"{_ordinal(d.day)} {month} {d.year}",
            f"{month} {d.year}",
            _long_date(d, weekday=True),
            f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{d.day:02d}/{d.month:02d}/{d.year}",
        )
    )
    lines[i] = _DATE_LINE_RE.match(lines[i])["indent"] + form  # type: ignore[index]
    return "\n".join(lines)


def _letter_year(lines: list[str]) -> int | None:
    start, _ = _zones(lines)
    for line in lines[start : start + 60]:
        m = re.search(r"\b(200[5-9]|201[0-2])\b", line)
        if m:
            return int(m.group(1))
    return None


@_lf_only
def embargo_and_refs(text: str, rng: random.Random) -> str:
    """An "EMBARGOED UNTIL 00.01 HOURS ..." line at the top and "Our ref:" / "Your ref:" lines
    by the date, as press copies print them (b01, b38)."""
    lines = text.split("\n")
    start, _ = _zones(lines)
    found = _date_line(lines)
    year = found[1].year if found else _letter_year(lines)
    if not start or year is None:
        return text
    dated = found[1] if found else _dt.date(year, 11, 1)
    published = dated + _dt.timedelta(days=rng.randint(5, 25))
    while published.weekday() >= 5:  # letters were published on a weekday
        published += _dt.timedelta(days=1)
    kind = "APA" if _title_span(lines) else "CSA"
    assessed = _letter_year(lines) or year  # a late 2011 letter dated 2012 is still "CSA11"
    refs = [f"Our ref: {kind}{assessed % 100:02d}/{rng.randint(100, 999)}"]
    if rng.random() < 0.5:
        refs.append(f"Your ref: CS/{rng.choice('ABCDEFGHJKLMNPRSTW')}{rng.randint(10, 99)}")
    if found is None:
        at = start - 1
    else:
        at = found[0] + (2 if rng.random() < 0.3 else 0)  # above the date, or under it (b38)
    lines[at:at] = [*refs, ""]
    embargo = f"EMBARGOED UNTIL 00.01 HOURS {_long_date(published, weekday=True).upper()}"
    return "\n".join([embargo, "", *lines])


def _subject(lines: list[str]) -> str | None:
    """The title an e-mail forwarding the letter would carry as its subject."""
    span = _title_span(lines)
    if span is not None:
        return " ".join(lines[k].strip().lstrip("#").strip() for k in range(*span))
    for line in lines:
        m = re.match(
            rf"^[ \t#*]*(\S[^\n]*?\s{_CHILDRENS}\s+services\s+assessment\s+20\d\d)\b", line, re.I
        )
        if m:
            return m.group(1)
    return None


@_lf_only
def email_forward(text: str, rng: random.Random) -> str:
    """The letter pasted into a forwarded e-mail, every line quoted with "> " (b25)."""
    lines = text.split("\n")
    subject = _subject(lines)
    if not _zones(lines)[0] or subject is None:
        return text
    found = _date_line(lines)
    year = _letter_year(lines) or 2010
    sent = found[1] if found else _dt.date(year, 11, 9)
    sender = rng.choice(("Children's Services Assessment", "Ofsted"))
    to = rng.choice(("Chief Executive's Office", "Director of Children's Services"))
    header = [
        f"From: {sender}",
        f"Sent: {sent.day:02d} {_MONTHS[sent.month - 1]} {sent.year} {rng.randint(8, 17):02d}:12",
        f"To: {to}",
        f"Subject: FW: {subject}",
        "",
        rng.choice(
            (
                "Please see below the text of the letter received from Ofsted.",
                "For information - the letter as received this morning.",
            )
        ),
        "",
        "-----Original Message-----",
    ]
    tail = lines[-1] == "" and len(lines) > 1
    body = lines[:-1] if tail else lines
    quoted = [f"> {ln[1:] if ln.startswith(' ') else ln}" if ln.strip() else ">" for ln in body]
    return "\n".join([*header, *quoted, *([""] if tail else [])])


@_lf_only
def table_by_columns(text: str, rng: random.Random) -> str:
    """The 2005/2006 grade table read column by column, as an extraction of a ruled table may
    give it: every row's label, then "Grade awarded", then the cells in order (blind b03)."""
    lines = text.split("\n")
    cells = _table_cells(lines)
    first = _table_first_label(lines)
    if not cells or first is None:
        return text
    labels: list[str] = []
    start = first
    for c in cells:
        labels += [ln for ln in lines[start:c] if ln.strip() and not _is_grade_awarded(ln)]
        start = c + 1
    header = [ln for ln in lines[first - 2 : first] if _is_grade_awarded(ln)]
    gap = [""] if rng.random() < 0.5 else []
    block = [*labels, *gap, "Grade awarded", *[lines[c].strip() for c in cells]]
    lines[first - len(header) : cells[-1] + 1] = block
    return "\n".join(lines)


def _is_grade_awarded(line: str) -> bool:
    return bool(re.fullmatch(r"\s*grade awarded\s*", line, re.I))


# -- the second blind set (c04-c30): spacing, drawn tables, leaders, C1 bytes, CSA boxes ------


@_lf_only
def double_spaced(text: str, rng: random.Random) -> str:
    """A blank line after every line, so a paragraph's blank line becomes three; hard-wrapped
    and one-paragraph-a-line letters alike (c04, c18, c25)."""
    return text.replace("\n", "\n\n")


_JUDGEMENT_HEAD_RE = re.compile(r"^\s*areas\s+for\s+judgement\s*$", re.I)
_KEY_TEXT_RE = re.compile(r"^\s*a\s+service\s+that\b", re.I)


def _grid_lines(
    rows: list[tuple[list[str], list[str]]], w1: int, w2: int, header: bool
) -> list[str]:
    """Rows of two cells drawn as a text grid: "+---+---+" rules, "| left | right |" lines."""
    rule = f"+{'-' * (w1 + 2)}+{'-' * (w2 + 2)}+"
    out = [rule]
    for n, (left, right) in enumerate(rows):
        for k in range(max(len(left), len(right))):
            a = left[k] if k < len(left) else ""
            b = right[k] if k < len(right) else ""
            out.append(f"| {a.ljust(w1)} | {b.ljust(w2)} |")
        out.append(rule.replace("-", "=") if header and n == 0 else rule)
    return out


def _bare_key(lines: list[str], last_cell: int) -> tuple[int, int, list[tuple[str, str]]] | None:
    """The key under a 2006 grade table: "Key", then each bare digit over its "A service that
    ..." line. Gives the "Key" line, the index after the key and its (digit, text) pairs."""
    k = _next_nonblank(lines, last_cell)
    if k is None or lines[k].strip().lower() != "key":
        return None
    pairs: list[tuple[str, str]] = []
    stop = k + 1
    j = k
    while True:
        d = _next_nonblank(lines, j)
        c = _CELL_RE.match(lines[d]) if d is not None else None
        if d is None or c is None or c.group("word"):
            break
        t = _next_nonblank(lines, d)
        if t is None or not _KEY_TEXT_RE.match(lines[t]):
            break
        pairs.append((c.group("n"), lines[t].strip()))
        stop = j = t
    return (k, stop + 1, pairs) if len(pairs) >= 2 else None


@_lf_only
def grid_table(text: str, rng: random.Random) -> str:
    """The 2005/2006 "Areas for judgement / Grade awarded" table drawn as a text grid, each
    label wrapped inside its cell, the grade cell on the row's first line; a bare-digit key
    under it drawn the same way (c05)."""
    lines = text.split("\n")
    cells = _table_cells(lines)
    first = _table_first_label(lines)
    head = next((i for i, ln in enumerate(lines) if _JUDGEMENT_HEAD_RE.match(ln)), None)
    if not cells or first is None or head is None or not head < first < cells[0]:
        return text
    if any(ln.strip() and not _is_grade_awarded(ln) for ln in lines[head + 1 : first]):
        return text
    w1 = rng.choice((44, 52, 60))
    rows: list[tuple[list[str], list[str]]] = [(["Areas for judgement"], ["Grade awarded"])]
    start = first
    for c in cells:
        words = _split_words(" ".join(ln.strip() for ln in lines[start:c] if ln.strip()))
        rows.append((_wrap_words(words, w1, ""), [lines[c].strip()]))
        start = c + 1
    w2 = max(len(right[0]) for _, right in rows) + rng.choice((1, 3))
    block = _grid_lines(rows, w1, w2, header=True)
    end = cells[-1] + 1
    key = _bare_key(lines, cells[-1])
    if key is not None and rng.random() < 0.7:
        k, end, pairs = key
        kw = rng.choice((60, 68, 72))
        key_rows = [([d], _wrap_words(_split_words(t), kw, "")) for d, t in pairs]
        block += [lines[k].strip(), *_grid_lines(key_rows, 3, kw, header=False)]
    lines[head:end] = block
    return "\n".join(lines)


def _leader(left: str, right: str, width: int) -> str:
    return f"{left} {'.' * max(3, width - len(left) - len(right) - 2)} {right}"


@_lf_only
def dot_leaders(text: str, rng: random.Random) -> str:
    """Dot leaders from a graded heading to its grade, "Being Healthy ........ Grade 3", a grade
    on the line below pulled up (c09); a 2005/2006 table row's last label line and its cell,
    "... young people. ........ 3", the same way."""
    lines = text.split("\n")
    width = rng.choice((80, 88, 100))
    edits: list[tuple[int, int, str]] = []
    for h, g in _grade_sites(lines):
        if g is None:
            m = _HEAD_GRADE_RE.match(lines[h])
            assert m is not None
            edits.append((h, h + 1, _leader(m["indent"] + m["head"], m["grade"], width)))
        else:
            grade = _GRADE_LINE_RE.match(lines[g])
            assert grade is not None
            edits.append((h, g + 1, _leader(lines[h].rstrip(), grade["grade"], width)))
    for c in _table_cells(lines):
        p = c - 1
        while p > 0 and not lines[p].strip():
            p -= 1
        edits.append((p, c + 1, _leader(lines[p].rstrip(), lines[c].strip(), width)))
    if not edits:
        return text
    for a, b, new in sorted(edits, reverse=True):
        lines[a:b] = [new]
    return "\n".join(lines)


#: Windows-1252 punctuation whose bytes (0x91-0x97, 0x85), read as Latin-1, are C1 controls.
_C1_MAP = str.maketrans(
    {
        "‘": "\x91",
        "’": "\x92",
        "“": "\x93",
        "”": "\x94",
        "•": "\x95",
        "–": "\x96",
        "—": "\x97",
        "…": "\x85",
    }
)


@_lf_only
def c1_punctuation(text: str, rng: random.Random) -> str:
    """Curly quotes (straight ones made curly first), dashes and bullets as Windows-1252 bytes
    decoded as Latin-1: U+0091/U+0092 quotes, U+0093/U+0094, U+0096 dash, U+0095 bullet
    (c14, c27)."""
    if not _zones(text.split("\n"))[0]:
        return text
    return _apostrophes(text, "curly").translate(_C1_MAP)


def _rating_at(lines: list[str]) -> int | None:
    """The CSA rating line ("Performs poorly (1)"): the scale's own lines carry no "(N)"."""
    start, end = _zones(lines)
    return next((i for i in range(start, end) if _RATING_RE.match(lines[i])), None)


@_lf_only
def csa_rating_boxed(text: str, rng: random.Random) -> str:
    """The CSA rating drawn inside a box: an underscore rule, " |  Performs poorly (1)  |",
    " |______|", as a scanned and OCR'd copy gives it (c30)."""
    lines = text.split("\n")
    i = _rating_at(lines)
    if i is None:
        return text
    rating = lines[i].strip()
    before, after = rng.randint(2, 6), rng.randint(2, 8)
    inner = before + len(rating) + after
    margin = rng.choice(("", " ", "  "))
    box = [f"{margin} {'_' * inner}"]
    if rng.random() < 0.5:
        box.append(f"{margin}|{' ' * inner}|")
    box += [f"{margin}|{' ' * before}{rating}{' ' * after}|", f"{margin}|{'_' * inner}|"]
    lines[i : i + 1] = box
    return "\n".join(lines)


@_lf_only
def csa_rating_split(text: str, rng: random.Random) -> str:
    """The CSA rating split over two lines, "Performs" / "poorly (1)" (a narrow cell, c28) or
    "Performs poorly" / "(1)" (c18)."""
    lines = text.split("\n")
    i = _rating_at(lines)
    m = (
        re.match(r"^([ \t]*)(performs)\s+(\w+)\s*(\([1-4]\))[ \t]*$", lines[i], re.I)
        if i is not None
        else None
    )
    if i is None or m is None:
        return text
    indent, performs, word, number = m.groups()
    if rng.random() < 0.5:
        parts = [performs, f"{word} {number}"]
    else:
        parts = [f"{performs} {word}", number]
    lines[i : i + 1] = [indent + p for p in parts]
    return "\n".join(lines)


def _apa_title_year(lines: list[str]) -> int | None:
    span = _title_span(lines)
    if span is None:
        return None
    m = re.search(r"\b(20\d\d)\b", " ".join(lines[span[0] : span[1]]))
    return int(m.group(1)) if m else None


@_lf_only
def lowercase_headings(text: str, rng: random.Random) -> str:
    """Area headings in lower case with a trailing colon, "staying safe:", their "Grade N" on
    the next line (moved there from the heading's line); the overall and capacity headings
    keep their capitals in some copies (c11). 2007/2008 letters only."""
    lines = text.split("\n")
    if _apa_title_year(lines) not in (2007, 2008):
        return text
    sites = _grade_sites(lines)
    if not sites:
        return text
    all_lower = rng.random() < 0.5
    for h, g in reversed(sites):
        m = _HEAD_GRADE_RE.match(lines[h]) if g is None else _HEAD_ONLY_RE.match(lines[h])
        assert m is not None
        head = m["head"]
        if all_lower or not re.match(r"overall|capacity", head, re.I):
            head = head.lower()
        new = [f"{m['indent']}{head}:"]
        if g is None:
            new.append(m["indent"] + m["grade"])
        lines[h : h + 1] = new
    return "\n".join(lines)


_CSA_NAME_RE = re.compile(
    rf"^[ \t#*]*(?P<council>\S[^\n]*?)\s+(?P<ch>{_CHILDRENS})\s+services\s+assessment"
    r"\s+(?P<year>20\d\d)\b",
    re.I,
)
_RATING_2009_RE = re.compile(
    rf"^[ \t]*(annual\s+rating\s+of\s+council\s+{_CHILDRENS}\s+services\s+for\s+20\d\d)[ \t]*$",
    re.I,
)
_LOWER_IN_NAMES = frozenset("of and upon the in on".split())


def _name_case(name: str) -> str:
    words = name.lower().split()
    return " ".join(
        w if k and w in _LOWER_IN_NAMES else w[:1].upper() + w[1:] for k, w in enumerate(words)
    )


def _short_council(name: str) -> str:
    """The name a web page lists a council by: "Birmingham", "Kingston upon Thames"."""
    short = re.sub(
        r"^(?:the\s+)?(?:(?:royal|london)\s+borough\s+of\s+)?", "", name.strip(), flags=re.I
    )
    short = re.sub(
        r"\s+(?:(?:metropolitan\s+)?borough\s+|city\s+|county\s+|district\s+)?council$",
        "",
        short,
        flags=re.I,
    )
    return short or name.strip()


def _apa_council(lines: list[str]) -> str | None:
    span = _title_span(lines)
    if span is None:
        return None
    title = " ".join(lines[k].strip() for k in range(*span))
    m = re.search(r"\bpeople\s+in\s+(?P<c>.+?\bcouncil)\b", title, re.I) or re.search(
        r"\bassessment\s+of\s+(?P<c>.+?\bcouncil)(?:['’`]|\s)s\s+education\b", title, re.I
    )
    return _name_case(m["c"]) if m else None


@_lf_only
def web_page_header(text: str, rng: random.Random) -> str:
    """A web page's chrome above the letter: "Home > Inspection reports > Local authorities >
    <Council>", the council, the page's title ("Children’s services assessment 2011", or for
    an APA "Annual performance assessment 2007") and "Published: <date>" (c29)."""
    lines = text.split("\n")
    start, end = _zones(lines)
    if not start:
        return text
    csa = next(
        (m for ln in lines[start:end] if len(ln) < 160 and (m := _CSA_NAME_RE.match(ln))), None
    )
    if csa is not None:
        council, year = _short_council(csa["council"]), int(csa["year"])
        ch = csa["ch"]
        title = f"{ch[:1].upper()}{ch[1:].lower()} services assessment {year}"
        own = next((m.group(1) for ln in lines if (m := _RATING_2009_RE.match(ln))), None)
        if own is not None and rng.random() < 0.5:
            title = own
    else:
        name, year = _apa_council(lines), _apa_title_year(lines)
        if name is None or year is None:
            return text
        council, title = _short_council(name), f"Annual performance assessment {year}"
    found = _date_line(lines)
    if found is not None:
        published = found[1]
    else:
        published = _dt.date(year, 11, 8) if year == 2011 else _dt.date(year, 12, 9)
    deferred = " (deferred)" if published.year > year else ""
    header = [
        f"Home > Inspection reports > Local authorities > {council}",
        *([""] if rng.random() < 0.5 else []),
        council,
        title,
        f"Published: {_long_date(published)}{deferred}",
        "",
    ]
    return "\n".join([*header, *lines])


VARIATIONS: tuple[Variation, ...] = (
    Variation("crlf", "§6.6: CRLF line ends", crlf, "line_end"),
    Variation("cr_only", "§6.6: CR-only line ends", cr_only, "line_end"),
    Variation(
        "reflow_html",
        "§6.6/§2.1: paragraphs on one line each (copied from HTML)",
        reflow_html,
        "flow",
    ),
    Variation("hard_wrap_60", "§6.6/§2.1: hard-wrapped at width 60", _hard_wrap(60), "flow"),
    Variation("hard_wrap_72", "§6.6/§2.1: hard-wrapped at width 72", _hard_wrap(72), "flow"),
    Variation("hard_wrap_95", "§6.6/§2.1: hard-wrapped at width 95", _hard_wrap(95), "flow"),
    Variation("headings_caps", "§6.6: headings in capitals", headings_caps, "case"),
    Variation(
        "heading_grade_separator",
        "§6.6: colon, dash or spaces between a heading and its grade",
        heading_grade_separator,
        "separator",
    ),
    Variation(
        "grade_line_moved",
        "§1.3/§5.8: grade on the heading's line or on the next line",
        grade_line_moved,
        "grade_position",
    ),
    Variation(
        "grade_word",
        "§6.6/§6.3: the grade's word after its number ('Grade 3 (good)', '3 (Good)')",
        grade_word,
        "grade_word",
    ),
    Variation(
        "long_line_wrapped",
        "§6.6: a long title or heading wrapped over two lines",
        long_line_wrapped,
        "title_wrap",
    ),
    Variation("ligatures", "§6.6/§2.2: fi/fl ligature code points", ligatures, "ligature"),
    Variation("nbsp", "§6.6/§2.2: non-breaking spaces", nbsp, "nbsp"),
    Variation("soft_hyphens", "§6.6/§2.2: soft hyphens inside words", soft_hyphens, "soft_hyphen"),
    Variation("form_feeds", "§6.6: form feeds between pages", form_feeds, "form_feed"),
    Variation(
        "opening_2005_hertfordshire",
        "§6.1: the 2005 opening sentence of the Hertfordshire form",
        opening_2005_hertfordshire,
        "opening",
    ),
    Variation(
        "title_2005_apostrophe",
        "§6.2/§1.1: 2005 title with a curly apostrophe or none ('COUNCIL S')",
        title_2005_apostrophe,
        "title_apostrophe",
    ),
    Variation(
        "table_first_row_singular",
        "§6.3: first 2005/2006 table label in the singular ('children’s service')",
        table_first_row_singular,
        "table_label",
    ),
    Variation(
        "grade_as_word",
        "a heading's grade as a word: 'Grade Two', 'Grade: three (3)' (blind c11, c16)",
        grade_as_word,
        "grade_as_word",
    ),
    Variation(
        "csa_heading_as_sentence",
        "the CSA heading said as a sentence: '... assessment for <council> in <year> is:' (c20)",
        csa_heading_as_sentence,
        "csa_heading",
    ),
    Variation(
        "table_by_columns",
        "a 2005/2006 grade table read column by column: labels, then the cells (blind b03)",
        table_by_columns,
        "table_order",
    ),
    Variation(
        "title_above_salutation",
        "a subject-line title printed above 'Dear ...' (under the address or at the top)",
        title_above_salutation,
        "title_place",
    ),
    Variation(
        "letterhead_debris",
        "§6.2: letterhead debris ('London WC2B 6SE /', an empty 'Email:')",
        letterhead_debris,
        "letterhead",
    ),
    Variation(
        "bullet_glyphs",
        "§2.1/§2.2: bullets as '-', '•', U+F0B7/U+F0A7 or a lone space",
        bullet_glyphs,
        "bullets",
    ),
    Variation(
        "apostrophe_style",
        "§2.1: apostrophes straight, curly or lost as a space ('children s')",
        apostrophe_style,
        "apostrophe",
    ),
    Variation(
        "page_break_mid_paragraph",
        "§2.1: page break as three blank lines mid-sentence in a paragraph line",
        page_break_mid_paragraph,
        "page_break",
    ),
    Variation(
        "numbered_headings",
        "b11: area headings numbered '1. Overall effectiveness ...', '2) Being healthy'",
        numbered_headings,
        "heading_number",
    ),
    Variation(
        "grade_full_stop",
        "b16: a heading's grade with a full stop ('Grade 3.', 'Being healthy Grade 2.')",
        grade_full_stop,
        "grade_stop",
    ),
    Variation(
        "grade_in_brackets",
        "b12: the grade in brackets, 'Staying safe (Grade 1)' on the heading line or '(Grade 3)'",
        grade_in_brackets,
        "grade_brackets",
    ),
    Variation(
        "markdown_conversion",
        "b19: PDF-to-Markdown copy with '# ' title, '## '/'### ' headings, '**Grade 3**'",
        markdown_conversion,
        "markdown",
    ),
    Variation(
        "grade_box_split",
        "b17: a grade on its own line split over two lines, 'Grade' then '3'",
        grade_box_split,
        "grade_split",
    ),
    Variation(
        "run_on_headings",
        "b15 (docplayer): heading, 'Grade N' and first paragraph run on one line (2007/2008)",
        run_on_headings,
        "run_on",
    ),
    Variation(
        "title_case_title",
        "b02, b12: the upper-case APA title in Title Case, wrapped where it was",
        title_case_title,
        "title_case",
    ),
    Variation(
        "mojibake",
        "b22, §6.6: UTF-8 read as Windows-1252 ('childrenâ€™s'), whole letter or quotes/dashes",
        mojibake,
        "encoding_damage",
    ),
    Variation(
        "html_entities",
        "b09: web copy with '&#8217;'/'&rsquo;', '&#8211;', '&shy;' and '&amp;' entities",
        html_entities,
        "encoding_damage",
    ),
    Variation(
        "lost_apostrophes",
        "b08: every non-ASCII character lost to '?' ('council?s', '14?19', 'signi?cantly')",
        lost_apostrophes,
        "encoding_damage",
    ),
    Variation(
        "email_forward",
        "b25: forwarded e-mail header and covering note, every letter line quoted with '> '",
        email_forward,
        "forward",
    ),
    Variation(
        "csa_rating_on_title",
        "b26, b37: CSA rating on its '<council> children's services assessment <year>' line",
        csa_rating_on_title,
        "csa_title_rating",
    ),
    Variation(
        "date_forms",
        "b01, b10, b12, b35, b38: the date as '10th November 2005', 'November 2005', "
        "'Thursday 10 November 2005', '10.11.2005' or '10/11/2005'",
        date_forms,
        "date_form",
    ),
    Variation(
        "embargo_and_refs",
        "b01, b38: 'EMBARGOED UNTIL 00.01 HOURS ...' at the top, 'Our ref:'/'Your ref:' lines",
        embargo_and_refs,
        "embargo",
    ),
    Variation(
        "double_spaced",
        "c04, c18, c25: double-spaced, a blank line after every line (three between paragraphs)",
        double_spaced,
        "spacing",
    ),
    Variation(
        "grid_table",
        "c05: the 2005/2006 grade table drawn as a '+---+' / '| label | 3 |' text grid",
        grid_table,
        "table_grid",
    ),
    Variation(
        "dot_leaders",
        "c09: 'Being Healthy ........ Grade 3' (grade pulled up), a table row 'label ..... 3'",
        dot_leaders,
        "leaders",
    ),
    Variation(
        "c1_punctuation",
        "c14, c27: Windows-1252 quotes, dashes and bullets read as Latin-1 (U+0091-U+0096)",
        c1_punctuation,
        "encoding_damage",
    ),
    Variation(
        "csa_rating_boxed",
        "c30: the CSA rating drawn in a box, ' |  Performs poorly (1)  |' between rules",
        csa_rating_boxed,
        "csa_rating_form",
    ),
    Variation(
        "csa_rating_split",
        "c18, c28: the CSA rating split, 'Performs' / 'poorly (1)' or 'Performs poorly' / '(1)'",
        csa_rating_split,
        "csa_rating_form",
    ),
    Variation(
        "lowercase_headings",
        "c11: 2007/2008 area headings in lower case with a colon, 'staying safe:', grade below",
        lowercase_headings,
        "case",
    ),
    Variation(
        "web_page_header",
        "c29: web page chrome above the letter: breadcrumb, council, page title, 'Published:'",
        web_page_header,
        "web_header",
    ),
)


#: The order variations are applied in by `combined`: structure first, characters, then ends.
_ORDER = (
    "flow",
    "page_break",
    "grade_position",
    "separator",
    "grade_word",
    "grade_stop",
    "grade_brackets",
    "grade_split",
    "run_on",
    "leaders",
    "table_label",
    "grade_as_word",
    "csa_heading",
    "table_order",
    "table_grid",
    "opening",
    "title_apostrophe",
    "case",
    "title_wrap",
    "title_place",
    "title_case",
    "csa_title_rating",
    "csa_rating_form",
    "heading_number",
    "markdown",
    "letterhead",
    "embargo",
    "web_header",
    "date_form",
    "bullets",
    "apostrophe",
    "ligature",
    "nbsp",
    "soft_hyphen",
    "encoding_damage",
    "spacing",
    "forward",
    "form_feed",
    "line_end",
)

BY_NAME: dict[str, Variation] = {v.name: v for v in VARIATIONS}


def combined(text: str, seed: int, k: int = 3) -> tuple[str, list[str]]:
    """Apply k random variations of different families, each of which changes the letter.

    Families are applied in a fixed order (structure, then characters, then line ends) so that
    each variation sees the kind of text it was written for. A pick in which one variation
    finds nothing left to change (a page break after a hard wrap) is drawn again; after 20
    draws the last one is used without its idle members.
    """
    rng = random.Random(seed)
    families: dict[str, list[Variation]] = {}
    for v in VARIATIONS:
        if v.apply(text, random.Random(seed)) != text:
            families.setdefault(v.family, []).append(v)
    out, names = text, []
    for _ in range(20):
        picked_families = rng.sample(sorted(families), k=min(k, len(families)))
        picked = sorted(
            (rng.choice(families[f]) for f in picked_families),
            key=lambda v: _ORDER.index(v.family),
        )
        out, names, idle = text, [], False
        for v in picked:
            new = v.apply(out, random.Random(rng.randrange(2**32)))
            if new == out:
                idle = True
                continue
            out = new
            names.append(v.name)
        if not idle:
            break
    return out, names


# ---------------------------------------------------------------------------------------------
# Encodings (formats.md §6 item 6: UTF-16 or Windows-1252 text)
# ---------------------------------------------------------------------------------------------

#: What Windows-1252 lacks but a converter would write as the nearest character it has.
_CP1252_MAP = str.maketrans(
    {
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb00": "ff",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\uf0b7": "\u2022",
        "\uf0a7": "\u2022",
        "\u2011": "-",
        "\u2212": "-",
    }
)


def _cp1252(text: str) -> bytes | None:
    """Windows-1252 bytes, mapping ligatures and private-use bullets; None if it cannot."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        pass
    try:
        return text.translate(_CP1252_MAP).encode("cp1252")
    except UnicodeEncodeError:
        return None


ENCODINGS: tuple[tuple[str, Callable[[str], bytes | None]], ...] = (
    ("utf-8", lambda t: t.encode("utf-8")),
    ("utf-8-sig", lambda t: t.encode("utf-8-sig")),
    ("utf-16-le-bom", lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
    ("utf-16-be-bom", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
    ("windows-1252", _cp1252),
)
