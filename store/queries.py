"""Read queries over the store. Each takes a session first and returns plain read shapes."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import Connection, bindparam, func
from sqlmodel import Session, select

from store import models
from store.ingest import VERSION_KEY
from store.vocabulary import AREA_ORDER


@dataclass(frozen=True)
class LetterRef:
    """Where a judgement or passage comes from, for citing."""

    letter_id: int
    authority: str
    kind: str
    year: int
    title: str
    date: date | None
    file: str
    url: str | None = None  # where it was published, when a sources.csv said


@dataclass(frozen=True)
class JudgementRow:
    letter: LetterRef
    area: str
    grade: int
    label: str
    grade_text: str
    quote: str
    section: str
    page: int | None = None


@dataclass(frozen=True)
class PassageRow:
    id: int
    letter: LetterRef
    text: str
    section: str
    area: str | None
    page: int | None = None


def store_version(session: Session) -> int:
    meta = session.get(models.StoreMeta, VERSION_KEY)
    return int(meta.value) if meta else 0


def current_version(engine) -> int:
    """The store version, read on a bare connection with a statement built once: every answer
    asks, and the ORM session and building the query each time cost ten times the read."""
    with engine.connect() as connection:
        value = connection.execute(_version_query()).scalar()
    return int(value) if value is not None else 0


@cache
def _version_query():
    return select(models.StoreMeta.value).where(models.StoreMeta.key == VERSION_KEY)


def store_id(session: Session) -> str:
    meta = session.get(models.StoreMeta, "store_id")
    return meta.value if meta else ""


@dataclass(frozen=True)
class PassageKeys:
    """Per passage, in id order: what filters need, without the text."""

    ids: list[int]
    letter_ids: list[int]
    authorities: list[str]
    years: list[int]
    section_ids: list[int]
    section_headings: dict[int, str]


def passage_keys(session: Session) -> PassageKeys:
    names = council_names(session)
    rows = session.exec(
        select(
            models.Passage.id,
            models.Passage.letter_id,
            models.Passage.council_id,
            models.Passage.year,
            models.Passage.section_id,
        ).order_by(models.Passage.id)
    ).all()
    headings = dict(session.exec(select(models.Section.id, models.Section.heading)).all())
    return PassageKeys(
        [r[0] for r in rows],
        [r[1] for r in rows],
        [names[r[2]] for r in rows],
        [r[3] for r in rows],
        [r[4] for r in rows],
        headings,
    )


def passage_texts(session: Session, ids: list[int] | None = None) -> list[str]:
    """Passage texts in id order; or those of ``ids`` (a snapshot's, from ``passage_keys``) in
    that order, "" for one gone since (its letter replaced), which no search then returns:
    texts read after the keys, while an ingest writes, must still line up with them."""
    if ids is None:
        return list(session.exec(select(models.Passage.text).order_by(models.Passage.id)))
    by_id = dict(session.exec(select(models.Passage.id, models.Passage.text)).all())
    return [by_id.get(i, "") for i in ids]


def passages_by_id(
    connection: Connection, ids: list[int], refs: dict[int, LetterRef]
) -> dict[int, PassageRow]:
    """Passages by id, each cited from ``refs`` (letter id -> reference, which the caller holds);
    a passage whose letter is not in ``refs`` (replaced since they were read) is left out.
    Every passage answer asks, so this reads on a bare connection with a statement built once
    (the ORM session and building the query each time were most of a passage answer's time)."""
    if not ids:
        return {}
    rows = connection.execute(_passages_query(), {"ids": list(ids)}).all()
    return {
        r[0]: PassageRow(r[0], refs[r[1]], r[2], r[3], r[4], r[5]) for r in rows if r[1] in refs
    }


@cache
def _passages_query():
    return (
        select(
            models.Passage.id,
            models.Passage.letter_id,
            models.Passage.text,
            models.Section.heading,
            models.Passage.area,
            models.Passage.page,
        )
        .join(models.Section, models.Section.id == models.Passage.section_id)
        .where(models.Passage.id.in_(bindparam("ids", expanding=True)))
    )


def council_names(session: Session) -> dict[int, str]:
    return dict(session.exec(select(models.Council.id, models.Council.short_name)).all())


def _refs(session: Session) -> dict[int, LetterRef]:
    names = council_names(session)
    query = select(
        models.Letter.id,
        models.Letter.council_id,
        models.Letter.kind,
        models.Letter.year,
        models.Letter.title,
        models.Letter.letter_date,
        models.Letter.source_file,
        models.Letter.url,
    )
    rows = session.exec(query)
    return {r[0]: LetterRef(r[0], names[r[1]], *r[2:]) for r in rows}


def letters_held(session: Session) -> dict[str, list[LetterRef]]:
    """Council short name -> its letters, oldest first."""
    held: dict[str, list[LetterRef]] = defaultdict(list)
    for ref in sorted(_refs(session).values(), key=lambda r: (r.authority, r.year)):
        held[ref.authority].append(ref)
    return dict(held)


def judgements(
    session: Session,
    authority: str | None = None,
    years: list[int] | None = None,
    area: str | None = None,
) -> list[JudgementRow]:
    query = select(models.Judgement, models.Section.heading).join(
        models.Section, models.Section.id == models.Judgement.section_id, isouter=True
    )
    if authority is not None:
        query = query.join(models.Council, models.Council.id == models.Judgement.council_id).where(
            models.Council.short_name == authority
        )
    if years:
        query = query.where(models.Judgement.year.in_(years))
    if area is not None:
        query = query.where(models.Judgement.area == area)
    refs = _refs(session)
    rows = [
        JudgementRow(
            refs[j.letter_id],
            j.area,
            j.grade,
            j.label,
            j.grade_text,
            j.quote,
            heading or "",
            j.page,
        )
        for j, heading in session.exec(query)
    ]
    return sorted(
        rows,
        key=lambda r: (r.letter.authority, r.letter.year, AREA_ORDER.get(r.area, len(AREA_ORDER))),
    )


def coverage(session: Session) -> dict[str, dict[int, tuple[str, int]]]:
    """Council -> year -> (kind, number of graded areas)."""
    names = council_names(session)
    counts = dict(
        session.exec(
            select(models.Judgement.letter_id, func.count()).group_by(models.Judgement.letter_id)
        ).all()
    )
    table: dict[str, dict[int, tuple[str, int]]] = defaultdict(dict)
    for letter in session.exec(
        select(models.Letter.id, models.Letter.council_id, models.Letter.kind, models.Letter.year)
    ):
        table[names[letter[1]]][letter[3]] = (letter[2], counts.get(letter[0], 0))
    return dict(table)
