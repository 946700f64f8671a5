"""The one place a failure in the bot becomes a message: logged under a short reference, and
the user told "Sorry — something went wrong (ref 7f3a2c)". Exception text is never shown,
except a ``LettersError``'s own one-line message, which is written for users.

Tokens never reach the logs: ``RedactTokens`` masks anything shaped like a Slack token.
"""

import logging
import re
import secrets

from slack_bolt import BoltResponse

from bot import blocks, payload
from bot.deps import Deps
from bot.gate import VERIFIED
from bot.incoming import from_person
from bot.work import Busy
from store.errors import LettersError

log = logging.getLogger("letters.bot")
MAX_DETAIL = 200  # a user-facing error is one short line in the reply, never a paragraph
_TOKEN = re.compile(r"\b(xox[abeposr]|xapp)-[A-Za-z0-9-]+")


def new_ref() -> str:
    return secrets.token_hex(3)


def on_error(
    deps: Deps, error: Exception, body: dict, client, response, context
) -> BoltResponse | None:
    if not context.get(VERIFIED):
        # Raised before the gate passed the request: its body is the sender's word, so it names
        # no channel, user or response_url we may act on. Nothing is sent anywhere.
        log.warning("refused a request that failed before verification (%s)", type(error).__name__)
        return BoltResponse(status=401, body={"error": "invalid request"})
    if isinstance(error, Busy):  # no fault: too many answers at once, or shutting down
        log.info("refused a %s request: %s", _what(body), error)
        try:
            reply(deps, client, body, blocks.busy(str(error)))
        except Exception:
            log.exception("could not tell the user the bot is busy")
        return BoltResponse(status=200, body="") if response is not None else None
    ref = new_ref()
    log.error("failed handling a %s request (ref %s)", _what(body), ref, exc_info=error)
    detail = str(error).splitlines()[0][:MAX_DETAIL] if isinstance(error, LettersError) else ""
    try:
        reply(deps, client, body, blocks.sorry(ref, detail))
    except Exception:
        log.exception("could not tell the user about ref %s", ref)
    # Acknowledged: Slack would otherwise retry an event, or show "dispatch_failed".
    return BoltResponse(status=200, body="") if response is not None else None


def undelivered(ref: str, what: str) -> None:
    """An answer (or apology) that reached no one: every way to the user failed. Logged under
    its reference so the user's report of silence can be traced."""
    log.error("could not deliver %s to the user (ref %s)", what, ref)


def reply(deps: Deps, client, body: dict, message: dict) -> None:
    """Send ``message`` where the user will see it: the response_url, the thread, the DM.
    Events the bot would not have answered (edits, other bots, channel chatter) get nothing."""
    if body.get("response_url"):
        deps.respond(
            body["response_url"], response_type="ephemeral", replace_original=False, **message
        )
        return
    event = body.get("event") or {}
    if event.get("type") == "app_mention" and from_person(event):
        payload.post(
            client,
            channel=event["channel"],
            thread_ts=event.get("thread_ts") or event["ts"],
            **message,
        )
    elif (
        event.get("type") == "message" and event.get("channel_type") == "im" and from_person(event)
    ):
        payload.post(client, channel=event["channel"], thread_ts=event.get("thread_ts"), **message)
    elif event.get("type") == "app_home_opened" and event.get("user"):
        client.views_publish(
            user_id=event["user"], view={"type": "home", "blocks": message["blocks"]}
        )


def _what(body: dict) -> str:
    return (body.get("event") or {}).get("type") or body.get("command") or body.get("type") or "?"


class RedactTokens(logging.Filter):
    """Masks Slack tokens in log messages and their arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _TOKEN.search(message):
            record.msg, record.args = _TOKEN.sub(r"\1-(redacted)", message), None
        return True


_LIBRARIES = ("slack_bolt", "slack_sdk")


def _no_library_chatter(record: logging.LogRecord) -> bool:
    """Bolt's and slack-sdk's DEBUG and INFO lines print request bodies, payloads sent and
    Socket Mode frames: users' words. They are never written, whatever LOG_LEVEL says; the
    libraries' warnings and errors are."""
    return record.levelno >= logging.WARNING or not record.name.startswith(_LIBRARIES)


def _not_client_notice(record: logging.LogRecord) -> bool:
    """Bolt warns that SLACK_BOT_TOKEN (read from the environment by Bolt itself) is unused
    when a client is given; ours carries that same token, so the warning is noise."""
    return not str(record.msg).startswith("As you gave `client` as well")


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_handler(stream=None) -> logging.Handler:
    """A handler to ``stream`` (stderr) that masks tokens and drops the libraries' chatter."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RedactTokens())
    handler.addFilter(_not_client_notice)
    handler.addFilter(_no_library_chatter)
    return handler


def configure_logging(level: str) -> None:
    """Called by ``serve`` only: nothing is configured at import."""
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(log_handler())
