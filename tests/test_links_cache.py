"""The link cache and --offline, the network only when asked, the progress bar and the nightly workflow."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import time

import pytest
import yaml

from conftest import ROOT, SEED
from linkserver import GUARD, guarded_catlint, run_links, servers, write_catalogue  # noqa: F401 (servers is a fixture)

# Any socket at all, even a name lookup, ends the process with status 99 and says so.
NO_SOCKETS = r"""
import os, runpy, sys
def _audit(event, args):
    if event.startswith("socket."):
        sys.stderr.write(f"NETWORK USED: {event} {args!r}\n"); sys.stderr.flush(); os._exit(99)
sys.addaudithook(_audit)
sys.argv[0] = "catlint"
runpy.run_module("catlint", run_name="__main__", alter_sys=True)
"""


def run_without_sockets(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-c", NO_SOCKETS, *map(str, args)], cwd=cwd, env=environment,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_the_guard_itself_catches_a_lookup(tmp_path):
    result = run_without_sockets("links", write_catalogue(tmp_path, {"Lost": "https://lost-site.invalid/"}), "--links-cache", tmp_path / "c.json")
    assert result.returncode == 99 and "NETWORK USED: socket.getaddrinfo" in result.stderr


@pytest.mark.parametrize("arguments", [("check", SEED), ("check", ROOT / "catalogue.md"),
                                       ("check", SEED, "--output-format", "json"), ("fix", "--diff", SEED), ("export", ROOT / "catalogue.md")])
def test_commands_without_links_open_no_socket(arguments):
    result = run_without_sockets(*arguments)
    assert result.returncode in (0, 1) and "NETWORK USED" not in result.stderr, result.stderr


def test_results_are_cached_and_reused_within_max_age(servers, tmp_path):
    catalogue = write_catalogue(tmp_path, {"Fine": servers.url("/ok?t=cache"), "Gone": servers.url("/gone?t=cache")})
    cache = tmp_path / "state" / "links.json"
    before = time.time()
    first = run_links(catalogue, servers, cache=cache)
    entries = json.loads(cache.read_text(encoding="utf-8"))["links"]
    assert {url: entry["outcome"] for url, entry in entries.items()} == {servers.url("/ok?t=cache"): "ok", servers.url("/gone?t=cache"): "client-error"}
    assert all(before <= entry["checked_at"] <= time.time() for entry in entries.values())
    assert entries[servers.url("/gone?t=cache")]["status"] == 410
    requests = servers.state.count("/ok?t=cache")
    assert run_links(catalogue, servers, cache=cache) == first  # within the default day: no request
    assert servers.state.count("/ok?t=cache") == requests
    run_links(catalogue, servers, "--max-age", "0", cache=cache)
    assert servers.state.count("/ok?t=cache") == requests + 1
    assert not [name for name in os.listdir(cache.parent) if name != "links.json"]  # no temporary file left


def test_offline_reports_from_the_cache_only(servers, tmp_path):
    catalogue = write_catalogue(tmp_path, {"Gone": servers.url("/gone?t=offline")})
    cache = tmp_path / "links.json"
    run_links(catalogue, servers, cache=cache)
    catalogue = write_catalogue(tmp_path, {"Gone": servers.url("/gone?t=offline"), "New": servers.url("/ok?t=never")})
    result = run_without_sockets("links", catalogue, "--offline", "--links-cache", cache, "--max-age", "0")
    assert "NETWORK USED" not in result.stderr and result.returncode == 1, result.stderr
    assert f"CAT501 {servers.url('/gone?t=offline')} answers 410 Gone (cached result of {time.strftime('%Y-%m-%d', time.gmtime())})" in result.stdout
    assert f"CAT510 {servers.url('/ok?t=never')}: not checked, not in the link cache" in result.stdout
    assert servers.state.count("/ok?t=never") == 0
    check = run_without_sockets("check", catalogue, "--offline", "--links-cache", cache)
    assert check.returncode == 1 and " CAT501 " in check.stdout and " CAT510 " in check.stdout


def test_default_cache_is_under_the_user_cache_directory(tmp_path):
    catalogue = write_catalogue(tmp_path, {"Lost": "https://lost-site.invalid/"})
    result = guarded_catlint("links", catalogue, env={"XDG_CACHE_HOME": str(tmp_path / "xdg")})
    assert result.returncode == 1 and " CAT504 " in result.stdout
    assert "https://lost-site.invalid/" in json.loads((tmp_path / "xdg" / "catlint" / "links.json").read_text())["links"]


def test_cache_path_from_configuration_is_relative_to_it(tmp_path):
    (tmp_path / "catlint.toml").write_text('links-cache = ".cache/links.json"\n')
    catalogue = write_catalogue(tmp_path, {"Lost": "https://lost-site.invalid/"})
    assert guarded_catlint("links", catalogue.name, cwd=tmp_path, env={"XDG_CACHE_HOME": str(tmp_path / "xdg")}).returncode == 1
    assert (tmp_path / ".cache" / "links.json").is_file() and not (tmp_path / "xdg").exists()


@pytest.mark.parametrize("arguments, message", [
    (("--max-age", "tomorrow"), "--max-age 'tomorrow': expected a number"),
    (("--timeout", "0"), "--timeout must be more than 0"),
    (("--cafile", "missing.pem"), "--cafile missing.pem: no such file"),
    (("--links-cache", "damaged.json"), "damaged.json: not a catlint link cache"),
])
def test_bad_link_options_are_one_line_and_exit_2(tmp_path, arguments, message):
    (tmp_path / "damaged.json").write_text("{not json")
    catalogue = write_catalogue(tmp_path, {"Lost": "https://lost-site.invalid/"})
    result = run_without_sockets("links", catalogue.name, "--links-cache", "c.json", *arguments, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


def _stderr_through_terminal(arguments, env) -> str:
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-c", GUARD, *map(str, arguments)],
                                   stdout=subprocess.PIPE, stderr=follower, env=env)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.communicate(timeout=60)
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal_and_never_in_ci(servers, tmp_path):
    catalogue = write_catalogue(tmp_path, {"Fine": servers.url("/ok?t=progress"), "Gone": servers.url("/gone?t=progress")})
    arguments = ["links", catalogue, "--max-age", "0", "--links-cache", tmp_path / "c.json"]
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    shown = _stderr_through_terminal(arguments, env)
    assert "checking links [" in shown and "] 2/2" in shown
    assert "checking links" not in _stderr_through_terminal(arguments, {**env, "CI": "true"})
    piped = subprocess.run([sys.executable, "-m", "catlint", *map(str, arguments)], env=env, capture_output=True, text=True)
    assert piped.returncode == 1 and piped.stderr == ""


WORKFLOW = ROOT / ".github" / "workflows" / "links.yml"


def test_link_workflow_is_valid_and_scheduled_not_on_pull_requests():
    if shutil.which("check-jsonschema") is None:
        pytest.skip("check-jsonschema is not installed")
    result = subprocess.run(["check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"} and triggers["schedule"][0]["cron"]
    steps = "\n".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])
    assert "catlint links" in steps and "--links-cache" in steps


def test_links_cache_key_must_be_a_path():
    from catlint.engine.config import parse_config
    from catlint.errors import CatlintError

    assert parse_config({"links-cache": "c/links.json"}, "conf/catlint.toml").links_cache == os.path.join("conf", "c", "links.json")
    with pytest.raises(CatlintError, match=r"links-cache: must be a path"):
        parse_config({"links-cache": 3}, "catlint.toml")
