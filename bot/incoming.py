"""What arrives from Slack: which events a person typed, the question in them, and the
de-duplication of Slack's retries."""

import logging
import re
from collections.abc import Callable

from slack_bolt import BoltResponse

from bot.deps import Deps
from store import botstate

log = logging.getLogger("letters.bot")
_LEADING_MENTIONS = re.compile(r"^(?:\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+")
_PEOPLE_SUBTYPES = (None, "thread_broadcast", "file_share")


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
