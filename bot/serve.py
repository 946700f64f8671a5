"""Running the bot: Socket Mode (``SLACK_APP_TOKEN``) or HTTP on a threaded WSGI server."""

import json
import logging
import socketserver
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError

from bot.app import build_app
from bot.errors import configure_logging
from bot.settings import Settings
from store.botstate import ping
from store.errors import ConfigError

log = logging.getLogger("letters.bot")
EVENTS_PATH = "/slack/events"
HEALTH_PATHS = ("/health", "/healthz")


def serve(settings: Settings, *, http: bool, port: int, host: str = "127.0.0.1") -> None:
    """Answer Slack until interrupted. Raises ``ConfigError`` for a missing or rejected setting."""
    from retrieval.engine import Engine
    from store.db import make_engine

    settings.require_http() if http else settings.require_socket_mode()
    configure_logging(settings.log_level)
    engine = Engine.open(make_engine(settings.database_url or None))
    engine.snapshot()  # load before the first question; the passage index warms in background
    app = start_app(settings, engine)
    if not http:
        log.info("connecting to Slack in Socket Mode")
        SocketModeHandler(app, settings.slack_app_token).start()
        return
    server = make_http_server(app, engine, host, port)
    log.info(
        "listening on http://%s:%s%s (health: %s)",
        host,
        server.server_port,
        EVENTS_PATH,
        HEALTH_PATHS[0],
    )
    try:
        server.serve_forever()
    finally:
        server.server_close()


def start_app(settings: Settings, engine) -> App:
    """``build_app`` with the token checked now (auth.test), failures as one-line messages."""
    try:
        return build_app(settings, engine)
    except (BoltError, SlackApiError) as exc:
        first = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise ConfigError(f"Slack rejected SLACK_BOT_TOKEN ({first})") from None
    except OSError as exc:
        raise ConfigError(
            f"cannot reach Slack at SLACK_API_URL {settings.slack_api_url} ({exc})"
        ) from None


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """One thread a request: an ack is never stuck behind another request's work."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # socketserver's 5 drops bursts of connections for a second


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args) -> None:
        log.debug("http %s", format % args)


def wsgi_app(app: App, engine):
    """Bolt's WSGI adapter at ``/slack/events``, and ``GET /health``: 200 if the store answers."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ, start_response):
        if environ.get("PATH_INFO") in HEALTH_PATHS and environ.get("REQUEST_METHOD") == "GET":
            ok = _store_ok(engine)
            start_response(
                "200 OK" if ok else "503 Service Unavailable",
                [("Content-Type", "application/json")],
            )
            return [json.dumps({"ok": ok}).encode()]
        return slack(environ, start_response)

    return application


def make_http_server(app: App, engine, host: str, port: int) -> ThreadingWSGIServer:
    return make_server(
        host,
        port,
        wsgi_app(app, engine),
        server_class=ThreadingWSGIServer,
        handler_class=_QuietHandler,
    )


def _store_ok(engine) -> bool:
    try:
        ping(engine.sql_engine)
        return True
    except Exception:
        log.exception("health check: the store does not answer")
        return False
