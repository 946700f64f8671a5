"""HTTP mode: a threaded WSGI server whose one door to the app checks, in this order, the size,
the signature and the shape of a request before Bolt sees any of it.

    POST /slack/events   over MAX_BODY_BYTES: 413, before the body is read
                         no Content-Length (or chunked): 411
                         body not sent within SOCKET_TIMEOUT_SECONDS: 408
                         signature fails for any reason: 401, and nothing else happens
                         signed but not a body Slack sends: 400
                         else Bolt's ``App.dispatch``
    GET  /health         200 if the store answers, else 503
    GET  /slack/install, /slack/oauth_redirect
                         with OAuth installs (``bot.install``): Bolt's install page and the
                         return from Slack's consent screen, which checks its state

Why here and not in Bolt's WSGI adapter (``slack_bolt/adapter/wsgi/handler.py``, read for this):
it reads the whole body whatever its length, and ``BoltRequest`` parses it before any
middleware runs, so malformed JSON was a 500 with a traceback, signed or not.
"""

import json
import logging
import socket
import socketserver
import time
from http import HTTPStatus
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App, BoltRequest
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse

from bot import signing
from bot.install import INSTALL_PATH, REDIRECT_PATH
from store.botstate import ping

log = logging.getLogger("letters.bot")
EVENTS_PATH = "/slack/events"
HEALTH_PATHS = ("/health", "/healthz")
# Slack's largest payloads (a modal submission with many blocks) are tens of kilobytes; 1 MiB
# leaves room for any of them and bounds what one request can make us hold in memory.
MAX_BODY_BYTES = 1 << 20
# A client that sends its headers and then nothing must not hold a thread for ever.
SOCKET_TIMEOUT_SECONDS = 10
# After answering, how long we keep reading (and dropping) a body we refused, so the client
# reads our answer rather than a reset: loopback or a LAN moves 100 MB in well under this.
LINGER_SECONDS = 2
LINGER_CHUNK_BYTES = 64 * 1024


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """One thread a request: an ack is never stuck behind another request's work."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # socketserver's 5 drops bursts of connections for a second


class _QuietHandler(WSGIRequestHandler):
    timeout = SOCKET_TIMEOUT_SECONDS

    def log_message(self, format: str, *args) -> None:
        log.debug("http %s", format % args)  # the request line and status: never a body

    def finish(self) -> None:
        try:
            self._linger()
        finally:
            super().finish()

    def _linger(self) -> None:
        """Read and drop whatever the client is still sending (the body of a refused request)
        before closing. Closing with unread data sends a reset, and the client may never read
        our 413. Bounded in time; one small buffer, so memory stays flat (nginx's lingering
        close does the same)."""
        try:
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(LINGER_SECONDS)
            deadline = time.monotonic() + LINGER_SECONDS
            while time.monotonic() < deadline and self.connection.recv(LINGER_CHUNK_BYTES):
                pass
        except OSError:
            pass  # the client has gone: nothing to wait for


def make_http_server(
    app: App, engine, host: str, port: int, *, signing_secret: str
) -> ThreadingWSGIServer:
    return make_server(
        host,
        port,
        wsgi_app(app, engine, signing_secret),
        server_class=ThreadingWSGIServer,
        handler_class=_QuietHandler,
    )


def wsgi_app(app: App, engine, signing_secret: str):
    def application(environ, start_response):
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if path in HEALTH_PATHS and method == "GET":
            ok = _store_ok(engine)
            return _send(start_response, 200 if ok else 503, {"ok": ok})
        if path == EVENTS_PATH and method == "POST":
            return _events(app, signing_secret, environ, start_response)
        flow = app.oauth_flow
        if flow is not None and method == "GET" and path in (INSTALL_PATH, REDIRECT_PATH):
            return _install(flow, path, environ, start_response)
        return _send(start_response, 404, {"error": "not found"})

    return application


def _events(app: App, secret: str, environ, start_response):
    length, refused = _content_length(environ)
    if refused:
        return _send(start_response, *refused)
    try:
        body = environ["wsgi.input"].read(length)
    except TimeoutError:  # the client stopped sending: SOCKET_TIMEOUT_SECONDS passed
        return _send(start_response, 408, {"error": "the body did not arrive in time"})
    if len(body) != length:
        return _send(start_response, 400, {"error": "body shorter than its Content-Length"})
    headers = WsgiHttpRequest(environ).get_headers()
    refusal = signing.check(
        secret,
        body,
        environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
        environ.get("HTTP_X_SLACK_SIGNATURE"),
        time.time(),
    )
    if refusal is not None:
        log.info("refused a request with %s", refusal)
        return _send(start_response, 401, {"error": "invalid request"})
    request = _bolt_request(body, environ.get("QUERY_STRING", ""), headers)
    if request is None:
        log.info("refused a signed request whose body is not one Slack sends")
        return _send(start_response, 400, {"error": "malformed body"})
    response = app.dispatch(request)
    out = WsgiHttpResponse(status=response.status, headers=response.headers, body=response.body)
    start_response(out.status, out.get_headers())
    return out.get_body()


def _install(flow, path: str, environ, start_response):
    """The install page, or the installer's return from Slack (a GET from a browser: no body
    and no signature; Bolt checks the state it issued, against the store and a cookie)."""
    request = BoltRequest(
        body="",
        query=environ.get("QUERY_STRING", ""),
        headers=WsgiHttpRequest(environ).get_headers(),
    )
    if path == INSTALL_PATH:
        response = flow.handle_installation(request)
    else:
        response = flow.handle_callback(request)
    out = WsgiHttpResponse(status=response.status, headers=response.headers, body=response.body)
    start_response(out.status, out.get_headers())
    return out.get_body()


def _content_length(environ) -> tuple[int, tuple[int, dict] | None]:
    """The declared length, or the status and reason to refuse with before reading anything."""
    if environ.get("HTTP_TRANSFER_ENCODING"):
        return 0, (411, {"error": "send a Content-Length, not a chunked body"})
    declared = (environ.get("CONTENT_LENGTH") or "").strip()
    if not declared.isascii() or not declared.isdigit():
        return 0, (411, {"error": "Content-Length required"})
    if int(declared) > MAX_BODY_BYTES:
        return 0, (413, {"error": f"body over {MAX_BODY_BYTES} bytes"})
    return int(declared), None


def _bolt_request(body: bytes, query: str, headers: dict) -> BoltRequest | None:
    """Bolt's request, or None when the body is not UTF-8 or not what Bolt can read (its
    constructor parses the body and reads ids out of it, and raises on any other shape)."""
    try:
        request = BoltRequest(body=body.decode("utf-8"), query=query, headers=headers)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError):
        return None
    return request if _well_formed(request.body) else None


# The parts of a Slack body that Bolt's matchers and our listeners read as objects (an event,
# a message, a modal) or as a list of objects (a click's actions), whatever the payload type.
_OBJECTS = ("event", "message", "container", "view")
_LISTS_OF_OBJECTS = ("actions",)


def _well_formed(body) -> bool:
    if not isinstance(body, dict):
        return False
    if any(key in body and not isinstance(body[key], dict) for key in _OBJECTS):
        return False
    return all(
        isinstance(body[key], list) and all(isinstance(item, dict) for item in body[key])
        for key in _LISTS_OF_OBJECTS
        if key in body
    )


def _send(start_response, status: int, payload: dict) -> list[bytes]:
    data = json.dumps(payload).encode()
    start_response(
        f"{status} {HTTPStatus(status).phrase}",
        [("Content-Type", "application/json"), ("Content-Length", str(len(data)))],
    )
    return [data]


def _store_ok(engine) -> bool:
    try:
        ping(engine.sql_engine)
        return True
    except Exception:
        log.exception("health check: the store does not answer")
        return False
