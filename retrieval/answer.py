"""The one value every surface renders: ``Answer``, with its findings and cited passages."""

from dataclasses import asdict, dataclass, field
from enum import StrEnum

from store.vocabulary import LetterKind, grade_phrase


class AnswerKind(StrEnum):
    """What an answer is; each surface renders each kind."""

    GRADE = "grade"
    GRADES = "grades"
    TREND = "trend"
    TABLE = "table"
    PASSAGES = "passages"
    NOT_FOUND = "not_found"
    NO_GRADE = "no_grade"
    CLARIFY = "clarify"
    HELP = "help"
    COMPARE = "compare"  # sides with their grades and a verdict
    YESNO = "yesno"  # "Yes" or "No" first, then the grades that decide it
    COUNT = "count"  # the number first, then what it is out of
    ABOUT = "about"  # the scales, the terms, what the store holds


class Verdict(StrEnum):
    """A comparison's outcome, said in one line."""

    FIRST_HIGHER = "first higher"
    SECOND_HIGHER = "second higher"
    EQUAL = "equal"
    DIFFERENT = "different assessments"  # an APA grade against a CSA rating
    NO_LETTER = "no letter for one side"
    NOT_GRADED = "not graded for one side"


class Direction(StrEnum):
    """Which way a council's grade went over the years asked."""

    UP = "up"
    DOWN = "down"
    SAME = "same"
    SINGLE = "single letter"  # one letter does not make a trend


@dataclass(frozen=True)
class Source:
    authority: str
    kind: LetterKind
    year: int
    title: str
    date: str | None  # ISO date of the letter, when it prints one
    section: str
    file: str
    page: int | None = None  # None: the file marks no pages
    url: str | None = None  # where the letter was published, when known


@dataclass(frozen=True)
class Finding:
    """A grade the letter states, with the sentence that states it."""

    authority: str
    year: int
    kind: str
    area: str
    area_label: str
    grade: int
    grade_label: str
    grade_text: str  # as printed: "Grade 2", "Performs poorly (1)"
    quote: str
    source: Source

    @property
    def phrase(self) -> str:
        """ "Grade 2 (adequate)" or "Performs poorly (1)": the one grade phrase."""
        return grade_phrase(self.kind, self.grade)


@dataclass(frozen=True)
class Graded:
    """``letters grades``: the judgements held for one council (None: every council)."""

    council: str | None
    year: int | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Cited:
    """A passage of a letter, ranked by BM25 (score 0 when chosen by position)."""

    passage_id: int
    text: str
    score: float
    authority: str
    year: int
    kind: str
    section: str
    source: Source
    same_in: tuple[str, ...] = ()  # other letters whose passage says the same, word for word


@dataclass(frozen=True)
class Context:
    """What a question resolved to; a follow-up in the same thread starts from it."""

    council: str | None = None
    years: tuple[int, ...] = ()
    area: str | None = None
    intent: str = "search"
    text: str = ""  # the search words, for "more results"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> "Context | None":
        if not data:
            return None
        return cls(
            data.get("council"),
            tuple(data.get("years") or ()),
            data.get("area"),
            data.get("intent", "search"),
            data.get("text", ""),
        )


@dataclass(frozen=True)
class Answer:
    kind: AnswerKind
    question: str
    message: str
    judgements: tuple[Finding, ...] = ()
    passages: tuple[Cited, ...] = ()
    options: tuple[str, ...] = field(default=())  # clarify choices, or nearest council names
    # The question each option asks, in the same order ("East Sussex 2008" for "sussex 2008"),
    # so a surface can offer them to press; empty where an option cannot be asked as it is.
    choices: tuple[str, ...] = field(default=())
    context: Context | None = None
    offset: int = 0  # rank of the first passage, for "more results"
    more: bool = False  # further passages exist beyond these
    read_as: str = ""  # how the question was read, one line: "Surrey · staying safe · 2008"
    verdict: Verdict | None = None
    direction: Direction | None = None

    def letters(self) -> tuple[str, ...]:
        """The letters cited, as "Birmingham APA 2007"."""
        seen: dict[str, None] = {}
        for s in [f.source for f in self.judgements] + [p.source for p in self.passages]:
            seen[f"{s.authority} {s.kind.upper()} {s.year}"] = None
        return tuple(seen)
