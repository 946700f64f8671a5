"""The app's first middleware: nothing reaches a listener, a Web API call or the error
handler's reply unless it is verified, and (when allow-lists are set) from our team and app.

Bolt's own ``RequestVerification`` is switched off in ``bot.app`` (see ``bot.signing`` for why);
this runs in its place, before authorisation, as Bolt's ``before_authorize`` middleware. Over
HTTP ``bot.http`` has already checked the signature before Bolt parsed anything; the check is
repeated here so that every way into the app (``App.dispatch`` included) is guarded the same.
Socket Mode requests arrive over a WebSocket opened with the app-level token, so they are
Slack's by construction.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot import signing

log = logging.getLogger("letters.bot")
VERIFIED = "letters_verified"  # context key: set once a request has passed the gate
SOCKET_MODE = "socket_mode"
# Slack's handshake when a Request URL is saved names no team. (Its ssl_check, which names none
# either, is answered by Bolt's SslCheck before this middleware runs.)
_NO_TEAM_NEEDED = ("url_verification",)


@dataclass(frozen=True)
class Gate(Middleware):
    signing_secret: str
    allowed_teams: frozenset[str] = frozenset()  # empty: any team
    allowed_apps: frozenset[str] = frozenset()  # empty: any app

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        if req.mode != SOCKET_MODE:
            refusal = signing.check(
                self.signing_secret,
                req.raw_body.encode("utf-8"),
                _header(req, "x-slack-request-timestamp"),
                _header(req, "x-slack-signature"),
                time.time(),
            )
            if refusal is not None:
                log.info("refused a request with %s", refusal)
                return BoltResponse(status=401, body={"error": "invalid request"})
        stranger = self.stranger(req.body)
        if stranger:
            log.info("ignored a request from %s", stranger)
            return BoltResponse(status=200, body="")  # acknowledged, so Slack does not retry
        req.context[VERIFIED] = True
        return next()

    def stranger(self, body: dict) -> str:
        """'' when ``body`` may be answered; else what is not on the allow-list."""
        if body.get("type") in _NO_TEAM_NEEDED:
            return ""
        team, app = team_id(body), str(body.get("api_app_id") or "")
        if self.allowed_teams and team not in self.allowed_teams:
            return f"team {team or '(none)'}"
        if self.allowed_apps and app not in self.allowed_apps:
            return f"app {app or '(none)'}"
        return ""


def team_id(body: dict) -> str:
    """The workspace a request comes from: ``team_id`` in events and commands, ``team.id`` in
    interactivity payloads."""
    team = body.get("team")
    nested = team.get("id") if isinstance(team, dict) else None
    return str(body.get("team_id") or nested or "")


def _header(request, name: str) -> str | None:
    values = request.headers.get(name) or [None]
    return values[0]
