"""What Ofsted and the press published about each year's letters (formats.md section 4), shipped
with the package so ``letters audit`` can hold the store against it. Each year keeps its
sources: the audit says "published" for these figures and "held" for the store's."""

import json
from dataclasses import dataclass
from importlib import resources

from store.vocabulary import LetterKind


@dataclass(frozen=True)
class Figure:
    """A published count or share of letters giving ``area`` one of ``grades``."""

    area: str
    grades: tuple[int, ...]
    count: int | None = None
    share: float | None = None


@dataclass(frozen=True)
class NamedList:
    """Councils published as graded ``grade`` for ``area``; ``complete``: every such council."""

    area: str
    grade: int
    councils: tuple[str, ...]
    complete: bool


@dataclass(frozen=True)
class PublishedYear:
    year: int
    kind: LetterKind
    letters: int | None  # letters published that year; None where only an estimate is known
    letters_note: str
    figures: tuple[Figure, ...]
    named: tuple[NamedList, ...]
    sources: tuple[str, ...]


def parse_published(text: str) -> tuple[PublishedYear, ...]:
    return tuple(
        PublishedYear(
            year=y["year"],
            kind=LetterKind(y["kind"]),
            letters=y["letters"],
            letters_note=y["letters_note"],
            figures=tuple(
                Figure(f["area"], tuple(f["grades"]), f.get("count"), f.get("share"))
                for f in y["figures"]
            ),
            named=tuple(
                NamedList(n["area"], n["grade"], tuple(n["councils"]), n["complete"])
                for n in y["named"]
            ),
            sources=tuple(y["sources"]),
        )
        for y in json.loads(text)["years"]
    )


def published() -> tuple[PublishedYear, ...]:
    """The shipped figures (read each call: a small file, and no cache to go stale in tests)."""
    data = resources.files("store").joinpath("data/published.json")
    return parse_published(data.read_text(encoding="utf-8"))
