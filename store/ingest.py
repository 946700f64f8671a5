"""Loading letters into the store: one transaction per file, a report at the end."""

import fcntl
import functools
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from importlib import resources
from pathlib import Path

from sqlalchemy import delete, func, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store import models
from store.db import sqlite_path
from store.errors import FileError, StoreBusyError, printable
from store.files import SUFFIXES, read_letter_file
from store.parse import parse_letter
from store.records import ParsedLetter
from store.sources import read_sources
from store.text import repair
from store.vocabulary import graded_areas

VERSION_KEY = "version"


class IngestStatus(StrEnum):
    """What ingesting one file did."""

    LOADED = "loaded"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"
    KEPT = "kept"  # the stored letter holds more grades than this file: not replaced
    FAILED = "failed"


@dataclass(frozen=True)
class FileOutcome:
    path: str
    status: IngestStatus
    reason: str = ""
    letter: str = ""  # "Birmingham APA 2007"
    graded: int = 0  # graded areas this file gave
    expected: int = 0  # graded areas its year's layout defines

    @property
    def incomplete(self) -> bool:
        """Stored with fewer grades than its year's letters carry: the user must be told."""
        return self.status in (IngestStatus.LOADED, IngestStatus.REPLACED) and (
            self.graded < self.expected
        )

    @property
    def shortfall(self) -> str:
        return f"{self.graded} of {self.expected} graded areas found — check the file"


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # sources.csv rows skipped

    def count(self, status: IngestStatus) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == IngestStatus.FAILED]

    @property
    def incomplete(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.incomplete]


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Files to read (folders walked, sorted) and failures for paths that cannot be read."""
    files: list[Path] = []
    problems: list[FileOutcome] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
            )
        elif path.is_file():
            files.append(path)
        else:
            problems.append(FileOutcome(str(path), IngestStatus.FAILED, "no such file or folder"))
    return files, problems


def digest(text: str) -> str:
    """The letter as this version reads it: its text and the reading code together, so a file
    read by an older parser is read again when it is ingested again, not reported unchanged."""
    return hashlib.sha256(f"{reader_fingerprint()}\0{text}".encode()).hexdigest()


# The modules whose code decides what a letter says (its grades, quotes, sections, passages).
READING_MODULES = (
    "files.py",
    "grades.py",
    "layout.py",
    "lines.py",
    "pages.py",
    "parse.py",
    "pdf.py",
    "text.py",
    "vocabulary.py",
)


@functools.cache
def reader_fingerprint() -> str:
    """A digest of the reading code as installed (read once, when first needed)."""
    package = resources.files("store")
    sources = (package.joinpath(name).read_bytes() for name in READING_MODULES)
    return hashlib.sha256(b"\0".join(sources)).hexdigest()[:16]


# Reading and parsing are pure and CPU-bound (pypdf above all), so with many files they run in
# worker processes while this one stores, in order. Under this many files the workers' start
# (about a second) costs more than it saves.
PARALLEL_MIN_FILES = 16
MAX_WORKERS = 4  # a 2-core machine gains from 2; more only shares the same cores


def ingest_paths(
    engine: Engine,
    paths: Iterable[str | Path],
    progress: Callable[[Path], None] | None = None,
    replace: bool = False,
    workers: int | None = None,
) -> IngestReport:
    """Load every file; ``replace`` lets a file with fewer grades replace a stored letter.
    ``workers``: processes reading files (default: one per core when there are many files)."""
    paths = [Path(p) for p in paths]
    files, problems = collect_files(paths)
    urls, notes = read_sources(paths)
    report = IngestReport(list(problems), notes)
    with ingest_lock(engine):
        for path, read in _read_all(files, workers):
            if isinstance(read, FileOutcome):
                report.outcomes.append(read)
            else:
                url = urls.get(path.resolve())
                report.outcomes.append(
                    store_letter(engine, read[1], read[0], str(path), replace, url)
                )
            if progress:
                progress(path)
    return report


def read_file(path: Path) -> tuple[str, ParsedLetter] | FileOutcome:
    """One file's text and letter, or its failure: no store involved, so it runs anywhere."""
    try:
        text_ = read_letter_file(path)
        return text_, parse_letter(text_, path.name)
    except FileError as exc:
        return FileOutcome(str(path), IngestStatus.FAILED, exc.reason)


def _read_all(files: list[Path], workers: int | None):
    count = workers if workers is not None else min(os.cpu_count() or 1, MAX_WORKERS)
    if count <= 1 or (workers is None and len(files) < PARALLEL_MIN_FILES):
        yield from ((path, read_file(path)) for path in files)
        return
    # spawn, not fork: the caller may hold threads (a server) or open database connections.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(count, mp_context=context) as pool:
        yield from zip(files, pool.map(read_file, files, chunksize=4), strict=True)


def ingest_file(engine: Engine, path: Path, replace: bool = False) -> FileOutcome:
    read = read_file(path)
    if isinstance(read, FileOutcome):
        return read
    return store_letter(engine, read[1], read[0], str(path), replace)


def store_letter(
    engine: Engine,
    letter: ParsedLetter,
    text_: str,
    file: str,
    replace: bool = False,
    url: str | None = None,
) -> FileOutcome:
    """The letter stored, replacing the one held for its council, kind and year unless that
    holds more grades; ``url``, where it was published (a new one is kept even when the
    letter itself is unchanged)."""
    name = f"{letter.council} {letter.kind.upper()} {letter.year}"
    sha = digest(text_)
    counts = {
        "graded": len({j.area for j in letter.judgements}),
        "expected": len(graded_areas(letter.kind, letter.year)),
    }
    with Session(engine) as session:
        try:
            council = session.exec(
                select(models.Council).where(models.Council.short_name == letter.council)
            ).one()
            old = session.exec(
                select(models.Letter).where(
                    models.Letter.council_id == council.id,
                    models.Letter.kind == letter.kind,
                    models.Letter.year == letter.year,
                )
            ).first()
            if old is not None and old.sha256 == sha:
                if url and old.url != url:
                    old.url = url
                    session.add(old)
                    _bump_version(session)
                    session.commit()
                return FileOutcome(file, IngestStatus.UNCHANGED, letter=name, **counts)
            held = _graded_count(session, old.id) if old is not None else 0
            if old is not None and held > counts["graded"] and not replace:
                return FileOutcome(
                    file,
                    IngestStatus.KEPT,
                    f"kept the stored letter from {printable(old.source_file)} ({held} graded "
                    f"areas); this file has {counts['graded']}: --replace loads it anyway",
                    name,
                    **counts,
                )
            if old is not None:
                _delete_letter(session, old.id)
            _insert_letter(session, council.id, letter, text_, sha, file, url)
            _bump_version(session)
            session.commit()
        except Exception as exc:  # a failing file changes nothing; the others go on
            session.rollback()
            return FileOutcome(
                file, IngestStatus.FAILED, f"could not store it ({type(exc).__name__})"
            )
    if old is None:
        return FileOutcome(file, IngestStatus.LOADED, "", name, **counts)
    reason = (
        f"replaced {printable(old.source_file)} ({held} graded areas) with this file "
        f"({counts['graded']})"
    )
    return FileOutcome(file, IngestStatus.REPLACED, reason, name, **counts)


def _graded_count(session: Session, letter_id: int) -> int:
    return session.exec(
        select(func.count(func.distinct(models.Judgement.area))).where(
            models.Judgement.letter_id == letter_id
        )
    ).one()


def _delete_letter(session: Session, letter_id: int) -> None:
    for table in (models.Judgement, models.Passage, models.Section):
        session.exec(delete(table).where(table.letter_id == letter_id))
    session.exec(delete(models.Letter).where(models.Letter.id == letter_id))
    session.flush()


def _insert_letter(
    session: Session,
    council_id: int,
    letter: ParsedLetter,
    text_: str,
    sha: str,
    file: str,
    url: str | None = None,
) -> None:
    row = models.Letter(
        council_id=council_id,
        kind=letter.kind,
        year=letter.year,
        title=letter.title,
        letter_date=letter.letter_date,
        addressee=letter.addressee,
        signatory=letter.signatory,
        source_file=Path(file).name,
        url=url,
        sha256=sha,
        text=repair(text_),  # the text the offsets of its passages and quotes point into
        ingested_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    sections = {}
    for i, s in enumerate(letter.sections):
        sections[s.heading] = sections.get(s.heading) or models.Section(
            letter_id=row.id, ordinal=i, heading=s.heading, area=s.area, start=s.start, end=s.end
        )
        session.add(sections[s.heading])
    session.flush()
    for i, p in enumerate(letter.passages):
        session.add(
            models.Passage(
                letter_id=row.id,
                section_id=sections[p.section].id,
                council_id=council_id,
                year=letter.year,
                area=p.area,
                ordinal=i,
                text=p.text,
                start=p.start,
                end=p.end,
                bullet=p.bullet,
                page=p.page,
            )
        )
    for j in letter.judgements:
        session.add(
            models.Judgement(
                letter_id=row.id,
                section_id=sections[j.section].id,
                council_id=council_id,
                year=letter.year,
                kind=letter.kind,
                area=j.area,
                grade=j.grade,
                label=j.label,
                grade_text=j.grade_text,
                quote=j.quote,
                start=j.start,
                end=j.end,
                page=j.page,
            )
        )


def _bump_version(session: Session) -> None:
    meta = session.get(models.StoreMeta, VERSION_KEY)
    if meta is None:
        session.add(models.StoreMeta(key=VERSION_KEY, value="1"))
    else:
        meta.value = str(int(meta.value) + 1)
        session.add(meta)


@contextmanager
def ingest_lock(engine: Engine) -> Iterator[None]:
    """One ingest at a time per store: a lock file for SQLite, an advisory lock for PostgreSQL."""
    path = sqlite_path(engine)
    busy = StoreBusyError(
        "another 'letters ingest' is writing to this store; try again when it has finished"
    )
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            if not conn.execute(text("SELECT pg_try_advisory_lock(7305)")).scalar():
                raise busy
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(7305)"))
        return
    if path is None:
        yield
        return
    with open(f"{path}.ingest-lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise busy from None
        yield


def bundled_letters() -> list[tuple[str, str]]:
    folder = resources.files("store").joinpath("bundled")
    return sorted(
        (f.name, f.read_text(encoding="utf-8")) for f in folder.iterdir() if f.name.endswith(".txt")
    )


def load_bundled(engine: Engine) -> None:
    """A fresh store answers at once: the two real letters ship inside the package. A store
    that holds them as an older version read them has them read again."""
    bundled = bundled_letters()
    with Session(engine) as session:
        empty = session.exec(select(models.Letter.id).limit(1)).first() is None
        held = dict(
            session.exec(
                select(models.Letter.source_file, models.Letter.sha256).where(
                    models.Letter.source_file.in_([name for name, _ in bundled])
                )
            ).all()
        )
    for name, text_ in bundled:
        if empty or (name in held and held[name] != digest(text_)):
            store_letter(engine, parse_letter(text_, name), text_, name, replace=True)
