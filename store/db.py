"""Engines and schema. ``DATABASE_URL`` picks the database; SQLite file by default."""

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine, select

from store import models
from store.councils import directory
from store.errors import StoreUnavailableError


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "letters"


def default_url() -> str:
    """``DATABASE_URL`` if set, else ``sqlite:///$XDG_DATA_HOME/letters/letters.sqlite3``."""
    url = os.environ.get("DATABASE_URL", "").strip()
    return url or f"sqlite:///{data_dir() / 'letters.sqlite3'}"


def normalise_url(url: str) -> str:
    # psycopg 3 is the driver we ship; accept the URLs people paste.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def sqlite_path(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    db = engine.url.database
    return Path(db) if db and db != ":memory:" else None


# How long an SQLite write waits for another process's write (an ingest) to finish: an ingest
# commits a letter at a time, so 30 s is far past any one wait and short of a hang.
BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str | None = None) -> Engine:
    url = normalise_url(url or default_url())
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _sqlite_engine(url: str) -> Engine:
    memory = url in ("sqlite://", "sqlite:///:memory:")
    if not memory:
        path = Path(url.split("sqlite:///", 1)[1])
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        poolclass=StaticPool if memory else None,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    return engine


def open_session(engine: Engine) -> Session:
    """A session for one unit of work; callers outside ``store`` never import sqlmodel."""
    return Session(engine)


@contextmanager
def consistent_session(engine: Engine) -> Iterator[Session]:
    """A session whose reads all see the store as it was at the first of them, whatever an
    ingest commits meanwhile: several reads that must agree (letters and their judgements)
    would otherwise mix two versions. PostgreSQL: a REPEATABLE READ transaction; SQLite: an
    explicit read transaction, which WAL keeps at one snapshot."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        elif engine.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN")
        try:
            with Session(bind=connection) as session:
                yield session
        finally:
            connection.rollback()  # read only: nothing to keep


STORE_ID_KEY = "store_id"


def _ensure_store_id(engine: Engine) -> None:
    """A random id per store, so caches keyed by (store, version) never outlive their store."""
    with Session(engine) as session:
        if session.get(models.StoreMeta, STORE_ID_KEY) is not None:
            return
        session.add(models.StoreMeta(key=STORE_ID_KEY, value=uuid.uuid4().hex))
        try:
            session.commit()
        except IntegrityError:  # another process made it first
            session.rollback()


def _create_tables(engine: Engine) -> None:
    """``create_all``, one process at a time: replicas starting together on one PostgreSQL
    would otherwise race to create the same tables and one would fail."""
    if engine.dialect.name != "postgresql":
        for attempt in range(5):
            try:
                SQLModel.metadata.create_all(engine)
                return
            except OperationalError as exc:  # another process created a table first
                if "already exists" not in str(exc.orig) or attempt == 4:
                    raise
                time.sleep(0.05 * (attempt + 1))
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(7306)"))
        SQLModel.metadata.create_all(conn)


def _add_missing_columns(engine: Engine) -> None:
    """Columns added since a store was made (``page``), added to it: nullable, so the letters
    it holds stay as they are until ingested again."""
    existing = inspect(engine)
    for table in SQLModel.metadata.sorted_tables:
        have = {c["name"] for c in existing.get_columns(table.name)}
        for column in table.columns:
            if column.name in have:
                continue
            kind = column.type.compile(dialect=engine.dialect)
            with engine.begin() as conn:
                conn.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}'))


def create_schema(engine: Engine) -> None:
    """Create missing tables and columns, and load the council table once."""
    try:
        _create_tables(engine)
        _add_missing_columns(engine)
    except OperationalError as exc:
        where = engine.url.render_as_string(hide_password=True)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "cannot connect"
        raise StoreUnavailableError(f"cannot open the store at {where}: {reason}") from None
    _ensure_store_id(engine)
    with Session(engine) as session:
        if session.exec(select(models.Council.id).limit(1)).first() is not None:
            return
        for c in directory().councils:
            session.add(
                models.Council(
                    short_name=c.short_name,
                    formal_name=c.formal_name,
                    aliases=";".join(c.aliases),
                    first_year=c.first_year,
                    last_year=c.last_year,
                    la_type=c.la_type,
                    dfe_code=c.dfe_code,
                )
            )
        try:
            session.commit()
        except Exception:  # another process seeded it first
            session.rollback()
