"""What the listeners are given: the answer engine and a way to post to a ``response_url``,
bound in by ``bind``."""

import functools
import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from slack_sdk.http_retry import RetryHandler
from slack_sdk.webhook import WebhookClient

if TYPE_CHECKING:
    from retrieval.answerer import Answerer

log = logging.getLogger("letters.bot")


@dataclass
class Deps:
    """What the listeners need: the answer engine and how to post to a ``response_url``."""

    engine: "Answerer"
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
