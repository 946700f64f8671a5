"""A loopback stand-in for Slack's Web API: every method answers ``ok``, every call is recorded.

    with Recorder() as recorder:
        ...  # point SLACK_API_URL at recorder.api_url
        recorder.calls("chat.postMessage")

``POST /api/<method>`` is recorded under ``method``; a post to a URL from ``response_url(name)``
(``/respond/...``) under ``"response_url"``, with the URL kept on the call.
``fail_next("chat.postMessage", "429", "drop")`` answers the next call of that method with
``429 Too Many Requests`` and ``Retry-After`` (as Slack does when rate limiting), and closes the
connection on the one after with no response at all, the post made all the same ("500" answers
a server error; "reset" closes the connection with the post not made; "slow" answers, the post
made, after ``slow_seconds``, past a client's timeout). A message's ``metadata`` is kept on its
call, not in its body; ``conversations.replies`` and ``conversations.history`` list the posts
made, with their metadata, as Slack would.
Like Slack, it refuses a message or view over Block Kit's main limits (blocks per surface,
section text, button values, message text): ``invalid_blocks``, and HTTP 400 on a response URL.
With ``token`` set, ``auth.test`` answers ``invalid_auth`` unless the request carries
``Authorization: Bearer <token>``; ``apps.connections.open`` answers ``invalid_auth`` unless
it carries ``app_token`` (so always, when that is None); it issues ``SOCKET_URL``, or
``socket_url`` when that is set (a URL, or a function called for a new one each time, such as
``tests.socket_double.SocketServer.issue_url``).
Nothing here listens anywhere but 127.0.0.1.
"""

import itertools
import json
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BOT_USER, BOT_ID, TEAM = "UBOT0001", "BBOT0001", "T0000001"
DROPPED = 0  # the status of a call whose connection was closed with no response
UNSENT = -1  # the same, the call not acted on (a reset before Slack read it)
SLOW = 1  # answered 200, late
# fault kind -> the status it answers with
FAULTS = {"429": 429, "500": 500, "drop": DROPPED, "reset": UNSENT, "slow": SLOW}
MADE = (200, DROPPED, SLOW)  # the statuses of a post that Slack made


@dataclass(frozen=True)
class Call:
    method: str  # "chat.postMessage", or "response_url" for posts to a response URL
    body: dict  # the form or JSON body, ``blocks`` and ``view`` decoded
    url: str  # the request path, "/api/chat.postMessage" or "/respond/..."
    at: float  # time.monotonic() when it arrived
    status: int = 200  # what the recorder answered: 200, 429, 500, DROPPED, UNSENT or SLOW
    metadata: dict | None = None  # a message's metadata, kept out of ``body``
    made: bool = False  # a post Slack made (listed in the conversation), however answered


class Recorder:
    """Answers ``POST /api/<method>`` on a daemon thread and keeps every call, thread-safely.

    ``token``: the bot token ``auth.test`` accepts (None: any); ``retry_after``: the seconds a
    429 asks the client to wait.
    """

    def __init__(
        self, *, token: str | None = None, app_token: str | None = None, retry_after: int = 0
    ) -> None:
        self.token = token
        self.app_token = app_token
        self.retry_after = retry_after
        self.refuse_tables = False  # as a client or surface that does not take table blocks
        self.refuse_feedback_buttons = False  # as one that does not take Slack's feedback buttons
        self.slow_seconds = 2.0  # how late a "slow" call is answered
        # what apps.connections.open issues: None for SOCKET_URL, a URL, or a function for one
        self.socket_url: str | Callable[[], str] | None = None
        self._calls: list[Call] = []
        self._faults: dict[str, list[str]] = {}  # method -> fault kinds still to inject
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "Recorder":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            name="recorder",
            kwargs={"poll_interval": 0.05},
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "the recorder is not started"
        return f"http://127.0.0.1:{self._server.server_port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "1") -> str:
        """A response URL, as Slack puts in commands and actions; posts to it are recorded."""
        return f"{self.base_url}/respond/{TEAM}/{name}/secret"

    def fail_next(self, method: str, *faults: str) -> None:
        """The next calls of ``method`` meet ``faults`` in turn: "429" or "drop"."""
        unknown = set(faults) - FAULTS.keys()
        assert not unknown, f"unknown faults {unknown}; expected one of {sorted(FAULTS)}"
        with self._lock:
            self._faults.setdefault(method, []).extend(faults)

    def calls(self, method: str | None = None, *, answered: bool = True) -> list[Call]:
        """Calls of ``method`` (all methods if None); ``answered``: only those answered 200."""
        with self._lock:
            return [
                c
                for c in self._calls
                if (method is None or c.method == method)
                and (not answered or c.status in (200, SLOW))
            ]

    def posted(self, channel: str | None = None) -> list[Call]:
        """The messages Slack made (``chat.postMessage``, however the reply went), in order."""
        return [
            c
            for c in self.calls("chat.postMessage", answered=False)
            if c.made and (channel is None or c.body.get("channel") == channel)
        ]

    def sent(self, method: str | None = None) -> list[Call]:
        """Calls of ``method`` however answered, without ``auth.test`` (Bolt's own check)."""
        return [c for c in self.calls(method, answered=False) if c.method != "auth.test"]

    def wait_for(
        self, method: str, count: int = 1, timeout: float = 5.0, where=lambda call: True
    ) -> list[Call]:
        """Answered calls of ``method`` matching ``where``, once there are ``count`` or
        ``timeout`` ends."""
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls(method) if where(c)]
            if len(found) >= count or time.monotonic() >= deadline:
                return found
            time.sleep(0.02)

    def _record(self, method: str, url: str, body: dict, auth: str) -> tuple[int, dict]:
        """Keep the call; the status to answer with (or DROPPED, UNSENT) and the reply."""
        metadata = body.pop("metadata", None) if method == "chat.postMessage" else None
        with self._lock:
            pending = self._faults.get(method)
            status = FAULTS[pending.pop(0)] if pending else 200
            ts = f"1800000000.{next(self._ts):06d}"
            refused = self._refuses(method, body)
            made = status in MADE and not refused  # Slack refuses a post it cannot show
            self._calls.append(Call(method, body, url, time.monotonic(), status, metadata, made))
        if status == 429:
            return status, {"ok": False, "error": "ratelimited"}
        if status == 500:
            return status, {"ok": False, "error": "internal_error"}
        if status == SLOW:
            time.sleep(self.slow_seconds)
            status = 200
        if method in ("conversations.replies", "conversations.history"):
            return status, {"ok": True, "messages": self._conversation(body, method)}
        if refused:
            return (400 if method == "response_url" else 200), {
                "ok": False,
                "error": "invalid_blocks",
            }
        if method == "auth.test" and self.token is not None and auth != f"Bearer {self.token}":
            return status, {"ok": False, "error": "invalid_auth"}
        if method == "apps.connections.open" and auth != f"Bearer {self.app_token}":
            return status, {"ok": False, "error": "invalid_auth"}
        if method == "apps.connections.open" and self.socket_url is not None:
            url = self.socket_url() if callable(self.socket_url) else self.socket_url
            return status, {"ok": True, "url": url}
        return status, _reply(method, body, ts, self.base_url)

    def _refuses(self, method: str, body: dict) -> bool:
        return (
            _over_limits(method, body)
            or (self.refuse_tables and _has(body, "table"))
            or (self.refuse_feedback_buttons and _has(body, "context_actions"))
        )

    def _conversation(self, body: dict, method: str) -> list[dict]:
        """The posts made in the channel (in the thread, for replies), with their metadata."""
        messages = []
        for call in self.posted(body.get("channel")):
            if method == "conversations.replies" and call.body.get("thread_ts") != body.get("ts"):
                continue
            message = {"type": "message", "text": call.body.get("text", ""), "bot_id": BOT_ID}
            if call.metadata is not None and body.get("include_all_metadata") in (
                True,
                "true",
                "1",
            ):
                message["metadata"] = call.metadata
            messages.append(message)
        return messages


# Slack's limits, written out here on their own (not taken from bot/payload.py), so that a
# mistake there cannot hide itself: docs.slack.dev/reference/block-kit/blocks and its pages.
BLOCKS_PER = {"views.publish": 100}
BLOCKS_IN_A_MESSAGE = 50
SECTION_TEXT, BUTTON_VALUE, MESSAGE_TEXT = 3000, 2000, 40_000


def _has(body: dict, kind: str) -> bool:
    return any(b.get("type") == kind for b in body.get("blocks") or [])


def _over_limits(method: str, body: dict) -> bool:
    blocks = (body.get("view") or {}).get("blocks") if method == "views.publish" else None
    blocks = blocks if blocks is not None else body.get("blocks") or []
    if len(blocks) > BLOCKS_PER.get(method, BLOCKS_IN_A_MESSAGE):
        return True
    if len(body.get("text") or "") > MESSAGE_TEXT:
        return True
    for block in blocks:
        text = (block.get("text") or {}).get("text") if block.get("type") == "section" else ""
        if text is not None and len(text) > SECTION_TEXT:
            return True
        for element in block.get("elements") or []:
            if len(str(element.get("value") or "")) > BUTTON_VALUE:
                return True
    return False


SOCKET_URL = "wss://127.0.0.1:9/link/?ticket=loopback"  # what apps.connections.open issues


def _reply(method: str, body: dict, ts: str, base_url: str = "") -> dict:
    if method == "apps.connections.open":
        return {"ok": True, "url": SOCKET_URL}
    if method == "auth.test":
        return {
            "ok": True,
            "user_id": BOT_USER,
            "bot_id": BOT_ID,
            "team_id": TEAM,
            "user": "letters",
            "team": "Loopback",
            "url": "https://loopback.invalid/",
        }
    if method == "files.getUploadURLExternal":
        return {"ok": True, "upload_url": f"{base_url}/upload/F0FILE0001", "file_id": "F0FILE0001"}
    if method == "files.completeUploadExternal":
        return {"ok": True, "files": [{"id": "F0FILE0001", "title": body.get("files", "")}]}
    if method == "conversations.open":
        return {"ok": True, "channel": {"id": "D0DIRECT1"}}
    if method == "chat.postMessage":
        return {
            "ok": True,
            "channel": body.get("channel", ""),
            "ts": ts,
            "message": {"text": body.get("text", ""), "ts": ts},
        }
    return {"ok": True}


def parse_body(raw: bytes, content_type: str) -> dict:
    text = raw.decode("utf-8") if raw else ""
    if "json" in content_type:
        body = json.loads(text or "{}")
    else:
        body = {k: v[0] for k, v in urllib.parse.parse_qs(text).items()}
    for key in ("blocks", "view"):
        if isinstance(body.get(key), str):
            body[key] = json.loads(body[key])
    return body


def _handler(recorder: Recorder) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path.startswith("/api/"):
                method = self.path[len("/api/") :].split("?", 1)[0]
            elif self.path.startswith("/respond/"):
                method = "response_url"
            elif self.path.startswith("/upload/"):  # a file's bytes, to the URL we issued
                method = "upload"
                raw = urllib.parse.urlencode({"content": raw.decode("utf-8", "replace")}).encode()
            else:
                self._send(404, {"ok": False, "error": "unknown_path"})
                return
            try:
                body = parse_body(raw, self.headers.get("Content-Type", ""))
            except ValueError:
                self._send(400, {"ok": False, "error": "invalid_form_data"})
                return
            status, reply = recorder._record(
                method, self.path, body, self.headers.get("Authorization", "")
            )
            if status in (DROPPED, UNSENT):
                self.close_connection = True
                return
            retry = {"Retry-After": str(recorder.retry_after)} if status == 429 else {}
            self._send(status, reply, retry)

        def _send(self, status: int, body: dict, headers: dict | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # a burst of posts is not held back by socketserver's 5
