"""Where each letter was published: a ``sources.csv`` beside the letters, two columns
``file,url``, read at ingest so every citation can link to the letter itself.

    file,url
    birmingham_apa2007.pdf,https://files.ofsted.gov.uk/v1/file/50000001

A row naming no file in its folder, or a URL that is not http(s), is reported and skipped; the
letters load either way.
"""

import csv
import io
from pathlib import Path

from store.errors import printable

SOURCES_FILE = "sources.csv"
MAX_URL = 3000  # Slack's limit on a link in a message; a longer one could not be shown
UNSAFE = set(" <>|\"'\t\r\n")  # characters that would break a Slack or terminal link


def read_sources(paths: list[Path]) -> tuple[dict[Path, str], list[str]]:
    """Every ``sources.csv`` in the folders given (and below): the resolved path of each file
    listed -> its URL, and one line per row that was skipped."""
    urls: dict[Path, str] = {}
    problems: list[str] = []
    for folder in (p for p in paths if p.is_dir()):
        for sheet in sorted(folder.rglob(SOURCES_FILE)):
            found, skipped = _rows(sheet)
            urls.update(found)
            problems += skipped
    return urls, problems


def _rows(sheet: Path) -> tuple[dict[Path, str], list[str]]:
    found: dict[Path, str] = {}
    skipped: list[str] = []
    try:
        text = sheet.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        return {}, [f"{printable(str(sheet))}: cannot be read ({type(error).__name__})"]
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        name, url = (row.get("file") or "").strip(), (row.get("url") or "").strip()
        why = _unusable(sheet.parent, name, url)
        if why:
            skipped.append(f"{printable(str(sheet))} line {n}: {why}; skipped")
        else:
            found[(sheet.parent / name).resolve()] = url
    return found, skipped


def _unusable(folder: Path, name: str, url: str) -> str:
    if not name or not (folder / name).is_file():
        return f"no file {printable(name)[:80]!r} beside it"
    if not url.lower().startswith(("https://", "http://")):
        return "the url is not an http(s) address"
    if len(url) > MAX_URL or UNSAFE & set(url):
        return "the url is too long or holds spaces, quotes or <, >, |"
    return ""
