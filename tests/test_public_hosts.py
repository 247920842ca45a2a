"""Links to hosts that are not public (CAT407) through the real CLI, without any network; the host
and address classification in-process."""

from conftest import run_json, table

from catlint.network.hosts import address_problem, why_not_public


def row(source="OASIS", licence="CC BY 4.0", link="https://www.oasis-brains.org"):
    return f"| {source} | MR | Brain | 373 | 186 | Open | {licence} | {link} |"


def check(tmp_path, rows, select):
    path = tmp_path / "catalogue.md"
    path.write_text(table(*rows), encoding="utf-8")
    code, diagnostics = run_json("check", path, "--select", select)
    return code, diagnostics, path.read_text(encoding="utf-8").split("\n")


def by_line(diagnostics) -> dict[int, list[dict]]:
    found = {}
    for diagnostic in diagnostics:
        found.setdefault(diagnostic["location"]["row"], []).append(diagnostic)
    return found


NOT_PUBLIC = {
    "http://127.0.0.1/admin": "IP address 127.0.0.1 (loopback)",
    "http://127.1/": "IP address 127.0.0.1 (loopback)",
    "http://2130706433/": "IP address 127.0.0.1 (loopback)",
    "http://0177.0.0.1/": "IP address 127.0.0.1 (loopback)",
    "http://0x7f.1/": "IP address 127.0.0.1 (loopback)",
    "http://[::1]:8080/": "IP address ::1 (loopback)",
    "http://[::ffff:127.0.0.1]/": "(loopback, as 127.0.0.1 inside IPv6)",
    "http://10.0.0.5:8080/admin?delete=1": "IP address 10.0.0.5 (private)",
    "http://169.254.169.254/latest/meta-data/": "(link-local)",
    "http://100.64.0.1/": "shared address space of carrier-grade NAT",
    "http://0.0.0.0/": "(unspecified)",
    "http://224.0.0.1/": "(multicast)",
    "https://8.8.8.8/": "is an IP address (8.8.8.8), not a name",
    "http://localhost:8000/": "localhost is this machine",
    "http://LOCALHOST./": "localhost is this machine",
    "http://intranet/datasets": "intranet is not a top-level domain",
    "http://datasets/": "single-label name",
    "http://nas.local/": ".local is multicast DNS",
    "https://wiki.corp.internal/": ".internal is reserved for private networks",
    "http://router.home.arpa/": ".arpa is DNS infrastructure",
    "http://app.localhost/": "localhost is this machine",
    "https://data.test/": ".test is reserved for testing",
    "https://evil.example/": ".example is reserved for documentation",
    "http://printer.lan/": ".lan is not a top-level domain",
    "http://1.2.3.4.5/": "ends in a number but is not an IP address",
    "http://\uff11\uff12\uff17.0.0.1/": "IP address 127.0.0.1 (loopback)",  # fullwidth digits
}
PUBLIC = ["https://www.oasis-brains.org", "https://example.org/data", "https://medpix.nlm.nih.gov/home", "https://1e100.net/",
          "https://xn--80ak6aa92e.com", "docs/terms.md"]


def test_links_to_hosts_that_are_not_public_are_errors_without_the_network(tmp_path):
    links = list(NOT_PUBLIC) + PUBLIC
    rows = [row(source=f"Source {index}", link=link) for index, link in enumerate(links)]
    rows.append(row(source="In a Markdown link", licence="[terms](http://192.168.1.1/terms)"))
    code, diagnostics, lines = check(tmp_path, rows, "CAT407")
    found = by_line(diagnostics)
    assert code == 1 and sorted(found) == [*range(3, 3 + len(NOT_PUBLIC)), 3 + len(links)]
    for index, (link, expected) in enumerate(NOT_PUBLIC.items()):
        (diagnostic,) = found[3 + index]
        assert expected in diagnostic["message"] and diagnostic["severity"] == "error", diagnostic["message"]
        start, end = diagnostic["location"]["column"], diagnostic["end_location"]["column"]
        assert lines[2 + index][start - 1 : end - 1] == link
    assert "192.168.1.1 (private)" in found[3 + len(links)][0]["message"]


def test_addresses_that_are_not_public():
    import ipaddress

    kinds = {address: address_problem(ipaddress.ip_address(address)) for address in
             ("127.0.0.2", "10.1.2.3", "172.16.0.1", "192.168.0.1", "fd00::1", "fe80::1", "100.127.255.255", "ff02::1", "::",
              "240.0.0.1", "192.0.2.1", "64:ff9b::7f00:1", "93.184.216.34", "2606:2800:220:1::1")}
    assert kinds == {"127.0.0.2": "loopback", "10.1.2.3": "private", "172.16.0.1": "private", "192.168.0.1": "private",
                     "fd00::1": "private", "fe80::1": "link-local", "100.127.255.255": "shared address space of carrier-grade NAT",
                     "ff02::1": "multicast", "::": "unspecified", "240.0.0.1": "reserved",
                     "192.0.2.1": "special-purpose, not public", "64:ff9b::7f00:1": "loopback, as 127.0.0.1 inside IPv6",
                     "93.184.216.34": None, "2606:2800:220:1::1": None}


def test_a_huge_number_as_a_host_is_quick_and_refused():
    assert why_not_public("9" * 100_000) == "ends in a number but is not an IP address a browser accepts"
    assert why_not_public("0x" + "0" * 100_000 + "7f000001") is not None


# Browsers read a special scheme's host after any number of slashes or backslashes, or none (WHATWG URL),
# and end it at the first slash or backslash: each link goes to the host named, as the rules must read it.
LENIENT = {
    "http:/127.0.0.1/admin": ("CAT407", "IP address 127.0.0.1 (loopback)"),
    "http:10.0.0.5/": ("CAT407", "IP address 10.0.0.5 (private)"),
    "https:///localhost/": ("CAT407", "localhost is this machine"),
    "HTTP:\\\\169.254.169.254/": ("CAT407", "(link-local)"),
    "https://localhost\\@www.oasis-brains.org/": ("CAT407", "'localhost' is not on the public internet"),  # no user info
    "https:/www.oasis-brains.org@127.0.0.1/": ("CAT404", "goes to '127.0.0.1', not 'www.oasis-brains.org'"),
    "https:xn--80ak6aa92e.com/": ("CAT405", "'xn--80ak6aa92e.com' reads as 'apple.com'"),
    "ftp:127.0.0.1/": ("CAT402", "uses the ftp: scheme"),
}


def _escaped(url: str) -> str:
    return url.replace("\\", "\\\\")  # a Markdown link destination unescapes backslashes


def test_hosts_browsers_read_leniently_are_the_hosts_the_rules_judge(tmp_path):
    path = tmp_path / "catalogue.md"
    rows = [row(source=f"Source {index}", link=f"[link]({_escaped(url)})") for index, url in enumerate(LENIENT)]
    prose = "See [admin](http:/127.0.0.1/admin), [x](http:10.0.0.5/) and [y](https:///localhost/).\n"
    path.write_text(table(*rows) + "\n" + prose, encoding="utf-8")
    code, diagnostics = run_json("check", path, "--select", "CAT402,CAT404,CAT405,CAT407")
    found = {(d["location"]["row"], d["code"]): d["message"] for d in diagnostics}
    for index, (url, (code_expected, message)) in enumerate(LENIENT.items()):
        assert message in found.get((3 + index, code_expected), ""), (url, found)
    prose_line = 4 + len(LENIENT)
    prose_hosts = sorted(d["message"].split("'")[1] for d in diagnostics if d["location"]["row"] == prose_line)
    assert code == 1 and prose_hosts == ["10.0.0.5", "127.0.0.1", "localhost"], diagnostics
    assert not [d for d in diagnostics if d["code"] == "CAT404" and "localhost" in d["message"]]  # a backslash ends the host


def test_lenient_links_as_the_link_columns_plain_value(tmp_path):
    path = tmp_path / "catalogue.md"
    values = ["http:/127.0.0.1/admin", "http:10.0.0.5/", "https:///localhost/"]
    path.write_text(table(*(row(source=f"Source {index}", link=value) for index, value in enumerate(values))), encoding="utf-8")
    code, diagnostics = run_json("check", path, "--select", "CAT407")
    assert code == 1 and [(d["location"]["row"], d["message"].split("'")[1]) for d in diagnostics] == [
        (3, "127.0.0.1"), (4, "10.0.0.5"), (5, "localhost")]
