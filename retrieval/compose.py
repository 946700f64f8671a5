"""Turning a resolved question and a snapshot into an ``Answer`` of each kind."""

import re
from dataclasses import replace
from functools import lru_cache

from retrieval.answer import Answer, AnswerKind, Cited, Context, Finding, Source
from retrieval.index import Hit
from retrieval.reading import Reading as Query
from retrieval.snapshot import Snapshot
from store.queries import JudgementRow, LetterRef, PassageRow
from store.vocabulary import (
    ARCHIVE_SPAN,
    AREA_LABELS,
    AREA_ORDER,
    REGIME_YEARS,
    REGIMES_IN_WORDS,
    YEARS,
    LetterKind,
    grade_phrase,
    graded_areas,
    graded_as,
    span,
)

EXAMPLES = (
    "what was Birmingham's Staying Safe grade in 2007?",
    "Birmingham 2007 grades",
    "How has Birmingham's overall rating changed from 2007 to 2011?",
    "Which councils performed poorly in 2011?",
    "Birmingham 2007 vs 2011 overall",
    "what does performs adequately mean?",
    "privately fostered children",
)
AREA_WORDS = {
    "being_healthy": "health healthy obesity teenage conception immunisation dentist mental",
    "staying_safe": "safe safeguarding child protection assessment referral looked after",
    "enjoying_and_achieving": "attainment standards key stage school attendance exclusion",
    "making_a_positive_contribution": "views participation offending youth contribution",
    "achieving_economic_wellbeing": "education employment training post 16 14 19 NEET",
    "capacity_to_improve": "capacity improve leadership management strategy partnership",
    "overall": "overall children's services",
    "social_care": "social care",
    "education": "education schools",
}


def source_of(ref: LetterRef, section: str, page: int | None = None) -> Source:
    return Source(
        ref.authority,
        ref.kind,
        ref.year,
        ref.title,
        ref.date.isoformat() if ref.date else None,
        section,
        ref.file,
        page,
        ref.url,
    )


def finding(row: JudgementRow) -> Finding:
    ref = row.letter
    return Finding(
        ref.authority,
        ref.year,
        ref.kind,
        row.area,
        AREA_LABELS[row.area],
        row.grade,
        row.label,
        row.grade_text,
        row.quote,
        source_of(ref, row.section, row.page),
    )


def cited(row: PassageRow, hit: Hit | None) -> Cited:
    ref = row.letter
    return Cited(
        row.id,
        row.text,
        hit.score if hit else 0.0,
        ref.authority,
        ref.year,
        ref.kind,
        row.section,
        source_of(ref, row.section, row.page),
    )


def held_phrase(snap: Snapshot, council: str) -> str:
    refs = snap.held.get(council, [])
    if not refs:
        return f"The store holds no letters for {council}."
    years = ", ".join(f"{r.year} ({r.kind.upper()})" for r in refs)
    return f"The store holds these letters for {council}: {years}."


def context_of(q: Query, intent: str | None = None) -> Context:
    return Context(
        q.council.short_name if q.council else None,
        q.years,
        q.area,
        intent or q.intent,
        q.search_words,
    )


def help_answer(question: str, snap: Snapshot) -> Answer:
    councils = len(snap.held)
    letters = sum(len(v) for v in snap.held.values())
    message = (
        "I answer questions about Ofsted's letters on councils' children's services, "
        f"{ARCHIVE_SPAN} "
        f"({letters} letters for {councils} councils are loaded). Ask for a grade (council, area, "
        "year), all grades of a year, a trend across years, two councils compared, which "
        "councils got a grade (best or worst first, or how many), a yes/no about a letter, what "
        "the scales mean, or search the letters' text. Put a phrase in quotes, or start with "
        "search:, to search the text for it."
    )
    return Answer(AnswerKind.HELP, question, message, options=EXAMPLES, choices=EXAMPLES)


def not_found(
    question: str, q: Query, message: str, options: tuple[str, ...] = (), typed: str = ""
) -> Answer:
    return Answer(
        AnswerKind.NOT_FOUND,
        question,
        message,
        options=options,
        choices=choices(question, typed, options),
        context=context_of(q),
    )


def choices(question: str, typed: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The question asked again with each name in place of what was typed ("sussex 2008" ->
    "East Sussex 2008"); none when the typed words are not in the question as written."""
    pattern = r"(?<!\w)" + r"\W+".join(map(re.escape, typed.split())) + r"(?!\w)"
    if not typed.strip() or not re.search(pattern, question, flags=re.I):
        return ()
    return tuple(
        re.sub(pattern, lambda _m, n=name: n, question, count=1, flags=re.I) for name in names
    )


def one_grade(question: str, q: Query, snap: Snapshot, year: int) -> Answer:
    council = q.council.short_name
    letter = snap.letter(council, year)
    if letter is None:
        return no_letter(question, q, snap, year)
    area = graded_as(q.area or "overall", letter.kind, year)
    row = snap.judgements.get((council, year, area))
    if row is None:
        return no_grade(question, q, snap, letter, area)
    what = "overall rating" if area == "overall" else f"{AREA_LABELS[area]} grade"
    message = (
        f"{council}'s {what} in its {year} {_kind_name(letter.kind)} letter was "
        f"{grade_phrase(row.letter.kind, row.grade)}."
    )
    evidence = _section_evidence(snap, row) if len(row.quote) < 60 else ()
    return Answer(
        AnswerKind.GRADE,
        question,
        message,
        (finding(row),),
        evidence,
        context=context_of(q, "grade"),
    )


def _section_evidence(snap: Snapshot, row: JudgementRow) -> tuple[Cited, ...]:
    hits = snap.search(
        AREA_WORDS.get(row.area, ""), 1, letter_id=row.letter.letter_id, section=row.section
    )
    return tuple(cited(p, h) for p, h in hits)


def no_letter(question: str, q: Query, snap: Snapshot, year: int) -> Answer:
    council = q.council.short_name
    if year not in YEARS:
        why = f"There is no Ofsted letter for {year}: the letters are {REGIMES_IN_WORDS}."
    elif not q.council.exists_in(year):
        why = (
            f"{council} was not a children's services authority in {year} (it was from "
            f"{q.council.first_year} to {q.council.last_year})."
        )
    else:
        why = f"No letter for {council} for {year} is in the store."
    return not_found(question, q, f"{why} {held_phrase(snap, council)}")


def no_grade(question: str, q: Query, snap: Snapshot, letter: LetterRef, area: str) -> Answer:
    council, year = letter.authority, letter.year
    graded = graded_areas(letter.kind, year)
    if area not in graded:
        why = (
            f"children's services assessments ({span(REGIME_YEARS[LetterKind.CSA])}) give a "
            "single overall rating"
            if letter.kind == LetterKind.CSA
            else f"{year} letters grade only " + ", ".join(AREA_LABELS[a] for a in graded)
        )
    else:
        why = "this letter does not state that grade"
    overall = snap.judgements.get((council, year, "overall"))
    message = f"{council}'s {year} letter does not grade {AREA_LABELS[area]}: {why}."
    if overall:
        message += f" Its overall rating was {grade_phrase(overall.letter.kind, overall.grade)}."
    hits = snap.search(
        f"{AREA_LABELS[area]} {AREA_WORDS.get(area, '')}", 1, letter_id=letter.letter_id
    )
    message += " The passage below is what the letter says nearest to it." if hits else ""
    return Answer(
        AnswerKind.NO_GRADE,
        question,
        message,
        (finding(overall),) if overall else (),
        tuple(cited(p, h) for p, h in hits),
        context=context_of(q, "grade"),
    )


def grades(question: str, q: Query, snap: Snapshot) -> Answer:
    council = q.council.short_name
    letters = [r for r in snap.held.get(council, []) if not q.years or r.year in q.years]
    if not letters:
        if q.years:
            return no_letter(question, q, snap, q.years[0])
        return not_found(question, q, held_phrase(snap, council))
    years = {r.year for r in letters}
    rows = sorted(
        (r for r in snap.by_council.get(council, []) if r.letter.year in years),
        key=lambda r: (r.letter.year, AREA_ORDER[r.area]),  # each letter's own order
    )
    parts = [
        _letter_summary(ref, [x for x in rows if x.letter.year == ref.year]) for ref in letters
    ]
    message = f"{council}: " + "; ".join(parts) + "."
    missing = [y for y in q.years if y not in years]
    if missing:
        message += f" No letter held for {', '.join(map(str, missing))}."
    return Answer(
        AnswerKind.GRADES,
        question,
        message,
        tuple(finding(r) for r in rows),
        context=context_of(q, "grades"),
    )


def _letter_summary(ref: LetterRef, rows: list[JudgementRow]) -> str:
    """ "2011 children's services assessment: Performs poorly (1)" for a one-rating letter,
    "2007 annual performance assessment: 7 graded area(s)" for one that grades areas."""
    if len(rows) == 1 and rows[0].area == "overall":
        return f"{ref.year} {_kind_name(ref.kind)}: {grade_phrase(ref.kind, rows[0].grade)}"
    return f"{ref.year} {_kind_name(ref.kind)}: {len(rows)} graded area(s)"


def passages(question: str, q: Query, snap: Snapshot, offset: int, k: int) -> Answer:
    # Several councils named: the first is the one whose letter is asked about
    # ("what did Bedfordshire's letter say about splitting into Bedford and ...").
    council = q.sides[0].council.short_name if q.sides else None
    if council and council not in snap.held:
        return not_found(question, q, held_phrase(snap, council))
    words = q.search_words or q.text
    want = offset + k + 1
    hits = snap.hits(words, want * SAME_TEXT_FETCH, council=council, years=q.years)
    found = same_text_once(snap.rows(hits))  # one read: a second query costs more than rows
    page = found[offset : offset + k]
    scope = (
        " in " + " ".join(filter(None, [council, _years(q.years) if q.years else ""]))
        if council or q.years
        else ""
    )
    if not page:
        message = f"No passage{scope} matches '{words[:80]}'."
    else:
        message = f"Passages{scope} that best match '{words[:80]}', ranked by BM25."
    return Answer(
        AnswerKind.PASSAGES,
        question,
        message,
        passages=tuple(replace(cited(p, h), same_in=same) for (p, h), same in page),
        context=context_of(q, "search"),
        offset=offset,
        more=len(found) > offset + k,
    )


SAME_TEXT_FETCH = 4  # hits fetched per passage shown, so repeats folded away still fill a page


def same_text_once(hits: list) -> list:
    """Passages whose words are the same but for the council's name (the scale's boilerplate,
    the closing paragraph) shown once, each with the other letters that say the same."""
    groups: dict[str, list] = {}
    for row, hit in hits:
        groups.setdefault(_fingerprint(row.text, row.letter.authority), []).append((row, hit))
    return [
        (
            group[0],
            tuple(
                f"{r.letter.authority} {r.letter.kind.upper()} {r.letter.year}"
                for r, _ in group[1:]
            ),
        )
        for group in groups.values()
    ]


# Passages kept fingerprinted: the same boilerplate comes back in answer after answer, and
# fingerprinting it again was a fifth of a passage answer; a few thousand cost a few MB.
FINGERPRINTS_KEPT = 4096


@lru_cache(maxsize=FINGERPRINTS_KEPT)
def _fingerprint(text: str, authority: str) -> str:
    name = set(_LOWER_WORD.findall(authority.lower()))
    return " ".join(w for w in _LOWER_WORD.findall(text.lower()) if w not in name)


_LOWER_WORD = re.compile(r"[a-z]+")


def _kind_name(kind: str) -> str:
    return (
        "annual performance assessment"
        if kind == LetterKind.APA
        else "children's services assessment"
    )


def _years(years) -> str:
    years = sorted(years)
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(map(str, years))
