"""Ask one URL whether it is alive: HEAD (GET when HEAD is refused), redirects, retries, timeouts.

Standard library only (http.client, ssl). Certificates are verified against
the system's trust store, SSL_CERT_FILE, or the CA bundle given as `cafile`.
No response body is read: the connection is closed after the headers. Every
request goes through the network guard (`guard.py`): public addresses only,
one deadline for all of a link's requests. A redirect's query and fragment
are followed but never kept: a Location can carry a token.
"""

from __future__ import annotations

import email.utils
import http.client
import socket
import ssl
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from catlint import __version__
from catlint.network import Hop, LinkResult
from catlint.network.guard import Budget, NotPublicAddress, connect_to_checked, public_addresses
from catlint.network.hosts import literal_address

USER_AGENT = f"catlint/{__version__} (catalogue link checker; one request per link per day)"
REDIRECTS = (301, 302, 303, 307, 308)
RETRYABLE = (429, 503)
MAX_HOPS = 10


@dataclass(frozen=True)
class Options:
    timeout: float = 10.0  # seconds of network time for one link, all its requests together
    retries: int = 2  # more attempts after a 429 or 503
    backoff: float = 1.0  # first wait when the server gives no Retry-After; doubles each time
    max_wait: float = 30.0  # cap on one wait, Retry-After included, so a server cannot stall the run
    cafile: str | None = None
    per_host: int = 2  # requests in flight to one host name
    workers: int = 8  # requests in flight in all
    allow_loopback: bool = False  # catlint's own tests only (guard.LOOPBACK_OPT_IN)


class HostLimits:
    """One semaphore per host name, made on first use: at most `per_host` requests in flight to each."""

    def __init__(self, per_host: int):
        self._per_host, self._lock, self._semaphores = per_host, threading.Lock(), {}

    @contextmanager
    def hold(self, host: str):
        with self._lock:
            semaphore = self._semaphores.setdefault(host, threading.BoundedSemaphore(self._per_host))
        with semaphore:
            yield


class _RedirectLoop(Exception):
    pass


class _RefusedRedirect(Exception):
    pass


def tls_context(cafile: str | None) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=cafile)


def probe(url: str, options: Options, context: ssl.SSLContext, limits: HostLimits, sleep=time.sleep) -> LinkResult:
    """The one LinkResult for `url`; network failures become outcomes, never exceptions."""
    checked_at = time.time()
    hops: list[Hop] = []
    try:
        status, detail = _follow(url, hops, options, context, limits, sleep)
    except Exception as error:  # every way a request can fail is a result to report
        outcome, detail = classify_error(error, url, options)
        return LinkResult(url, outcome, None, detail, tuple(hops), checked_at)
    return LinkResult(url, outcome_of(status, hops), status, detail, tuple(hops), checked_at)


def outcome_of(status: int, hops) -> str:
    if status >= 500:
        return "server-error"
    if status >= 400:
        return "client-error"
    return "redirected" if hops else "ok"


def classify_error(error: BaseException, url: str, options: Options) -> tuple[str, str]:
    """An exception raised while asking `url` as an outcome and a short reason."""
    if isinstance(error, socket.gaierror):
        return "dns-failure", f"host {urlsplit(url).hostname} not found ({error.strerror or error})"
    if isinstance(error, TimeoutError):
        return "timeout", f"no answer within {options.timeout:g} s"
    if isinstance(error, ssl.SSLCertVerificationError):
        return "tls-error", f"certificate not trusted: {error.verify_message or error.reason}"
    if isinstance(error, ssl.SSLError):
        return "tls-error", f"TLS failed: {error.reason or error}"
    if isinstance(error, _RedirectLoop):
        return "unreachable", str(error)
    if isinstance(error, NotPublicAddress):
        return "refused", f"{error}: not requested"
    if isinstance(error, _RefusedRedirect):
        return "refused", str(error)
    if isinstance(error, (OSError, http.client.HTTPException, UnicodeError, ValueError)):
        return "unreachable", f"{type(error).__name__}: {getattr(error, 'strerror', None) or error}"
    raise error


def _follow(url, hops, options, context, limits, sleep) -> tuple[int, str]:
    """Follow redirects from `url`, recording each hop; the last status and a note on retries."""
    current, seen, budget = url, {url}, Budget(options.timeout)
    method = "HEAD"
    while True:
        try:
            status, location, attempts = _ask(current, method, options, context, limits, sleep, budget)
            if method == "HEAD" and status >= 400 and status not in RETRYABLE:
                # Some servers refuse or mishandle HEAD (405, 501, 403, even 404): GET decides.
                method = "GET"
                status, location, attempts = _ask(current, method, options, context, limits, sleep, budget)
        except NotPublicAddress as error:
            if not hops:
                raise
            raise _RefusedRedirect(f"redirect to {hops[-1].shown} goes to {error.address} ({error.kind}): not followed") from None
        if status not in REDIRECTS or not location:
            return status, (f"after {attempts} attempts" if attempts > 1 else "")
        target = urljoin(current, location)
        hop = redacted_hop(status, target, url)
        if target in seen or len(hops) >= MAX_HOPS:
            raise _RedirectLoop(f"redirect loop or more than {MAX_HOPS} redirects (at {hop.shown})")
        hops.append(hop)
        seen.add(target)
        current = target


def location_url(header: str | None) -> str | None:
    """A Location header as a URL: http.client reads header bytes as latin-1, so a server that sends
    UTF-8 (`/caf\xc3\xa9`) gives one character per byte; its non-ASCII bytes are percent-encoded
    as the bytes they are (`/caf%C3%A9`), never re-encoded as characters."""
    if header is None or header.isascii():
        return header
    sent = header.encode("latin-1", "replace")  # each character is one byte the server sent
    return "".join(chr(byte) if byte < 0x80 else f"%{byte:02X}" for byte in sent)


def redacted_hop(status: int, target: str, link: str) -> Hop:
    """A hop as it may be printed and cached: without user info, and without a query or fragment
    that the catalogue's own link does not have (a Location can carry a token)."""
    parts, original = urlsplit(target), urlsplit(link)
    netloc = parts.netloc.rpartition("@")[2]
    query = parts.query if parts.query == original.query else ""
    fragment = parts.fragment if parts.fragment == original.fragment else ""
    hidden = (query, fragment) != (parts.query, parts.fragment)
    return Hop(status, urlunsplit((parts.scheme, netloc, parts.path, query, fragment)), hidden)


def _ask(url, method, options, context, limits, sleep, budget) -> tuple[int, str | None, int]:
    """One request, repeated after a 429 or 503 as the server asks: status, Location, attempts."""
    for attempt in range(options.retries + 1):
        with limits.hold(urlsplit(url).hostname or ""):
            status, location, retry_after = _request(url, method, options, context, budget)
        if status not in RETRYABLE or attempt == options.retries:
            return status, location, attempt + 1
        sleep(retry_wait(retry_after, attempt, options))
    raise AssertionError("unreachable")


def retry_wait(retry_after: str | None, attempt: int, options: Options, now: float | None = None) -> float:
    """Seconds to wait: the server's Retry-After (seconds or an HTTP date), else backoff; capped."""
    wait = options.backoff * 2 ** attempt
    if retry_after:
        value = retry_after.strip()
        if value.isdigit():
            wait = float(value)
        else:
            try:
                wait = email.utils.parsedate_to_datetime(value).timestamp() - (time.time() if now is None else now)
            except (TypeError, ValueError):
                pass
    return min(max(wait, 0.0), options.max_wait)


def _request(url: str, method: str, options: Options, context, budget: Budget) -> tuple[int, str | None, str | None]:
    parts = urlsplit(url)
    host = parts.hostname.encode("idna").decode("ascii") if parts.hostname else ""
    literal = literal_address(host)  # 127.1 is 127.0.0.1 to a browser: in Host, SNI and the certificate check too
    host = str(literal) if literal is not None else host
    secure = parts.scheme.lower() == "https"
    port = parts.port or (443 if secure else 80)
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~") + (f"?{quote(parts.query, safe='=&%+;/:@!$,~')}" if parts.query else "")
    with budget.spending() as watchdog:
        answers = public_addresses(host, port, watchdog, options.allow_loopback)
        if secure:
            connection = http.client.HTTPSConnection(host, port, timeout=watchdog.remaining(), context=context)
        else:
            connection = http.client.HTTPConnection(host, port, timeout=watchdog.remaining())
        # http.client connects through this hook: to the checked addresses, with no second lookup.
        connection._create_connection = lambda *_: connect_to_checked(answers, watchdog)
        try:
            connection.request(method, target, headers={"User-Agent": USER_AGENT, "Accept": "*/*", "Connection": "close"})
            response = connection.getresponse()
            return response.status, location_url(response.getheader("Location")), response.getheader("Retry-After")
        finally:
            connection.close()
