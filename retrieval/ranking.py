"""Answers across councils: listings filtered by grade, best or worst first, and counts."""

from retrieval.answer import Answer, AnswerKind
from retrieval.compose import _years, context_of, finding
from retrieval.reading import Order, Reading
from retrieval.snapshot import Snapshot
from store.queries import JudgementRow
from store.vocabulary import AREA_LABELS, AREA_ORDER, grade_phrase, graded_areas, regime_of


def scope(r: Reading, snap: Snapshot) -> tuple[list[int], list[str]]:
    """The years asked (every year held when none) and the areas: those named, every area
    for "anything" or a grade filter with no area, else the overall judgement."""
    held = sorted({ref.year for refs in snap.held.values() for ref in refs})
    years = [y for y in (r.years or held) if r.scale is None or regime_of(y) == r.scale]
    if r.areas:
        areas = list(r.areas)
    elif r.any_area or r.grades:
        graded = {a for y in years for a in graded_areas(regime_of(y), y)}
        areas = sorted(graded, key=AREA_ORDER.__getitem__)  # "performed poorly": CSA's one
    else:
        areas = ["overall"]
    return years, areas


def graded_scope(r: Reading, snap: Snapshot) -> tuple[list[int], list[str], str]:
    """The scope, its years narrowed to those whose letters grade an area asked (staying safe:
    2007 and 2008), so counts are out of the letters that could grade it; a year the question
    named and that grades none of them is said, as a note, never dropped silently."""
    years, areas = scope(r, snap)
    graded = [y for y in years if any(a in graded_areas(regime_of(y), y) for a in areas)]
    if not graded:
        return years, areas, ""
    dropped = [y for y in years if y not in graded and y in r.years]
    labels = ", ".join(AREA_LABELS[a] for a in areas)
    note = f" {labels} is not graded in the letters for {_years(dropped)}." if dropped else ""
    return graded, areas, note


def _refusal(
    question: str, r: Reading, snap: Snapshot, years: list[int], areas: list[str]
) -> Answer | None:
    """No letters held for the years asked, or none of the areas graded in them."""
    if not _letters_in(snap, years):
        return Answer(
            AnswerKind.NOT_FOUND,
            question,
            f"The store holds no letters for {_years(r.years or years)}.",
            context=context_of(r, "table"),
        )
    if all(a not in graded_areas(regime_of(y), y) for y in years for a in areas):
        labels = ", ".join(AREA_LABELS[a] for a in areas)
        return Answer(
            AnswerKind.NO_GRADE,
            question,
            f"{labels} is not graded in the letters for {_years(years)}.",
            context=context_of(r, "table"),
        )
    return None


def matching(r: Reading, snap: Snapshot, years: list[int], areas: list[str]) -> list[JudgementRow]:
    """The judgements in scope that pass the grade filter; with "latest", each council's
    latest letter in scope first, then the filter (its latest grade, not its latest good one)."""
    if r.latest:
        last: dict[str, int] = {}
        for year in years:
            for row in snap.by_year.get(year, ()):
                last[row.letter.authority] = max(year, last.get(row.letter.authority, year))
        years_of = last
    wanted = set(areas)
    return [
        row
        for year in years
        for row in snap.by_year.get(year, ())
        if row.area in wanted
        and (not r.grades or row.grade in r.grades)
        and (not r.latest or years_of[row.letter.authority] == year)
    ]


def rank(question: str, r: Reading, snap: Snapshot) -> Answer:
    years, areas, note = graded_scope(r, snap)
    refusal = _refusal(question, r, snap, years, areas)
    if refusal:
        return refusal
    letters = _letters_in(snap, years)
    rows = matching(r, snap, years, areas)
    rows = _ordered(r, rows)
    councils = len({row.letter.authority for row in rows})
    what = _what(r, areas)
    message = (
        f"{councils} council(s) {what} in {_years(years)}, out of the {len(letters)} letter(s) "
        f"held for those years.{note}"
    )
    if r.order and not r.sort_all and rows:
        word = "Best" if r.order == Order.BEST else "Worst"
        where = ", ".join(AREA_LABELS[a] for a in areas) if len(areas) == 1 else "any area"
        message = f"{word} for {where} in {_years(years)}: {_names(rows)}. {message}"
    return Answer(
        AnswerKind.TABLE,
        question,
        message,
        tuple(snap.once(row, finding) for row in rows),
        context=context_of(r, "table"),
    )


def _ordered(r: Reading, rows: list[JudgementRow]) -> list[JudgementRow]:
    """Best (or worst) first; a superlative without "first" or "ranking" keeps only the
    councils at the top (or bottom) grade, ties included."""
    order = r.order or (Order.BEST if r.sort_all else None)  # "overall ranking": best first
    if order is None:
        return sorted(
            rows, key=lambda row: (row.letter.authority, row.letter.year, AREA_ORDER[row.area])
        )
    sign = -1 if order == Order.BEST else 1
    # Equal grades: councils A to Z, then a council's letters oldest first.
    rows = sorted(rows, key=lambda row: (sign * row.grade, row.letter.authority, row.letter.year))
    if r.sort_all or not rows:
        return rows
    extreme = rows[0].grade
    return [row for row in rows if row.grade == extreme]


def _what(r: Reading, areas: list[str]) -> str:
    where = (
        "any area" if len(areas) > 1 and not r.areas else ", ".join(AREA_LABELS[a] for a in areas)
    )
    if r.grades:
        grades = " or ".join(str(g) for g in sorted(r.grades, reverse=True))
        return f"graded {grades} for {where}"
    return f"with a grade for {where}"


def _names(rows: list[JudgementRow]) -> str:
    """Each row as "Surrey 2005, Grade 3 (good)", naming the area when rows cover several."""
    several = len({row.area for row in rows}) > 1
    return "; ".join(
        f"{row.letter.authority} {row.letter.year}"
        + (f" {AREA_LABELS[row.area]}" if several else "")
        + f", {grade_phrase(row.letter.kind, row.grade)}"
        for row in rows
    )


def _letters_in(snap: Snapshot, years: list[int]) -> list:
    return [ref for refs in snap.held.values() for ref in refs if ref.year in years]


def count(question: str, r: Reading, snap: Snapshot) -> Answer:
    years, areas, note = graded_scope(r, snap)
    refusal = _refusal(question, r, snap, years, areas)
    if refusal:
        return refusal
    letters = _letters_in(snap, years)
    rows = _ordered(r, matching(r, snap, years, areas))
    if r.unit == "letters":
        found = len({(row.letter.authority, row.letter.year) for row in rows})
        total, unit = len(letters), "letters"
    else:
        found = len({row.letter.authority for row in rows})
        total, unit = len({ref.authority for ref in letters}), "councils"
    what = _what(r, areas)
    message = (
        f"{found} of the {total} {unit} held for {_years(years) or 'any year'} "
        f"{'were' if found != 1 else 'was'} {what}" + (f": {_names(rows)}." if rows else ".") + note
    )
    return Answer(
        AnswerKind.COUNT,
        question,
        message,
        tuple(snap.once(row, finding) for row in rows),
        context=context_of(r, "table"),
    )
