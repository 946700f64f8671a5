"""Listeners grouped by surface, bound to one app in ``register``; dependencies come in ``Deps``.

Each listener: ack, extract, ``engine.answer``, render with ``bot.blocks``, send.
"""

import functools
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from slack_bolt import App, BoltResponse
from slack_sdk.http_retry import RetryHandler
from slack_sdk.webhook import WebhookClient

from retrieval.answer import Answer, Context
from store import botstate

if TYPE_CHECKING:
    from retrieval.engine import Engine

log = logging.getLogger("letters.bot")
_LEADING_MENTIONS = re.compile(r"^(?:\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+")
_PEOPLE_SUBTYPES = (None, "thread_broadcast", "file_share")


@dataclass
class Deps:
    """What the listeners need: the answer engine and how to post to a ``response_url``."""

    engine: "Engine"
    retry_handlers: list[RetryHandler] = field(default_factory=list)

    @property
    def sql(self):
        return self.engine.sql_engine

    def respond(self, url: str, **message) -> None:
        """POST ``message`` to a ``response_url``, retrying rate limits and dropped connections."""
        response = WebhookClient(url, retry_handlers=self.retry_handlers).send_dict(message)
        if response.status_code != 200:
            log.warning(
                "response_url post failed: HTTP %s %s",
                response.status_code,
                (response.body or "")[:200],
            )


def register(app: App, deps: Deps) -> None:
    from bot import errors
    from bot.listeners import actions, commands, home, mentions, messages

    app.middleware(bind(answer_once, deps))
    app.event("app_mention")(bind(mentions.on_mention, deps))
    app.event("message")(bind(messages.on_message, deps))
    app.event("app_home_opened")(bind(home.on_home_opened, deps))
    app.command("/grade")(bind(commands.on_grade, deps))
    app.action("share")(bind(actions.on_share, deps))
    app.action("more")(bind(actions.on_more, deps))
    app.action(re.compile(r"^feedback_(?:up|down)$"))(bind(actions.on_feedback, deps))
    app.error(bind(errors.on_error, deps))


def bind(func: Callable, deps: Deps) -> Callable:
    """``func`` with ``deps`` filled in; Bolt injects the remaining arguments by name."""
    bound = functools.partial(func, deps)
    bound.__name__ = func.__name__  # type: ignore[attr-defined]
    return bound


def answer_once(deps: Deps, body: dict, request, next: Callable) -> BoltResponse | None:
    """Events API retries and duplicate deliveries are acknowledged and dropped.

    The claim is a row in the store, so it holds across processes sharing one database."""
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if event_id and not botstate.claim_event(deps.sql, event_id):
        retry = (request.headers.get("x-slack-retry-num") or ["-"])[0]
        log.info("event %s already answered (retry %s); dropped", event_id, retry)
        return BoltResponse(status=200, body="")
    return next()


def from_person(event: dict) -> bool:
    """A new message typed by a person: not a bot (ourselves included), edit, deletion or join."""
    return (
        bool(event.get("user"))
        and not event.get("bot_id")
        and not event.get("bot_profile")
        and event.get("subtype") in _PEOPLE_SUBTYPES
        and "edited" not in event
        and not event.get("hidden")
    )


def question_text(text: str) -> str:
    """The question as typed: leading mentions of the bot dropped, Slack's escapes undone."""
    text = _LEADING_MENTIONS.sub("", text or "")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


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
