"""Text normalisation that keeps a map back to the original offsets."""

import re
from dataclasses import dataclass

import ftfy

# One-for-many replacements; the offset map sends every produced character back to its source.
_REPLACE = {
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
    "\u2013": "-",
    "\u2014": "-",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb00": "ff",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\t": " ",
    "\f": "\n",  # a page break ends a line; the page itself is counted from the original
    "\v": "\n",
    "\x00": "",
    "\u00ad": "",
    "\u200b": "",
    "\uf0b7": "\u2022",
    "\uf0a7": "\u2022",
    "\uf0d8": "\u2022",
    "\u25aa": "\u2022",
}


@dataclass(frozen=True)
class Normalised:
    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in the original of text[i]; one extra at end

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def normalise(raw: str) -> Normalised:
    out: list[str] = []
    offsets: list[int] = []
    # Line ends are "\n" already: repair() turned CRLF and an old Mac file's lone CR into it.
    for i, ch in enumerate(raw):
        rep = _REPLACE.get(ch, ch)
        for r in rep:
            out.append(r)
            offsets.append(i)
    offsets.append(len(raw))
    return Normalised("".join(out), tuple(offsets))


# A compound word wrapped at its hyphen ("self-" / "assessment") is one word again.
WRAPPED_HYPHEN = re.compile(r"(?<=[A-Za-z])-[ \t]*\n\s*(?=[a-z])")


def fold(text: str) -> str:
    """Collapse runs of white space: the form in which quotes are compared and shown."""
    return re.sub(r"\s+", " ", WRAPPED_HYPHEN.sub("-", text)).strip()


# normalise()'s replacements as one table, for key(), which needs no offsets back (a
# character-by-character normalise of every line was a third of the parsing time).
_KEY_TABLE = str.maketrans({**_REPLACE, "\r": "\n"})


def key(text: str) -> str:
    """Lower-case, straight quotes, no punctuation: for matching headings and names."""
    text = text.translate(_KEY_TABLE).lower()
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


# -- what copies do to a letter's characters -----------------------------------------------------

# ftfy undoes mojibake ("childrenâ€™s", UTF-8 read as Windows-1252) and HTML entities
# ("council&#8217;s"), which a hand-written table would only half know. Everything else it
# could change is left alone: this module's own normalisation keeps offsets; ftfy's would not.
_FTFY = ftfy.TextFixerConfig(
    unescape_html="auto",  # only where the text holds no "<": a page of markup is refused
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
# Signs of either: a UTF-8 lead byte read as Windows-1252 or Latin-1, or an entity. ftfy takes
# ~10 ms a letter; most letters have neither, and skip it.
_MISDECODED = re.compile(
    r"[ÂÃâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ¡-¿]|&(?:#\d{2,5}|#x[0-9a-f]{2,4}|[a-z]{2,8});"
    r"|[\x80-\x9f]",  # Windows-1252 quotes and dashes read as Latin-1 control characters
    re.I,
)
# An apostrophe lost in a conversion: "council?s", "children\ufffds", "authority`s".
_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[?\ufffd`\u00b4\u2032](?=[A-Za-z])")
_QUOTED = re.compile(r"^[ \t]*>+[ \t]?", re.M)
QUOTED_SHARE = 0.6  # a forwarded letter quotes every line; a stray ">" in a letter is rare
# A Markdown conversion marks headings with "#" and grades with "**": neither is the letter's.
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)
_MD_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
MIN_MARKDOWN_MARKS = 2  # two headings or bold runs: a letter itself prints neither
# Double spacing: a blank line after every line, so a sentence goes on across a blank line
# ("... the council has" / "" / "improved its ..."), which no single-spaced letter does.
_ACROSS_ONE_BLANK = re.compile(r"[^.!?:;\s][ \t]*\n[ \t]*\n[ \t]*[a-z]")
# Three such sentences; a single-spaced letter has none (its page breaks leave more blanks).
MIN_DOUBLE_SPACED = 3
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n)+")
# A text-drawn grid table ("+-----+-----+" rules, "| cell | cell |"), as a web page dumped to
# text gives the 2005/2006 grade table: its cells are read once the grid is taken off.
_GRID_RULE = re.compile(r"^[ \t]*\+[-=+: ]*\+[ \t]*$", re.M)
MIN_GRID_RULES = 3  # a table's top, a rule under its header, its bottom
# A rating drawn in a box ("  ____" / " |  Performs poorly (1)  |" / " |____|"), or split over
# two lines ("Performs" / "poorly (1)", "Performs poorly" / "(1)"): one line, as printed.
_BOXED = re.compile(
    r"^[ \t]*_{3,}[ \t]*\n(?:[ \t]*\|[ \t]*\|[ \t]*\n)*[ \t]*\|[ \t]*(\S.*?)[ \t]*\|[ \t]*\n"
    r"(?:[ \t]*\|[ \t]*\|[ \t]*\n)*[ \t]*\|_{3,}\|[ \t]*$",
    re.M,
)
_SPLIT_RATING = re.compile(
    r"^([ \t]*performs(?:[ \t]+(?:excellently|well|adequately|poorly))?)[ \t]*\n[ \t]*"
    r"((?:(?:excellently|well|adequately|poorly)[ \t]*)?\([ \t]*[1-4][ \t]*\))[ \t]*$",
    re.I | re.M,
)
# Dot leaders between a heading and its grade ("Being healthy ........ Grade 3").
_DOT_LEADER = re.compile(
    r"[ \t]*(?:\.[ \t]?){3,}[ \t]*(?=(?:grade\s*:?\s*)?[1-4]\b[^\n.]{0,20}$)", re.I | re.M
)


def repair(text: str) -> str:
    """The letter as it was written, from a copy that damaged it: mojibake, HTML entities, a
    lost apostrophe, e-mail quoting ("> ") of a forwarded letter, Markdown marks, double
    spacing, a text-drawn grid table, a boxed or split rating, dot leaders. Line ends become
    "\n"."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # an old Mac file's lone CR too
    if _MISDECODED.search(text):
        text = ftfy.fix_text(text, _FTFY)
    text = _LOST_APOSTROPHE.sub("'", text)
    filled = [ln for ln in text.splitlines() if ln.strip()]
    quoted = sum(1 for ln in filled if _QUOTED.match(ln))
    if filled and quoted >= QUOTED_SHARE * len(filled):
        text = _QUOTED.sub("", text)
    if len(_MD_HEADING.findall(text)) + len(_MD_BOLD.findall(text)) >= MIN_MARKDOWN_MARKS:
        text = _MD_BOLD.sub(r"\1", _MD_HEADING.sub("", text))
    if len(_ACROSS_ONE_BLANK.findall(text)) >= MIN_DOUBLE_SPACED:
        # Every run of n blank lines was n // 2 (a paragraph's one blank line printed as 3).
        text = _BLANK_RUN.sub(lambda m: "\n" * (1 + (m.group().count("\n") - 1) // 2), text)
    if len(_GRID_RULE.findall(text)) >= MIN_GRID_RULES:
        text = _ungridded(text)
    text = _SPLIT_RATING.sub(r"\1 \2", _BOXED.sub(r"\1", text))
    return _DOT_LEADER.sub("  ", text)


def _ungridded(text: str) -> str:
    """A grid table as the letters print theirs: each row's first cell (its lines in order),
    then its other cells, one after another; the rules gone."""
    out: list[str] = []
    row: list[list[str]] = []
    for line in [*text.split("\n"), ""]:
        cells = line.strip()
        if cells.startswith("|") and cells.endswith("|") and len(cells) > 1:
            row.append([c.strip() for c in cells[1:-1].split("|")])
            continue
        for column in range(max((len(r) for r in row), default=0)):
            out += [r[column] for r in row if column < len(r) and r[column]]
        row = []
        if not _GRID_RULE.fullmatch(line):
            out.append(line)
    return "\n".join(out[:-1])
