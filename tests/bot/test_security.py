"""Security, as an attacker on loopback sees it: a real ``letters serve --http`` process, its Web
API pointed at a loopback recorder, driven with forged, oversized and malformed requests.

Every forged request must get 401 and cause no Web API call of any kind; bodies over the limit
413 before they are read; signed but malformed bodies 400; no log line (the server runs at
DEBUG) holds a request body or a user's words; other teams and apps are acknowledged and
ignored; start-up failures are one line.
"""

import hashlib
import hmac
import http.client
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

import pytest

from bot.http import MAX_BODY_BYTES
from tests.bot.conftest import BOT_TOKEN, CHANNEL, SIGNING_SECRET
from tests.slack_double import TEAM, Recorder

ROOT = Path(__file__).parents[2]
APP_ID, OTHER_TEAM, OTHER_APP = "A0APP0001", "T0STRANGER", "A0STRANGER"
# How long a request that was wrongly let through would take to reach the recorder: the
# server acks first and answers on a worker thread within milliseconds.
SETTLE_SECONDS = 0.5
# A 100 MB body may not raise the server's peak memory by more than this.
MAX_RSS_GROWTH_KB = 16 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(recorder: Recorder, store_url: str, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    return {
        **env,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": recorder.api_url,
        "DATABASE_URL": store_url,
        "LOG_LEVEL": "DEBUG",
        **extra,
    }


def letters(*args: str, env: dict, cwd: Path, **popen) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "letters", *args],
        env={**env, "PYTHONPATH": str(ROOT)},
        cwd=cwd,
        stdout=popen.pop("stdout", subprocess.PIPE),
        stderr=subprocess.STDOUT,
        text=True,
        **popen,
    )


class Server:
    """``letters serve --http`` in its own process, its log in a file."""

    def __init__(self, recorder: Recorder, store_url: str, workdir: Path, **env: str) -> None:
        self.recorder = recorder
        self.port = free_port()
        self.log_path = workdir / "serve.log"
        self._log = open(self.log_path, "w")
        self.start(server_env(recorder, store_url, **env), workdir)
        self.wait_until_healthy()

    def start(self, env: dict, workdir: Path) -> None:
        self.process = letters(
            "serve",
            "--http",
            "--port",
            str(self.port),
            env=env,
            cwd=workdir,
            stdout=self._log,
        )

    def running(self) -> bool:
        return self.process.poll() is None

    def wait_until_healthy(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.running(), f"serve exited: {self.log()[-2000:]}"
            try:
                if self.get("/health")[0] == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("serve did not become healthy")

    def get(self, path: str) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def post(self, body: bytes, headers: dict[str, str]) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.putrequest("POST", "/slack/events", skip_accept_encoding=True)
            for name, value in {"Content-Length": str(len(body)), **headers}.items():
                connection.putheader(name, value)
            connection.endheaders(body)
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def peak_rss_kb(self) -> int:
        status = Path(f"/proc/{self.pid}/status").read_text()
        return int(
            next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1]
        )

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text()

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)
        self._log.close()


class ThreadServer(Server):
    """The same server in this process, on a thread: what ``letters serve --http`` builds,
    wired the same way, for the mutation runs (which see only code run in the test process).
    The log handler is the one ``serve`` installs, with its filters, at DEBUG."""

    def start(self, env: dict, workdir: Path) -> None:
        from bot.errors import log_handler
        from bot.http import make_http_server
        from bot.serve import start_app
        from bot.settings import settings_from
        from retrieval.answerer import Answerer
        from store.db import make_engine

        settings = settings_from(env)
        self.engine = Answerer.open(make_engine(settings.database_url))
        app = start_app(settings, self.engine)
        self.handler = log_handler(self._log)
        root = logging.getLogger()
        self.level = root.level
        root.setLevel(logging.DEBUG)
        root.addHandler(self.handler)
        self.server = make_http_server(
            app, self.engine, "127.0.0.1", self.port, signing_secret=settings.slack_signing_secret
        )
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def running(self) -> bool:
        return True

    @property
    def pid(self) -> int:
        return os.getpid()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.engine.sql_engine.dispose()
        root = logging.getLogger()
        root.removeHandler(self.handler)
        root.setLevel(self.level)
        self._log.close()


@pytest.fixture(scope="module")
def module_recorder():
    with Recorder(token=BOT_TOKEN) as recorder:
        yield recorder


@pytest.fixture(
    scope="module",
    params=[pytest.param(Server, marks=pytest.mark.subprocess, id="process"), ThreadServer],
    ids=["process", "thread"],
)
def server(request, module_recorder, tmp_path_factory):
    """One server for the module, with both allow-lists set to the harness's team and app."""
    workdir = tmp_path_factory.mktemp("serve")
    store = f"sqlite:///{workdir / 'store.sqlite3'}"
    running = request.param(
        module_recorder,
        store,
        workdir,
        SLACK_ALLOWED_TEAM_IDS=TEAM,
        SLACK_ALLOWED_APP_IDS=APP_ID,
    )
    yield running
    running.stop()


@pytest.fixture
def api(server):
    """The Web API calls (and response_url posts) made from now on, once things settle."""
    before = len(server.recorder.calls(answered=False))

    def made(settle: float = SETTLE_SECONDS) -> list:
        time.sleep(settle)
        return server.recorder.calls(answered=False)[before:]

    return made


# -- requests as Slack (or an attacker) sends them ------------------------------------------


def signed(body: bytes, *, timestamp: str | None = None, secret: str = SIGNING_SECRET) -> dict:
    """Slack's headers for ``body``, computed as its documentation gives (not with our code)."""
    ts = timestamp if timestamp is not None else str(int(time.time()))
    base = b"v0:" + ts.encode() + b":" + body
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def mention(text: str, *, team: str = TEAM, app: str = APP_ID, channel: str = CHANNEL) -> bytes:
    ts = f"{time.time():.6f}"
    return json.dumps(
        {
            "type": "event_callback",
            "team_id": team,
            "api_app_id": app,
            "event_id": f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": int(time.time()),
            "event": {
                "type": "app_mention",
                "user": "U0PERSON1",
                "text": f"<@UBOT0001> {text}",
                "ts": ts,
                "channel": channel,
            },
        }
    ).encode()


def home_opened(user: str = "U0VICTIM1") -> bytes:
    body = json.loads(mention("x"))
    body["event"] = {"type": "app_home_opened", "user": user, "tab": "home"}
    return json.dumps(body).encode()


def grade_command(text: str, response_url: str, *, team: str = TEAM) -> bytes:
    return urllib.parse.urlencode(
        {
            "command": "/grade",
            "text": text,
            "team_id": team,
            "api_app_id": APP_ID,
            "user_id": "U0PERSON1",
            "channel_id": CHANNEL,
            "trigger_id": "1.2.3",
            "response_url": response_url,
        }
    ).encode()


def click(response_url: str, *, action: str = "share", value: str = "") -> bytes:
    payload = {
        "type": "block_actions",
        "team": {"id": TEAM},
        "api_app_id": APP_ID,
        "user": {"id": "U0PERSON1"},
        "channel": {"id": CHANNEL},
        "response_url": response_url,
        "container": {"type": "message", "is_ephemeral": True},
        "actions": [{"action_id": action, "value": value or json.dumps({"q": "Birmingham 2011"})}],
    }
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


JSON = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def forged_headers(body: bytes) -> dict[str, dict[str, str]]:
    """Every way a signature check can fail, by name."""
    now = int(time.time())
    good = signed(body)
    return {
        "timestamp abc": {**good, "X-Slack-Request-Timestamp": "abc"},
        "timestamp 1.5": {**good, "X-Slack-Request-Timestamp": "1.5"},
        "timestamp empty": {**good, "X-Slack-Request-Timestamp": ""},
        "timestamp missing": {"X-Slack-Signature": good["X-Slack-Signature"]},
        "timestamp with a sign": signed(body, timestamp=f"+{now}"),
        "timestamp in superscript digits": {**good, "X-Slack-Request-Timestamp": "¹²³"},
        # Well past the window, so the seconds a test takes cannot bring them inside it; the
        # boundary itself is tested on ``bot.signing.check`` with a fixed clock.
        "stale timestamp": signed(body, timestamp=str(now - 400)),
        "future timestamp": signed(body, timestamp=str(now + 400)),
        "signature missing": {"X-Slack-Request-Timestamp": str(now)},
        "signature malformed": {**good, "X-Slack-Signature": "v0=x"},
        "signature wrong": {**good, "X-Slack-Signature": "v0=" + "f" * 64},
        "signature of another body": signed(body + b" "),
        "signed with another secret": signed(body, secret="another-secret-0123456789abcdef"),
    }


def forged_bodies(recorder: Recorder) -> dict[str, tuple[bytes, dict]]:
    return {
        "mention": (mention("Birmingham 2011"), JSON),
        "app home": (home_opened(), JSON),
        "/grade": (grade_command("Birmingham 2011", recorder.response_url("forged")), FORM),
        "button": (click(recorder.response_url("forged-click")), FORM),
    }


# -- 1. a request that fails verification gets 401 and causes nothing -----------------------


@pytest.mark.parametrize("kind", ["mention", "app home", "/grade", "button"])
def test_every_forged_request_is_401_and_makes_no_web_api_call(server, api, kind):
    body, content_type = forged_bodies(server.recorder)[kind]
    statuses = {
        how: server.post(body, {**content_type, **headers})
        for how, headers in forged_headers(body).items()
    }
    assert statuses == {how: 401 for how in statuses}
    assert api() == []


def test_the_same_requests_signed_are_answered(server, api):
    """The control: the forged requests above differ only in their signing."""
    for body, content_type in forged_bodies(server.recorder).values():
        assert server.post(body, {**content_type, **signed(body)}) == 200
    made = {call.method for call in api(settle=2)}
    assert {"chat.postMessage", "views.publish", "response_url"} <= made


# -- 2. bodies over the limit: 413 before they are read -------------------------------------


def test_a_body_over_the_limit_is_413_even_when_signed(server, api):
    body = mention("x" * MAX_BODY_BYTES)
    assert server.post(body, {**JSON, **signed(body)}) == 413
    assert api() == []


def test_a_100_mb_unsigned_body_is_refused_before_it_is_read(server):
    before = server.peak_rss_kb()
    status = send_huge(server.port, 100 * 1024 * 1024)
    assert status == 413
    growth = server.peak_rss_kb() - before
    assert growth < MAX_RSS_GROWTH_KB, f"peak RSS grew {growth} kB"
    assert server.get("/health")[0] == 200  # and the server goes on


def send_huge(port: int, size: int) -> int:
    """Declares ``size`` bytes and sends as many as the server will take; its status code."""
    chunk = b"{" + b"x" * (1024 * 1024 - 1)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {size}\r\n\r\n".encode()
        )
        try:
            for _ in range(size // len(chunk)):
                sock.sendall(chunk)
        except OSError:
            pass  # the server answered and closed: what it said is still in our buffer
        reply = sock.recv(4096)
    return int(reply.split()[1])


def test_a_body_without_a_length_is_refused(server, api):
    body = mention("Birmingham 2011")
    assert server.post(body, {**JSON, **signed(body), "Transfer-Encoding": "chunked"}) == 411
    assert api() == []


# -- 3. signed but malformed: 400, never 500 ------------------------------------------------


MALFORMED = {
    "broken JSON": (b'{"type": "event_callback", "event": {', JSON),
    "JSON that is not an object": (b"[1, 2, 3]", JSON),
    "JSON in a form body": (b'{"type": ', FORM),
    "a broken payload": (b"payload=%7B%22type%22%3A", FORM),
    "a payload that is not an object": (b"payload=%5B1%5D", FORM),
    "not UTF-8": (b'{"type": "\xff\xfe"}', JSON),
    "event that is not an object": (
        b'{"type": "event_callback", "team_id": "T0000001", "event": "x"}',
        JSON,
    ),
    "actions that are not objects": (
        b"payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B1%5D%7D",
        FORM,
    ),
}


@pytest.mark.parametrize("kind", MALFORMED)
def test_a_signed_malformed_body_is_400(server, api, kind):
    body, content_type = MALFORMED[kind]
    assert server.post(body, {**content_type, **signed(body)}) == 400
    assert api() == []


# -- 4. no request body or user's words in the log ------------------------------------------


def test_no_log_line_holds_a_body_or_a_users_words(server):
    markers = [f"MARKER{uuid.uuid4().hex[:12]}" for _ in range(6)]
    answered = mention(f"Birmingham 2011 {markers[0]}")
    assert server.post(answered, {**JSON, **signed(answered)}) == 200  # success
    stale = mention(f"Birmingham 2011 {markers[1]}")
    too_old = signed(stale, timestamp=str(int(time.time()) - 600))  # honest clock skew
    assert server.post(stale, {**JSON, **too_old}) == 401
    forged = mention(markers[2])
    assert server.post(forged, {**JSON, "X-Slack-Request-Timestamp": "abc"}) == 401
    broken = f'{{"type": "event_callback", "text": "{markers[3]}"'.encode()
    assert server.post(broken, {**JSON, **signed(broken)}) == 400
    # A "More results" click whose offset is not a number: the listener raises, and the
    # error handler logs the failure and apologises.
    value = json.dumps({"q": markers[4], "o": "not-a-number"})
    failing = click(server.recorder.response_url("fail"), action="more", value=value)
    assert server.post(failing, {**FORM, **signed(failing)}) == 200
    server.recorder.wait_for("response_url", where=lambda c: c.url.endswith("/fail/secret"))
    command = grade_command(f"Birmingham {markers[5]}", server.recorder.response_url("log"))
    assert server.post(command, {**FORM, **signed(command)}) == 200
    server.recorder.wait_for("response_url", where=lambda c: c.url.endswith("/log/secret"))
    time.sleep(SETTLE_SECONDS)
    log = server.log()
    assert "refused a request with a timestamp more than five minutes" in log
    assert "failed handling a block_actions request" in log  # the error path ran and was logged
    for marker in markers:
        assert marker not in log


# -- 5. other teams and apps: acknowledged and ignored --------------------------------------


@pytest.mark.parametrize(
    "body, content_type",
    [
        (mention("Birmingham 2011", team=OTHER_TEAM), JSON),
        (mention("Birmingham 2011", app=OTHER_APP), JSON),
        (grade_command("Birmingham 2011", "http://127.0.0.1:9/x", team=OTHER_TEAM), FORM),
    ],
    ids=["other team", "other app", "other team's command"],
)
def test_requests_for_another_team_or_app_are_acked_and_ignored(server, api, body, content_type):
    assert server.post(body, {**content_type, **signed(body)}) == 200
    assert api() == []


# -- 6. start-up failures are one line ------------------------------------------------------


@pytest.fixture(params=[pytest.param("process", marks=pytest.mark.subprocess), "in-process"])
def startup(request, tmp_path, monkeypatch, capsys):
    """``run(args, **env)``: ``letters ARGS`` that must fail at start-up; the lines it printed.
    In its own process, and in this one through the same ``main`` (for the mutation runs)."""
    with Recorder(token=BOT_TOKEN, app_token="xapp-1-A0APP0001-1-right") as recorder:
        base = server_env(recorder, f"sqlite:///{tmp_path / 'store.sqlite3'}", LOG_LEVEL="INFO")

        def run(args: list[str], **env: str) -> list[str]:
            if request.param == "process":
                process = letters(*args, env={**base, **env}, cwd=tmp_path)
                output, _ = process.communicate(timeout=30)
                code = process.returncode
            else:
                code, output = main_in_process(args, {**base, **env}, tmp_path, monkeypatch)
                output += "".join(capsys.readouterr())
            assert code == 2, output
            return [line for line in output.splitlines() if line.strip()]

        yield run


def main_in_process(args, env, cwd, monkeypatch) -> tuple[int, str]:
    """``letters ARGS`` through ``letters.cli.main`` here; its exit code (what it printed is
    left to capsys)."""
    from letters.cli import main

    for name, value in env.items():
        if name.startswith("SLACK_") or name in ("DATABASE_URL", "LOG_LEVEL"):
            monkeypatch.setenv(name, value)
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["letters", *args])
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        with pytest.raises(SystemExit) as exited:
            main()
    finally:
        root.handlers[:], root.level = handlers, level  # serve configured logging
    return exited.value.code, ""


def test_a_port_in_use_is_one_line(startup):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        lines = startup(["serve", "--http", "--port", str(port)])
    assert lines == [
        f"letters: port {port} on 127.0.0.1 is already in use: stop the other server or "
        "choose another with --port"
    ]


def test_a_port_out_of_range_is_one_line(startup):
    lines = startup(["serve", "--http", "--port", "70000"])
    assert lines == ["letters: port 70000 is out of range: choose one from 1 to 65535"]


def test_an_app_token_slack_rejects_is_one_line_in_socket_mode(startup):
    [line] = startup(["serve"], SLACK_APP_TOKEN="xapp-1-A0APP0001-1-wrong")
    assert line.startswith("letters: Slack rejected SLACK_APP_TOKEN (invalid_auth): use the ")
    assert "xapp-1-A0APP0001-1-wrong" not in line


def test_a_bot_token_slack_rejects_is_one_line(startup):
    port = str(free_port())
    [line] = startup(["serve", "--http", "--port", port], SLACK_BOT_TOKEN="xoxb-0-0-wrong")
    assert line.startswith("letters: Slack rejected SLACK_BOT_TOKEN")


@pytest.mark.parametrize("kind", ["broken JSON", "not UTF-8"])
def test_an_unsigned_malformed_body_is_401_not_400(server, api, kind):
    """The signature is checked before the shape: a sender without the secret learns nothing
    about what we would accept."""
    body, content_type = MALFORMED[kind]
    assert server.post(body, {**content_type, "X-Slack-Request-Timestamp": "abc"}) == 401
    assert server.post(body, {**content_type, **signed(body, secret="not-ours-0123")}) == 401
    assert api() == []
