"""A letter file's bytes as text: a size limit, the encodings letters come in, line ends, NULs.

Pure but for ``read_letter_file``, which reads at most ``MAX_*_BYTES + 1`` bytes, so a huge
file is refused without being held in memory.
"""

import codecs
from pathlib import Path

from store.errors import IngestError
from store.pdf import pdf_text

SUFFIXES = (".txt", ".pdf")
# Limits, in bytes of the file. Real letters are 20-60 KB as text and under 1 MB as PDF (a
# crest and a signature image); a file many times that is not one letter.
MAX_TEXT_BYTES = 2 * 2**20
MAX_PDF_BYTES = 20 * 2**20

# Byte-order marks, UTF-32 before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 (with or without a BOM), UTF-16/32 with a BOM, else Windows-1252; CRLF and CR-only
    line ends become LF and NULs are dropped, so both databases store the same text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise IngestError(
                    source, f"starts with a {codec.upper()} mark but is not {codec.upper()} text"
                ) from None
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")  # 5 unmapped bytes: binary, not text
    return clean_text(text)


def clean_text(text: str) -> str:
    """Line ends as LF, no NULs: what ingest stores, from a text file or a PDF alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def read_letter_file(path: Path) -> str:
    """The text of one .txt or .pdf file, or an ``IngestError`` with a one-line reason."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestError(
            path.name, f"unsupported file type '{suffix[:12] or 'none'}' (.txt or .pdf)"
        )
    limit = MAX_PDF_BYTES if suffix == ".pdf" else MAX_TEXT_BYTES
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError:
        raise IngestError(path.name, "permission denied") from None
    except IsADirectoryError:
        raise IngestError(path.name, "is a folder, not a file") from None
    except OSError as exc:
        raise IngestError(path.name, f"cannot read the file ({exc.strerror})") from None
    if len(data) > limit:
        raise IngestError(
            path.name, f"larger than {limit // 2**20} MB: no single letter is that big"
        )
    if suffix == ".pdf":
        return clean_text(pdf_text(data, path.name))
    return decode_text(data, path.name)
