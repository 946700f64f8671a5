"""What the Slack bot keeps in the store: answered events, thread context, feedback.

Kept here so that several bot processes sharing one database agree on all three.
"""

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from store import models
from store.db import BUSY_TIMEOUT_MS


class Claim(StrEnum):
    """Whether this process is the first to take an event."""

    FIRST = "first"
    TAKEN = "taken"  # another process (or an earlier delivery) has it
    UNKNOWN = "unknown"  # the store was too busy to say within the wait


def claim_event(engine: Engine, event_id: str, wait_seconds: float | None = None) -> Claim:
    """Take ``event_id`` in the store, so that processes sharing it answer an event once.
    ``wait_seconds`` bounds the wait for another process's write (an ingest holding SQLite's
    lock); None waits as long as any write does."""
    row = {"event_id": event_id, "received_at": datetime.now(UTC)}
    with engine.connect() as conn:
        _bound_wait(conn, wait_seconds)
        try:
            conn.execute(insert(models.SlackEvent).values(**row))
            conn.commit()
            return Claim.FIRST
        except IntegrityError:
            conn.rollback()
            return Claim.TAKEN
        except OperationalError as exc:
            conn.rollback()
            if _waited_too_long(exc):
                return Claim.UNKNOWN
            raise
        finally:
            if wait_seconds is not None and conn.dialect.name == "sqlite":
                conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


# PostgreSQL's codes for a wait cut short: lock_not_available, query_canceled (statement_timeout).
_WAIT_CODES = ("55P03", "57014")


def _waited_too_long(exc: OperationalError) -> bool:
    """SQLite's "database is locked" or PostgreSQL's lock or statement timeout; not a store
    that is broken (which is an error to report, not a reason to answer unclaimed)."""
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code in _WAIT_CODES or "database is locked" in str(exc.orig)


def _bound_wait(conn, wait_seconds: float | None) -> None:
    if wait_seconds is None:
        return
    ms = max(1, int(wait_seconds * 1000))
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA busy_timeout={ms}")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {ms}")
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {ms}")


def save_thread_context(engine: Engine, thread: str, context_json: str) -> None:
    with Session(engine) as session:
        row = session.get(models.ThreadContext, thread)
        if row is None:
            row = models.ThreadContext(
                thread=thread, context=context_json, updated_at=datetime.now(UTC)
            )
        else:
            row.context, row.updated_at = context_json, datetime.now(UTC)
        session.add(row)
        try:
            session.commit()
        except IntegrityError:  # two replicas saved the same new thread at once
            session.rollback()


def load_thread_context(engine: Engine, thread: str) -> str | None:
    with Session(engine) as session:
        row = session.get(models.ThreadContext, thread)
        return row.context if row else None


class Vote(StrEnum):
    """A reader's 👍 or 👎 on an answer."""

    UP = "up"
    DOWN = "down"


def record_feedback(
    engine: Engine,
    *,
    user: str,
    channel: str,
    team: str = "",
    question: str,
    answer_kind: str,
    letters: list[str],
    vote: Vote,
    answer: str = "",
) -> Vote | None:
    """The vote, replacing the same person's earlier vote on the same answer (``answer``, when
    known); the vote it replaced, if any."""
    with Session(engine) as session:
        earlier = (
            session.exec(
                select(models.Feedback).where(
                    models.Feedback.user == user, models.Feedback.answer == answer
                )
            ).first()
            if answer
            else None
        )
        row = earlier or models.Feedback(user=user)
        replaced = Vote(earlier.vote) if earlier else None
        row.created_at = datetime.now(UTC)  # a changed vote is dated when it was changed
        row.team, row.channel, row.question, row.answer_kind = team, channel, question, answer_kind
        row.letters, row.vote, row.answer = "; ".join(letters), vote, answer or None
        session.add(row)
        session.commit()
        return replaced


def feedback_rows(engine: Engine) -> list[models.Feedback]:
    with Session(engine) as session:
        return list(session.exec(select(models.Feedback).order_by(models.Feedback.id)))


def ping(engine: Engine) -> None:
    """Raises unless the store answers a trivial query (the bot's health check)."""
    from sqlalchemy import text

    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
