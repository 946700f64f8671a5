"""The project's failures, as one small hierarchy.

    LettersError            anything the user can be told about in one line
    ├── FileError           one file cannot be used (source, one-line reason)
    │   ├── ParseError      it is not an Ofsted letter we can read
    │   └── IngestError     it could not be read or stored
    ├── StoreBusyError      another ingest holds the store
    ├── StoreUnavailableError  the database cannot be reached or opened
    └── ConfigError         a setting is missing or malformed

Each carries a one-line ``reason``; the CLI and the Slack bot turn them into messages in one
place each. Expected outcomes (no letter, not graded) are data, never exceptions.
"""

import re

MAX_REASON = 200  # one line of a report or a Slack message; a longer reason is a file's content


def one_line(reason: str, limit: int = MAX_REASON) -> str:
    """Control characters and line breaks as spaces, runs of space as one, cut at ``limit``."""
    text = re.sub(r"\s+", " ", re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", reason)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


class LettersError(Exception):
    """Base class: ``str(error)`` is a one-line message fit for a user."""


class FileError(LettersError):
    """A file that cannot be used; ``reason`` is one line, whatever the file holds."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = one_line(reason)
        super().__init__(f"{printable(source)}: {self.reason}")


class ParseError(FileError):
    pass


class IngestError(FileError):
    pass


def printable(name: str) -> str:
    """A file name as it can be printed on one line: control characters escaped ('\\n')."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in name
    )


class StoreBusyError(LettersError):
    pass


class StoreUnavailableError(LettersError):
    pass


class ConfigError(LettersError):
    pass
