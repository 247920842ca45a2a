"""The network guard of `catlint links`, against servers started here on 127.0.0.1: only public addresses
(loopback only with the tests' opt-in), checked again at every redirect and connected to without a second
lookup; one deadline per link however slowly a server drips; no body read; no redirect secrets kept;
the cache's dates and permissions."""

from __future__ import annotations

import json
import os
import socket
import socketserver
import stat
import subprocess
import sys
import threading
import time

import pytest

from linkserver import LOOPBACK_OPT_IN, guarded_catlint, run_links, servers, write_catalogue  # noqa: F401 (servers is a fixture)

from catlint.network.probe import HostLimits, Options, probe, tls_context

OPT_IN = next(iter(LOOPBACK_OPT_IN))


def codes(diagnostics) -> list[str]:
    return [d["code"] for d in diagnostics]


# --- only public addresses ------------------------------------------------------------------------

def test_without_the_opt_in_loopback_is_refused_in_every_notation_and_nothing_is_requested(servers, tmp_path):
    port = servers.http.server_address[1]
    links = {"Plain": servers.url("/ok?t=refused"), "Short": f"http://127.1:{port}/ok?t=refused-short",
             "Octal": f"http://0177.0.0.1:{port}/ok?t=refused-octal", "Decimal": f"http://2130706433:{port}/ok?t=refused-decimal",
             "Hex": f"http://0x7f.1:{port}/ok?t=refused-hex", "Mapped": f"http://[::ffff:127.0.0.1]:{port}/ok?t=refused-mapped"}
    catalogue = write_catalogue(tmp_path, links)
    result = guarded_catlint("links", catalogue, "--output-format", "json", "--links-cache", tmp_path / "c.json", loopback=False)
    diagnostics = json.loads(result.stdout)
    assert result.returncode == 1 and codes(diagnostics) == ["CAT511"] * len(links), result.stdout + result.stderr
    assert all("(loopback" in d["message"] and "not requested" in d["message"] for d in diagnostics)
    assert not [request for request in servers.state.requests if "t=refused" in request[2]]
    assert OPT_IN not in result.stderr


def test_with_the_opt_in_loopback_is_reached_and_the_run_says_so(servers, tmp_path):
    port = servers.http.server_address[1]
    catalogue = write_catalogue(tmp_path, {"Short": f"http://127.1:{port}/ok?t=opt-in-short", "Hex": f"http://0x7f.1:{port}/ok?t=opt-in-hex"})
    result = guarded_catlint("links", catalogue, "--output-format", "json", "--links-cache", tmp_path / "c.json")
    assert result.returncode == 0 and json.loads(result.stdout) == [], result.stdout + result.stderr
    assert f"{OPT_IN}=1: links to loopback addresses are checked" in result.stderr
    assert servers.state.count("/ok?t=opt-in-short") == 1 and servers.state.count("/ok?t=opt-in-hex") == 1
    assert servers.state.hosts["/ok?t=opt-in-short"] == f"127.0.0.1:{port}"  # the host as a browser reads it


def test_the_opt_in_allows_loopback_and_nothing_else(tmp_path):
    catalogue = write_catalogue(tmp_path, {"Private": "http://10.0.0.5:8080/admin?delete=1", "Metadata": "http://169.254.169.254/latest/",
                                           "Mapped": "http://[::ffff:127.0.0.1]/", "Zero": "http://0.0.0.0/"})
    result = guarded_catlint("links", catalogue, "--output-format", "json", "--links-cache", tmp_path / "c.json")
    diagnostics = json.loads(result.stdout)
    messages = [d["message"] for d in diagnostics]
    assert result.returncode == 1 and codes(diagnostics) == ["CAT511"] * 4, result.stderr
    assert any("10.0.0.5 (private)" in m for m in messages) and any("169.254.169.254 (link-local)" in m for m in messages)
    assert any("(loopback, as 127.0.0.1 inside IPv6)" in m for m in messages) and any("0.0.0.0 (unspecified)" in m for m in messages)


# A guarded CLI whose resolver answers from TEST_RESOLVER (name -> one list of addresses per lookup, the last
# repeating), writes each lookup to stderr, and dies if catlint connects anywhere but 127.0.0.1.
RESOLVER_GUARD = r"""
import json, os, runpy, socket, sys
answers, lookups = json.loads(os.environ["TEST_RESOLVER"]), {}
def _resolve(host, port, *args, **kwargs):
    if host not in answers:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    lookups[host] = lookups.get(host, 0) + 1
    sys.stderr.write(f"LOOKUP {host}\n")
    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in answers[host][min(lookups[host], len(answers[host])) - 1]]
socket.getaddrinfo = _resolve
def _audit(event, args):
    if event == "socket.connect" and isinstance(args[1], tuple) and args[1][0] != "127.0.0.1":
        sys.stderr.write(f"GUARD: connection to {args[1]!r}\n"); sys.stderr.flush(); os._exit(99)
sys.addaudithook(_audit)
sys.argv[0] = "catlint"
runpy.run_module("catlint", run_name="__main__", alter_sys=True)
"""


def resolving_catlint(resolver: dict, *args, loopback: bool) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in ("CI", "GITHUB_ACTIONS", "SSL_CERT_FILE", OPT_IN)}
    environment["TEST_RESOLVER"] = json.dumps(resolver)
    if loopback:
        environment[OPT_IN] = "1"
    result = subprocess.run([sys.executable, "-c", RESOLVER_GUARD, *map(str, args)], env=environment,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert "Traceback" not in result.stderr and "GUARD" not in result.stderr, result.stderr
    return result


def test_a_public_name_that_resolves_to_a_private_address_is_refused(servers, tmp_path):
    port = servers.http.server_address[1]
    catalogue = write_catalogue(tmp_path, {"Loopback": f"http://data-portal.org:{port}/ok?t=name-loopback",
                                           "Partly private": f"http://mixed-answers.org:{port}/ok?t=name-mixed"})
    resolver = {"data-portal.org": [["127.0.0.1"]], "mixed-answers.org": [["93.184.216.34", "10.0.0.5"]]}
    result = resolving_catlint(resolver, "links", catalogue, "--output-format", "json", "--links-cache", tmp_path / "c.json", loopback=False)
    messages = sorted(d["message"] for d in json.loads(result.stdout))
    assert result.returncode == 1 and len(messages) == 2
    assert "data-portal.org resolves to 127.0.0.1 (loopback): not requested" in messages[0]
    assert "mixed-answers.org resolves to 10.0.0.5 (private): not requested" in messages[1]  # one bad answer is enough
    assert servers.state.count("/ok?t=name-loopback") == 0


def test_catlint_connects_to_the_address_it_checked_with_one_lookup_and_keeps_the_name(servers, tmp_path):
    # A rebinding resolver: the first answer passes the check, any later one points elsewhere (and would end the run).
    port, tls_port = servers.http.server_address[1], servers.https.server_address[1]
    resolver = {"rebinding.org": [["127.0.0.1"], ["10.0.0.5"]]}
    catalogue = write_catalogue(tmp_path, {"Rebinding": f"http://rebinding.org:{port}/ok?t=pinned"})
    result = resolving_catlint(resolver, "links", catalogue, "--output-format", "json", "--links-cache", tmp_path / "c.json", loopback=True)
    assert result.returncode == 0 and json.loads(result.stdout) == [], result.stdout + result.stderr
    assert result.stderr.count("LOOKUP rebinding.org") == 1 and servers.state.count("/ok?t=pinned") == 1
    assert servers.state.hosts["/ok?t=pinned"] == f"rebinding.org:{port}"  # the Host header keeps the name
    # Over TLS the name, not the address, is sent (SNI) and checked against the certificate (made for 127.0.0.1 only).
    catalogue = write_catalogue(tmp_path, {"Rebinding": f"https://rebinding.org:{tls_port}/ok?t=pinned-tls"})
    result = resolving_catlint({"rebinding.org": [["127.0.0.1"], ["10.0.0.5"]]}, "links", catalogue, "--output-format", "json",
                               "--cafile", servers.cafile, "--links-cache", tmp_path / "c.json", loopback=True)
    (diagnostic,) = json.loads(result.stdout)
    assert diagnostic["code"] == "CAT505" and "certificate" in diagnostic["message"], diagnostic
    assert "rebinding.org" in servers.state.server_names


def test_a_redirect_is_checked_again_and_not_followed_into_a_private_network(servers, tmp_path):
    catalogue = write_catalogue(tmp_path, {"To metadata": servers.url("/to-metadata?t=hop"), "To private": servers.url("/to-private?t=hop")})
    code, diagnostics = run_links(catalogue, servers)
    messages = sorted(d["message"] for d in diagnostics)
    assert code == 1 and codes(diagnostics) == ["CAT511", "CAT511"]
    assert "redirect to http://169.254.169.254/latest/meta-data/ goes to 169.254.169.254 (link-local): not followed" in messages[0]
    assert "redirect to http://10.0.0.5:8080/admin?\u2026 goes to 10.0.0.5 (private): not followed" in messages[1]  # query left out


def test_a_redirect_out_of_http_is_reported_as_it_is_and_not_followed(servers, tmp_path):
    links = {scheme: servers.url(f"/to-scheme/{scheme}?t=scheme") for scheme in ("ftp", "gopher", "file", "ws")}
    catalogue = write_catalogue(tmp_path, {**links, "Lost": servers.url("/to-lost?t=scheme")})
    code, diagnostics = run_links(catalogue, servers, "--unsafe-fixes")
    messages = {d["location"]["row"]: (d["code"], d["message"], d["fix"]) for d in diagnostics}
    port = servers.http.server_address[1]
    assert code == 1 and sorted(messages) == [3, 4, 5, 6, 7], diagnostics
    assert messages[3] == ("CAT506", f"{links['ftp']}: redirects (302) to ftp://127.0.0.1:{port}/elsewhere/ftp?…, "
                                     "which is not http or https: not followed", None)
    assert messages[4][0] == "CAT506" and "redirects (301) to gopher://" in messages[4][1] and messages[4][2] is None  # no move to write
    assert messages[5][:2] == ("CAT506", f"{links['file']}: redirects (302) to file:///etc/passwd, which is not http or https: not followed")
    assert messages[6][0] == "CAT506" and "to ws://" in messages[6][1]
    assert messages[7][:2] == ("CAT504", f"{servers.url('/to-lost?t=scheme')}: host lost-site.invalid not found (Name or service not known), "
                                         "at the redirect to https://lost-site.invalid/x?…")
    assert not [path for *_, path, _, _ in servers.state.requests if path.startswith("/elsewhere")]  # never asked over HTTP
    assert links["ftp"] in catalogue.read_text(encoding="utf-8")  # nothing written


# --- what a redirect says is not kept ------------------------------------------------------------------

def test_a_redirect_query_fragment_or_user_info_is_neither_printed_nor_cached(servers, tmp_path):
    cache = tmp_path / "links.json"
    catalogue = write_catalogue(tmp_path, {"Token": servers.url("/token-found?t=secret"), "Moved token": servers.url("/token-moved"),
                                           "Plain": servers.url("/upgrade?keep=this")})
    result = guarded_catlint("links", catalogue, "--links-cache", cache, "--cafile", servers.cafile)
    saved = cache.read_text(encoding="utf-8")
    assert "SECRET" not in result.stdout + result.stderr + saved and "hunter2" not in result.stdout + saved
    assert f"redirects temporarily (302 Found) to {servers.url('/ok')}?\u2026" in result.stdout
    assert f"moved permanently (301 Moved Permanently) to {servers.url('/ok')}?\u2026" in result.stdout
    assert "?keep=this" in saved  # the link's own query is the catalogue's, not a secret
    code, diagnostics = run_links(catalogue, servers, cache=cache)
    moved = next(d for d in diagnostics if d["code"] == "CAT507")
    assert moved["fix"] is None  # the new address is not known whole: nothing to write


# --- one deadline per link ------------------------------------------------------------------------------

class _Dripping(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def _dripping_server(first: bytes, drip: bytes):
    """A TCP server on 127.0.0.1 that sends `first`, then one byte of `drip` every 0.1 s (for 30 s at most)."""

    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            try:
                self.request.sendall(first)
                for byte in drip[:300]:
                    time.sleep(0.1)
                    self.request.sendall(bytes([byte]))
            except OSError:
                pass

    server = _Dripping(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


@pytest.mark.parametrize("scheme, first, drip", [
    ("http", b"HTTP/1.1 200 OK\r\n", b"X-Drip: " + b"a" * 300),  # headers, one byte at a time
    ("https", b"\x16\x03\x03\x40\x00", b"\x00" * 300),  # a TLS record that never completes
])
def test_a_server_dripping_bytes_hits_the_timeout_in_about_that_time(tmp_path, scheme, first, drip):
    server = _dripping_server(first, drip)
    try:
        catalogue = write_catalogue(tmp_path, {"Drip": f"{scheme}://127.0.0.1:{server.server_address[1]}/"})
        started = time.monotonic()
        result = guarded_catlint("links", catalogue, "--timeout", "0.5", "--links-cache", tmp_path / "c.json")
        elapsed = time.monotonic() - started
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 1 and " CAT503 " in result.stdout and "no answer within 0.5 s" in result.stdout, result.stdout + result.stderr
    assert elapsed < 5, elapsed  # start-up and half a second; the drip would last 30 s


def test_a_slow_resolver_counts_against_the_deadline(monkeypatch):
    def slow(*args, **kwargs):
        time.sleep(3)
        raise socket.gaierror(socket.EAI_NONAME, "too late anyway")

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    started = time.monotonic()
    result = probe("https://slow-resolver.org/", Options(timeout=0.5, retries=0), tls_context(None), HostLimits(1))
    assert result.outcome == "timeout" and time.monotonic() - started < 1.5


def test_the_deadline_covers_every_request_of_a_link(servers):
    # HEAD and GET to /slow-no-head each take 0.6 s; with 1 s for the link, the GET runs out of time.
    started = time.monotonic()
    result = probe(servers.url("/slow-no-head?t=budget"), Options(timeout=1, retries=0, allow_loopback=True), tls_context(None), HostLimits(1))
    assert result.outcome == "timeout" and time.monotonic() - started < 1.5
    assert [method for method, _ in servers.state.seen("/slow-no-head?t=budget")] == ["HEAD", "GET"]


def test_waits_a_server_asks_for_are_inside_the_links_time(servers, tmp_path):
    # Each of five hops answers 503 with Retry-After twice before it redirects: 30 s of waits at 3 s, 10 s at 1 s.
    links = {"Asks too much": servers.url("/drawn-out?wait=3&t=deadline"), "Asks often": servers.url("/drawn-out?wait=1&t=deadline"),
             "Busy once": servers.url("/busy-once?t=deadline")}
    catalogue = write_catalogue(tmp_path, links)
    started = time.monotonic()
    code, diagnostics = run_links(catalogue, servers, "--timeout", "1.5")
    elapsed = time.monotonic() - started
    messages = {d["location"]["row"]: d["message"] for d in diagnostics}
    assert code == 1 and codes(diagnostics) == ["CAT502", "CAT502"] and elapsed < 8, (elapsed, diagnostics)
    assert messages[3].endswith("answers 503 Service Unavailable and asks to wait 3 s, more than the link's --timeout leaves; it may be temporary")
    assert "503 Service Unavailable after 2 attempts and asks to wait 1 s, more than the link's" in messages[4]
    assert len(servers.state.seen("/drawn-out?wait=3&t=deadline")) == 1  # not waited for at all
    assert len(servers.state.seen("/drawn-out?wait=1&t=deadline")) == 2  # one wait of 1 s leaves less than 1 s
    (first, at_first), (second, at_second) = servers.state.seen("/busy-once?t=deadline")  # a wait that fits is waited
    assert (first, second) == ("HEAD", "HEAD") and at_second - at_first >= 0.95  # Retry-After: 1


def test_no_body_is_read(tmp_path):
    sent = []

    class Handler(socketserver.StreamRequestHandler):
        def handle(self):
            request = self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b""):
                pass
            total = 0
            try:
                if request.startswith(b"HEAD"):
                    self.wfile.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                    return
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100000000000\r\n\r\n")
                chunk = b"x" * 65536
                while total < 1 << 31:
                    self.wfile.write(chunk)
                    total += len(chunk)
            except OSError:
                pass
            finally:
                sent.append(total)

    server = _Dripping(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/endless"
        started = time.monotonic()
        result = probe(url, Options(timeout=5, retries=0, allow_loopback=True), tls_context(None), HostLimits(1))
        elapsed = time.monotonic() - started
        for _ in range(50):
            if len(sent) == 2:
                break
            time.sleep(0.1)
    finally:
        server.shutdown()
        server.server_close()
    assert result.outcome == "ok" and elapsed < 2
    assert len(sent) == 2 and sent[1] < 32 << 20, sent  # what the kernel buffered before catlint closed the connection


# --- the cache ---------------------------------------------------------------------------------------------

def test_a_cache_entry_dated_in_the_future_is_stale_even_offline(servers, tmp_path):
    url = servers.url("/ok?t=future")
    cache = tmp_path / "links.json"
    cache.write_text(json.dumps({"catlint-link-cache": 1, "links": {url: {"url": url, "outcome": "ok", "status": 200,
                                                                           "checked_at": time.time() + 10 * 86400}}}))
    os.chmod(cache, 0o644)
    catalogue = write_catalogue(tmp_path, {"Future": url})
    code, diagnostics = run_links(catalogue, servers, "--offline", cache=cache)
    assert codes(diagnostics) == ["CAT510"]  # not trusted even without the network
    code, diagnostics = run_links(catalogue, servers, cache=cache)
    assert code == 0 and servers.state.count("/ok?t=future") == 1  # checked again, not fresh forever
    entry = json.loads(cache.read_text())["links"][url]
    assert entry["checked_at"] <= time.time()
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o600  # was 0644: the cache is the owner's alone
    assert [name for name in os.listdir(tmp_path) if name.startswith(".catlint-")] == []
