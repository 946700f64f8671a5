"""A letter read from a realistic PDF (bench/pdfs.py) says what its text version says.

Each fixture in tests/data/letters/ is set as the real letter would be printed (letterhead
table, ruled grade table, Symbol bullets, running header, "Page N of M" footers, justified
paragraphs broken across pages), read back with ``read_letter_file`` and parsed. Its grades,
quotes and passages must be the text version's, and each must cite the page it is printed on,
which the builder knows because every paragraph records the page it was drawn on.

The builder's own promises are checked here too: several pages, every word of the letter in
the text layer in reading order, the grade table a ruled table, bullets set in Symbol.
"""

from __future__ import annotations

import difflib
import io
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from bench.pdfs import BULLET_MARKS, BuiltLetter, archive_pdfs, build_letter
from store.files import read_letter_file
from store.parse import parse_letter
from store.records import ParsedLetter
from tests.conftest import LETTERS, letter_cases

CASES = letter_cases()
FOOTER = re.compile(r"Page\s*\d+\s*of\s*\d+", re.I)
BULLET_GLYPHS = "\u2022\u00b7\uf0b7\u25cf\u2219"
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,  # soft hyphen
    }
)


def fold(text: str) -> str:
    """Whitespace folded; curly quotes, ligatures, dashes, non-breaking spaces made plain."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split())


def key(text: str) -> str:
    """For finding text, not for judging it: no spaces, hyphens or bullet glyphs."""
    return re.sub(rf"[\s\-{BULLET_GLYPHS}]", "", fold(text))


@dataclass
class Case:
    name: str
    text: str
    built: BuiltLetter
    pdf_path: Path
    pdf_text: str  # read_letter_file's text of the PDF
    intended: dict[str, int]
    _pdf: ParsedLetter | None = None
    _txt: ParsedLetter | None = None

    @property
    def pdf(self) -> ParsedLetter:
        if self._pdf is None:
            self._pdf = parse_letter(self.pdf_text, self.pdf_path.name)
        return self._pdf

    @property
    def txt(self) -> ParsedLetter:
        if self._txt is None:
            self._txt = parse_letter(self.text, f"{self.name}.txt")
        return self._txt

    @property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.built.pdf))

    def printed(self) -> tuple[str, list[int]]:
        """The text drawn on the pages, as ``key`` has it, and the page of each character."""
        chars: list[str] = []
        pages: list[int] = []
        for page, text in self.built.drawn:
            k = key(text)
            chars.append(k)
            pages += [page] * len(k)
        return "".join(chars), pages

    def page_of(self, text: str, start: int) -> int | None:
        """The page on which ``text``'s first words are printed, taking the occurrence that
        ``start`` (an offset into ``pdf_text``) points at when the words occur more than once."""
        stream, pages = self.printed()
        first = key(text)[:40]
        if not first:
            return None
        hits = [m.start() for m in re.finditer(f"(?={re.escape(first)})", stream)]
        if not hits:
            return None
        before = key(self.pdf_text[:start])
        nth = len(re.findall(f"(?={re.escape(first)})", before))
        return pages[hits[min(nth, len(hits) - 1)]]

    def pdf_passages_at(self, text: str) -> list[str]:
        """The PDF passages that hold ``text``'s first and last words."""
        chars: list[str] = []
        offsets: list[int] = []
        for i, ch in enumerate(self.pdf_text):
            k = key(ch)
            chars.append(k)
            offsets += [i] * len(k)
        stream = "".join(chars)
        found = []
        for words in (key(text)[:40], key(text)[-40:]):
            at = stream.find(words)
            if at < 0:
                continue
            off = offsets[at]
            for p in self.pdf.passages:
                if p.start <= off < p.end and fold(p.text) not in found:
                    found.append(fold(p.text))
        return found


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Case]:
    made: dict[str, Case] = {}
    folder = tmp_path_factory.mktemp("realistic_pdfs")

    def get(name: str) -> Case:
        if name not in made:
            text = (LETTERS / f"{name}.txt").read_text(encoding="utf-8")
            built = build_letter(text)
            path = folder / f"{name}.pdf"
            path.write_bytes(built.pdf)
            intended = json.loads((LETTERS / f"{name}.intended.json").read_text("utf-8"))
            made[name] = Case(
                name, text, built, path, read_letter_file(path), intended["judgements"]
            )
        return made[name]

    return get


def _grades(letter: ParsedLetter) -> dict[str, int]:
    return {j.area: j.grade for j in letter.judgements}


def _page_texts(c: Case) -> list[str]:
    return [page.extract_text() for page in c.reader.pages]


# --------------------------------------------------------------------------------------------
# The builder's own promises


@pytest.mark.parametrize("name", CASES)
def test_builder_makes_several_pages_with_header_and_footer(case, name: str) -> None:
    c = case(name)
    texts = _page_texts(c)
    assert len(texts) == c.built.pages >= 2
    for n, text in enumerate(texts, 1):
        assert f"Page {n} of {len(texts)}" in text, (n, text[-200:])
        assert (c.built.letter.header in text) == (n > 1), (n, c.built.letter.header)


def test_builder_breaks_pages_mid_paragraph(case) -> None:
    broken = {name: case(name).built.broken for name in CASES}
    assert sum(n >= 1 for n in broken.values()) >= len(CASES) / 2, broken


@pytest.mark.parametrize("name", CASES)
def test_builder_keeps_every_word_in_reading_order(case, name: str) -> None:
    c = case(name)
    raw = c.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    dropped = set(c.built.letter.dropped)
    for i in dropped:  # only the earlier extraction's page furniture may go
        line = raw[i].strip()
        assert (
            FOOTER.fullmatch(line)
            or re.fullmatch(r"\d{1,2}", line)
            or line == c.built.letter.header
            or line in ("", "\f")
        ), line
    kept = []
    for i, line in enumerate(raw):
        if i in dropped:
            continue
        s = line.strip()
        for mark in BULLET_MARKS:
            if s.startswith(mark + " "):
                s = s[len(mark) :]
        kept.append(s)
    stream, _ = c.printed()
    assert stream == key(" ".join(kept))
    # and the PDF's text layer holds what was drawn, page by page, in the same order
    header = key(c.built.letter.header)
    for n, text in enumerate(_page_texts(c), 1):
        layer = key(FOOTER.sub("", text))
        if n > 1:
            assert layer.startswith(header)
            layer = layer[len(header) :]
        drawn = "".join(key(t) for p, t in c.built.drawn if p == n)
        assert layer == drawn, (n, difflib.SequenceMatcher(None, layer, drawn).get_opcodes()[:3])


def test_archive_writes_one_pdf_per_letter(tmp_path: Path) -> None:
    texts = [(n, (LETTERS / f"{n}.txt").read_text(encoding="utf-8")) for n in CASES[:2]]
    paths = archive_pdfs(texts, tmp_path / "pdfs")
    assert [p.name for p in paths] == [f"{n}.pdf" for n in CASES[:2]]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in paths)


def _fragments(page) -> list[tuple[str, float, float, str]]:
    """(text, x, y, font name) of each piece of text the page draws."""
    out: list[tuple[str, float, float, str]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            name = str(font.get("/BaseFont", "")) if font else ""
            out.append((text.strip(), x, y, name))

    page.extract_text(visitor_text=visit)
    return out


@pytest.mark.parametrize("name", [n for n in CASES if n.startswith(("apa2005", "apa2006"))])
def test_builder_sets_the_grade_table_as_a_ruled_table(case, name: str) -> None:
    c = case(name)
    (table,) = [b for b in c.built.letter.blocks if b.kind == "grade_table"]
    assert sorted(g for _, g in table.rows) == sorted(str(v) for v in c.intended.values())
    assert table.key, "the key is rows of the table"
    page_no = next(p for p, t in c.built.drawn if t == table.texts[0])
    page = c.reader.pages[page_no - 1]
    width = float(page.mediabox.width)
    frags = _fragments(page)
    head = [f for f in frags if f[0].startswith("Areas for judgement")]
    grade_head = [f for f in frags if f[0].startswith("Grade awarded") or f[0] == "Grade"]
    assert head and grade_head and grade_head[0][1] > 0.7 * width > head[0][1]
    digits = [f for f in frags if re.fullmatch(r"[1-4]", f[0]) and f[1] > 0.7 * width]
    assert [d[0] for d in digits][: len(table.rows)] == [g for _, g in table.rows]
    content = page.get_contents().get_data()
    assert len(re.findall(rb"[\d.]+ [\d.]+ l\b", content)) >= 2 * (len(table.rows) + 1)


@pytest.mark.parametrize("name", CASES)
def test_builder_sets_bullets_in_symbol(case, name: str) -> None:
    c = case(name)
    items = sum(
        len(b.texts) if b.kind == "bullets" else sum(1 for r in b.rows for x in r if x)
        for b in c.built.letter.blocks
        if b.kind in ("bullets", "strengths_table")
    )
    if not items:
        pytest.skip("no bullets in this letter")
    fonts, glyphs = set(), 0
    for page in c.reader.pages:
        resources = page.get("/Resources", {}).get_object()
        for ref in resources.get("/Font", {}).get_object().values():
            fonts.add(str(ref.get_object().get("/BaseFont")))
        glyphs += sum(1 for f in _fragments(page) if f[3] in ("/Symbol", "/ZapfDingbats"))
    assert fonts & {"/Symbol", "/ZapfDingbats"}, fonts
    assert glyphs == items


# --------------------------------------------------------------------------------------------
# The PDF reads as the text does


@pytest.mark.parametrize("name", CASES)
def test_pdf_gives_the_same_grades(case, name: str) -> None:
    c = case(name)
    assert _grades(c.txt) == c.intended  # the text version itself is right
    assert _grades(c.pdf) == _grades(c.txt)


@pytest.mark.parametrize("name", CASES)
def test_pdf_gives_the_same_quotes(case, name: str) -> None:
    c = case(name)
    txt = {j.area: j.quote for j in c.txt.judgements}
    differ = [
        f"{j.area}:\n    text: {fold(txt[j.area])!r}\n    pdf:  {fold(j.quote)!r}"
        for j in c.pdf.judgements
        if j.area in txt and fold(j.quote) != fold(txt[j.area])
    ]
    assert not differ, "\n".join(differ)


@pytest.mark.parametrize("name", CASES)
def test_pdf_judgements_cite_the_page_the_quote_is_on(case, name: str) -> None:
    c = case(name)
    wrong = []
    for j in c.pdf.judgements:
        printed = c.page_of(j.quote, j.start)
        ok = isinstance(j.page, int) and j.page >= 1 and j.page == printed
        if not ok:
            wrong.append(f"{j.area}: cites page {j.page!r}, printed on {printed}: {j.quote[:70]!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", CASES)
def test_pdf_passages_cite_the_page_they_start_on(case, name: str) -> None:
    c = case(name)
    wrong = []
    for p in c.pdf.passages:
        printed = c.page_of(p.text, p.start)
        if not (isinstance(p.page, int) and p.page >= 1 and p.page == printed):
            wrong.append(f"cites page {p.page!r}, printed on {printed}: {p.text[:70]!r}")
    assert not wrong, f"{len(wrong)} of {len(c.pdf.passages)}:\n" + "\n".join(wrong)


# Known gaps, left open (strict: a fix makes these fail until the mark goes). Here the text
# version is the one that cannot tell: two paragraphs with no blank line between them, the first
# ending on a line that fills the measure, read as one passage. The PDF's gap shows two, and the
# PDF reading gives two, as printed.
KNOWN_PASSAGE_GAPS = {
    "csa2011_late_slough": "the text version runs two paragraphs together; the PDF does not",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_PASSAGE_GAPS[n]))
        if n in KNOWN_PASSAGE_GAPS
        else n
        for n in CASES
    ],
)
def test_pdf_passages_cover_the_text_versions(case, name: str) -> None:
    c = case(name)
    pdf = [fold(p.text) for p in c.pdf.passages]
    have = set(pdf)
    missing = [fold(p.text) for p in c.txt.passages if fold(p.text) not in have]
    report = []
    for p in c.txt.passages:
        if fold(p.text) in have:
            continue
        where = c.pdf_passages_at(p.text)
        shown = " | ".join(repr(x[:200]) for x in where) or "(in no PDF passage)"
        report.append(f"text: {fold(p.text)[:200]!r}\n    pdf:  {shown}")
        if len(where) == 1:
            report.append(f"    first difference: {_first_difference(fold(p.text), where[0])}")
    covered = 1 - len(missing) / max(1, len(c.txt.passages))
    assert covered >= 0.95, f"{len(missing)} of {len(c.txt.passages)} differ:\n" + "\n".join(report)


def _first_difference(text: str, pdf: str) -> str:
    n = next((i for i, (a, b) in enumerate(zip(text, pdf, strict=False)) if a != b), None)
    if n is None:
        n = min(len(text), len(pdf))
        if len(text) < len(pdf):
            return f"the PDF passage goes on: ...{pdf[max(0, n - 30) : n + 90]!r}"
        return f"the PDF passage stops early: ...{text[max(0, n - 30) : n + 90]!r}"
    s = max(0, n - 30)
    return f"at char {n}: text ...{text[s : n + 50]!r} / pdf ...{pdf[s : n + 50]!r}"


@pytest.mark.parametrize("name", CASES)
def test_pdf_passages_hold_no_page_furniture(case, name: str) -> None:
    c = case(name)
    header = fold(c.built.letter.header)
    bad = [p.text for p in c.pdf.passages if FOOTER.search(p.text) or header in fold(p.text)]
    assert not bad, "\n".join(f"{t[:160]!r}" for t in bad)
