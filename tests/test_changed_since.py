"""--changed-since REF in a real git repository: only what the change touched or introduced."""

import json
import subprocess

import pytest

from conftest import GOOD_ROW, run_catlint, run_json, table

OLD_PROBLEM = GOOD_ROW.replace("OASIS", "Old Set").replace("| 373 |", "| many |").replace("www.oasis", "old.oasis")  # CAT102, before the change
SECOND = GOOD_ROW.replace("OASIS", "Second Set").replace("| 373 |", "| 193¹ |").replace("www.oasis", "second.oasis")
THIRD = GOOD_ROW.replace("OASIS", "Third Set")
FOOTNOTE = "¹ Number of MRI slices\n"


def git(repo, *args):
    return subprocess.run(["git", "-c", "user.name=catlint tests", "-c", "user.email=tests@example.invalid", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "catalogue.md").write_text(table(OLD_PROBLEM, SECOND, THIRD) + "\n" + FOOTNOTE, encoding="utf-8")
    git(tmp_path, "add", "catalogue.md")
    git(tmp_path, "commit", "-q", "-m", "catalogue")
    return tmp_path


def edit(repo, old, new):
    path = repo / "catalogue.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_one_changed_row_reports_only_that_rows_problems(repo):
    code, everything = run_json("check", "catalogue.md", cwd=repo)
    assert {d["code"] for d in everything} == {"CAT102"}  # the file has a problem before the change
    edit(repo, "https://www.oasis-brains.org |\n\n", "tuberculosis.by |\n\n")  # the third row's link
    code, diagnostics = run_json("check", "catalogue.md", "--changed-since", "HEAD", cwd=repo)
    assert code == 1
    assert [(d["code"], d["location"]["row"]) for d in diagnostics] == [("CAT101", 5)]
    code, all_now = run_json("check", "catalogue.md", cwd=repo)
    assert {d["code"] for d in all_now} == {"CAT101", "CAT102"}


def test_file_level_problem_introduced_on_an_unchanged_line_is_reported(repo):
    edit(repo, "|\n\n¹", "|\n¹")  # delete the blank line: the untouched footnote now renders as a row
    code, diagnostics = run_json("check", "catalogue.md", "--changed-since", "HEAD", cwd=repo)
    assert [(d["code"], d["location"]["row"]) for d in diagnostics] == [("CAT002", 6)]


def test_a_clean_change_passes_even_though_the_file_has_old_problems(repo):
    edit(repo, "Third Set", "Third Data Set")
    result = run_catlint("check", "catalogue.md", "--changed-since", "HEAD", cwd=repo)
    assert result.returncode == 0 and result.stdout.startswith("All checks passed"), result.stdout


def test_review_comments_stay_on_changed_lines_and_the_rest_goes_to_the_body(repo):
    edit(repo, "https://www.oasis-brains.org |\n\n¹", "tuberculosis.by |\n¹")
    result = run_catlint("check", "catalogue.md", "--changed-since", "HEAD", "--output-format", "github-review", cwd=repo)
    review = json.loads(result.stdout)
    assert [(c["line"], c["body"].split()[0]) for c in review["comments"]] == [(5, "**CAT101**")]
    assert "Outside the changed lines" in review["body"] and "`catalogue.md:6` **CAT002**" in review["body"]


def test_a_file_new_since_ref_reports_everything(repo):
    (repo / "docs").mkdir()
    (repo / "docs" / "catalogue.md").write_text(table(OLD_PROBLEM), encoding="utf-8")
    code, diagnostics = run_json("check", "docs/catalogue.md", "--changed-since", "HEAD", cwd=repo)
    assert [d["code"] for d in diagnostics] == ["CAT102"]


def test_bad_ref_and_no_repository_are_one_line_errors(repo, tmp_path_factory):
    result = run_catlint("check", "catalogue.md", "--changed-since", "no-such-ref", cwd=repo)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1 and "no-such-ref" in result.stderr
    elsewhere = tmp_path_factory.mktemp("no-git")
    (elsewhere / "catalogue.md").write_text(table(GOOD_ROW), encoding="utf-8")
    result = run_catlint("check", "catalogue.md", "--changed-since", "HEAD", cwd=elsewhere, env={"GIT_CEILING_DIRECTORIES": str(elsewhere.parent)})
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
