"""Running the bot: Socket Mode (``SLACK_APP_TOKEN``) or HTTP on a threaded WSGI server.

Every start-up failure (a rejected token, a port in use or out of range, Slack out of reach)
is a ``ConfigError`` with one line saying what to fix.
"""

import errno
import logging
import signal
import threading
from collections.abc import Callable

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError

from bot.app import build_app
from bot.errors import configure_logging
from bot.http import EVENTS_PATH, HEALTH_PATHS, ThreadingWSGIServer, make_http_server
from bot.settings import Settings
from bot.work import Work
from store.errors import ConfigError

log = logging.getLogger("letters.bot")
MAX_PORT = 65535
# How often slack-sdk's Socket Mode client pings Slack and checks its connection. A connection
# Slack closes is only replaced at the next check: at slack-sdk's 10 s, slash commands and
# clicks in that gap fail (Slack does not retry them); 2 s is a ping Slack barely notices.
CONNECTION_CHECK_SECONDS = 2


def serve(settings: Settings, *, http: bool, port: int, host: str = "127.0.0.1") -> None:
    """Answer Slack until interrupted. Raises ``ConfigError`` for a missing or rejected setting."""
    from retrieval.answerer import Answerer
    from store.db import make_engine

    settings.require_http() if http else settings.require_socket_mode()
    if http:
        check_port(port)
    configure_logging(settings.log_level)
    engine = Answerer.open(make_engine(settings.database_url or None))
    engine.snapshot()  # load before the first question; the passage index warms in background
    work = Work()
    app = start_app(settings, engine, work)
    if not http:
        handler = socket_mode_handler(app, settings)
        log.info("connecting to Slack in Socket Mode")
        stopped = threading.Event()
        drain_on_sigterm(work, lambda: (handler.close(), stopped.set()))
        handler.connect()
        stopped.wait()
        return
    server = listen(app, engine, settings, host, port)
    drain_on_sigterm(work, server.shutdown)
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


def check_port(port: int) -> None:
    """Slack must be told the port, so 0 (any free port) is no use here either."""
    if not 1 <= port <= MAX_PORT:
        raise ConfigError(f"port {port} is out of range: choose one from 1 to {MAX_PORT}")


def drain_on_sigterm(work: Work, stop: Callable[[], object]) -> Callable:
    """On SIGTERM: new questions are told the bot is restarting, the answers in progress
    finish (for up to ``DRAIN_SECONDS``), then ``stop``. The handler, for tests."""

    def drain_then_stop() -> None:
        finished = work.drain()
        log.info("stopping: %s", "every answer finished" if finished else "answers cut short")
        stop()

    def on_sigterm(_signum, _frame) -> None:
        log.info("SIGTERM: finishing the answers in progress, refusing new ones")
        threading.Thread(target=drain_then_stop, name="letters-drain", daemon=True).start()

    if threading.current_thread() is threading.main_thread():  # only it may set a handler
        signal.signal(signal.SIGTERM, on_sigterm)
    return on_sigterm


def start_app(settings: Settings, engine, work: Work | None = None) -> App:
    """``build_app`` with the token checked now (auth.test), failures as one-line messages."""
    try:
        return build_app(settings, engine, work=work)
    except (BoltError, SlackApiError) as exc:
        raise ConfigError(f"Slack rejected SLACK_BOT_TOKEN ({_first_line(exc)})") from None
    except OSError as exc:
        raise ConfigError(_unreachable(settings, exc)) from None


def socket_mode_handler(app: App, settings: Settings) -> SocketModeHandler:
    """A handler whose first WebSocket URL is already issued, so a rejected app token is one
    ``ConfigError`` here rather than slack-sdk's logged error and traceback in ``start``."""
    handler = SocketModeHandler(
        app, settings.slack_app_token, ping_interval=CONNECTION_CHECK_SECONDS
    )
    try:
        opened = app.client.apps_connections_open(app_token=settings.slack_app_token)
    except SlackApiError as exc:
        handler.client.close()  # its threads, started with it, would outlive the refusal
        raise ConfigError(
            f"Slack rejected SLACK_APP_TOKEN ({exc.response.get('error', '?')}): use the "
            "app-level token with the connections:write scope (Basic Information → "
            "App-Level Tokens)"
        ) from None
    except OSError as exc:
        handler.client.close()
        raise ConfigError(_unreachable(settings, exc)) from None
    handler.client.wss_uri = opened["url"]  # connect() uses it instead of asking again
    return handler


def listen(app: App, engine, settings: Settings, host: str, port: int) -> ThreadingWSGIServer:
    try:
        return make_http_server(
            app, engine, host, port, signing_secret=settings.slack_signing_secret
        )
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(
                f"port {port} on {host} is already in use: stop the other server or choose "
                "another with --port"
            ) from None
        raise ConfigError(
            f"cannot listen on {host}:{port} ({exc.strerror or exc}): check --host and --port"
        ) from None


def _unreachable(settings: Settings, exc: OSError) -> str:
    return f"cannot reach Slack at SLACK_API_URL {settings.slack_api_url} ({exc})"


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
