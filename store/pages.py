"""Which page of the letter an offset falls on: from form feeds (PDFs, and text files with page
breaks) or, failing those, from "Page N of M" footers. Pure functions of the text."""

import bisect
import re

# A footer line "Page 3 of 5" ends page 3; running footers without "of M" are too often
# headers ("Page 2" above the text) to place a break by.
FOOTER = re.compile(r"^[ \t]*page[ \t]+(\d{1,2})[ \t]+of[ \t]+(\d{1,2})[ \t]*$", re.I | re.M)


def page_starts(text: str) -> tuple[int, ...]:
    """Offsets where pages 2, 3, ... begin; empty when the text marks no pages."""
    if "\f" in text:
        return tuple(m.end() for m in re.finditer("\f", text))
    starts = []
    for m in FOOTER.finditer(text):
        if int(m[1]) == len(starts) + 1 and int(m[1]) < int(m[2]):
            starts.append(m.end())
    return tuple(starts)


def page_at(starts: tuple[int, ...], offset: int) -> int:
    """The page holding ``offset``, given ``page_starts``."""
    return bisect.bisect_right(starts, offset) + 1


def is_marked(text: str) -> bool:
    """Whether the text says where its pages are: without that, no page is cited."""
    return "\f" in text or bool(FOOTER.search(text))
