"""URLs and tags as the security rules read them: scheme, user info, host (as DNS shows it).

Hosts are read as browsers read them (the WHATWG URL standard): for the special
schemes any number of slashes or backslashes, or none, may follow the colon
(`http:/127.0.0.1`, `http:10.0.0.5`, `https:///localhost` all reach that host),
and the host ends at the first slash, backslash, `?` or `#`.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_IGNORED_IN_URLS = str.maketrans("", "", "\t\n\r")  # browsers drop these before reading a URL
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_SPECIAL_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})  # file: has no host to reach
_AUTHORITY_END = re.compile(r"[/\\?#]")
_EVENT_HANDLER = re.compile(r"[\s\"'/]on[a-z]+[\s]*=", re.IGNORECASE)


def tag_name(raw: str) -> str:
    match = _TAG_NAME.match(raw)
    return match.group(1).lower() if match else raw[:2]


def event_handler(raw: str) -> str | None:
    """The first event-handler attribute of a tag (onerror, onclick, ...), if any."""
    match = _EVENT_HANDLER.search(raw)
    return match.group()[1:].rstrip("= \t\r\n").lower() if match else None


def scheme_of(url: str) -> str | None:
    """The URL's scheme in lower case; None for a relative link or a bare host:port."""
    cleaned = url.translate(_IGNORED_IN_URLS).lstrip("\x00 \x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f")
    match = _SCHEME.match(cleaned)
    if match is None:
        return None
    scheme = match.group(1).lower()
    if "." in scheme and not cleaned.startswith("//", match.end()):
        return None  # example.org:8080/x is a host and port, not a scheme
    return scheme


def user_info(url: str) -> tuple[str, str] | None:
    """(user info, host) when the URL has user info before an @, such as https://good.org@evil.example."""
    netloc = _netloc(url)
    if "@" not in netloc:
        return None
    info, _, host = netloc.rpartition("@")
    return info, _host_of_netloc(host)


def host_of(url: str) -> str:
    return _host_of_netloc(_netloc(url).rpartition("@")[2])


def _netloc(url: str) -> str:
    cleaned = url.translate(_IGNORED_IN_URLS).strip("".join(map(chr, range(0x21))))  # C0 controls and space
    scheme = scheme_of(cleaned)
    if scheme in _SPECIAL_SCHEMES:
        after = cleaned[len(scheme) + 1 :].lstrip("/\\")
        return _AUTHORITY_END.split(after, maxsplit=1)[0]
    try:
        return urlsplit(cleaned).netloc
    except ValueError:
        return ""


def _host_of_netloc(netloc: str) -> str:
    if netloc.startswith("["):  # an IPv6 address
        return netloc.partition("]")[0] + "]"
    host = netloc.rpartition(":")[0] if ":" in netloc else netloc
    return unquote(host)  # browsers decode %D0%B5 in a host before they look it up


def plain_ascii_host(url: str) -> bool:
    """True when the host cannot hide letters of another script: no escapes, no punycode, ASCII only."""
    return url.isascii() and "%" not in url and "xn--" not in url.lower()


def ascii_host(host: str) -> str:
    """The host as DNS and browsers' address bars show a look-alike: punycode (xn--) labels."""
    return ".".join(_ascii_label(label) for label in host.split("."))


def _ascii_label(label: str) -> str:
    if label.isascii():
        return label.lower()
    try:
        return label.encode("idna").decode("ascii")
    except UnicodeError:
        return "xn--" + label.casefold().encode("punycode").decode("ascii")
