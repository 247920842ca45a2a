"""The pre-commit hooks, run by the real pre-commit in a temporary git repository.

The user's repository names this project in its `.pre-commit-config.yaml`, and
`pre-commit run` installs it into a virtualenv of its own (pip fetches the
build backend), as for any user. The project is a committed snapshot of this
working tree, so uncommitted and new files are tested too, the same on a
developer's machine as on a clean CI clone. The hook environment is installed
once per run and reused, as pre-commit does. While the hooks run, catlint may
not open a socket.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOOD_ROW, ROOT, SEED, run_catlint, table

# One worker runs every test here, so the hook environment is installed once.
pytestmark = pytest.mark.xdist_group("pre-commit")

GIT_IDENTITY = ["-c", "user.name=catlint tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false"]
# Loaded by every Python process of the run; refuses network access inside the catlint console script only,
# so pip can still install the hook's environment.
NETWORK_GUARD = """
import os, sys

def _no_network(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname") and os.path.basename(sys.argv[0]) == "catlint":
        raise RuntimeError(f"catlint touched the network: {event}")

sys.addaudithook(_no_network)
"""


def git(cwd, *args) -> str:
    return subprocess.run(["git", *GIT_IDENTITY, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="session")
def hook_repository(tmp_path_factory) -> Path:
    """This working tree, tracked and untracked-but-not-ignored files, committed in a repository of its own."""
    snapshot = tmp_path_factory.mktemp("catlint-snapshot")
    listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, snapshot / name)
    git(snapshot, "init", "-q")
    git(snapshot, "add", "-A")
    git(snapshot, "commit", "-q", "-m", "snapshot")
    return snapshot


@pytest.fixture(scope="session")
def hook_environment(tmp_path_factory) -> dict:
    guard = tmp_path_factory.mktemp("network-guard")
    (guard / "sitecustomize.py").write_text(NETWORK_GUARD, encoding="utf-8")
    # Coverage is left out: the hooks run catlint in pre-commit's own virtualenv, where it cannot measure.
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("GITHUB_ACTIONS", "PYTHONPATH", "PRE_COMMIT_HOME") and not key.startswith("COVERAGE_")}
    environment.update(PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")), PYTHONPATH=str(guard), PRE_COMMIT_COLOR="never")
    # The guard must bite: a script named catlint that resolves a name is stopped.
    probe = guard / "bin" / "catlint"
    probe.parent.mkdir()
    probe.write_text("import socket\nsocket.getaddrinfo('localhost', 80)\n", encoding="utf-8")
    refused = subprocess.run([sys.executable, str(probe)], env=environment, capture_output=True, text=True)
    assert refused.returncode != 0 and "catlint touched the network" in refused.stderr
    return environment


def user_repository(root: Path, catalogue: bytes, hook_repository: Path) -> Path:
    """A repository using the hooks, with a catalogue in a subdirectory and a bad table elsewhere
    that the hooks must skip."""
    root.mkdir()
    git(root, "init", "-q")
    (root / "data").mkdir()
    (root / "data" / "catalogue.md").write_bytes(catalogue)
    (root / "notes.md").write_bytes(SEED.read_bytes())
    revision = git(hook_repository, "rev-parse", "HEAD").strip()
    (root / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repository.as_uri()}\n  rev: {revision}\n  hooks:\n  - id: catlint\n  - id: catlint-fix\n",
        encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "catalogue")
    return root


def run_hooks(repository: Path, environment: dict, *hook: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pre_commit", "run", *hook, "--all-files"]
    return subprocess.run(command, cwd=repository, env=environment, capture_output=True, text=True, encoding="utf-8", timeout=600)


def test_hooks_fail_on_a_bad_catalogue_and_the_fix_hook_repairs_it(tmp_path, hook_repository, hook_environment):
    repository = user_repository(tmp_path / "bad", SEED.read_bytes(), hook_repository)
    checked = run_hooks(repository, hook_environment, "catlint")
    output = checked.stdout + checked.stderr
    assert checked.returncode == 1, output
    assert "catlint..." in output and "Failed" in output and "- exit code: 1" in output
    assert "data/catalogue.md:42:246: error: CAT101 Link 'tuberculosis.by'" in output
    assert "Found 27 problems in 1 file" in output and "notes.md" not in output.split("Failed", 1)[1]
    assert "touched the network" not in output

    fixed = run_hooks(repository, hook_environment, "catlint-fix")
    output = fixed.stdout + fixed.stderr
    assert fixed.returncode == 1, output
    assert "- hook id: catlint-fix" in output and "- files were modified by this hook" in output
    assert "data/catalogue.md: fixed" in output and "CAT101" not in output  # fixes only; the check hook reports
    expected = tmp_path / "expected.md"
    shutil.copyfile(SEED, expected)
    run_catlint("fix", expected)
    assert (repository / "data" / "catalogue.md").read_bytes() == expected.read_bytes() != SEED.read_bytes()
    assert (repository / "notes.md").read_bytes() == SEED.read_bytes()


def test_hooks_pass_on_a_good_catalogue(tmp_path, hook_repository, hook_environment):
    repository = user_repository(tmp_path / "good", table(GOOD_ROW).encode("utf-8"), hook_repository)
    result = run_hooks(repository, hook_environment)  # every hook of the configuration
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    passed = [line for line in output.splitlines() if line.endswith("Passed")]
    assert [line.split(".")[0] for line in passed] == ["catlint", "catlint fix"], output


def test_manifest_and_own_configuration_are_valid_and_agree():
    import yaml  # pre-commit's own dependency

    for command in (["validate-manifest", ".pre-commit-hooks.yaml"], ["validate-config", ".pre-commit-config.yaml"]):
        result = subprocess.run([sys.executable, "-m", "pre_commit", *command], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    published = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(published) == {"catlint", "catlint-fix"}
    for hook in published.values():
        assert hook["language"] == "python" and hook["files"] == r"(^|/)catalogue\.md$" and hook["require_serial"] is True
        assert hook["minimum_pre_commit_version"]
    own = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = {hook["id"]: hook for repo in own["repos"] for hook in repo["hooks"]}
    for hook_id, hook in published.items():
        assert (local[hook_id]["entry"], local[hook_id]["files"]) == (hook["entry"], hook["files"])
