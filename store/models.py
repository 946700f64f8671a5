"""Every table of the store. Read shapes (dataclasses) live in ``store.queries``."""

from datetime import date, datetime

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Column, Field, SQLModel


def _text() -> Column:
    return Column(Text, nullable=False)


class Council(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    short_name: str = Field(index=True, unique=True)
    formal_name: str
    aliases: str = ""  # ";"-separated, as in the source table
    first_year: int
    last_year: int
    la_type: str = ""
    dfe_code: str = ""


class Letter(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("council_id", "kind", "year", name="uq_letter_key"),)
    id: int | None = Field(default=None, primary_key=True)
    council_id: int = Field(foreign_key="council.id", index=True)
    kind: str
    year: int = Field(index=True)
    title: str = Field(sa_column=_text())
    letter_date: date | None = None
    addressee: str | None = None
    signatory: str | None = None
    source_file: str
    url: str | None = None  # where it was published, from a sources.csv beside the files
    sha256: str = Field(index=True)
    text: str = Field(sa_column=_text())
    ingested_at: datetime


class Section(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    letter_id: int = Field(foreign_key="letter.id", index=True)
    ordinal: int
    heading: str = Field(sa_column=_text())
    area: str | None = None
    start: int
    end: int


class Passage(SQLModel, table=True):
    __table_args__ = (Index("ix_passage_council_year", "council_id", "year"),)
    id: int | None = Field(default=None, primary_key=True)
    letter_id: int = Field(foreign_key="letter.id", index=True)
    section_id: int = Field(foreign_key="section.id")
    council_id: int = Field(foreign_key="council.id")
    year: int
    area: str | None = None
    ordinal: int
    text: str = Field(sa_column=_text())
    start: int
    end: int
    bullet: bool = False
    page: int | None = None  # None: the file marks no pages


class Judgement(SQLModel, table=True):
    __table_args__ = (
        Index("ix_judgement_lookup", "council_id", "year", "area"),
        Index("ix_judgement_area_year", "area", "year"),
    )
    id: int | None = Field(default=None, primary_key=True)
    letter_id: int = Field(foreign_key="letter.id", index=True)
    section_id: int | None = Field(default=None, foreign_key="section.id")
    council_id: int = Field(foreign_key="council.id")
    year: int
    kind: str
    area: str
    grade: int
    label: str
    grade_text: str
    quote: str = Field(sa_column=_text())
    start: int
    end: int
    page: int | None = None


class StoreMeta(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str


class SlackEvent(SQLModel, table=True):
    """Events already answered: retries and duplicates are dropped by the primary key."""

    event_id: str = Field(primary_key=True)
    received_at: datetime


class ThreadContext(SQLModel, table=True):
    thread: str = Field(primary_key=True)  # "<channel>:<thread_ts>"
    context: str = Field(sa_column=_text())  # JSON of the last resolved question
    updated_at: datetime


class Feedback(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime
    team: str | None = None  # the workspace; None in rows stored before installs into several
    user: str
    channel: str
    question: str = Field(sa_column=_text())
    answer_kind: str
    letters: str = ""  # cited letters, "; "-separated
    vote: str  # "up" or "down"
    # Which answer was voted on ("channel:message ts"): one vote per person per answer, the
    # latest kept. None in rows stored before votes could be changed.
    answer: str | None = Field(default=None, index=True)
