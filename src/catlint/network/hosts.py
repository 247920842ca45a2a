"""Whether a link's host is a name on the public internet.

A catalogue links to public web sites by name. A host is not public when it is
- an IP address in any notation a browser accepts: dotted `127.0.0.1`, short
  `127.1`, decimal `2130706433`, octal `0177.0.0.1`, hex `0x7f.1` (the WHATWG
  URL standard's IPv4 parser), or IPv6 in brackets, IPv4-mapped included;
- a name no public DNS answers: one label (`intranet`), or under a special-use
  or private-use name (`localhost`, `.local`, `.internal`, `.home.arpa`, ...),
  listed with the reason in `schema/security.json`.

`address_problem` says what kind of address is not public (loopback, private,
link-local, shared CGNAT space, multicast, reserved, unspecified); `catlint
links` asks it of every address a name resolves to before it connects.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from catlint.reading.host_names import unicode_host
from catlint.reading.security import non_public_names

_DIGITS = {10: frozenset("0123456789"), 8: frozenset("01234567"), 16: frozenset("0123456789abcdef")}
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # an IPv4 address behind a NAT64 gateway (RFC 6052)
_PRIVATE = tuple(map(ipaddress.ip_network, ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")))
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=4096)
def why_not_public(host: str) -> str | None:
    """Why a link's host (as written in the URL, escapes decoded) is not a public host name; None if it is."""
    name = unicode_host(host)
    if not name:
        return None
    if name.startswith("["):
        return _ipv6_problem(name)
    labels = name.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels.pop()  # a trailing dot names the same host
    if _ends_in_a_number(labels):
        address = parse_ipv4(labels)
        if address is None:
            return "ends in a number but is not an IP address a browser accepts"
        return _address_message(address)
    for index in range(len(labels)):
        reason = non_public_names().get(".".join(labels[index:]))
        if reason is not None:
            suffix = ".".join(labels[index:])
            return f"is not on the public internet: {suffix if index == 0 else '.' + suffix} is {reason}"
    if len(labels) == 1:
        return "is a single-label name, which only a local network resolves"
    return None


def literal_address(host: str) -> IPAddress | None:
    """The address a host written as an IP literal stands for, as a browser reads it (127.1 is 127.0.0.1);
    None for a name. ValueError for a host that ends in a number but is no address."""
    name = host.strip("[]").partition("%")[0]
    if ":" in name:
        return ipaddress.IPv6Address(name)
    labels = name.lower().split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels.pop()
    if not _ends_in_a_number(labels):
        return None
    address = parse_ipv4(labels)
    if address is None:
        raise ValueError(f"{host} ends in a number but is not an IP address a browser accepts")
    return address


def address_problem(address: IPAddress) -> str | None:
    """What kind of address `address` is when it is not a public internet address; None when it is."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or (ipaddress.IPv4Address(int(address) & 0xFFFFFFFF) if address in _NAT64 else None)
        if embedded is not None:
            problem = address_problem(embedded)
            return f"{problem}, as {embedded} inside IPv6" if problem else None
    for kind, found in (("unspecified", address.is_unspecified), ("loopback", address.is_loopback),
                        ("link-local", address.is_link_local), ("multicast", address.is_multicast),
                        ("shared address space of carrier-grade NAT", address in _SHARED),
                        ("private", any(address in network for network in _PRIVATE if network.version == address.version)),
                        ("reserved", address.is_reserved), ("special-purpose, not public", address.is_private or not address.is_global)):
        if found:
            return kind
    return None


def parse_ipv4(labels: list[str]) -> ipaddress.IPv4Address | None:
    """The WHATWG URL standard's IPv4 parser on a host's labels: None when a browser would refuse the host."""
    if len(labels) > 4:
        return None
    numbers = [_ipv4_number(label) for label in labels]
    if any(number is None for number in numbers) or any(number > 255 for number in numbers[:-1]):
        return None
    if numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    value = numbers[-1] + sum(number * 256 ** (3 - index) for index, number in enumerate(numbers[:-1]))
    return ipaddress.IPv4Address(value)


def _ends_in_a_number(labels: list[str]) -> bool:
    last = labels[-1]
    return bool(last) and (set(last) <= _DIGITS[10] or _ipv4_number(last) is not None)


def _ipv4_number(text: str) -> int | None:
    radix = 10
    if text[:2] in ("0x", "0X"):
        text, radix = text[2:], 16
    elif len(text) > 1 and text[0] == "0":
        text, radix = text[1:], 8
    if not text:
        return None if radix == 10 else 0
    if not set(text.lower()) <= _DIGITS[radix]:
        return None
    if len(text.lstrip("0")) > 12:  # beyond 2**32 in any radix: spares int() a long string
        return 1 << 40
    return int(text, radix)


def _ipv6_problem(name: str) -> str:
    inside = name[1:].partition("]")[0].partition("%")[0]  # without a zone (fe80::1%25eth0)
    try:
        address = ipaddress.IPv6Address(inside)
    except ValueError:
        return "is not a valid IPv6 address"
    return _address_message(address)


def _address_message(address: IPAddress) -> str:
    problem = address_problem(address)
    if problem:
        return f"is the IP address {address} ({problem}), not a public host"
    return f"is an IP address ({address}), not a name: a catalogue link names its host"
