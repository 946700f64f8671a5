"""Installs into several workspaces: Bolt's OAuth flow, with slack-sdk's SQLAlchemy installation
and state stores on the letters store's own database (SQLite or PostgreSQL).

Each workspace that installs the app (``/slack/install``, then Slack sends the installer back
to ``/slack/oauth_redirect``) has its bot token kept in the store; Bolt then answers each request
with the token of the workspace it came from.
"""

from slack_bolt.oauth.oauth_settings import OAuthSettings
from sqlalchemy.engine import Engine

from bot.settings import Settings

# What the bot asks each workspace for; manifest.yml lists the same (a test keeps them in step).
BOT_SCOPES = (
    "app_mentions:read",  # app_mention events
    "chat:write",  # answers in threads and DMs
    "commands",  # /grade
    "im:history",  # message.im events (direct messages)
    "files:write",  # a long listing's "All as CSV" file
    "im:write",  # that file, for a private answer, goes in a direct message
    # Whether an answer whose post was cut off arrived, read from its thread (bot/payload.py).
    "channels:history",
    "groups:history",
)
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
# How long an installer has between opening the install page and approving in Slack: Bolt's
# default, ten minutes, is ample for a person and short for a replayed link.
STATE_SECONDS = 600


def oauth_settings(settings: Settings, sql: Engine) -> OAuthSettings:
    """Bolt's OAuth settings, its stores' tables made in ``sql`` if missing."""
    # Imported here: one workspace's bot never needs them (and they pull in SQLAlchemy's
    # asyncio support, which needs greenlet).
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

    installations = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=sql)
    states = SQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=sql)
    installations.create_tables()
    states.create_tables()
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(BOT_SCOPES),
        redirect_uri=settings.slack_redirect_uri or None,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=installations,
        # Only the bot's token is ever used: no user tokens are asked for or kept.
        installation_store_bot_only=True,
        state_store=states,
        state_expiration_seconds=STATE_SECONDS,
    )
