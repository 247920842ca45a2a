"""The code under review cannot judge itself: the pull-request workflow installs catlint from the base
commit and reads the pull request as data, and `catlint changed-checks` tells the reviewer what the pull
request would change in catlint's configuration, schema and code. Real git, the real CLI."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from conftest import GOOD_ROW, ROOT, run_catlint, table

WORKFLOW = ROOT / ".github" / "workflows" / "catalogue.yml"
TRUSTED, CHECKED = "trusted", "checked"


def steps_of(job: dict) -> list[dict]:
    return job["steps"]


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_the_workflow_is_valid_for_github():
    executable = shutil.which("check-jsonschema")
    assert executable, "check-jsonschema is a test dependency"
    result = subprocess.run([executable, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_catlint_comes_from_the_base_commit_and_the_pull_request_is_only_data(workflow):
    for name, job in workflow["jobs"].items():
        checkouts = {step["with"]["path"]: step["with"] for step in steps_of(job) if step.get("uses", "").startswith("actions/checkout@")}
        assert set(checkouts) == {TRUSTED, CHECKED}, name
        assert "github.event.pull_request.base.sha" in checkouts[TRUSTED]["ref"] and "head.sha" in checkouts[CHECKED]["ref"]
        assert all(options.get("persist-credentials") is False for options in checkouts.values())  # no token left in either
        runs = [step for step in steps_of(job) if "run" in step]
        installs = [step["run"] for step in runs if "pip install" in step["run"]]
        assert installs == ["python -m pip install ./trusted"], name
        for step in runs:
            script = step["run"]
            for line in script.splitlines():
                if line.strip().startswith("catlint check") or " catlint check " in line:
                    assert "--config ../trusted/pyproject.toml" in line and step.get("working-directory") == CHECKED, line
            # Nothing from the pull request runs: only catlint (installed from the base), git, jq, gh and the shell.
            assert "./checked" not in script and "checked/" not in script and "python " not in script.replace("python -m pip install ./trusted", "")


def test_the_review_opens_with_what_the_pull_request_changes_in_the_checks(workflow):
    review = workflow["jobs"]["review"]
    script = "\n".join(step.get("run", "") for step in steps_of(review))
    assert 'catlint changed-checks --base "$base" --output-file ../notice.md' in script
    assert "--rawfile notice notice.md" in script and "body: ($notice + .body)" in script
    lint = "\n".join(step.get("run", "") for step in steps_of(workflow["jobs"]["lint"]))
    assert 'catlint changed-checks --base "$BASE_SHA" --output-format github' in lint  # forks get annotations instead


# --- changed-checks against a real repository ------------------------------------------------------

BASE_CONFIG = '''[project]
name = "catlint"

[tool.catlint]
ignore = ["CAT003"]

[[tool.catlint.per-row-ignores]]
source = "OASIS"
codes = ["CAT303"]
reason = "counted per scan upstream"
'''
HOSTILE_SOURCE = "x` **pwned** <img src=x onerror=alert(1)> [a](javascript:alert(1)) @admin \u202e"
PULL_REQUEST_CONFIG = BASE_CONFIG.replace('ignore = ["CAT003"]', 'ignore = ["CAT003", "CAT401"]\n\n[tool.catlint.severity]\nCAT403 = "info"') + f'''
[[tool.catlint.per-row-ignores]]
source = {json.dumps(HOSTILE_SOURCE)}
codes = ["raw-html"]
reason = "trust me\\nreally"
'''


def git(directory, *arguments) -> str:
    return subprocess.run(["git", *arguments], cwd=directory, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def pull_request(tmp_path):
    """A repository whose branch `pr` changes the configuration, the security data, a rule, the engine and the catalogue."""
    repository = tmp_path / CHECKED
    (repository / "schema").mkdir(parents=True)
    (repository / "src" / "catlint" / "rules").mkdir(parents=True)
    git(repository, "init", "-q", "-b", "main")
    git(repository, "config", "user.email", "test@example.org")
    git(repository, "config", "user.name", "test")
    (repository / "pyproject.toml").write_text(BASE_CONFIG, encoding="utf-8")
    (repository / "schema" / "security.json").write_text("{}\n", encoding="utf-8")
    (repository / "src" / "catlint" / "rules" / "raw_html.py").write_text("# rule\n", encoding="utf-8")
    (repository / "src" / "catlint" / "check.py").write_text("# engine\n", encoding="utf-8")
    (repository / "catalogue.md").write_text(table(GOOD_ROW), encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "base")
    (tmp_path / TRUSTED).mkdir()
    (tmp_path / TRUSTED / "pyproject.toml").write_text(BASE_CONFIG, encoding="utf-8")  # what the workflow checks out as trusted/
    git(repository, "checkout", "-q", "-b", "pr")
    (repository / "pyproject.toml").write_text(PULL_REQUEST_CONFIG, encoding="utf-8")
    (repository / "schema" / "security.json").write_text('{"link-schemes": ["http", "https", "javascript"]}\n', encoding="utf-8")
    (repository / "src" / "catlint" / "rules" / "raw_html.py").write_text("# rule, weakened\n", encoding="utf-8")
    (repository / "src" / "catlint" / "check.py").write_text("# engine, changed\n", encoding="utf-8")
    (repository / "catalogue.md").write_text(table(GOOD_ROW.replace("OASIS", "OASIS\u200b")), encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "pull request")
    return repository


def test_the_base_configuration_judges_the_pull_request(pull_request):
    # The pull request ignores CAT401; checked as the workflow does, its zero-width space is still reported.
    result = run_catlint("check", "catalogue.md", "--config", "../trusted/pyproject.toml", cwd=pull_request)
    assert result.returncode == 1 and " CAT401 " in result.stdout, result.stdout + result.stderr
    assert " CAT401 " not in run_catlint("check", "catalogue.md", cwd=pull_request).stdout  # what it would get judging itself


def test_changed_checks_lists_each_change_to_the_judge_in_markdown(pull_request):
    result = run_catlint("changed-checks", "--base", "main", cwd=pull_request)
    assert result.returncode == 1 and result.stderr == "", result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("**catlint**: This pull request changes the checks that judge it.")
    expected = [
        "- `pyproject.toml`: turns off CAT401 invisible-character",
        "- `pyproject.toml`: CAT403 insecure-link: warning becomes info",
        "- `schema/security.json`: what the security rules allow: link schemes, script mixes, invisible characters, non-public hosts",
        "- `src/catlint/check.py`: catlint's own code, which every check runs",
        "- `src/catlint/rules/raw_html.py`: the code of CAT406 raw-html",
    ]
    for line in expected:
        assert line in lines, result.stdout
    ignore = next(line for line in lines if "ignores RAW-HTML for the row" in line)
    assert "because `trust me really`" in ignore and "\u202e" not in result.stdout


def test_what_comes_from_the_pull_request_renders_as_code_only(pull_request):
    cmarkgfm = pytest.importorskip("cmarkgfm")
    html = cmarkgfm.github_flavored_markdown_to_html(run_catlint("changed-checks", "--base", "main", cwd=pull_request).stdout)
    assert "<img" not in html and "<a " not in html and "<strong>pwned" not in html and "javascript:" in html
    assert html.count("<li>") == 6  # one item per change, nothing broke out of its line


def test_changed_checks_as_annotations_are_escaped_for_github(pull_request):
    result = run_catlint("changed-checks", "--base", "main", "--output-format", "github", cwd=pull_request)
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and all(line.startswith("::warning title=catlint") for line in lines)
    assert len(lines) == 7 and any("ignores RAW-HTML for the row \"x` **pwned**" in line for line in lines)


def test_a_change_to_the_catalogue_alone_changes_no_check(pull_request):
    git(pull_request, "checkout", "-q", "main")
    git(pull_request, "checkout", "-q", "-b", "rows-only")
    (pull_request / "catalogue.md").write_text(table(GOOD_ROW, GOOD_ROW.replace("OASIS", "OASIS-3")), encoding="utf-8")
    git(pull_request, "commit", "-q", "-am", "a row")
    result = run_catlint("changed-checks", "--base", "main", cwd=pull_request)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_an_invalid_or_deep_configuration_in_the_pull_request_is_reported_not_run(pull_request):
    (pull_request / "catlint.toml").write_text(".".join(["a"] * 100_000) + " = 1\n", encoding="utf-8")
    git(pull_request, "add", "catlint.toml")
    git(pull_request, "commit", "-q", "-m", "deep")
    result = run_catlint("changed-checks", "--base", "main", cwd=pull_request)
    assert result.returncode == 1 and "- `catlint.toml`: is not a valid configuration: `catlint.toml: the configuration nests more than 64 levels deep" in result.stdout


def test_a_base_that_is_no_commit_is_one_line_and_exit_2(pull_request):
    for base in ("no-such-branch", "--output=x"):
        result = run_catlint("changed-checks", "--base", base, cwd=pull_request)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
