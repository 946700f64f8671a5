"""A loopback stand-in for Slack's Socket Mode server: the WebSocket end of ``letters serve``.

    with SocketServer() as server:
        recorder.socket_url = server.issue_url  # apps.connections.open hands out its tickets
        ...  # the bot connects
        envelope_id = server.push("events_api", payload)
        server.wait_for_ack(envelope_id)  # {"envelope_id": ..., "payload": ...} from the bot

Each connection is greeted with Slack's ``hello``; every text message the client sends back is
kept, decoded (``messages()``, ``acks()``). ``disconnect()`` sends Slack's warning that the
connection is going (``{"type": "disconnect", ...}``); ``close()`` ends it with a close frame.
It speaks only the part of RFC 6455 that slack-sdk's builtin client uses: the server handshake
and single-frame text, ping, pong and close, masked from the client and unmasked from us (a
client frame breaking that is kept in ``problems``). Written here rather than added as a
dependency: it is that small, and it must send what Slack sends, including a close the client
never answers (a library server would wait for that answer; the ``websockets`` one for 10 s).
Nothing here listens anywhere but 127.0.0.1.
"""

import base64
import hashlib
import json
import socket
import struct
import threading
import urllib.parse
import uuid
from collections.abc import Callable

TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA
WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455 section 1.3
GOING_AWAY = 1001  # a server going away (RFC 6455 section 7.4.1): ``close()``'s default
HEADER_LIMIT = 16_384  # a handshake longer than this is not the client we are testing
# The client sends its handshake at once; past this a connection that never finishes one is
# dropped rather than holding a thread.
HANDSHAKE_SECONDS = 5.0
# Every connection is pinged this often (a server may ping; the client must pong). The client
# reads with a 3-second timeout and its disconnect waits for that read: a ping ends it at once.
HEARTBEAT_SECONDS = 0.1
ACCEPT_POLL_SECONDS = 0.05  # how soon the accept loop notices ``stop()``
JOIN_SECONDS = 5.0  # a thread still running after this at ``stop()`` is a bug, left to die
WAIT_SECONDS = 5.0  # default bound of every ``wait_for_*``: seconds, never a test's minutes
# What Slack marks on each kind of envelope: only a slash command's ack may carry a message.
ACCEPTS_RESPONSE = {"events_api": False, "slash_commands": True, "interactive": False}


class Link:
    """One accepted WebSocket connection. ``closed_by`` is "client" or "server" once closed."""

    def __init__(self, number: int, sock: socket.socket, path: str) -> None:
        self.number, self.sock, self.path = number, sock, path
        self.pongs: list[bytes] = []
        self.closed_by: str | None = None
        self.closing = False  # we sent a close frame: nothing more goes out
        self._send_lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self.closed_by is None and not self.closing

    def send(self, opcode: int, data: bytes) -> bool:
        """One unmasked frame; False when the connection is already going or gone."""
        with self._send_lock:
            if not self.is_open:
                return False
            try:
                self.sock.sendall(frame(opcode, data))
            except OSError:  # the client went away between our check and the write
                return False
            return True

    def send_json(self, message: dict) -> bool:
        return self.send(TEXT, json.dumps(message).encode("utf-8"))

    def close(self, code: int, reason: str) -> None:
        """A close frame, then our half of the TCP connection; the client closes its half."""
        with self._send_lock:
            if not self.is_open:
                return
            self.closing = True
            try:
                self.sock.sendall(frame(CLOSE, struct.pack("!H", code) + reason.encode("utf-8")))
                self.sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass


class SocketServer:
    """Accepts WebSocket connections on daemon threads; thread-safe; ``stop()`` joins them."""

    def __init__(self, *, app_id: str = "A0APP0001") -> None:
        self.app_id = app_id
        self.issued: list[str] = []  # every URL ``issue_url`` handed out, in order
        self.problems: list[str] = []  # what the client did that RFC 6455 forbids
        self._links: list[Link] = []
        self._messages: list[dict] = []
        self._sockets: list[socket.socket] = []  # accepted, for stop() to shut down
        self._threads: list[threading.Thread] = []
        self._changed = threading.Condition()  # notified on every link, message, pong, close
        self._stopping = threading.Event()
        self._listener: socket.socket | None = None

    def __enter__(self) -> "SocketServer":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(ACCEPT_POLL_SECONDS)
        self._spawn(self._accept, "socket-double-accept")
        self._spawn(self._heartbeat, "socket-double-heartbeat")

    def stop(self) -> None:
        self._stopping.set()
        with self._changed:
            accept_and_heartbeat = self._threads[:2]
        for thread in accept_and_heartbeat:  # after these, no connection is added
            thread.join(JOIN_SECONDS)
        with self._changed:
            sockets, threads = list(self._sockets), self._threads[2:]
        for sock in sockets:  # wakes each reader, which closes its own socket
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:  # already closed by its reader
                pass
        for thread in threads:
            thread.join(JOIN_SECONDS)

    @property
    def port(self) -> int:
        assert self._listener is not None, "the socket server is not started"
        return self._listener.getsockname()[1]

    def issue_url(self) -> str:
        """A new connection URL, as ``apps.connections.open`` issues one (a ticket each time)."""
        with self._changed:
            url = f"ws://127.0.0.1:{self.port}/link/?ticket=loopback-{len(self.issued) + 1}"
            self.issued.append(url)
            return url

    def links(self) -> list[Link]:
        """Connections whose handshake completed, oldest first."""
        with self._changed:
            return list(self._links)

    def wait_for_links(self, count: int, timeout: float = WAIT_SECONDS) -> list[Link]:
        self._wait(lambda: len(self._links) >= count, timeout)
        return self.links()

    def wait_for_closed(self, link: Link, timeout: float = WAIT_SECONDS) -> bool:
        return self._wait(lambda: link.closed_by is not None, timeout)

    def current(self, timeout: float = WAIT_SECONDS) -> Link:
        """The newest open connection, waiting for one if there is none yet."""
        self._wait(lambda: any(link.is_open for link in self._links), timeout)
        open_links = [link for link in self.links() if link.is_open]
        assert open_links, f"no open Socket Mode connection within {timeout} s"
        return open_links[-1]

    def push(self, kind: str, payload: dict, *, envelope_id: str = "", **fields) -> str:
        """An envelope of ``kind`` on the newest connection, as Slack sends it; its id.
        ``fields``: more of the envelope, such as ``retry_attempt`` and ``retry_reason``."""
        envelope_id = envelope_id or str(uuid.uuid4())
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": ACCEPTS_RESPONSE.get(kind, False),
            **({"retry_attempt": 0, "retry_reason": ""} if kind == "events_api" else {}),
            **fields,
        }
        assert self.current().send_json(envelope), "the connection closed before the envelope"
        return envelope_id

    def messages(self) -> list[dict]:
        """Every text message the client sent, decoded, in the order they arrived."""
        with self._changed:
            return list(self._messages)

    def acks(self) -> list[dict]:
        return [m for m in self.messages() if "envelope_id" in m]

    def wait_for_ack(self, envelope_id: str, timeout: float = WAIT_SECONDS) -> dict | None:
        def ack() -> dict | None:
            return next((m for m in self._messages if m.get("envelope_id") == envelope_id), None)

        self._wait(lambda: ack() is not None, timeout)
        with self._changed:
            return ack()

    def ping(self, data: bytes) -> bool:
        """A ping with ``data`` on the newest connection; whether its pong came back in time."""
        link = self.current()
        link.send(PING, data)
        return self._wait(lambda: data in link.pongs, WAIT_SECONDS)

    def disconnect(self, reason: str = "refresh_requested") -> Link:
        """Slack's warning that the newest connection is going: the client should open another.
        The connection itself stays open, as Slack's does for a while."""
        link = self.current()
        link.send_json({"type": "disconnect", "reason": reason, "debug_info": _DEBUG_INFO})
        return link

    def close(self, code: int = GOING_AWAY, reason: str = "") -> Link:
        """The newest connection ended from our side with a close frame."""
        link = self.current()
        link.close(code, reason)
        return link

    # -- threads -------------------------------------------------------------------------

    def _spawn(self, target: Callable, name: str, *args) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        with self._changed:
            self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        assert self._listener is not None
        with self._listener:
            while not self._stopping.is_set():
                try:
                    sock, _ = self._listener.accept()
                except TimeoutError:
                    continue
                with self._changed:
                    self._sockets.append(sock)
                    number = len(self._sockets)
                self._spawn(self._serve, f"socket-double-link-{number}", sock, number)

    def _heartbeat(self) -> None:
        while not self._stopping.wait(HEARTBEAT_SECONDS):
            for link in self.links():
                link.send(PING, b"heartbeat")

    def _serve(self, sock: socket.socket, number: int) -> None:
        """One connection: the handshake, ``hello``, then frames until either side closes."""
        link = None
        with sock:
            try:
                reader = _Reader(sock)
                path = self._handshake(sock, reader)
                if path is None:
                    return
                link = Link(number, sock, path)
                with self._changed:
                    self._links.append(link)
                    self._changed.notify_all()
                link.send_json(self._hello())
                self._read_frames(link, reader)
            except OSError:  # reset by the client, or shut down by stop()
                pass
            finally:
                if link is not None:
                    with self._changed:
                        link.closed_by = "server" if link.closing else "client"
                        self._changed.notify_all()

    def _handshake(self, sock: socket.socket, reader: "_Reader") -> str | None:
        """The request path once the upgrade is answered with 101; None when it is refused."""
        sock.settimeout(HANDSHAKE_SECONDS)
        request = reader.until(b"\r\n\r\n").decode("latin-1")
        sock.settimeout(None)  # from here reads block; stop() wakes them
        line, *lines = request.split("\r\n")
        headers = {}
        for header in lines:
            name, _, value = header.partition(":")
            headers[name.strip().lower()] = value.strip()
        method, path, _ = (line.split(" ") + ["", "", ""])[:3]
        key = headers.get("sec-websocket-key", "")
        problem = _handshake_problem(method, headers, key)
        if problem:
            self._problem(f"handshake: {problem}")
            sock.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            return None
        accept = base64.b64encode(hashlib.sha1((key + WEBSOCKET_GUID).encode()).digest())
        sock.sendall(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n"
        )
        return path

    def _read_frames(self, link: Link, reader: "_Reader") -> None:
        while True:
            opcode, data = self._read_frame(reader)
            if opcode == TEXT:
                self._received(data)
            elif opcode == PING:
                link.send(PONG, data)
            elif opcode == PONG:
                with self._changed:
                    link.pongs.append(data)
                    self._changed.notify_all()
            elif opcode == CLOSE:  # the client's close: answered with the same code
                link.close(struct.unpack("!H", data[:2])[0] if len(data) >= 2 else 1000, "")

    def _read_frame(self, reader: "_Reader") -> tuple[int, bytes]:
        first, second = reader.exactly(2)
        if not first & 0x80:
            self._problem("a fragmented frame (the client is expected to send whole ones)")
        length = second & 0x7F
        if length == 126:
            (length,) = struct.unpack("!H", reader.exactly(2))
        elif length == 127:
            (length,) = struct.unpack("!Q", reader.exactly(8))
        if not second & 0x80:
            self._problem("an unmasked frame from the client (RFC 6455 section 5.1)")
            return first & 0x0F, reader.exactly(length)
        mask = reader.exactly(4)
        data = reader.exactly(length)
        return first & 0x0F, bytes(b ^ mask[i % 4] for i, b in enumerate(data))

    def _received(self, data: bytes) -> None:
        try:
            message = json.loads(data.decode("utf-8"))
        except ValueError:
            self._problem(f"a text message that is not JSON: {data[:80]!r}")
            return
        with self._changed:
            self._messages.append(message)
            self._changed.notify_all()

    def _hello(self) -> dict:
        return {
            "type": "hello",
            "num_connections": sum(link.is_open for link in self.links()),
            "debug_info": {**_DEBUG_INFO, "approximate_connection_time": 18060},
            "connection_info": {"app_id": self.app_id},
        }

    def _problem(self, what: str) -> None:
        with self._changed:
            self.problems.append(what)

    def _wait(self, predicate: Callable[[], bool], timeout: float) -> bool:
        with self._changed:
            return self._changed.wait_for(predicate, timeout)


_DEBUG_INFO = {"host": "applink-loopback", "build_number": 1}


def frame(opcode: int, data: bytes) -> bytes:
    """A final, unmasked frame: what a server sends (RFC 6455 section 5.2)."""
    size = len(data)
    if size < 126:
        head = struct.pack("!BB", 0x80 | opcode, size)
    elif size < 1 << 16:
        head = struct.pack("!BBH", 0x80 | opcode, 126, size)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 127, size)
    return head + data


def _handshake_problem(method: str, headers: dict, key: str) -> str:
    if method != "GET":
        return f"method {method!r}"
    if headers.get("upgrade", "").lower() != "websocket":
        return "no 'Upgrade: websocket'"
    if "upgrade" not in headers.get("connection", "").lower():
        return "no 'Connection: Upgrade'"
    if headers.get("sec-websocket-version") != "13":
        return "Sec-WebSocket-Version is not 13"
    try:
        if len(base64.b64decode(key, validate=True)) != 16:
            return "Sec-WebSocket-Key is not 16 bytes"
    except ValueError:
        return "Sec-WebSocket-Key is not base64"
    return ""


def ticket(url: str) -> str:
    """The ticket in a connection URL or request path: which issued URL a client used."""
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query).get("ticket", [""])[0]


class _Reader:
    """Buffered reads from a socket; EOF (the other side closed) is ``ConnectionError``."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock, self._buffer = sock, b""

    def until(self, end: bytes) -> bytes:
        while end not in self._buffer:
            if len(self._buffer) > HEADER_LIMIT:
                raise ConnectionError("handshake too long")
            self._fill()
        head, _, self._buffer = self._buffer.partition(end)
        return head

    def exactly(self, size: int) -> bytes:
        while len(self._buffer) < size:
            self._fill()
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    def _fill(self) -> None:
        chunk = self._sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed by the other side")
        self._buffer += chunk
