"""Link health against a real local HTTP and HTTPS server on 127.0.0.1: classification, redirects, retries, limits."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import SCHEMAS
from linkserver import guarded_catlint, run_links, servers, write_catalogue  # noqa: F401 (servers is a fixture)

from catlint.network.probe import HostLimits, Options, classify_error, probe, retry_wait, tls_context
from catlint.network.runner import probe_all


def by_source(catalogue, diagnostics) -> dict[str, list[dict]]:
    """Diagnostics keyed by the Source of the row they point at."""
    lines = catalogue.read_text(encoding="utf-8").split("\n")
    found = {}
    for diagnostic in diagnostics:
        source = lines[diagnostic["location"]["row"] - 1].split("|")[1].strip()
        found.setdefault(source, []).append(diagnostic)
    return found


PATHS = {
    "Fine": "/ok", "Moved": "/moved", "Moved 308": "/moved-308", "Found": "/found", "Moved then found": "/moved-then-found",
    "Missing": "/missing", "Gone": "/gone", "Broken": "/error", "Slow": "/slow",
    "No head": "/no-head", "Loop": "/loop", "Plain": "/upgrade",
}
EXPECTED = {
    "Moved": "CAT507", "Moved 308": "CAT507", "Found": "CAT509", "Moved then found": "CAT509", "Missing": "CAT501",
    "Gone": "CAT501", "Broken": "CAT502", "Slow": "CAT503", "Loop": "CAT506", "Plain": "CAT508", "Secure missing": "CAT501",
    "Lost": "CAT504",
}


@pytest.fixture(scope="module")
def classified(servers, tmp_path_factory):
    directory = tmp_path_factory.mktemp("classified")
    links = {name: servers.url(path + "?t=classified") for name, path in PATHS.items()}
    links["Secure"] = f"<{servers.url('/ok?t=classified', 'https')}>"
    links["Secure missing"] = servers.url("/missing?t=classified", "https")
    links["Lost"] = "https://lost-site.invalid/data"
    catalogue = write_catalogue(directory, links)
    code, diagnostics = run_links(catalogue, servers)
    return catalogue, code, diagnostics


def test_each_answer_is_classified_at_its_link_cell(classified):
    catalogue, code, diagnostics = classified
    found = by_source(catalogue, diagnostics)
    assert {source: [d["code"] for d in items] for source, items in found.items()} == {source: [c] for source, c in EXPECTED.items()}
    assert code == 1
    lines = catalogue.read_text(encoding="utf-8").split("\n")
    for diagnostic in diagnostics:
        line = lines[diagnostic["location"]["row"] - 1]
        cell = line.rstrip().rstrip("|").rsplit("|", 1)[1].strip()
        assert diagnostic["location"]["column"] == line.index(cell) + 1
        assert diagnostic["end_location"]["column"] == line.index(cell) + len(cell) + 1


def test_messages_name_status_and_reason(classified):
    catalogue, _, diagnostics = classified
    message = {source: items[0]["message"] for source, items in by_source(catalogue, diagnostics).items()}
    assert message["Missing"].endswith("answers 404 Not Found") and message["Gone"].endswith("answers 410 Gone")
    assert "500 Internal Server Error" in message["Broken"] and "no answer within 0.5 s" in message["Slow"]
    assert "host lost-site.invalid not found" in message["Lost"] and "redirect loop" in message["Loop"]
    assert "302 Found" in message["Found"] and "301 Moved Permanently" in message["Moved"]


def test_json_output_follows_the_shared_contract(classified):
    contract = json.loads((SCHEMAS / "catlint-diagnostics.schema.json").read_text())
    jsonschema.Draft202012Validator(contract).validate(classified[2])


def test_head_refused_falls_back_to_get(classified, servers):
    assert [method for method, _ in servers.state.seen("/no-head?t=classified")] == ["HEAD", "GET"]
    assert [method for method, _ in servers.state.seen("/missing?t=classified")] == ["HEAD", "GET"]
    assert [method for method, _ in servers.state.seen("/ok?t=classified")] == ["HEAD"]


def test_every_request_names_catlint(classified, servers):
    agents = {agent for *_, agent, _ in servers.state.requests}
    assert agents and all(agent.startswith("catlint/0.1.0 ") for agent in agents)


def test_redirect_fixes(classified, servers):
    catalogue, _, diagnostics = classified
    found = by_source(catalogue, diagnostics)
    moved = found["Moved"][0]
    assert moved["severity"] == "warning" and moved["fix"]["applicability"] == "unsafe"
    assert [edit["content"] for edit in moved["fix"]["edits"]] == [servers.url("/ok")]
    plain = found["Plain"][0]
    assert plain["fix"]["applicability"] == "safe"
    assert [edit["content"] for edit in plain["fix"]["edits"]] == [servers.url("/upgrade", "https") + "?t=classified"]
    assert found["Found"][0]["severity"] == "info" and found["Found"][0]["fix"] is None


def test_fix_writes_safe_fixes_and_unsafe_ones_only_when_asked(servers, tmp_path):
    plain, moved = servers.url("/upgrade?t=fix"), servers.url("/moved?t=fix")
    catalogue = write_catalogue(tmp_path, {"Plain": f"[site]({plain})", "Moved": moved})
    code, remaining = run_links(catalogue, servers, "--fix")
    text = catalogue.read_text(encoding="utf-8")
    assert f"[site]({servers.url('/upgrade?t=fix', 'https')})" in text and moved in text
    assert [d["code"] for d in remaining] == ["CAT507"] and code == 1
    code, remaining = run_links(catalogue, servers, "--unsafe-fixes", "--max-age", "0")
    assert servers.url("/ok") in catalogue.read_text(encoding="utf-8") and remaining == [] and code == 0


def test_untrusted_certificate_is_a_tls_error(servers, tmp_path):
    catalogue = write_catalogue(tmp_path, {"Secure": servers.url("/ok?t=tls", "https")})
    result = guarded_catlint("links", catalogue, "--links-cache", tmp_path / "links.json")  # the system's trust store only
    assert result.returncode == 1 and " CAT505 " in result.stdout and "certificate" in result.stdout, result.stdout + result.stderr


def test_check_with_links_reports_link_and_offline_rules_together(servers, tmp_path):
    catalogue = write_catalogue(tmp_path, {"Gone": servers.url("/gone?t=check"), "Bad": "no-scheme.org"})
    result = guarded_catlint("check", catalogue, "--links", "--select", "CAT1,CAT5", "--links-cache", tmp_path / "links.json")
    assert result.returncode == 1
    assert " CAT501 " in result.stdout and " CAT101 " in result.stdout and "Found 2 problems" in result.stdout


def test_retry_wait_honours_retry_after_and_caps_it():
    options = Options(backoff=0.5, max_wait=30)
    assert retry_wait("2", 0, options) == 2 and retry_wait("7200", 0, options) == 30
    assert retry_wait("Wed, 21 Oct 2015 07:28:10 GMT", 0, options, now=1445412485.0) == pytest.approx(5)
    assert retry_wait(None, 0, options) == 0.5 and retry_wait(None, 2, options) == 2 and retry_wait("soon", 1, options) == 1


def test_retries_give_up_after_the_last_attempt(servers):
    options = Options(retries=2, backoff=0.25, max_wait=30, timeout=100, allow_loopback=True)  # room for the waits
    limits, waits = HostLimits(2), []
    busy = probe(servers.url("/always-busy?t=give-up"), options, tls_context(None), limits, sleep=waits.append)
    unavailable = probe(servers.url("/unavailable?t=give-up"), options, tls_context(None), limits, sleep=waits.append)
    assert waits == [30, 30, 0.25, 0.5]  # Retry-After: 3600 capped; no Retry-After: backoff doubling
    assert (busy.outcome, busy.status, busy.detail) == ("client-error", 429, "after 3 attempts")
    assert (unavailable.outcome, unavailable.status, unavailable.detail) == ("server-error", 503, "after 3 attempts")
    assert servers.state.count("/always-busy?t=give-up") == 3 and servers.state.count("/unavailable?t=give-up") == 3


@pytest.mark.parametrize("per_host, workers, expected", [(2, 8, 2), (10, 3, 3)])
def test_per_host_and_global_limits(servers, per_host, workers, expected):
    urls = [servers.url(f"/parallel?t={per_host}-{workers}-{n}") for n in range(6)]
    servers.state.most_in_flight = 0
    results = probe_all(urls, Options(per_host=per_host, workers=workers, timeout=5, allow_loopback=True))
    assert {result.outcome for result in results.values()} == {"ok"}
    assert servers.state.most_in_flight == expected


def test_resolver_failure_is_a_dns_failure_without_any_lookup(monkeypatch):
    import socket

    def no_resolver(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_resolver)
    result = probe("https://catalogue-host.invalid/data", Options(retries=0), tls_context(None), HostLimits(1))
    assert result.outcome == "dns-failure" and "catalogue-host.invalid" in result.detail
    assert classify_error(TimeoutError(), "http://x.invalid/", Options(timeout=3)) == ("timeout", "no answer within 3 s")
