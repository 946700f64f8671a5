"""The Bolt app, built by a factory: nothing connects to Slack at import."""

import threading
from concurrent.futures import Executor, Future

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    RetryHandler,
)
from slack_sdk.http_retry.builtin_handlers import ServerErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest

from bot.deps import Deps
from bot.gate import Gate
from bot.install import oauth_settings
from bot.listeners import register
from bot.settings import Settings
from bot.work import Work


def retry_handlers() -> list[RetryHandler]:
    """429s (honouring Retry-After), 500s and 503s, and dropped connections are retried (a
    post, only when it cannot have reached Slack)."""
    return [
        RateLimitErrorRetryHandler(max_retry_count=2),
        ServerErrorRetryHandler(max_retry_count=2),
        UnsentRetryHandler(),
    ]


# Web API methods that post a message: sent twice, a person sees the answer twice.
POSTS = ("chat.postMessage",)


class UnsentRetryHandler(ConnectionErrorRetryHandler):
    """slack-sdk's retry of a dropped connection, except for a post whose request may have
    reached Slack (the connection dropped or timed out after it was sent): ``payload.post``
    looks for it in the conversation before posting again."""

    def _can_retry(self, *, state, request: HttpRequest, response=None, error=None) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        if request.url.rsplit("/", 1)[-1] not in POSTS:
            return True
        return isinstance(getattr(error, "reason", error), ConnectionRefusedError)


def build_client(settings: Settings) -> WebClient:
    """The Web API client; with OAuth installs it has no token of its own (Bolt gives each
    request its workspace's)."""
    return WebClient(
        token=settings.slack_bot_token or None,
        base_url=settings.slack_api_url,
        retry_handlers=retry_handlers(),
    )


class ThreadPerTask(Executor):
    """Each listener on its own daemon thread, so an ``ack()`` never queues behind other
    answers. (Bolt's default pool has 5 workers and runs ``ack()`` inside the listener: a sixth
    slow request would miss Slack's 3 seconds.)"""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # Bolt's runner handles listener errors itself
                future.set_exception(exc)

        threading.Thread(target=run, name="letters-listener", daemon=True).start()
        return future


def build_app(
    settings: Settings,
    engine,
    *,
    client: WebClient | None = None,
    verify_token: bool = True,
    process_before_response: bool = False,
    work: Work | None = None,
) -> App:
    """An App answering through ``engine`` (a ``retrieval.answerer.Answerer``).

    ``verify_token`` calls ``auth.test`` now, so a bad token fails at start-up rather than at
    the first question. ``process_before_response`` keeps the work inside the request (tests);
    in production the ack goes back first and the answer follows from a worker thread.
    """
    client = client or build_client(settings)
    installs = oauth_settings(settings, engine.sql_engine) if settings.oauth else None
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret,
        oauth_settings=installs,
        # Bolt's RequestVerification raises on a malformed timestamp and logs bodies; the Gate
        # verifies instead, in the same place in the chain (before authorisation).
        request_verification_enabled=False,
        before_authorize=Gate(
            settings.slack_signing_secret,
            allowed_teams=settings.allowed_team_ids,
            allowed_apps=settings.allowed_app_ids,
        ),
        token_verification_enabled=verify_token and not settings.oauth,
        process_before_response=process_before_response,
        listener_executor=ThreadPerTask(),
    )
    register(app, Deps(engine=engine, retry_handlers=retry_handlers(), work=work or Work()))
    return app
