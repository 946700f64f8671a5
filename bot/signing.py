"""Is a request really from Slack? The signing-secret check, as a pure function that never
raises and never sees a logger.

Why our own and not slack-sdk's: we read ``slack_sdk/signature/__init__.py`` (3.48) and
``slack_bolt/middleware/request_verification/request_verification.py`` (1.30).
``SignatureVerifier.is_valid`` calls ``int(timestamp)``, which raises ``ValueError`` on ``abc``,
``1.5`` or an empty header; Bolt's middleware lets that escape to the app's error handler, which
then acted on the unverified body with the bot token. On an ordinary failure the same middleware
logs the whole body at INFO. So both the HTTP guard (``bot.http``) and the app's first middleware
(``bot.gate``) call this instead. The scheme is Slack's documented one: ``v0=`` and the
HMAC-SHA256 of ``v0:{timestamp}:{body}`` under the signing secret.
"""

import hashlib
import hmac
import re
from enum import StrEnum

# Slack's documented replay window: a request more than five minutes old (or ahead) is refused.
MAX_CLOCK_SKEW_SECONDS = 300
# Whole seconds since the epoch in ASCII digits, nothing else: int() would also take "+1", " 1",
# "1_0" and other scripts' digits, none of which Slack sends. Twelve digits reach the year 33658.
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


class Refusal(StrEnum):
    """Why a request was not accepted as Slack's; said in the log, never the body."""

    NO_SECRET = "no signing secret configured, so nothing can be verified"
    NO_TIMESTAMP = "no X-Slack-Request-Timestamp"
    BAD_TIMESTAMP = "a malformed X-Slack-Request-Timestamp"
    STALE = "a timestamp more than five minutes from now"
    NO_SIGNATURE = "no X-Slack-Signature"
    BAD_SIGNATURE = "a malformed X-Slack-Signature"
    WRONG_SIGNATURE = "a signature that does not match the body"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The ``X-Slack-Signature`` Slack sends for ``body`` at ``timestamp``."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def check(
    secret: str, body: bytes, timestamp: str | None, signature: str | None, now: float
) -> Refusal | None:
    """None when ``body`` was signed with ``secret`` within the replay window, else the reason."""
    if not secret:  # an empty HMAC key is a key anyone holds
        return Refusal.NO_SECRET
    if not timestamp:
        return Refusal.NO_TIMESTAMP
    if not _TIMESTAMP.fullmatch(timestamp):
        return Refusal.BAD_TIMESTAMP
    if abs(now - int(timestamp)) > MAX_CLOCK_SKEW_SECONDS:
        return Refusal.STALE
    if not signature:
        return Refusal.NO_SIGNATURE
    if not _SIGNATURE.fullmatch(signature):
        return Refusal.BAD_SIGNATURE
    if not hmac.compare_digest(sign(secret, timestamp, body), signature):
        return Refusal.WRONG_SIGNATURE
    return None
