"""The network guard: link checks reach only the public internet, within a deadline.

Before each request (the link and every redirect hop) the host name is
resolved here, once, and every address it resolves to must be public (see
`catlint.network.hosts.address_problem`): one loopback, private, link-local,
CGNAT, multicast, reserved or unspecified address and the request is refused,
since a resolver that answers with one may answer with the other next time.
The connection then goes to an address that was checked, never through a
second lookup; the Host header, TLS SNI and certificate check keep the name.

Each link has one budget of network time (`--timeout`), spent by resolving,
connecting, TLS and waiting for headers over all its requests, and by the
waits between retries that a busy server asks for. A watchdog
shuts the socket when the budget runs out, so a server that drips one byte
a second cannot hold a check past it.

catlint's own tests serve links from 127.0.0.1; they set
CATLINT_TEST_ONLY_ALLOW_LOOPBACK=1, which lets loopback addresses (and only
those) through and says so on stderr.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
import threading
import time
from contextlib import contextmanager

from catlint.network.hosts import address_problem, literal_address

LOOPBACK_OPT_IN = "CATLINT_TEST_ONLY_ALLOW_LOOPBACK"


class NotPublicAddress(OSError):
    """A host resolved to an address that is not on the public internet."""

    def __init__(self, host: str, address: str, kind: str):
        super().__init__(f"{host} resolves to {address} ({kind})")
        self.host, self.address, self.kind = host, address, kind


def loopback_allowed(stream=None) -> bool:
    """The tests' opt-in, announced on stderr whenever it is on."""
    if os.environ.get(LOOPBACK_OPT_IN) != "1":
        return False
    print(f"catlint: warning: {LOOPBACK_OPT_IN}=1: links to loopback addresses are checked (for catlint's own tests only)",
          file=stream or sys.stderr)
    return True


class Budget:
    """Network time left for one link; every request for it draws on the same budget."""

    def __init__(self, seconds: float):
        self.left = seconds

    @contextmanager
    def spending(self):
        """Count the time inside against the budget; a watchdog shuts the connection when it runs out."""
        if self.left <= 0:
            raise TimeoutError("the link's time is up")
        started = time.monotonic()
        watchdog = Watchdog(started + self.left)
        try:
            yield watchdog
        except Exception:
            if watchdog.fired:  # whatever the shut socket raised, the cause is the deadline
                raise TimeoutError("the link's time is up") from None
            raise
        else:
            if watchdog.fired:  # a shut socket reads as the end of the headers: that answer is cut short
                raise TimeoutError("the link's time is up")
        finally:
            watchdog.cancel()
            self.left -= time.monotonic() - started

    def wait(self, seconds: float, sleep=time.sleep) -> bool:
        """Wait `seconds` out of the budget; False, without waiting, when they would use it all up."""
        if seconds >= self.left:
            return False
        sleep(seconds)
        self.left -= seconds
        return True


class Watchdog:
    def __init__(self, deadline: float):
        self.deadline, self.fired = deadline, False
        self._lock, self._socket = threading.Lock(), None
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the link's time is up")
        return left

    def watch(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._socket = sock
            if self.fired:
                _shut(sock)
        return sock

    def cancel(self) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            if self._socket is not None:
                _shut(self._socket)


def _shut(sock: socket.socket) -> None:
    try:  # the plain socket's shutdown, also under TLS: wakes a blocked read or handshake in the other thread
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


def public_addresses(host: str, port: int, watchdog: Watchdog, allow_loopback: bool) -> list[tuple]:
    """The addresses to connect to for `host`, each checked; NotPublicAddress when any is not public.
    An IP literal in any notation (127.1, 0x7f.1) is read as a browser reads it, with no lookup."""
    literal = literal_address(host)
    if literal is None:
        answers = _lookup(host, port, watchdog.remaining())
    elif literal.version == 4:
        answers = [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (str(literal), port))]
    else:
        answers = [(socket.AF_INET6, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (str(literal), port, 0, 0))]
    for family, kind, protocol, _, address in answers:
        problem = address_problem(ipaddress.ip_address(address[0]))
        if problem and not (allow_loopback and problem == "loopback"):
            raise NotPublicAddress(host, address[0], problem)
    return answers


def _lookup(host: str, port: int, timeout: float) -> list[tuple]:
    """getaddrinfo in a thread, so that a slow resolver counts against the deadline too."""
    outcome: dict = {}

    def lookup():
        try:
            outcome["answers"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except Exception as error:  # handed to the caller
            outcome["error"] = error

    thread = threading.Thread(target=lookup, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise TimeoutError(f"resolving {host} took too long")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["answers"]


def connect_to_checked(answers: list[tuple], watchdog: Watchdog) -> socket.socket:
    """A connected socket to the first checked address that answers (as socket.create_connection
    tries them), watched by the watchdog."""
    error: OSError | None = None
    for family, kind, protocol, _, address in answers:
        sock = socket.socket(family, kind, protocol)
        try:
            sock.settimeout(watchdog.remaining())
            watchdog.watch(sock)
            sock.connect(address)
            return sock
        except OSError as failure:
            sock.close()
            error = failure
    raise error or OSError("no address to connect to")
