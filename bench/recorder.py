"""A loopback stand-in for Slack's Web API: every method answers ``ok``, every call is recorded.

    with Recorder() as recorder:
        ...  # point SLACK_API_URL at recorder.api_url
        recorder.calls("chat.postMessage")

``fail_first("chat.postMessage", 3)`` answers the first three calls of a method with
``429 Too Many Requests`` and ``Retry-After: 0``, as Slack does when rate limiting.
Nothing here listens anywhere but 127.0.0.1.
"""

import itertools
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BOT_USER, BOT_ID, TEAM = "UBOT0001", "BBOT0001", "T0000001"


@dataclass(frozen=True)
class Call:
    method: str  # "chat.postMessage"
    body: dict  # the form or JSON body, ``blocks`` decoded
    at: float  # time.monotonic() when it arrived
    status: int = 200  # what the recorder answered (429 when rate limiting)


class Recorder:
    """Answers ``POST /api/<method>`` on a daemon thread and keeps every call, thread-safely."""

    def __init__(self) -> None:
        self._calls: list[Call] = []
        self._failures: dict[str, int] = {}
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
        self._thread = threading.Thread(target=self._server.serve_forever, name="recorder",
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def api_url(self) -> str:
        assert self._server is not None, "the recorder is not started"
        return f"http://127.0.0.1:{self._server.server_port}/api/"

    def fail_first(self, method: str, count: int) -> None:
        """The next ``count`` calls of ``method`` get 429 with ``Retry-After: 0``."""
        with self._lock:
            self._failures[method] = count

    def calls(self, method: str | None = None, *, answered: bool = True) -> list[Call]:
        """Calls of ``method`` (all methods if None); ``answered``: only those answered 200."""
        with self._lock:
            return [c for c in self._calls if (method is None or c.method == method)
                    and (not answered or c.status == 200)]

    def wait_for(self, method: str, count: int, timeout: float,
                 where=lambda call: True) -> list[Call]:
        """Calls of ``method`` matching ``where``, once there are ``count`` or ``timeout`` ends."""
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls(method) if where(c)]
            if len(found) >= count or time.monotonic() >= deadline:
                return found
            time.sleep(0.02)

    def _record(self, method: str, body: dict) -> tuple[int, dict]:
        with self._lock:
            failing = self._failures.get(method, 0)
            if failing:
                self._failures[method] = failing - 1
            status = 429 if failing else 200
            self._calls.append(Call(method, body, time.monotonic(), status))
            ts = f"1800000000.{next(self._ts):06d}"
        if status == 429:
            return status, {"ok": False, "error": "ratelimited"}
        return status, _reply(method, body, ts)


def _reply(method: str, body: dict, ts: str) -> dict:
    if method == "auth.test":
        return {"ok": True, "user_id": BOT_USER, "bot_id": BOT_ID, "team_id": TEAM,
                "user": "letters", "team": "Loopback", "url": "https://loopback.invalid/"}
    if method == "chat.postMessage":
        return {"ok": True, "channel": body.get("channel", ""), "ts": ts,
                "message": {"text": body.get("text", ""), "ts": ts}}
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
            if not self.path.startswith("/api/"):
                self._send(404, {"ok": False, "error": "unknown_path"})
                return
            method = self.path[len("/api/"):].split("?", 1)[0]
            try:
                body = parse_body(raw, self.headers.get("Content-Type", ""))
            except ValueError:
                self._send(400, {"ok": False, "error": "invalid_form_data"})
                return
            status, reply = recorder._record(method, body)
            self._send(status, reply, {"Retry-After": "0"} if status == 429 else {})

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
