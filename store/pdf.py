"""Text out of PDF files, through pypdf, with limits so a hostile file costs little.

Pages are joined with a form feed, as a text file with page breaks has them: offsets into the
stored text give the page (``store.pages``).
"""

import io
import logging
import re
import warnings

from store.errors import IngestError

# Limits. A letter is 2-12 pages and its largest stream (a crest image, never decoded for text;
# a font program) is well under 4 MB; pypdf's own defaults (75 MB a stream) are for any PDF.
MAX_PAGES = 60
MAX_STREAM_BYTES = 8 * 2**20
MAX_TEXT_CHARS = 1_000_000  # about 25 times the longest letter's text
PAGE_BREAK = "\f"
# Layout mode spaces words of a justified line by one to three spaces; four or more is the
# gutter between two cells printed side by side.
COLUMN_GAP = 4
CELL = re.compile(rf"\S(?:.*?\S)?(?=[ \t]{{{COLUMN_GAP},}}|[ \t]*$)")  # text up to a gutter
# A bullet item's glyph (a Symbol-font bullet comes out as U+2022 or the private-use U+F0B7),
# then the item's text, whose column its wrapped lines keep (a hanging indent).
BULLET_ITEM = re.compile(r"^([ \t]*)[\u2022\u00b7\uf0b7\u25cf\u2219\u25aa][ \t]+(?=\S)")
# Layout mode places each line's text to the nearest character column, so a wrapped line of an
# item may sit a column left of the text above it; two columns left is out of the item.
HANGING_SLACK = 1


def pdf_text(data: bytes, source: str) -> str:
    """The text layer of a PDF, pages joined by form feeds, or an ``IngestError``."""
    from pypdf import PdfReader, apply_configuration  # here: only ingest of PDFs pays for it
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not our messages
    try:
        with apply_configuration(**_limits()), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a broken file's quirks, not the user's business
            return _pages_text(PdfReader(io.BytesIO(data), strict=False), source)
    except IngestError:
        raise
    except LimitReachedError:
        raise IngestError(source, "a stream in the PDF inflates past the size limit") from None
    except (FileNotDecryptedError, DependencyError):
        raise IngestError(source, "the PDF is encrypted in a way that cannot be opened") from None
    except RecursionError:
        raise IngestError(source, "not a readable PDF (its objects nest without end)") from None
    except Exception as exc:  # pypdf raises many kinds on broken files; none may stop ingest
        raise IngestError(source, f"not a readable PDF ({type(exc).__name__})") from None


def _pages_text(reader, source: str) -> str:
    if reader.is_encrypted and not reader.decrypt(""):
        raise IngestError(source, "the PDF is password-protected; save an unlocked copy")
    if len(reader.pages) > MAX_PAGES:
        raise IngestError(source, f"has more than {MAX_PAGES} pages: not one letter")
    pages: list[str] = []
    size = 0
    for page in reader.pages:
        pages.append(_page_text(page))
        size += len(pages[-1])
        if size > MAX_TEXT_CHARS:
            raise IngestError(source, "holds far more text than any letter")
    text = PAGE_BREAK.join(pages)
    if not text.strip():
        raise IngestError(source, "the PDF has no text layer (scanned image?); OCR it first")
    return text


def _page_text(page) -> str:
    """One page's text in reading order, one printed line a line, a blank line wherever the
    page leaves vertical space (between paragraphs, around headings and tables). pypdf's layout
    mode keeps that space. Cells printed side by side (letterhead columns, a table's label and
    grade, two columns of bullets) come out one after the other, each line on its own line, as
    a plain extraction of a one-column page would give them."""
    try:
        raw = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # a font or operator layout mode cannot place: the plain text, unspaced
        raw = page.extract_text() or ""
    out: list[str] = []
    block: list[str] = []
    for line in [*_lists_ended(raw.splitlines()), ""]:
        if line.strip():
            block.append(line.rstrip())
            continue
        out += _reading_order(block)
        block = []
        out.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")


def _lists_ended(lines: list[str]) -> list[str]:
    """A blank line wherever a line goes back out to the margin after a bullet item. The item's
    wrapped lines keep its text's column; a line left of it is a new paragraph, even where the
    page leaves too little space after the list for layout mode to give a blank line."""
    out: list[str] = []
    item_column = None  # the column of the open item's text
    for line in lines:
        column = len(line) - len(line.lstrip())
        if m := BULLET_ITEM.match(line):
            item_column = m.end()
        elif not line.strip():
            item_column = None
        elif item_column is not None and column < item_column - HANGING_SLACK:
            out.append("")
            item_column = None
        out.append(line)
    return out


def _reading_order(block: list[str]) -> list[str]:
    """Lines of one block (between blank lines): a block of two side-by-side columns gives its
    left column's lines, then its right column's; a one-column block is left as it is."""
    cells = [[(m.start(), m.group()) for m in CELL.finditer(line)] for line in block]
    starts = [c[0] for row in cells for c in row[1:]]
    if not starts:
        return [_tidy(line) for line in block]
    gutter = min(starts)  # where the right column begins
    left = [t for row in cells for start, t in row if start < gutter]
    right = [t for row in cells for start, t in row if start >= gutter]
    return [_tidy(t) for t in left + right]


def _tidy(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text.strip())


def _limits() -> dict[str, object]:
    """pypdf's resource limits, lowered from its defaults (75 MB a stream) to a letter's size."""
    streams = (
        "maximum_declared_stream_length",
        "array_based_stream_maximum_output_length",
        "jbig2_maximum_output_length",
        "lzw_maximum_output_length",
        "run_length_maximum_output_length",
        "zlib_maximum_output_length",
        "brotli_maximum_output_length",
    )
    # jbig2dec is an outside program: never run it on an untrusted image we do not need.
    return {name: MAX_STREAM_BYTES for name in streams} | {"jbig2dec_binary": None}
