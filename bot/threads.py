"""A thread's context, kept in the store so follow-ups build on the question before."""

import json
import logging

from bot.deps import Deps
from bot.incoming import team_of
from retrieval.answer import Answer, Context
from store import botstate

log = logging.getLogger("letters.bot")


def thread_key(body: dict, channel: str, thread_ts: str) -> str:
    """A thread, keyed by its workspace too: with installs into several workspaces, one
    channel id and ts need not mean one thread."""
    return f"{team_of(body)}:{channel}:{thread_ts}"


def load_context(deps: Deps, thread: str) -> Context | None:
    stored = botstate.load_thread_context(deps.sql, thread)
    try:
        return Context.from_dict(json.loads(stored)) if stored else None
    except (ValueError, TypeError):
        log.warning("unreadable context for thread %s ignored", thread)
        return None


def save_context(deps: Deps, thread: str, answer: Answer) -> None:
    if answer.context is not None:
        botstate.save_thread_context(deps.sql, thread, json.dumps(answer.context.to_dict()))
