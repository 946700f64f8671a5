"""What the parser returns: small frozen records with offsets into the letter's text as
repaired (``store.text.repair``: line ends, mojibake, a copy's markup undone), which is the text
the store keeps."""

from dataclasses import dataclass, field
from datetime import date

from store.vocabulary import LetterKind


@dataclass(frozen=True)
class Section:
    heading: str
    area: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Judgement:
    area: str
    grade: int
    label: str
    grade_text: str  # as printed: "Grade 2", "Performs poorly (1)", a table cell
    quote: str  # the sentence(s) stating it, verbatim but for folded whitespace
    start: int  # offsets of the quote in the letter's (repaired) text
    end: int
    section: str  # heading of the section it belongs to
    page: int | None = None  # the page its quote starts on, when the file marks pages


@dataclass(frozen=True)
class Passage:
    text: str
    section: str
    area: str | None
    start: int
    end: int
    bullet: bool = False
    page: int | None = None


@dataclass(frozen=True)
class ParsedLetter:
    source: str
    kind: LetterKind
    year: int
    council: str  # canonical short name
    title: str
    letter_date: date | None
    addressee: str | None
    signatory: str | None
    sections: tuple[Section, ...] = field(default=())
    judgements: tuple[Judgement, ...] = field(default=())
    passages: tuple[Passage, ...] = field(default=())
