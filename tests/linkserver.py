"""A local HTTP and HTTPS server on 127.0.0.1 for the link tests, and a guarded way to run the CLI.

The HTTPS certificate is self-signed and made in the test with the openssl
command. The guarded CLI refuses to resolve any name but 127.0.0.1 (names
under .invalid fail in-process, as a DNS failure would) and dies loudly if it
connects anywhere else, so no test can reach another address. catlint itself
refuses loopback addresses; the guarded CLI sets the tests' opt-in
(CATLINT_TEST_ONLY_ALLOW_LOOPBACK=1) unless a test says otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import table

GUARD = r"""
import os, runpy, socket, sys
_resolve = socket.getaddrinfo
def _local_only(host, *args, **kwargs):
    if host != "127.0.0.1":
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return _resolve(host, *args, **kwargs)
socket.getaddrinfo = _local_only
def _audit(event, args):
    if event == "socket.connect" and isinstance(args[1], tuple) and args[1][0] != "127.0.0.1":
        sys.stderr.write(f"GUARD: connection to {args[1]!r}\n"); sys.stderr.flush(); os._exit(99)
sys.addaudithook(_audit)
sys.argv[0] = "catlint"
runpy.run_module("catlint", run_name="__main__", alter_sys=True)
"""


LOOPBACK_OPT_IN = {"CATLINT_TEST_ONLY_ALLOW_LOOPBACK": "1"}


def guarded_catlint(*args, cwd=None, env=None, loopback=True, **kwargs) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("GITHUB_ACTIONS", "CI", "SSL_CERT_FILE", *LOOPBACK_OPT_IN)}
    environment.update(LOOPBACK_OPT_IN if loopback else {})
    environment.update(env or {})
    return subprocess.run([sys.executable, "-c", GUARD, *map(str, args)], cwd=cwd, env=environment,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, **kwargs)


class State:
    """What the servers saw, for assertions: every request, and the most requests in flight at once."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str, str, str, float]] = []  # scheme, method, path, user agent, time
        self.in_flight = self.most_in_flight = 0
        self.https_port = 0
        self.hosts: dict[str, str] = {}  # path -> the Host header it was asked with
        self.server_names: list[str] = []  # the names TLS clients sent (SNI)

    def count(self, path: str, method: str | None = None) -> int:
        with self.lock:
            return sum(1 for _, m, p, _, _ in self.requests if p == path and method in (None, m))

    def seen(self, path: str, scheme: str = "http") -> list[tuple[str, float]]:
        """(method, time) of each request for `path`, in order."""
        with self.lock:
            return [(m, t) for s, m, p, _, t in self.requests if (s, p) == (scheme, path)]


def make_handler(state: State, scheme: str):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_HEAD(self):
            self._serve()

        def do_GET(self):
            self._serve()

        def log_message(self, *args):  # quiet tests
            pass

        def _serve(self):
            with state.lock:
                state.requests.append((scheme, self.command, self.path, self.headers.get("User-Agent", ""), time.monotonic()))
                state.hosts[self.path] = self.headers.get("Host", "")
                seen = sum(1 for s, _, p, _, _ in state.requests if (s, p) == (scheme, self.path))
            path = self.path.split("?")[0]
            if path == "/slow":
                time.sleep(3)
                return self._answer(200)
            if path == "/slow-no-head":
                time.sleep(0.6)
                return self._answer(405 if self.command == "HEAD" else 200)
            if path == "/token-moved":
                return self._answer(301, {"Location": f"http://user:hunter2@127.0.0.1:{self.server.server_address[1]}/ok?token=SECRET"})
            if path == "/busy-once":
                return self._answer(429, {"Retry-After": "1"}) if seen == 1 else self._answer(200)
            if path == "/always-busy":
                return self._answer(429, {"Retry-After": "3600"})
            if path.startswith("/to-scheme/"):  # a redirect that leaves http(s), to this very server's port where it can
                other, port = path.rsplit("/", 1)[1], self.server.server_address[1]
                target = "file:///etc/passwd" if other == "file" else f"{other}://127.0.0.1:{port}/elsewhere/{other}?token=SECRET"
                return self._answer(301 if other == "gopher" else 302, {"Location": target})
            if path == "/drawn-out":  # five hops, each 503 with Retry-After twice before it redirects to the next
                return self._drawn_out(seen)
            if path == "/unavailable":
                return self._answer(503)
            if path == "/no-head":
                return self._answer(405 if self.command == "HEAD" else 200)
            if path == "/parallel":
                return self._parallel()
            if path == "/upgrade" and scheme == "http":
                return self._answer(301, {"Location": f"https://127.0.0.1:{state.https_port}{self.path}"})
            if path == "/hostile" and scheme == "http":  # https, same path, but a fragment that would break out of the cell
                return self._answer(301, {"Location": f"https://127.0.0.1:{state.https_port}{self.path}{HOSTILE_FRAGMENT}"})
            if path == "/hostile-path" and scheme == "http":  # a move to a path that would break out of the cell
                query = self.path.partition("?")[2]
                return self._answer(301, {"Location": f"https://127.0.0.1:{state.https_port}{HOSTILE_PATH}?{query}"})
            if path in UTF8_MOVES and scheme == "http":  # a Location sent as raw UTF-8 bytes, as some servers do
                location = f"https://127.0.0.1:{state.https_port}{UTF8_MOVES[path]}?{self.path.partition('?')[2]}"
                return self._answer(301, {"Location": location.encode("utf-8").decode("latin-1")})
            if path.startswith("/landing") and scheme == "https":
                return self._answer(200)
            status, location = ROUTES.get(path, (404, None))
            return self._answer(status, {"Location": location} if location else {})

        def _drawn_out(self, seen: int):
            query = dict(part.split("=", 1) for part in self.path.partition("?")[2].split("&"))
            hop = int(query.get("hop", "1"))
            if hop > 5:
                return self._answer(200)
            if seen <= 2:
                return self._answer(503, {"Retry-After": query.get("wait", "1")})
            following = "&".join(f"{key}={hop + 1 if key == 'hop' else value}" for key, value in {"hop": 1, **query}.items())
            return self._answer(302, {"Location": f"/drawn-out?{following}"})

        def _parallel(self):
            with state.lock:
                state.in_flight += 1
                state.most_in_flight = max(state.most_in_flight, state.in_flight)
            time.sleep(0.25)
            with state.lock:
                state.in_flight -= 1
            self._answer(200)

        def _answer(self, status: int, headers: dict | None = None):
            body = b"" if self.command == "HEAD" else f"{status}\n".encode()
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


HOSTILE_FRAGMENT = "#x | <img src=x onerror=alert(1)>"
HOSTILE_PATH = "/landing | <img src=x onerror=alert(1)>"
UTF8_MOVES = {"/bidi-moved": "/landing/bidi\u202egpj.exe", "/cafe-moved": "/landing/caf\u00e9"}
ROUTES = {
    "/ok": (200, None), "/upgrade": (200, None), "/hostile": (200, None),
    "/moved": (301, "/ok"), "/moved-308": (308, "/ok"), "/found": (302, "/ok"), "/moved-then-found": (301, "/found"),
    "/missing": (404, None), "/gone": (410, None), "/error": (500, None), "/loop": (302, "/loop"),
    "/to-metadata": (302, "http://169.254.169.254/latest/meta-data/"), "/to-private": (302, "http://10.0.0.5:8080/admin?delete=1"),
    "/token-found": (302, "/ok?token=SECRET#access_token=SECRET"), "/to-lost": (302, "https://lost-site.invalid/x?token=SECRET"),
}


class _PlainServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # clients that give up (timeouts, rejected certificates) are expected
        pass


class _TLSServer(_PlainServer):
    """The TLS handshake runs in the request's thread, so a client that rejects the certificate blocks nobody."""

    context: ssl.SSLContext

    def finish_request(self, request, client_address):
        try:
            request = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        super().finish_request(request, client_address)


def make_certificate(directory) -> tuple[str, str]:
    """A self-signed certificate for IP 127.0.0.1, made now with openssl: (certificate, key) paths."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make the test's self-signed certificate")
    certificate, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(certificate), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,digitalSignature,keyCertSign"],
        check=True, capture_output=True,
    )
    return str(certificate), str(key)


class LinkServers:
    def __init__(self, directory):
        self.state = State()
        self.cafile, key = make_certificate(directory)
        self.http = _PlainServer(("127.0.0.1", 0), make_handler(self.state, "http"))
        self.https = _TLSServer(("127.0.0.1", 0), make_handler(self.state, "https"))
        self.https.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.https.context.load_cert_chain(self.cafile, key)
        self.https.context.sni_callback = lambda connection, name, context: self.state.server_names.append(name)
        self.state.https_port = self.https.server_address[1]
        self.threads = [threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True) for server in (self.http, self.https)]
        for thread in self.threads:
            thread.start()

    def url(self, path: str, scheme: str = "http") -> str:
        server = self.https if scheme == "https" else self.http
        return f"{scheme}://127.0.0.1:{server.server_address[1]}{path}"

    def close(self) -> None:
        for server in (self.http, self.https):
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    running = LinkServers(tmp_path_factory.mktemp("certificate"))
    yield running
    running.close()


def row(name: str, link: str) -> str:
    return f"| {name} | MR | Brain | 10 | 5 | Open | CC BY 4.0 | {link} |"


def write_catalogue(directory, links: dict[str, str]):
    path = directory / "catalogue.md"
    path.write_text(table(*(row(name, link) for name, link in links.items())), encoding="utf-8")
    return path


def run_links(catalogue, servers, *extra, cache=None, loopback=True):
    """`catlint links` on the catalogue, trusting the test certificate: (exit code, JSON diagnostics)."""
    cache = cache or catalogue.parent / "links.json"
    result = guarded_catlint("links", catalogue, "--output-format", "json", "--timeout", "0.5", "--cafile", servers.cafile,
                             "--links-cache", cache, *extra, loopback=loopback)
    assert "Traceback" not in result.stderr and "GUARD" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)
