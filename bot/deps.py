"""What the listeners are given: the answer engine and a way to post to a ``response_url``,
bound in by ``bind``."""

import functools
import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import RetryHandler
from slack_sdk.webhook import WebhookClient

from bot import payload
from bot.incoming import Recent
from bot.work import Work

if TYPE_CHECKING:
    from retrieval.answerer import Answerer

log = logging.getLogger("letters.bot")


@dataclass
class Deps:
    """What the listeners need: the answer engine and how to post to a ``response_url``."""

    engine: "Answerer"
    retry_handlers: list[RetryHandler] = field(default_factory=list)
    work: Work = field(default_factory=Work)  # answers in progress and waiting, bounded
    recent: Recent = field(default_factory=Recent)  # events this process has seen lately

    @property
    def sql(self):
        return self.engine.sql_engine

    def respond(self, url: str, **message) -> bool:
        """POST ``message`` to a ``response_url`` (checked against Block Kit's limits first),
        retrying rate limits, server errors and dropped connections; whether it was delivered."""
        try:
            response = self._send(url, payload.checked(message))
            if response.status_code == 400 and payload.has_newer(message):
                log.warning("newer blocks were refused; sent in older forms instead")
                response = self._send(url, payload.checked(payload.plainer(message)))
        except OSError as error:  # the connection failed, and so did every retry
            log.warning("response_url post failed: %s", type(error).__name__)
            return False
        if response.status_code != 200:
            log.warning(
                "response_url post failed: HTTP %s %s",
                response.status_code,
                (response.body or "")[:200],
            )
            return False
        return True

    def _send(self, url: str, message: dict):
        return WebhookClient(url, retry_handlers=self.retry_handlers).send_dict(message)

    def respond_privately(self, client, url: str, channel: str, user: str, **message) -> bool:
        """``message`` to the user alone: through the ``response_url``, and when that fails,
        as an ephemeral message in the channel; whether either was delivered."""
        if self.respond(url, **message):
            return True
        if not (channel and user):
            return False
        kept = {k: v for k, v in message.items() if k in EPHEMERAL_FIELDS}
        try:
            client.chat_postEphemeral(channel=channel, user=user, **payload.checked(kept))
        except SlackApiError as error:
            log.warning("chat.postEphemeral failed too: %s", error.response.get("error"))
            return False
        except OSError as error:
            log.warning("chat.postEphemeral failed too: %s", type(error).__name__)
            return False
        return True


# What a response_url message and chat.postEphemeral share (not response_type or the
# replace/delete flags, which only a response_url understands).
EPHEMERAL_FIELDS = ("text", "blocks", "thread_ts")


def bind(func: Callable, deps: Deps) -> Callable:
    """``func`` with ``deps`` filled in; Bolt injects the remaining arguments by name.

    Bolt reads those names with ``inspect.getfullargspec``, which does not follow a wrapper's
    ``__wrapped__``: so the signature is set here from ``inspect.signature``, which does, and a
    decorated listener keeps its arguments."""
    bound = functools.partial(func, deps)
    parameters = list(inspect.signature(func).parameters.values())[1:]
    bound.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    bound.__name__ = func.__name__  # type: ignore[attr-defined]
    return bound
