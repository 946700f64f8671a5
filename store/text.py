"""Text normalisation that keeps a map back to the original offsets."""

import re
from dataclasses import dataclass

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
    for i, ch in enumerate(raw):
        if ch == "\r":  # CRLF is one line end, a lone CR (old Mac files) is one too
            rep = "" if raw[i + 1 : i + 2] == "\n" else "\n"
        else:
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


def key(text: str) -> str:
    """Lower-case, straight quotes, no punctuation: for matching headings and names."""
    text = normalise(text).text.lower()
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()
