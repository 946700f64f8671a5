"""The bot's settings, from the environment and an optional ``.env`` file.

Every variable is listed in ``VARIABLES`` (and in ``.env.example``; a test keeps the two in step).
A missing or malformed one raises ``store.errors.ConfigError`` with a one-line message naming it.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import load_dotenv

from store.errors import ConfigError

DEFAULT_API_URL = "https://slack.com/api/"

# variable -> when it is needed
VARIABLES: dict[str, str] = {
    "SLACK_BOT_TOKEN": "required for one workspace",
    "SLACK_CLIENT_ID": "required for installs into several workspaces",
    "SLACK_CLIENT_SECRET": "required for installs into several workspaces",
    "SLACK_REDIRECT_URI": "optional",
    "SLACK_APP_TOKEN": "required for Socket Mode",
    "SLACK_SIGNING_SECRET": "required for HTTP mode",
    "SLACK_API_URL": "optional",
    "DATABASE_URL": "optional",
    "LOG_LEVEL": "optional",
    "SLACK_ALLOWED_TEAM_IDS": "optional",
    "SLACK_ALLOWED_APP_IDS": "optional",
}
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
# Slack's ids: a capital letter (T team, E org, A app) then capitals and digits.
_SLACK_ID = re.compile(r"[A-Z][A-Z0-9]{2,}")


@dataclass(frozen=True)
class Settings:
    """One workspace (``slack_bot_token``) or installs into many through Slack's OAuth flow
    (``slack_client_id`` and ``slack_client_secret``; each workspace's token is then kept in
    the store)."""

    # Secrets stay out of repr(), so a logged Settings never shows a token.
    slack_bot_token: str = field(default="", repr=False)
    slack_client_id: str = ""
    slack_client_secret: str = field(default="", repr=False)
    slack_redirect_uri: str = ""  # empty: the one set in the app's configuration
    slack_app_token: str = field(default="", repr=False)
    slack_signing_secret: str = field(default="", repr=False)
    slack_api_url: str = DEFAULT_API_URL
    database_url: str = ""
    log_level: str = "INFO"
    allowed_team_ids: frozenset[str] = frozenset()  # empty: answer any team
    allowed_app_ids: frozenset[str] = frozenset()  # empty: answer any app

    @property
    def oauth(self) -> bool:
        """Installed into workspaces through OAuth, rather than one workspace's token."""
        return bool(self.slack_client_id)

    def require_socket_mode(self) -> None:
        if self.oauth:
            raise ConfigError(
                "installs into several workspaces (SLACK_CLIENT_ID) need HTTP mode, where "
                "Slack sends installers back: run 'letters serve --http'"
            )
        if not self.slack_app_token:
            raise ConfigError(
                "SLACK_APP_TOKEN is not set: Socket Mode needs the app-level token "
                "(xapp-…); set it in .env, or run 'letters serve --http'"
            )

    def require_http(self) -> None:
        if not self.slack_signing_secret:
            raise ConfigError(
                "SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify "
                "requests; set it in .env (Basic Information → Signing Secret)"
            )


def load_settings(env_file: str | None = ".env") -> Settings:
    """Settings from ``os.environ``, after loading ``env_file`` (variables already set win)."""
    if env_file and Path(env_file).is_file():
        load_dotenv(env_file, override=False)
    return settings_from(os.environ)


def settings_from(env) -> Settings:
    def get(name: str) -> str:
        return (env.get(name) or "").strip()

    token = get("SLACK_BOT_TOKEN")
    client_id, client_secret = get("SLACK_CLIENT_ID"), get("SLACK_CLIENT_SECRET")
    _check_one_mode(token, client_id, client_secret)
    if token and not token.startswith("xoxb-"):
        raise ConfigError(
            "SLACK_BOT_TOKEN does not look like a bot token (it should start with 'xoxb-')"
        )
    app_token = get("SLACK_APP_TOKEN")
    if app_token and not app_token.startswith("xapp-"):
        raise ConfigError(
            "SLACK_APP_TOKEN does not look like an app-level token (it should start with 'xapp-')"
        )
    api_url = get("SLACK_API_URL") or DEFAULT_API_URL
    if not api_url.startswith(("http://", "https://")):
        raise ConfigError(f"SLACK_API_URL must be an http(s) URL, not '{api_url[:60]}'")
    level = (get("LOG_LEVEL") or "INFO").upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not '{level[:20]}'")
    redirect = get("SLACK_REDIRECT_URI")
    if redirect and not redirect.startswith("https://"):
        raise ConfigError(
            f"SLACK_REDIRECT_URI must be an https:// URL, as Slack requires, not '{redirect[:60]}'"
        )
    return Settings(
        slack_bot_token=token,
        slack_client_id=client_id,
        slack_client_secret=client_secret,
        slack_redirect_uri=redirect,
        slack_app_token=app_token,
        slack_signing_secret=get("SLACK_SIGNING_SECRET"),
        slack_api_url=api_url if api_url.endswith("/") else api_url + "/",
        database_url=get("DATABASE_URL"),
        log_level=level,
        allowed_team_ids=id_list("SLACK_ALLOWED_TEAM_IDS", get("SLACK_ALLOWED_TEAM_IDS")),
        allowed_app_ids=id_list("SLACK_ALLOWED_APP_IDS", get("SLACK_ALLOWED_APP_IDS")),
    )


def _check_one_mode(token: str, client_id: str, client_secret: str) -> None:
    """Either one workspace's bot token or an app's OAuth credentials, never neither or both:
    with both, which workspace a token belongs to would be a guess."""
    if token and client_id:
        raise ConfigError(
            "SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: keep the token for one "
            "workspace, or the client id and secret for installs into several"
        )
    if client_id and not client_secret:
        raise ConfigError(
            "SLACK_CLIENT_SECRET is not set: OAuth installs need it with SLACK_CLIENT_ID "
            "(Basic Information → App Credentials)"
        )
    if client_secret and not client_id:
        raise ConfigError("SLACK_CLIENT_ID is not set: OAuth installs need it with the secret")
    if not (token or client_id):
        raise ConfigError(
            "SLACK_BOT_TOKEN is not set: put the bot token (xoxb-…) in .env or the environment "
            "(or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install into several workspaces)"
        )


def id_list(name: str, value: str) -> frozenset[str]:
    """``T01,T02`` -> {"T01", "T02"}; a malformed id is a ``ConfigError`` naming it."""
    ids = frozenset(part.strip() for part in value.split(",") if part.strip())
    bad = sorted(i for i in ids if not _SLACK_ID.fullmatch(i))
    if bad:
        raise ConfigError(
            f"{name} must be comma-separated Slack ids such as T0123ABCD, not '{bad[0][:30]}'"
        )
    return ids
