"""``parse_letter(text, source) -> ParsedLetter``: pure, no I/O, raises ``ParseError``."""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from store.councils import CouncilDirectory, CouncilRecord, directory
from store.errors import ParseError
from store.grades import (
    Found,
    csa_grade,
    heading_grades,
    prose_quote,
    rating_after,
    table_grades,
    table_region,
)
from store.layout import (
    CLOSING,
    SALUTATION,
    Layout,
    SectionStart,
    build_blocks,
    classify,
    find_headings,
)
from store.lines import (
    LETTERHEAD,
    PAGE_FURNITURE,
    Line,
    after_salutation,
    date_parts,
    is_paragraph_style,
    repeated_furniture,
    split_lines,
)
from store.pages import is_marked, page_at, page_starts
from store.records import Judgement, ParsedLetter, Passage, Section
from store.text import Normalised, fold, normalise, repair
from store.vocabulary import LAST_YEAR, REGIME_YEARS, LetterKind, grade_label, span

APA_2005 = re.compile(
    r"annual performance assessment of (?P<council>.+?)\s*(?:'s|s'|\bs)?\s+education and "
    r"children'?\s?s social care services,?\s+(?P<year>\d{4})",
    re.I,
)
APA_LATER = re.compile(
    r"(?P<year>\d{4})\s+annual performance assessment of services for children and young "
    r"people in (?P<council>.+)$",
    re.I,
)
CSA_TITLE = re.compile(
    r"^\s*(?P<council>.+?)\s+children'?\s?s? services (?:assessment|annual rating|rating)\s+"
    r"(?:for\s+)?(?P<year>\d{4})(?P<rating>\s*[:|\-\u2013]?\s*performs\s+[a-z]+(?:\s*\(\s*[1-4]\s*\))?)?"
    r"\s*$",
    re.I,
)
# The heading said as a sentence, as a copy typed again may put it ("The children's services
# assessment for Birmingham City Council in 2011 is:", "The annual rating of children's
# services for <council> for 2009 is:").
CSA_LEAD_IN = re.compile(
    r"^\s*(?:the\s+)?(?:annual\s+)?(?:children'?\s?s? services assessment|rating of (?:council\s+)?"
    r"children'?\s?s? services)\s+(?:for|of)\s+(?P<council>.+?)\s+(?:in|for)\s+(?P<year>\d{4})"
    r"(?:\s+is)?\s*:?(?P<rating>)\s*$",
    re.I,
)
JAR = re.compile(r"joint area review", re.I)

# Thresholds, in characters of the file or lines of the letter.
BINARY_SAMPLE = 4000  # about a page of letter text: enough to tell binary, cheap on a large file
BINARY_SHARE = 0.02  # text has a stray control character at most; in binary ~1 byte in 8 is one
HEAD_LINES = 80  # page one: letterhead, date, address, "Dear" and title (line 68 at most seen)
TITLE_MAX_LINES = 4  # an APA title wraps over two lines (seen); more capitals are the body's
SIGNATURE_WINDOW = 12  # "Yours" plus two signers' names and posts (8 lines seen); then cc, annex
MIN_PASSAGE_WORDS = 3  # a shorter block is a stray label or page-break remnant, nothing to cite
MAX_LETTER_CHARS = 1_000_000  # the longest letter is ~40,000 characters; 25 times that is not one
GRADE_TABLE = "Areas for judgement (grade table)"  # the 2005-06 table's section, as cited
VOWEL_SOUNDING = "AEFHILMNORSX"  # capitals read aloud with a vowel first ("ay", "ef", "ess")
MAX_QUOTED_NAME = 60  # the longest council name in a title is ~50 characters; more is not a name


@dataclass(frozen=True)
class Title:
    kind: str
    year: int
    council_name: str
    text: str
    lines: range


def parse_letter(text: str, source: str, councils: CouncilDirectory | None = None) -> ParsedLetter:
    """The letter's grades, sections and passages; ``ParseError`` and nothing else otherwise."""
    if not text.strip():
        raise ParseError(source, "the file is empty")
    if len(text) > MAX_LETTER_CHARS:
        raise ParseError(source, "far longer than any letter: not one letter")
    if _looks_binary(text):
        raise ParseError(source, "this is not text (binary content)")
    try:
        return _parse(repair(text), source, councils or directory())
    except ParseError:
        raise
    except Exception as exc:  # a reading bug must cost one file, never the rest of the folder
        raise ParseError(
            source, f"could not be read ({type(exc).__name__}): please report this file"
        ) from exc


def _parse(text: str, source: str, councils: CouncilDirectory) -> ParsedLetter:
    norm = normalise(text)
    lines = split_lines(norm.text)
    title = find_title(lines, source, lambda name: bool(_council_matches(name, councils)))
    council = resolve_council(title, source, councils)
    layout = lay_out(lines, title, _page_tops(text, norm, lines))
    found = find_grades(layout, title, source)
    sections = tuple(_section(norm, layout, i) for i in range(len(layout.sections)))
    return ParsedLetter(
        source=source,
        kind=title.kind,
        year=title.year,
        council=council.short_name,
        title=fold(
            text[
                slice(
                    *norm.original_span(
                        lines[title.lines.start].start, lines[title.lines.stop - 1].end
                    )
                )
            ]
        ),
        letter_date=find_date(lines),
        addressee=find_addressee(lines),
        signatory=find_signatory(lines),
        sections=sections,
        judgements=_paged(text, [_judgement(text, norm, layout, title, f) for f in found]),
        passages=_paged(text, list(_passages(text, norm, layout))),
    )


def _paged(text: str, items: list) -> tuple:
    """The records with the page each starts on, when the file marks its pages."""
    if not is_marked(text):
        return tuple(items)
    starts = page_starts(text)
    return tuple(replace(item, page=page_at(starts, item.start)) for item in items)


def _looks_binary(text: str) -> bool:
    sample = text[:BINARY_SAMPLE]
    odd = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f" or ch == "\ufffd")
    return "\x00" in sample or odd > len(sample) * BINARY_SHARE


def find_title(
    lines: list[Line], source: str, known: Callable[[str], bool] = lambda name: True
) -> Title:
    """The assessment title; ``known`` tells a council's name from a wrapped title's tail."""
    for ln in lines:
        if "annual performance assessment" not in ln.key:
            continue
        for block in _title_blocks(lines, ln.index):
            folded = fold(" ".join(lines[i].text for i in block))
            m = APA_2005.search(folded) or APA_LATER.search(folded)
            if m:
                return _checked(
                    Title(LetterKind.APA, int(m["year"]), m["council"].strip(" ,."), folded, block),
                    source,
                )
    # A title naming a known council wins over an earlier line of the same shape that does not
    # ("Subject: FW: Birmingham City Council children's services assessment 2011"); with none,
    # the first is refused by name.
    candidates = [found for ln in lines if (found := _csa_title(lines, ln.index, known))]
    if candidates:
        # The heading the rating is printed under wins over one printed elsewhere (a web page's
        # "Slough" / "Children's services assessment 2011" above the letter).
        known_ones = [c for c in candidates if known(c[0]["council"])]
        rated = [c for c in known_ones if rating_after(lines, c[1])]
        m, block = (rated or known_ones or candidates)[0]
        title_text = m.string[: m.start("rating")] if m["rating"] else m.string
        return _checked(
            Title(LetterKind.CSA, int(m["year"]), m["council"].strip(), fold(title_text), block),
            source,
        )
    head = " ".join(ln.text for ln in lines[:HEAD_LINES])
    if JAR.search(head) and not SALUTATION.search(head):
        raise ParseError(source, "a joint area review report, not an APA or CSA letter")
    raise ParseError(source, "not an Ofsted APA or CSA letter: no assessment title found")


def _csa_title(
    lines: list[Line], at: int, known: Callable[[str], bool]
) -> tuple[re.Match[str], range] | None:
    """The CSA title on this line, or wrapped over it and a neighbour: a line that is only the
    title's end ("services assessment 2011") continues the line above; so does one whose
    council is no council ("upon Thames children's services assessment 2010")."""
    here = lines[at].text
    m = _csa_match(here)
    if m:
        # The line above, joined on, wins when it makes a council: a name wrapped after its
        # first word ("Birmingham" / "City Council children's …") leaves a line whose own
        # "council" can be another one ("City Council" is the City of London's).
        if at > 0 and not lines[at - 1].blank:
            joined = _csa_match(f"{lines[at - 1].text.strip()} {here.strip()}")
            if joined and known(joined["council"]):
                return joined, range(at - 1, at + 1)
        return m, range(at, at + 1)
    below = lines[at + 1].text if at + 1 < len(lines) else ""
    if below.strip() and not _csa_match(below) and not here.rstrip().endswith("."):
        joined = _csa_match(f"{here.strip()} {below.strip()}")
        if joined:
            return joined, range(at, at + 2)
    return None


# What stands before "children's services assessment" in a heading that names no council
# ("Annual children's services assessment 2011", "The children's services assessment ..."):
# "The Royal Borough of Kingston upon Thames children's services assessment 2010" names one.
NOT_A_COUNCIL = re.compile(r"\s*(?:the\s*)?(?:annual\b.*)?", re.I)


def _csa_match(text: str) -> re.Match[str] | None:
    m = CSA_TITLE.match(text)
    if m and not NOT_A_COUNCIL.fullmatch(m["council"]):
        return m
    return CSA_LEAD_IN.match(text)


def _title_block(lines: list[Line], at: int) -> range:
    """The title line plus the capitalised lines it wraps onto (and a year line above it)."""
    start, end = at, at + 1
    while end < len(lines) and end < at + TITLE_MAX_LINES and _caps(lines[end].text):
        end += 1
    if start > 0 and re.fullmatch(r"\s*\d{4}\s*", lines[start - 1].text):
        start -= 1
    return range(start, end)


def _title_blocks(lines: list[Line], at: int) -> list[range]:
    """The title as printed in capitals (its capitalised lines), then, for a title in mixed
    case ("Annual Performance Assessment of Surrey County Council's Education and" /
    "Children's Social Care Services 2005"), with the next line or two joined on."""
    caps = _title_block(lines, at)
    blocks = [caps]
    for end in range(at + 2, at + TITLE_MAX_LINES):
        extra = lines[end - 1] if end - 1 < len(lines) else None
        if extra is None or extra.blank or extra.text.rstrip().endswith("."):
            break
        blocks.append(range(caps.start, max(end, caps.stop)))
    return blocks


def _caps(text: str) -> bool:
    return bool(text.strip()) and not re.search(r"[a-z]", text)


def _checked(title: Title, source: str) -> Title:
    if title.kind == LetterKind.CSA and title.year > LAST_YEAR:
        raise ParseError(
            source,
            f"claims a children's services assessment for {title.year}; there were none after "
            f"{LAST_YEAR}",
        )
    if title.year not in REGIME_YEARS[title.kind]:
        name = title.kind.upper()
        article = "an" if name[0] in VOWEL_SOUNDING else "a"  # "an APA letter", "a CSA letter"
        raise ParseError(
            source,
            f"{article} {name} letter for {title.year}, but {name} letters cover "
            f"{span(REGIME_YEARS[title.kind])} only",
        )
    return title


def _council_matches(name: str, councils: CouncilDirectory) -> list[CouncilRecord]:
    return councils.lookup(re.sub(r"^the\s+", "", name, flags=re.I))


def resolve_council(title: Title, source: str, councils: CouncilDirectory) -> CouncilRecord:
    name = re.sub(r"^the\s+", "", title.council_name, flags=re.I)
    matches = _council_matches(name, councils)
    if not matches:
        raise ParseError(
            source,
            f"council {_quoted(name)} is not in the table of English "
            "children's services authorities",
        )
    in_year = [c for c in matches if c.exists_in(title.year)]
    if not in_year:
        c = matches[0]
        raise ParseError(
            source,
            f"{c.short_name} was not a children's services authority in "
            f"{title.year} ({c.first_year}-{c.last_year})",
        )
    if len(in_year) > 1:
        names = " or ".join(c.short_name for c in in_year)
        raise ParseError(source, f"council {_quoted(name)} could be {names}")
    return in_year[0]


def _quoted(name: str) -> str:
    """A name from the file, quoted only when it is name-sized: a reason never holds a page."""
    name = fold(name)
    return f"'{name}'" if len(name) <= MAX_QUOTED_NAME else "named in the title"


def _page_tops(text: str, norm: Normalised, lines: list[Line]) -> frozenset[int]:
    """Lines that open a page: the first non-blank line after each form feed."""
    tops, after_break = set(), False
    for ln in lines:
        if ln.start > 0 and text[norm.offsets[ln.start - 1]] == "\f":
            after_break = True
        if after_break and not ln.blank:
            tops.add(ln.index)
            after_break = False
    return frozenset(tops)


def lay_out(lines: list[Line], title: Title, page_tops: frozenset[int] = frozenset()) -> Layout:
    csa_title = title.lines if title.kind == LetterKind.CSA else None
    first = title.lines.stop if title.kind == LetterKind.APA else after_salutation(lines)
    headings = find_headings(lines, title.kind, csa_title, first)
    furniture = repeated_furniture(lines)  # read once: the table and the roles both use it
    table = table_region(lines, furniture) if title.kind == LetterKind.APA else range(0)
    roles = classify(
        lines,
        title.kind,
        title.lines if title.kind == LetterKind.APA else range(0),
        table,
        headings,
        page_tops,
        furniture,
    )
    sections = [_intro(title, first, headings, roles)]
    sections += [h for _, h in sorted(headings.items()) if h is not sections[0]]
    sections = _with_table_section(sections, table, lines)
    paragraph_style = is_paragraph_style(lines)
    blocks = build_blocks(lines, roles, sections, paragraph_style, page_tops)
    return Layout(lines, roles, sections, blocks, paragraph_style, furniture)


def _with_table_section(
    sections: list[SectionStart], table: range, lines: list[Line]
) -> list[SectionStart]:
    """The 2005-06 grade table as a section of its own, so its grades cite it; the section it
    interrupts goes on after it."""
    if not table:
        return sections
    # A table above every heading (a copy that opens with it) interrupts no section.
    before = max((s for s in sections if s.line <= table.start), key=lambda s: s.line, default=None)
    own = SectionStart(table.start, GRADE_TABLE, None)
    after = [s for s in sections if s.line > table.start]
    resumed = (
        []
        if before is None or (after and after[0].line <= table.stop)
        else [SectionStart(table.stop, before.heading, before.area)]
    )
    return [s for s in sections if s.line < table.start] + [own, *resumed, *after]


def _intro(
    title: Title, first: int, headings: dict[int, SectionStart], roles: list[str]
) -> SectionStart:
    """The section before the first heading: under the APA title, or under the CSA letter's
    own opening heading ("Annual children's services assessment") when prose follows it."""
    if title.kind == LetterKind.APA:
        return SectionStart(first, title.text, None)
    for index in sorted(headings):
        if index >= title.lines.start or any(r in ("text", "bullet") for r in roles[first:index]):
            break
        return headings[index]
    return SectionStart(first, "Introduction", None)


def find_grades(layout: Layout, title: Title, source: str) -> list[Found]:
    if title.kind == LetterKind.CSA:
        section = next(
            (i for i, s in enumerate(layout.sections) if s.line == title.lines.start), None
        )
        found = None if section is None else csa_grade(layout, title.lines, section)
        if found is None:
            raise ParseError(
                source,
                f"no rating line ('Performs ... (N)') after the heading {_quoted(title.text)}",
            )
        return [found]
    table = table_grades(layout, _table_range(layout))
    headed = heading_grades(layout)
    areas = {f.area for f in table}
    return table + [f for f in headed if f.area not in areas]


def _table_range(layout: Layout) -> range:
    rows = [i for i, role in enumerate(layout.roles) if role == "table"]
    return range(rows[0], rows[-1] + 1) if rows else range(0)


def find_date(lines: list[Line]) -> date | None:
    """The first line of page one that is a real date, in any form the letters print."""
    for ln in lines[:HEAD_LINES]:
        parts = date_parts(ln.text)
        if parts:
            try:
                return date(*parts)
            except ValueError:  # "31/02/2007": a number that only looks like a date
                continue
    return None


def find_addressee(lines: list[Line]) -> str | None:
    for ln in lines[:HEAD_LINES]:
        if SALUTATION.match(ln.text):
            return fold(re.sub(r"^\s*dear\s+", "", ln.text, flags=re.I)).rstrip(",")
    return None


def find_signatory(lines: list[Line]) -> str | None:
    closing = next((ln.index for ln in reversed(lines) if CLOSING.match(ln.text)), None)
    if closing is None:
        return None
    parts = []
    for ln in lines[closing + 1 : closing + SIGNATURE_WINDOW]:
        text = fold(ln.text)
        if (
            not text
            or not re.match(r"^[A-Z][A-Za-z'\-]", text)
            or re.match(r"^cc\b", text, re.I)
            or PAGE_FURNITURE.match(text)
            or LETTERHEAD.search(text)
        ):
            continue  # OCR junk from the signature image, page footers, copies list
        parts.append(text)
    return ", ".join(parts) or None


def _section(norm: Normalised, layout: Layout, index: int) -> Section:
    s = layout.sections[index]
    lines = layout.lines
    start = lines[s.line].start if s.line < len(lines) else len(norm.text)
    nxt = layout.sections[index + 1].line if index + 1 < len(layout.sections) else len(lines)
    end = lines[nxt - 1].end if nxt > 0 else start
    o_start, o_end = norm.original_span(start, max(start, end))
    return Section(s.heading, s.area, o_start, o_end)


def _judgement(text: str, norm: Normalised, layout: Layout, title: Title, f: Found) -> Judgement:
    section = layout.sections[f.section]
    prose = prose_quote(layout, norm.text, _stating(layout, f), f.area, f.grade, title.kind)
    q_start, q_end = norm.original_span(*(prose or f.quote_span))
    g_start, g_end = norm.original_span(*f.grade_span)
    return Judgement(
        area=f.area,
        grade=f.grade,
        label=grade_label(title.kind, f.grade),
        grade_text=fold(text[g_start:g_end]),
        quote=fold(text[q_start:q_end]),
        start=q_start,
        end=q_end,
        section=section.heading,
    )


def _stating(layout: Layout, f: Found) -> list[int]:
    """Sections whose opening prose may restate the grade: its own; for a table grade, the
    summary around the table and the section headed by the same area (2005's "Capacity to
    improve")."""
    if layout.sections[f.section].heading != GRADE_TABLE:
        return [f.section]
    around = layout.sections[f.section - 1].heading if f.section else None
    return [
        i
        for i, s in enumerate(layout.sections)
        if i != f.section and (s.heading == around or s.area == f.area)
    ]


def _passages(text: str, norm: Normalised, layout: Layout):
    for block in layout.blocks:
        start, end = norm.original_span(block.start, block.end)
        body = "\n".join(
            text[slice(*norm.original_span(layout.lines[i].start, layout.lines[i].end))].strip()
            for i in block.lines
        )
        body = re.sub(r"^\s*(?:[-\u2022*\u25cf\u25e6o]\s+|[\u2022\ue000-\uf8ff])\s*", "", body)
        body = fold(re.sub(r"[\u00ad\u200b\ue000-\uf8ff]", "", body))
        if len(body.split()) < MIN_PASSAGE_WORDS:
            continue
        section = layout.sections[block.section]
        yield Passage(body, section.heading, section.area, start, end, block.bullet)
