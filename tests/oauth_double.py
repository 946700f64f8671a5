"""The loopback Slack (``tests.slack_double.Recorder``) with several workspaces that can install
the app through OAuth, each with its own bot token.

    slack = Workspaces(client_id="111.222", client_secret="s3cret")
    code = slack.consent("T0AAAAAA1", "Alpha")   # a person approved the install in Alpha
    ... GET /slack/oauth_redirect?code=<code>&state=<state> on the bot ...
    slack.tokens_used("chat.postMessage")        # which workspace's token each post carried

``oauth.v2.access`` exchanges a code once, and only with the app's client id and secret (sent
as HTTP Basic auth, as slack-sdk does); ``auth.test`` answers for the workspace whose token it
carries. Everything else is the Recorder's.
"""

import base64
import itertools
import threading
from dataclasses import dataclass

from tests.slack_double import BOT_ID, BOT_USER, Recorder

APP_ID = "A0APP0001"


@dataclass(frozen=True)
class Workspace:
    team_id: str
    name: str
    bot_token: str


class Workspaces(Recorder):
    def __init__(self, *, client_id: str, client_secret: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.client_id, self.client_secret = client_id, client_secret
        self._codes: dict[str, Workspace] = {}  # consent codes not yet exchanged
        self._by_token: dict[str, Workspace] = {}
        self._auth: list[tuple[str, str]] = []  # (method, Authorization header) of each call
        self._n = itertools.count(1)
        self._guard = threading.Lock()

    def consent(self, team_id: str, name: str) -> str:
        """A person in ``team_id`` approved the install: the code Slack sends the browser
        back with."""
        n = next(self._n)
        workspace = Workspace(team_id, name, f"xoxb-{n:012d}-{team_id}-FAKEfakeFAKE{n:04d}")
        code = f"code-{team_id}-{n}"
        with self._guard:
            self._codes[code] = workspace
        return code

    def tokens_used(self, method: str) -> list[str]:
        """The workspace (team id) whose token each call of ``method`` carried."""
        with self._guard:
            auths = [auth for m, auth in self._auth if m == method]
        return [self._team_of(auth) for auth in auths]

    def latest_token(self, team_id: str) -> str:
        """The bot token of ``team_id``'s latest install (an earlier one is replaced)."""
        with self._guard:
            return [w.bot_token for w in self._by_token.values() if w.team_id == team_id][-1]

    def bearers(self, method: str) -> list[str]:
        """The token each call of ``method`` carried."""
        with self._guard:
            return [auth.removeprefix("Bearer ") for m, auth in self._auth if m == method]

    def _team_of(self, auth: str) -> str:
        token = auth.removeprefix("Bearer ")
        found = self._by_token.get(token)
        return found.team_id if found else f"(no workspace's token: {token[:12]!r})"

    def _record(self, method: str, url: str, body: dict, auth: str) -> tuple[int, dict]:
        with self._guard:
            self._auth.append((method, auth))
        status, reply = super()._record(method, url, body, auth)
        if status != 200:
            return status, reply
        if method == "oauth.v2.access":
            return status, self._exchange(body, auth)
        if method == "auth.test":
            found = self._by_token.get(auth.removeprefix("Bearer "))
            if found is None:
                return status, {"ok": False, "error": "invalid_auth"}
            return status, {
                **reply,
                "team_id": found.team_id,
                "team": found.name,
                "bot_id": BOT_ID,
                "user_id": BOT_USER,
            }
        return status, reply

    def _exchange(self, body: dict, auth: str) -> dict:
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if auth != f"Basic {expected}":
            return {"ok": False, "error": "invalid_client_id"}
        with self._guard:
            workspace = self._codes.pop(body.get("code", ""), None)
            if workspace is None:
                return {"ok": False, "error": "invalid_code"}
            self._by_token[workspace.bot_token] = workspace
        return {
            "ok": True,
            "app_id": APP_ID,
            "authed_user": {"id": "U0INSTALL1"},
            "scope": "app_mentions:read,chat:write,commands,im:history,files:write,im:write",
            "token_type": "bot",
            "access_token": workspace.bot_token,
            "bot_user_id": BOT_USER,
            "team": {"id": workspace.team_id, "name": workspace.name},
            "enterprise": None,
            "is_enterprise_install": False,
        }
