"""Text out of PDF files, through pypdf."""

import logging
from pathlib import Path

from store.errors import IngestError


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader  # imported here: only ingest of PDFs pays for it
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not our messages
    try:
        reader = PdfReader(str(path), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise IngestError(path.name, f"not a readable PDF ({type(exc).__name__})") from None
    text = "\n\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise IngestError(path.name, "the PDF has no text layer (scanned image?); OCR it first")
    return text
