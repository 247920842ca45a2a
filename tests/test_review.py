"""Pull-request review comments: every suggested change is what `catlint fix` writes."""

import json
import re
import shutil

from conftest import GOOD_ROW, SEED, run_catlint, table

SUGGESTION = re.compile(r"^(`{3,})suggestion\n(.*?)^\1$", re.MULTILINE | re.DOTALL)


def review_of(path, *options) -> dict:
    result = run_catlint("check", "--output-format", "github-review", *options, path.name, cwd=path.parent)
    assert result.returncode in (0, 1) and result.stderr == "", result.stderr
    return json.loads(result.stdout)


def fixed_by_cli(original, tmp_path, unsafe: bool) -> bytes:
    copy = tmp_path / f"fixed-{unsafe}" / "catalogue.md"
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(original, copy)
    result = run_catlint("fix", *(["--unsafe-fixes"] if unsafe else []), copy)
    assert result.returncode in (0, 1), result.stderr
    return copy.read_bytes()


def suggested_lines(body: str) -> list[str] | None:
    match = SUGGESTION.search(body)
    return None if match is None else match.group(2).split("\n")[:-1]


def lines_fix_changes(path, unsafe: bool) -> tuple[set[int], set[int]]:
    """From `catlint fix --diff`: the lines it removes or rewrites, and the lines it inserts before."""
    diff = run_catlint("fix", "--diff", *(["--unsafe-fixes"] if unsafe else []), path).stdout.splitlines()
    removed, inserted_before, old = set(), set(), 0
    for line in diff:
        hunk = re.match(r"@@ -(\d+)", line)
        if hunk:
            old = int(hunk.group(1))
        elif line.startswith(("---", "+++")) or line.startswith("\\"):
            continue
        elif line.startswith("-"):
            removed.add(old)
            old += 1
        elif line.startswith("+"):
            inserted_before.add(old)
        elif old:
            old += 1
    return removed, inserted_before


def test_every_review_suggestion_is_the_line_catlint_fix_writes(seed_copy, tmp_path):
    review = review_of(seed_copy)
    original = seed_copy.read_bytes().decode("utf-8").split("\n")
    suggested = [(comment, suggested_lines(comment["body"])) for comment in review["comments"]]
    suggested = [(comment, lines) for comment, lines in suggested if lines is not None]
    assert suggested, "the seed has fixable problems, so the review must suggest changes"
    expected = {}
    for comment, lines in suggested:
        unsafe = "catlint fix --unsafe-fixes" in comment["body"]
        first, last = comment.get("start_line", comment["line"]), comment["line"]
        assert lines != original[first - 1 : last], "a suggestion must change something"
        # Apply this one suggestion as GitHub would: the commented lines become the suggested ones.
        applied = tmp_path / "applied" / "catalogue.md"
        applied.parent.mkdir(exist_ok=True)
        applied.write_bytes("\n".join(original[: first - 1] + lines + original[last:]).encode("utf-8"))
        # Then `catlint fix` must end where it ends from the original, without touching the suggested lines.
        if unsafe not in expected:
            expected[unsafe] = fixed_by_cli(seed_copy, tmp_path, unsafe)
        assert fixed_by_cli(applied, tmp_path, unsafe) == expected[unsafe], comment["body"]
        removed, inserted_before = lines_fix_changes(applied, unsafe)
        suggested_rows = set(range(first, first + len(lines)))
        assert not removed & suggested_rows and not inserted_before & (suggested_rows - {first}), comment["body"]


def test_a_fix_that_inserts_a_line_suggests_the_inserted_line_and_the_line_after_it(seed_copy, tmp_path):
    review = review_of(seed_copy)
    [comment] = [c for c in review["comments"] if c["body"].startswith("**CAT002**")]
    footnote_line = seed_copy.read_text(encoding="utf-8").split("\n")[comment["line"] - 1]
    fixed = fixed_by_cli(seed_copy, tmp_path, False).decode("utf-8").split("\n")
    lines = suggested_lines(comment["body"])
    assert "start_line" not in comment and lines[0] == "" and len(lines) == 2
    assert lines[1] in fixed and fixed[fixed.index(lines[1]) - 1] == ""
    assert footnote_line.split(" ", 1)[1] in lines[1]


def test_review_body_summarises_and_comments_point_at_the_problem_lines(seed_copy):
    review = review_of(seed_copy, "--select", "CAT0,CAT1")
    assert review["event"] == "COMMENT" and review["body"].startswith("**catlint**: Found 3 problems in 1 file")
    assert [(c["path"], c["line"], c["side"]) for c in review["comments"]] == [("catalogue.md", 42, "RIGHT"), ("catalogue.md", 54, "RIGHT"),
                                                                            ("catalogue.md", 58, "RIGHT")]
    assert "**CAT101** `schema-violation` (error): Link 'tuberculosis.by'" in review["comments"][0]["body"]
    assert "https://tuberculosis.by/" in review["comments"][0]["body"]  # an unsafe fix: the host name over https


def test_suggestion_fence_outgrows_backticks_in_the_line(tmp_path):
    from catlint.reporters.github_review import suggestion_block

    assert suggestion_block(["| `a` ```b``` |"]) == "````suggestion\n| `a` ```b``` |\n````"
    assert suggestion_block([]) == "```suggestion\n```"


def test_clean_catalogue_gives_an_empty_review(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW), encoding="utf-8")
    review = review_of(path)
    assert review["comments"] == [] and "All checks passed" in review["body"]
