"""The project's failures, as one small hierarchy.

    LettersError            anything the user can be told about in one line
    ├── ParseError          a file is not an Ofsted letter we can read (source, reason)
    ├── IngestError         a file could not be read or stored
    ├── StoreBusyError      another ingest holds the store
    ├── StoreUnavailableError  the database cannot be reached or opened
    └── ConfigError         a setting is missing or malformed

Each carries a one-line ``reason``; the CLI and the Slack bot turn them into messages in one
place each. Expected outcomes (no letter, not graded) are data, never exceptions.
"""


class LettersError(Exception):
    """Base class: ``str(error)`` is a one-line message fit for a user."""


class ParseError(LettersError):
    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class IngestError(LettersError):
    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class StoreBusyError(LettersError):
    pass


class StoreUnavailableError(LettersError):
    pass


class ConfigError(LettersError):
    pass
