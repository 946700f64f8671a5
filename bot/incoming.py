"""What arrives from Slack: which events a person typed, the question in them, and the
de-duplication of Slack's retries."""

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from slack_bolt import BoltResponse

from store import botstate

if TYPE_CHECKING:
    from bot.deps import Deps

log = logging.getLogger("letters.bot")
_LEADING_MENTIONS = re.compile(r"^(?:\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+")
_PEOPLE_SUBTYPES = (None, "thread_broadcast", "file_share")
# Slack retries an event three times within about five minutes; ten thousand events is more
# than an hour of a busy organisation's questions, in well under a megabyte.
RECENT_EVENTS = 10_000
# How long an answer waits to claim its event in the store, after the ack. Past it, the event is
# answered unclaimed: a person should not wait on an ingest's write lock for their answer.
CLAIM_WAIT_SECONDS = 2.0


def answer_once(deps: "Deps", body: dict, request, next: Callable) -> BoltResponse | None:
    """An Events API retry or duplicate delivery this process has seen is acknowledged and
    dropped, before any listener runs. Nothing here waits on the store: an ack must reach
    Slack within 3 seconds whatever the store is doing (``first_delivery`` asks the store
    later, after the ack)."""
    key = _event_key(body)
    if key and not deps.recent.first(key):
        retry = (request.headers.get("x-slack-retry-num") or ["-"])[0]
        log.info("event %s already answered (retry %s); dropped", key, retry)
        return BoltResponse(status=200, body="")
    return next()


def first_delivery(deps: "Deps", body: dict) -> bool:
    """After the ack, on the worker: whether to answer this event. The claim is a row in the
    store, so it holds across processes sharing one database. When the store is too busy to
    say within ``CLAIM_WAIT_SECONDS`` the event is answered: an answer twice, in the rare case
    that another process had it too, is better than none."""
    key = _event_key(body)
    if not key:
        return True
    claim = botstate.claim_event(deps.sql, key, CLAIM_WAIT_SECONDS)
    if claim == botstate.Claim.UNKNOWN:
        log.warning("event %s: the store was busy; answered without its claim", key)
    elif claim == botstate.Claim.TAKEN:
        log.info("event %s already answered by another process; dropped", key)
    return claim != botstate.Claim.TAKEN


def _event_key(body: dict) -> str:
    """An event's id, with its workspace (an app installed in several sees each's events)."""
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    return f"{team_of(body)}:{event_id}" if event_id else ""


class Recent:
    """The last ``size`` keys seen, thread-safely: a bounded memory of answered events."""

    def __init__(self, size: int = RECENT_EVENTS) -> None:
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def first(self, key: str) -> bool:
        """True the first time ``key`` is seen (while it is among the last ``size``)."""
        with self._lock:
            if key in self._seen:
                return False
            self._seen[key] = None
            if len(self._seen) > self._size:
                self._seen.popitem(last=False)
            return True


def team_of(body: dict) -> str:
    """The workspace a request came from: an event's or command's ``team_id``, a click's team
    (or its user's), "" when a body names none."""
    team = body.get("team_id") or (body.get("team") or {}).get("id")
    return str(team or (body.get("user") or {}).get("team_id") or "")


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
