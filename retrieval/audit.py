"""``letters audit``: what the store holds, year by year, against what Ofsted and the press
published (``store.published``): letters held against letters published, the grade
distribution held against the published one, and every council whose stored grade disagrees
with a published list. "Published" and "held" are kept apart in every line."""

from dataclasses import dataclass

from store import queries
from store.db import open_session
from store.published import Figure, NamedList, PublishedYear, published
from store.vocabulary import grade_phrase


@dataclass(frozen=True)
class FigureCheck:
    area: str
    grades: tuple[int, ...]
    published: str  # "10 letters" or "8%"
    held: str  # "9 of 148 letters held (6%)"
    held_count: int
    graded: int  # letters held that grade this area


@dataclass(frozen=True)
class Disagreement:
    council: str
    area: str
    published_grade: int
    held_grade: int | None  # None: no letter held, or it does not grade the area
    note: str


@dataclass(frozen=True)
class Missing:
    """Councils a published list names whose letter for the year the store does not hold."""

    area: str
    grade: int
    councils: tuple[str, ...]


@dataclass(frozen=True)
class YearAudit:
    year: int
    kind: str
    letters_published: int | None
    letters_note: str
    letters_held: int
    figures: tuple[FigureCheck, ...]
    disagreements: tuple[Disagreement, ...]
    missing: tuple[Missing, ...]
    sources: tuple[str, ...]


def audit(engine) -> tuple[YearAudit, ...]:
    with open_session(engine) as session:
        rows = queries.judgements(session)
        held = queries.letters_held(session)
    letters = {(ref.authority, ref.year) for refs in held.values() for ref in refs}
    grades = {(r.letter.authority, r.letter.year, r.area): r.grade for r in rows}
    return tuple(audit_year(p, letters, grades) for p in published())


def audit_year(
    p: PublishedYear, letters: set[tuple[str, int]], grades: dict[tuple[str, int, str], int]
) -> YearAudit:
    in_year = {(c, a): g for (c, y, a), g in grades.items() if y == p.year}
    return YearAudit(
        year=p.year,
        kind=p.kind,
        letters_published=p.letters,
        letters_note=p.letters_note,
        letters_held=sum(1 for _, y in letters if y == p.year),
        figures=tuple(_figure(f, in_year) for f in p.figures),
        disagreements=tuple(
            d for named in p.named for d in _disagreements(p, named, letters, in_year)
        ),
        missing=tuple(
            Missing(n.area, n.grade, gone)
            for n in p.named
            if (gone := tuple(c for c in n.councils if (c, p.year) not in letters))
        ),
        sources=p.sources,
    )


def _figure(f: Figure, in_year: dict[tuple[str, str], int]) -> FigureCheck:
    graded = [g for (_, area), g in in_year.items() if area == f.area]
    count = sum(1 for g in graded if g in f.grades)
    share = f" ({count / len(graded):.0%})" if graded else ""
    said = f"{f.count} letters" if f.count is not None else f"{f.share:.0%}"
    return FigureCheck(
        f.area, f.grades, said, f"{count} of {len(graded)} letters held{share}", count, len(graded)
    )


def _disagreements(
    p: PublishedYear,
    named: NamedList,
    letters: set[tuple[str, int]],
    in_year: dict[tuple[str, str], int],
):
    want = grade_phrase(p.kind, named.grade)
    for council in named.councils:
        got = in_year.get((council, named.area))
        if (council, p.year) not in letters:
            continue  # not misread but missing: listed apart (``Missing``)
        if got is None:
            yield Disagreement(
                council,
                named.area,
                named.grade,
                None,
                f"published {want}; the letter held grades no such area",
            )
        elif got != named.grade:
            yield Disagreement(
                council,
                named.area,
                named.grade,
                got,
                f"published {want}; held {grade_phrase(p.kind, got)}",
            )
    if named.complete:
        for (council, area), got in sorted(in_year.items()):
            if area == named.area and got == named.grade and council not in named.councils:
                yield Disagreement(
                    council,
                    area,
                    named.grade,
                    got,
                    f"held {want}; not among the {len(named.councils)} councils published so",
                )
