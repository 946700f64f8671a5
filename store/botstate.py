"""What the Slack bot keeps in the store: answered events, thread context, feedback.

Kept here so that several bot processes sharing one database agree on all three.
"""

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from store import models


def claim_event(engine: Engine, event_id: str) -> bool:
    """True for the first process to see ``event_id``; False for every retry or duplicate."""
    with Session(engine) as session:
        session.add(models.SlackEvent(event_id=event_id, received_at=datetime.now(UTC)))
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            return False
    return True


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
        row = earlier or models.Feedback(user=user, created_at=datetime.now(UTC), vote=vote)
        replaced = Vote(earlier.vote) if earlier else None
        row.created_at = datetime.now(UTC)
        row.channel, row.question, row.answer_kind = channel, question, answer_kind
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
