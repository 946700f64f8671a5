"""Answers that reason over the grades of one council: compare, yes/no, the strongest and
weakest areas, counts within a letter, and change over the years."""

import re
from dataclasses import replace

from retrieval.answer import Answer, AnswerKind, Direction, Verdict
from retrieval.compose import _years, context_of, finding, held_phrase, no_letter
from retrieval.reading import Order, Reading
from retrieval.snapshot import Snapshot
from store.councils import CouncilRecord
from store.queries import JudgementRow, LetterRef
from store.vocabulary import (
    AREA_LABELS,
    AREA_ORDER,
    OUTCOME_AREAS,
    REGIME_YEARS,
    YEARS,
    LetterKind,
    grade_phrase,
    graded_areas,
    graded_as,
)

# The areas a "weakest area" question ranks: the outcomes (or 2005's two services) when a
# letter grades at least this many of them besides overall and capacity; else every area,
# since one area alone cannot be stronger or weaker than anything.
MIN_AREAS_TO_RANK = 2
HEADLINE = ("overall", "capacity_to_improve")
# With no area named, "was X inadequate?" asks about the overall judgement, but "did X get a
# 1?" asks whether any area got it.
GETTING_WORDS = frozenset("get got gets given receive received awarded score scored".split())


def letter_rows(snap: Snapshot, council: str, year: int) -> list[JudgementRow]:
    rows = [r for r in snap.by_council.get(council, []) if r.letter.year == year]
    return sorted(rows, key=lambda r: AREA_ORDER[r.area])


def chosen_letter(
    snap: Snapshot,
    r: Reading,
    council: str,
    area: str | tuple[str, ...] | None = None,
    several: bool = False,
):
    """The letter a question about one council means: its year, or the latest held (in the
    regime asked, grading the area asked, or one of the areas asked)."""
    areas = (area,) if isinstance(area, str) else area or ()
    refs = snap.held.get(council, [])
    if r.years:
        return next((ref for ref in refs if ref.year in r.years), None)
    in_scale = [ref for ref in refs if r.scale is None or ref.kind == r.scale]
    # The latest letter that grades what is asked (an area, or areas to rank); else the latest,
    # whose answer then says the area is not graded.
    fits = [
        ref
        for ref in in_scale
        if (
            not areas
            or any(
                graded_as(a, ref.kind, ref.year) in graded_areas(ref.kind, ref.year) for a in areas
            )
        )
        and (not several or len(graded_areas(ref.kind, ref.year)) > 1)
    ]
    return max(fits or in_scale, key=lambda ref: ref.year, default=None)


def _phrase(row: JudgementRow) -> str:
    return f"{AREA_LABELS[row.area]} {grade_phrase(row.letter.kind, row.grade)}"


def _list(rows: list[JudgementRow]) -> str:
    return "; ".join(_phrase(row) for row in rows)


# -- one letter --------------------------------------------------------------------------------


def _missing_letter(question: str, r: Reading, snap: Snapshot, council: CouncilRecord) -> Answer:
    if r.years:
        return no_letter(question, r, snap, r.years[0])
    return Answer(
        AnswerKind.NOT_FOUND,
        question,
        held_phrase(snap, council.short_name),
        context=context_of(r),
    )


def ranked_areas(rows: list[JudgementRow]) -> list[JudgementRow]:
    areas = [row for row in rows if row.area not in HEADLINE]
    return areas if len(areas) >= MIN_AREAS_TO_RANK else rows


def letter_lookup(question: str, r: Reading, snap: Snapshot) -> Answer | None:
    """'weakest area', 'which areas were good': one letter's grades chosen by order or filter.
    None when the question asks neither (the plain lookups answer it)."""
    if len(r.areas) > 1 and not (r.order or r.grades):
        return _several_areas(question, r, snap)
    if not (r.order or (r.grades and not r.areas)):
        return None
    council = r.council
    ref = chosen_letter(snap, r, council.short_name, several=True)
    if ref is None:
        return _missing_letter(question, r, snap, council)
    rows = letter_rows(snap, council.short_name, ref.year)
    pool = ranked_areas(rows)
    among = ""
    if r.order and len(r.areas) > 1:  # "the strongest of being healthy and staying safe"
        named = {graded_as(a, ref.kind, ref.year) for a in r.areas}
        pool = [row for row in rows if row.area in named]
        if len(pool) < len(named):  # one of them is not graded that year: each said plainly
            return _several_areas(question, r, snap)
        named_areas = " and ".join(AREA_LABELS[row.area] for row in pool)
        among = f" of {named_areas}"
    if r.order:
        extreme = (max if r.order == Order.BEST else min)(row.grade for row in pool)
        picked = [row for row in pool if row.grade == extreme]
        word = "strongest" if r.order == Order.BEST else "weakest"
        plural = "s" if len(picked) > 1 else ""
        lead = f"{council.short_name}'s {word} area{plural}{among} in {ref.year}"
        if among and len(picked) == len(pool):
            lead = f"{council.short_name}'s {named_areas} are graded the same in {ref.year}"
    else:
        # "which areas were good": every graded area, unless the question says "outcomes"
        pool = pool if "outcomes" in r.words else rows
        picked = [row for row in pool if row.grade in r.grades]
        lead = f"{council.short_name}'s {ref.year} areas graded {_grade_words(r, ref.kind)}"
    if not picked:  # say what was looked at: the outcomes asked about, or every area
        words = _grade_words(r, ref.kind)
        noun = "outcomes" if "outcomes" in r.words else "grades"
        message = f"None of {council.short_name}'s {ref.year} {noun} is {words}: {_list(pool)}."
        shown = pool
    else:
        message = f"{lead}: {_list(picked)}."
        shown = picked
    return Answer(
        AnswerKind.GRADES,
        question,
        message,
        tuple(finding(row) for row in shown),
        context=context_of(r, "grades"),
    )


def _several_areas(question: str, r: Reading, snap: Snapshot) -> Answer:
    """'Birmingham staying safe and being healthy 2007': each area asked, none dropped; an
    area the letter does not grade is said to be not graded."""
    council = r.council
    ref = chosen_letter(snap, r, council.short_name, r.areas)
    if ref is None:
        return _missing_letter(question, r, snap, council)
    rows = {row.area: row for row in letter_rows(snap, council.short_name, ref.year)}
    asked = [
        rows[graded_as(a, ref.kind, ref.year)]
        for a in r.areas
        if graded_as(a, ref.kind, ref.year) in rows
    ]
    missing = [AREA_LABELS[a] for a in r.areas if graded_as(a, ref.kind, ref.year) not in rows]
    message = (
        f"{council.short_name}'s {ref.year} letter: {_list(asked)}."
        if asked
        else (f"{council.short_name}'s {ref.year} letter grades none of these.")
    )
    if missing:
        message += f" Not graded in that letter: {', '.join(missing)}."
    return Answer(
        AnswerKind.GRADES,
        question,
        message,
        tuple(finding(row) for row in asked),
        context=context_of(r, "grades"),
    )


def _grade_words(r: Reading, kind: LetterKind) -> str:
    return " or ".join(grade_phrase(kind, g) for g in sorted(r.grades, reverse=True))


def yes_no(question: str, r: Reading, snap: Snapshot) -> Answer:
    council = r.council
    ref = chosen_letter(snap, r, council.short_name, r.area)
    if ref is None:
        return _missing_letter(question, r, snap, council)
    rows = letter_rows(snap, council.short_name, ref.year)
    by_area = {row.area: row for row in rows}
    asked = [by_area[a] for a in r.areas if a in by_area]
    missing = [a for a in r.areas if a not in by_area]
    text = r.text.lower()
    if missing:
        return _not_graded(question, r, ref, missing, rows)
    if not r.areas and not r.any_area and set(r.words) & GETTING_WORDS:
        r = replace(r, any_area=True)  # "did Bedfordshire get a grade 1?": in any area
    elif not r.areas and not r.any_area:
        asked = [by_area["overall"]] if "overall" in by_area else []  # "was X inadequate?"
    yes, shown = _decide(r, text, rows, asked)
    start = "Yes" if yes else "No"
    message = f"{start}: {council.short_name}'s {ref.year} letter gives {_list(shown)}."
    return Answer(
        AnswerKind.YESNO,
        question,
        message,
        tuple(finding(row) for row in shown),
        context=context_of(r, "grades"),
    )


def _decide(r: Reading, text: str, rows: list, asked: list) -> tuple[bool, list]:
    """Whether the question's claim holds, and the grades to show for it."""
    if len(asked) >= 2 and not r.grades:
        a, b = asked[0], asked[1]
        if re.search(r"\b(?:better|higher|stronger|above)\b", text):
            return a.grade > b.grade, asked
        if re.search(r"\b(?:worse|lower|weaker|below)\b", text):
            return a.grade < b.grade, asked
        return len({row.grade for row in asked}) == 1, asked
    if asked and re.search(
        r"\b(?:higher|better|stronger) than\b.*\b(?:anything|everything|"
        r"all|others?|else|the rest)\b",
        text,
    ):
        others = [row for row in rows if row not in asked]
        above = all(a.grade > o.grade for a in asked for o in others)
        return above, asked if above else rows  # a No shows the grades that match or beat it
    if asked and r.order:
        extreme = (max if r.order == Order.BEST else min)(row.grade for row in rows)
        return all(a.grade == extreme for a in asked), asked
    if r.grades:
        pool = asked if asked else rows
        if r.any_area or not asked:
            hits = [row for row in pool if row.grade in r.grades]
            return bool(hits), hits or rows
        return all(row.grade in r.grades for row in pool), pool
    return bool(asked), asked or rows


def _not_graded(question, r, ref: LetterRef, missing, rows) -> Answer:
    labels = ", ".join(AREA_LABELS[a] for a in missing)
    message = (
        f"{ref.authority}'s {ref.year} letter does not grade {labels}; it grades {_list(rows)}."
    )
    return Answer(
        AnswerKind.NO_GRADE,
        question,
        message,
        tuple(finding(row) for row in rows),
        context=context_of(r, "grades"),
    )


def letter_count(question: str, r: Reading, snap: Snapshot) -> Answer:
    council = r.council
    ref = chosen_letter(snap, r, council.short_name)
    if ref is None:
        return _missing_letter(question, r, snap, council)
    rows = letter_rows(snap, council.short_name, ref.year)
    pool = [row for row in rows if not r.areas or row.area in r.areas]
    if "outcomes" in r.words:
        pool = [row for row in pool if row.area in OUTCOME_AREAS] or pool
    hits = [row for row in pool if not r.grades or row.grade in r.grades]
    noun = "outcomes" if "outcomes" in r.words else "areas"
    where = f"{council.short_name}'s {ref.year} letter"
    if r.grades:
        verb = "is" if len(hits) == 1 else "are"
        message = (
            f"{len(hits)} of the {len(pool)} graded {noun} in {where} {verb} "
            f"{_grade_words(r, ref.kind)}" + (f": {_list(hits)}." if hits else ".")
        )
    else:
        noun = noun if len(hits) != 1 else noun[:-1]  # "1 graded area"
        message = f"{len(hits)} graded {noun} in {where}: {_list(hits)}."
    return Answer(
        AnswerKind.COUNT,
        question,
        message,
        tuple(finding(row) for row in hits),
        context=context_of(r, "grades"),
    )


# -- two or more sides ------------------------------------------------------------------------


def compare(question: str, r: Reading, snap: Snapshot) -> Answer:
    area = r.area or "overall"
    sides = _sides(r)
    lines, rows, gaps = [], [], []
    for council, years in sides:
        name = council.short_name
        ref = chosen_letter(snap, _with_years(r, years), name, area)
        row = snap.judgements.get((name, ref.year, area)) if ref else None
        if ref is None:
            asked = f" for {_years(years)}" if years else ""
            in_letters = years and all(y in YEARS for y in years)  # 2012: no council had one
            if in_letters and not any(council.exists_in(y) for y in years):
                # "Birmingham and Bedford 2008": Bedford began in 2009; no letter could exist
                asked = (
                    f" (not a children's services authority in {_years(years)}: it was from "
                    f"{council.first_year} to {council.last_year})"
                )
            lines.append(f"{name}: no letter held{asked}")
            gaps.append(Verdict.NO_LETTER)
        elif row is None:
            lines.append(f"{name} {ref.year}: {AREA_LABELS[area]} not graded that year")
            gaps.append(Verdict.NOT_GRADED)
        else:
            lines.append(f"{name} {ref.year}: {grade_phrase(row.letter.kind, row.grade)}")
            rows.append(row)
    verdict = _verdict(rows, gaps)
    message = f"{AREA_LABELS[area]}: " + "; ".join(lines) + ". " + _verdict_line(verdict, rows)
    return Answer(
        AnswerKind.COMPARE,
        question,
        message.strip(),
        tuple(finding(row) for row in rows),
        context=context_of(r, "grades"),
        verdict=verdict,
    )


def _sides(r: Reading) -> list[tuple[CouncilRecord, tuple[int, ...]]]:
    """Each council with its own years; one council named with several years is one side per
    year ("Birmingham 2007 vs 2011")."""
    if len(r.councils) == 1:
        years = r.years or ()
        if len(r.sides) > 1:
            return [(s.council, s.years) for s in r.sides]
        return [(r.councils[0], (y,)) for y in years] or [(r.councils[0], ())]
    return [(s.council, s.years) for s in r.sides]


def _with_years(r: Reading, years: tuple[int, ...]) -> Reading:
    from dataclasses import replace

    return replace(r, years=years)


def _verdict(rows: list[JudgementRow], gaps: list[Verdict]) -> Verdict | None:
    if gaps:
        return gaps[0]
    if len(rows) != 2:
        return None
    a, b = rows
    if a.letter.kind != b.letter.kind:
        return Verdict.DIFFERENT
    if a.grade == b.grade:
        return Verdict.EQUAL
    return Verdict.FIRST_HIGHER if a.grade > b.grade else Verdict.SECOND_HIGHER


def _verdict_line(verdict: Verdict | None, rows: list[JudgementRow]) -> str:
    if verdict == Verdict.DIFFERENT:
        return (
            f"These are different assessments: APA grades ({_span(LetterKind.APA)}) and CSA "
            f"ratings ({_span(LetterKind.CSA)}) judge different things, though 4 is best on both."
        )
    if verdict == Verdict.EQUAL:
        return "The grades are equal."
    if verdict in (Verdict.FIRST_HIGHER, Verdict.SECOND_HIGHER):
        hi = rows[0] if verdict == Verdict.FIRST_HIGHER else rows[1]
        return f"{hi.letter.authority} {hi.letter.year} is higher (4 is best)."
    if verdict == Verdict.NO_LETTER:
        if not rows:
            return "Neither side has a letter in the store for this, so they cannot be compared."
        return "One side has no letter in the store for this, so they cannot be compared."
    if verdict == Verdict.NOT_GRADED:
        if not rows:
            return "Neither side's letter grades that area, so they cannot be compared."
        return "One side's letter does not grade that area, so they cannot be compared."
    if rows:
        top = max(row.grade for row in rows)
        best = ", ".join(row.letter.authority for row in rows if row.grade == top)
        return f"Highest: {best}."
    return ""


def _span(kind: LetterKind) -> str:
    years = REGIME_YEARS[kind]
    return f"{years[0]}-{years[-1]}"


# -- change over time --------------------------------------------------------------------------


def change(question: str, r: Reading, snap: Snapshot) -> Answer:
    council = r.council
    name = council.short_name
    area = r.area or "overall"
    asked = [y for y in (r.years or YEARS) if y in YEARS]
    if len(asked) == 1:  # "did it keep its 4 into 2007": from the letter before up to then
        before = [ref.year for ref in snap.held.get(name, []) if ref.year < asked[0]]
        asked = list(range(max(before), asked[0] + 1)) if before else asked
    years = [y for y in asked if council.exists_in(y)] or asked
    if r.scale:  # "across the csa years", "2007 to 2011 apa"
        years = [y for y in years if y in REGIME_YEARS[r.scale]]
    held = {ref.year: ref for ref in snap.held.get(name, [])}
    rows = [snap.judgements[(name, y, area)] for y in years if (name, y, area) in snap.judgements]
    not_held = [y for y in years if y not in held]
    gone = [y for y in asked if not council.exists_in(y)]
    ungraded = [y for y in years if y in held and (name, y, area) not in snap.judgements]
    if not rows:
        message = (
            f"None of the letters held for {name} grades {AREA_LABELS[area]} in "
            f"{_years(years)}. {held_phrase(snap, name)}"
            if held
            else held_phrase(snap, name)
        )
        return Answer(
            AnswerKind.NOT_FOUND,
            question,
            message,
            context=context_of(r, "trend"),
        )
    steps = "; ".join(
        f"{row.letter.year}: {grade_phrase(row.letter.kind, row.grade)}" for row in rows
    )
    direction = _direction(rows)
    message = f"{name}, {AREA_LABELS[area]}: {steps}."
    if direction == Direction.SINGLE:
        message += (
            f" Only one letter in {_years(years)} grades it: one letter does not make a trend."
        )
    else:
        first, last = rows[0], rows[-1]
        word = {Direction.UP: "Up", Direction.DOWN: "Down", Direction.SAME: "The same"}[direction]
        message += (
            f" {word}: {first.grade} in {first.letter.year}, {last.grade} in {last.letter.year}."
        )
    if ungraded:
        message += f" Not graded in the letter for {', '.join(map(str, ungraded))}."
    if not_held:
        message += f" No letter held for {', '.join(map(str, not_held))}."
    if gone:
        message += (
            f" {name} was a children's services authority only from {council.first_year} to "
            f"{council.last_year}: no letter for {', '.join(map(str, gone))}."
        )
    if len({row.letter.kind for row in rows}) > 1:
        message += (
            f" APA grades ({_span(LetterKind.APA)}) and CSA ratings ({_span(LetterKind.CSA)}) "
            "are different assessments on a 1-4 scale, 4 best."
        )
    return Answer(
        AnswerKind.TREND,
        question,
        message,
        tuple(finding(row) for row in rows),
        context=context_of(r, "trend"),
        direction=direction,
    )


def _direction(rows: list[JudgementRow]) -> Direction:
    if len(rows) < 2:
        return Direction.SINGLE
    first, last = rows[0].grade, rows[-1].grade
    return Direction.UP if last > first else Direction.DOWN if last < first else Direction.SAME
