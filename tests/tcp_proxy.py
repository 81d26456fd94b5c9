"""A small loopback TCP proxy that a test can cut and restore: a database outage on demand.

The test's engine connects to ``127.0.0.1:<proxy.port>``; the proxy forwards every connection
to the real server (``127.0.0.1:5432``). ``cut()`` closes every forwarded connection (both
sides) and, until ``restore()``, accepts new connections only to close them at once, which a
client sees as "server closed the connection unexpectedly", as when PostgreSQL is stopped.
``black_hole()`` is a network partition instead: nothing is closed, nothing more is forwarded
either way, and new connections are accepted and then left unanswered, so a client waits for a
reply that never comes (its own kernel still sees the loopback peer, so neither TCP keepalives
nor a TCP user timeout notice: only a client-side deadline does). ``restore()`` ends either
(the black-holed connections are then closed, as a long partition leaves them dead). The
machine's server is never touched, so other people's tests keep running.

One thread does all the work (a ``selectors`` loop); ``cut``/``restore``/``stop`` are commands
sent to it through a socket pair and return once the loop has carried them out. It is bounded:
at most ``max_connections`` pairs, loopback addresses only, and ``stop()`` (or leaving the
``with`` block) joins the thread within a few seconds.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from types import TracebackType

LOOPBACK = "127.0.0.1"
RECV_BYTES = 65_536
CONNECT_TIMEOUT_SECONDS = 3.0
SEND_TIMEOUT_SECONDS = 5.0
COMMAND_TIMEOUT_SECONDS = 5.0


class TcpProxy:
    """Forward ``127.0.0.1:port`` → ``upstream``; ``cut()`` and ``restore()`` the link."""

    def __init__(self, upstream_port: int, *, upstream_host: str = LOOPBACK,
                 max_connections: int = 64) -> None:
        if upstream_host not in (LOOPBACK, "localhost"):
            raise ValueError("the test proxy forwards to the loopback interface only")
        self._upstream = (LOOPBACK, upstream_port)
        self._max = max_connections
        self._listener = socket.create_server((LOOPBACK, 0))
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]
        self._wake_recv, self._wake_send = socket.socketpair()
        self._selector = selectors.DefaultSelector()
        self._peers: dict[socket.socket, socket.socket] = {}  # each side → the other side
        self._commands: list[tuple[str, threading.Event]] = []
        self._lock = threading.Lock()
        self._cut = False
        self._holed = False
        self._held: list[socket.socket] = []  # accepted while black-holed, never answered
        self._thread: threading.Thread | None = None
        self.accepted = 0  # connections forwarded so far
        self.refused = 0  # connections closed at once while cut

    # -- control (any thread) --------------------------------------------------------------

    def start(self) -> TcpProxy:
        if self._thread is None:
            self._selector.register(self._listener, selectors.EVENT_READ, "listen")
            self._selector.register(self._wake_recv, selectors.EVENT_READ, "wake")
            self._thread = threading.Thread(target=self._run, name=f"tcp-proxy-{self.port}",
                                            daemon=True)
            self._thread.start()
        return self

    @property
    def is_cut(self) -> bool:
        return self._cut

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._peers) // 2

    def cut(self) -> None:
        """Close every forwarded connection and refuse new ones until ``restore()``."""
        self._command("cut")

    def black_hole(self) -> None:
        """A partition: forward nothing either way and answer no new connection (nothing is
        closed) until ``restore()``."""
        self._command("black_hole")

    def restore(self) -> None:
        """Forward new connections again (the ones cut or black-holed stay closed, as after a
        restart or a long partition)."""
        self._command("restore")

    def stop(self) -> None:
        """Close everything and join the thread (idempotent)."""
        thread = self._thread
        if thread is None:
            return
        if thread.is_alive():
            self._command("stop")
            thread.join(COMMAND_TIMEOUT_SECONDS)
        self._thread = None
        for sock in (self._wake_send, self._wake_recv, self._listener):
            sock.close()

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _command(self, name: str) -> None:
        if self._thread is None or not self._thread.is_alive():
            raise RuntimeError("the proxy is not running")
        done = threading.Event()
        with self._lock:
            self._commands.append((name, done))
        self._wake_send.send(b"!")
        if not done.wait(COMMAND_TIMEOUT_SECONDS):
            raise TimeoutError(f"the proxy did not carry out '{name}' in time")

    # -- the loop (proxy thread) -----------------------------------------------------------

    def _run(self) -> None:
        running = True
        try:
            while running:
                for key, _mask in self._selector.select(timeout=1.0):
                    if key.data == "wake":
                        running = self._on_commands()
                        if not running:
                            break
                    elif key.data == "listen":
                        self._on_accept()
                    else:
                        self._on_data(key.fileobj)  # type: ignore[arg-type]
        finally:
            self._close_all()
            for sock in self._held:
                _abort(sock)
            self._selector.close()

    def _on_commands(self) -> bool:
        with contextlib.suppress(BlockingIOError):
            self._wake_recv.recv(RECV_BYTES)
        with self._lock:
            commands, self._commands = self._commands, []
        running = True
        for name, done in commands:
            if name == "cut":
                self._cut = True
                self._close_all()
            elif name == "black_hole":
                self._holed = True
                with self._lock:
                    socks = list(self._peers)
                for sock in socks:  # stop reading: bytes stay where they are
                    with contextlib.suppress(KeyError, ValueError):
                        self._selector.unregister(sock)
            elif name == "restore":
                if self._holed:
                    self._holed = False
                    self._close_all()
                    for sock in self._held:
                        _abort(sock)
                    self._held.clear()
                self._cut = False
            elif name == "stop":
                running = False
            done.set()
        return running

    def _on_accept(self) -> None:
        try:
            client, _address = self._listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        if self._holed:
            self._held.append(client)  # accepted by the kernel, never answered
            return
        if self._cut or len(self._peers) // 2 >= self._max:
            self.refused += 1
            _abort(client)
            return
        try:
            server = socket.create_connection(self._upstream, timeout=CONNECT_TIMEOUT_SECONDS)
        except OSError:
            self.refused += 1
            _abort(client)
            return
        for sock in (client, server):
            sock.settimeout(SEND_TIMEOUT_SECONDS)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            self._peers[client] = server
            self._peers[server] = client
        self._selector.register(client, selectors.EVENT_READ, "pipe")
        self._selector.register(server, selectors.EVENT_READ, "pipe")
        self.accepted += 1

    def _on_data(self, sock: socket.socket) -> None:
        other = self._peers.get(sock)
        if other is None:
            return
        try:
            data = sock.recv(RECV_BYTES)
            if data:
                other.sendall(data)
                return
        except OSError:
            pass
        self._close_pair(sock)  # one side closed or broke: close the other side too

    def _close_pair(self, sock: socket.socket) -> None:
        with self._lock:
            other = self._peers.pop(sock, None)
            if other is not None:
                self._peers.pop(other, None)
        for s in (sock, other):
            if s is not None:
                with contextlib.suppress(KeyError, ValueError):
                    self._selector.unregister(s)
                _abort(s)

    def _close_all(self) -> None:
        with self._lock:
            socks = list(self._peers)
        for sock in socks:
            if sock in self._peers:
                self._close_pair(sock)


def _abort(sock: socket.socket) -> None:
    """Close at once, without waiting for unsent data (the peer sees the link go)."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
