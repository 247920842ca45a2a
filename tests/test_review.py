"""Pull-request review comments: each suggested change is its own line with its own findings' fixes."""

import json
import re
import subprocess

import pytest

from catlint.engine.config import Config
from catlint.reading.catalogue import read_catalogue
from catlint.reading.schema import load_schema
from catlint.reading.source import decode
from conftest import GOOD_ROW, run_catlint, table

SUGGESTION = re.compile(r"^(`{3,})suggestion\n(.*?)^\1$", re.MULTILINE | re.DOTALL)


def review_of(path, *options, cwd=None) -> dict:
    result = run_catlint("check", "--output-format", "github-review", *options, path.name if cwd is None else path, cwd=cwd or path.parent)
    assert result.returncode in (0, 1) and result.stderr == "", result.stderr
    return json.loads(result.stdout)


def suggested_lines(body: str) -> list[str] | None:
    match = SUGGESTION.search(body)
    return None if match is None else match.group(2).split("\n")[:-1]


def applied(text: str, comment: dict) -> str:
    """The file after committing one suggestion as GitHub does: the commented line becomes the suggested lines."""
    lines = text.split("\n")
    line = comment["line"]
    return "\n".join(lines[: line - 1] + suggested_lines(comment["body"]) + lines[line:])


def document_of(text: str):
    return read_catalogue(decode("catalogue.md", text.encode("utf-8")), load_schema())


def values(record) -> dict:
    """Each field's value, or its cell's text when it does not parse."""
    found = {name: record.read(name) for name in record.catalogue.fields}
    return {name: None if read is None else read.value if read.error is None else ("unreadable", record.text(name))
            for name, read in found.items()}


def carried(comment: dict, diagnostics: list) -> list[dict]:
    """The diagnostics on the comment's line that the comment marks as applied by its suggestion."""
    marked = [line for line in comment["body"].split("\n") if line.startswith(("**CAT", "- **CAT")) and "*in the suggestion*" in line]
    found = []
    for line in marked:
        code = re.search(r"\*\*(CAT\d+)\*\*", line).group(1)
        found += [d for d in diagnostics if d["location"]["row"] == comment["line"] and d["code"] == code and d["message"] in line]
    return found


def changed_fields(document, line: int, diagnostics: list[dict]) -> set[str]:
    """The fields whose cells hold one of these diagnostics' start."""
    row = document.row_at(line)
    if row is None:
        return set()
    cells = document.body.cells(row)
    columns = {d["location"]["column"] for d in diagnostics}
    return {name for name, field in document.fields.items()
            if field.index < len(cells) and any(cells[field.index].start <= c <= cells[field.index].end for c in columns)}


def test_every_seed_suggestion_is_its_own_line_and_changes_only_its_findings_cells(seed_copy):
    review = review_of(seed_copy)
    diagnostics = json.loads(run_catlint("check", "--output-format", "json", seed_copy).stdout)
    original = seed_copy.read_bytes().decode("utf-8")
    before = document_of(original)
    suggested = [comment for comment in review["comments"] if suggested_lines(comment["body"]) is not None]
    assert len(suggested) == 17, "one comment per line with fixes: 16 rows and the footnote"
    for comment in suggested:
        line, lines = comment["line"], suggested_lines(comment["body"])
        assert "start_line" not in comment, comment["body"]
        own = original.split("\n")[line - 1]
        assert lines != [own] and (len(lines) == 1 or (lines[0] == "" and len(lines) == 2)), comment["body"]
        after = document_of(applied(original, comment))
        assert len(after.body) == len(before.body)
        allowed = changed_fields(before, line, carried(comment, diagnostics))
        for old, new in zip(before.records(), after.records()):
            if old.line != line:
                assert values(old) == values(new), comment["body"]
                continue
            changed = {name for name in values(old) if values(old)[name] != values(new)[name]}
            assert changed <= allowed, (comment["body"], changed, allowed)
            targeted = {before.fields[name].index for name in allowed}
            old_texts, new_texts = before.body.texts(old.row), after.body.texts(new.row)
            untouched = [i for i in range(len(old_texts)) if i not in targeted]
            assert [new_texts[i] for i in untouched] == [old_texts[i] for i in untouched], comment["body"]


def test_the_footnote_suggestion_inserts_the_blank_line_and_repairs_the_marker(seed_copy):
    review = review_of(seed_copy)
    [comment] = [c for c in review["comments"] if "**CAT002**" in c["body"]]
    assert comment["line"] == 58 and suggested_lines(comment["body"]) == ["", "¹ Amount of MRI slices"]


def test_a_row_with_safe_and_unsafe_fixes_suggests_the_safe_ones_and_names_the_others(seed_copy):
    review = review_of(seed_copy)
    [comment] = [c for c in review["comments"] if c["line"] == 45]  # DDSM: 2620 and an http link
    [line] = suggested_lines(comment["body"])
    assert "| 2,620 " in line and "http://marathon.csee.usf.edu" in line
    assert "(`catlint fix --unsafe-fixes` applies it)" in comment["body"] and "This suggestion is **unsafe**" not in comment["body"]


def test_review_body_summarises_and_comments_point_at_the_problem_lines(seed_copy):
    review = review_of(seed_copy, "--select", "CAT0,CAT1")
    assert review["event"] == "COMMENT" and review["body"].startswith("**catlint**: Found 3 problems in 1 file")
    assert [(c["path"], c["line"], c["side"]) for c in review["comments"]] == [("catalogue.md", 42, "RIGHT"), ("catalogue.md", 54, "RIGHT"),
                                                                            ("catalogue.md", 58, "RIGHT")]
    body = review["comments"][0]["body"]
    assert body.startswith("**CAT101** `schema-violation` (error): `Link 'tuberculosis.by': the link must be an absolute http(s) URL`")
    assert suggested_lines(body)[0].split("|")[8].strip() == "https://tuberculosis.by/" and "**unsafe**" in body


ROW = "| {} | MR | Brain | 1 | 1 | Open | {} | https://{}.example.org |"


def test_a_whitespace_fix_on_a_misplaced_row_suggests_that_row_not_a_deletion(tmp_path):
    """Rows Alpha, Charlie, Delta, Bravo (Bravo has a double space): committing the suggestion must keep Bravo."""
    path = tmp_path / "catalogue.md"
    names = ["Alpha", "Charlie", "Delta", "Bravo"]
    path.write_text(table(*(ROW.format(name, "MIT  licence" if name == "Bravo" else "MIT licence", name.lower()) for name in names)), encoding="utf-8")
    [comment] = review_of(path)["comments"]
    assert comment["line"] == 6 and "**CAT308**" in comment["body"] and "so there is no suggestion" in comment["body"]
    assert suggested_lines(comment["body"]) == [ROW.format("Bravo", "MIT licence", "bravo")]
    after = document_of(applied(path.read_text(encoding="utf-8"), comment))
    assert [record.value("source") for record in after.records()] == names


def test_whitespace_fixes_of_swapped_rows_suggest_each_its_own_row(tmp_path):
    """Charlie then Bravo, both with double spaces: each suggestion is its own row, never the other one."""
    path = tmp_path / "catalogue.md"
    path.write_text(table(ROW.format("Charlie", "MIT  licence", "c"), ROW.format("Bravo", "MIT  licence", "b")), encoding="utf-8")
    comments = review_of(path)["comments"]
    assert [(c["line"], suggested_lines(c["body"])) for c in comments] == [
        (3, [ROW.format("Charlie", "MIT licence", "c")]), (4, [ROW.format("Bravo", "MIT licence", "b")])]
    text = path.read_text(encoding="utf-8")
    for comment in comments:
        assert sorted(record.value("source") for record in document_of(applied(text, comment)).records()) == ["Bravo", "Charlie"]


def git(repo, *arguments):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    git(repo, "init", "-q")
    return repo


def test_a_change_that_inserts_a_row_and_edits_another_gets_one_line_suggestions(repository):
    path = repository / "docs" / "catalogue.md"
    path.write_text(table(ROW.format("Alpha", "MIT licence", "a"), ROW.format("Delta", "MIT licence", "d")), encoding="utf-8")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "base")
    inserted = ROW.format("Zulu", "MIT  licence", "z")  # out of order, with a whitespace problem
    path.write_text(table(ROW.format("Alpha", "MIT licence", "a"), inserted, ROW.format("Delta", "MIT   licence", "d")), encoding="utf-8")
    review = review_of(path, "--changed-since", "HEAD", cwd=repository / "docs")
    text = path.read_text(encoding="utf-8")
    comments = {c["line"]: c for c in review["comments"]}
    assert set(comments) == {4, 5} and "Outside the changed lines" not in review["body"]
    assert {c["path"] for c in comments.values()} == {"docs/catalogue.md"}, "paths count from the repository's root"
    assert suggested_lines(comments[4]["body"]) == [ROW.format("Zulu", "MIT licence", "z")]
    assert suggested_lines(comments[5]["body"]) == [ROW.format("Delta", "MIT licence", "d")]
    for comment in comments.values():
        names = [record.value("source") for record in document_of(applied(text, comment)).records()]
        assert names == ["Alpha", "Zulu", "Delta"], "no row lost or duplicated"


def test_review_root_overrides_the_repository_root(repository, tmp_path):
    path = repository / "docs" / "catalogue.md"
    path.write_text(table(GOOD_ROW.replace("| 373 |", "| 3730 |")), encoding="utf-8")
    [comment] = review_of(path, cwd=repository / "docs")["comments"]
    assert comment["path"] == "docs/catalogue.md"
    [comment] = review_of(path, "--review-root", repository / "docs", cwd=tmp_path)["comments"]
    assert comment["path"] == "catalogue.md"


def test_cell_text_in_a_review_cannot_ping_link_or_render_html(tmp_path):
    import cmarkgfm  # GitHub's own Markdown parser, a test dependency
    path = tmp_path / "catalogue.md"
    hostile = "@octocat [click](https://evil.example) <a href=https://evil.example>x</a> ``` `"
    path.write_text(table(GOOD_ROW.replace("| 373 |", f"| {hostile} |")), encoding="utf-8")
    review = review_of(path)
    bodies = [review["body"]] + [comment["body"] for comment in review["comments"]]
    assert any("octocat" in body for body in bodies)
    for body in bodies:
        html = cmarkgfm.github_flavored_markdown_to_html(body, options=cmarkgfm.Options.CMARK_OPT_UNSAFE)
        assert "evil.example" not in re.sub(r"<code>.*?</code>", "", html, flags=re.DOTALL), html
        assert "<a " not in html and "@octocat" not in re.sub(r"<code>.*?</code>", "", html, flags=re.DOTALL), html


def test_suggestion_fence_outgrows_backticks_in_the_line():
    from catlint.reporting.github_review import suggestion_block

    assert suggestion_block(["| `a` ```b``` |"]) == "````suggestion\n| `a` ```b``` |\n````"


def test_clean_catalogue_gives_an_empty_review(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW), encoding="utf-8")
    review = review_of(path)
    assert review["comments"] == [] and "All checks passed" in review["body"]


def github_size(body: str) -> int:
    """GitHub's limit is 65,536 characters; counted in UTF-16 units, never fewer than code points."""
    return len(body.encode("utf-16-le")) // 2


def test_every_body_stays_under_githubs_limit_and_a_suggestion_is_whole_or_left_out(tmp_path):
    path = tmp_path / "catalogue.md"
    long_ascii = "Free  to use " + "x" * 70_000  # the suggestion alone is over the limit
    long_astral = "Free  to use " + "\U0001d431" * 20_000  # 40,000 UTF-16 units: fits once the quotes are short
    many = "3" + "\u200c" * 1_000 + "73"  # a thousand problems on one line
    rows = [ROW.format("Alpha", long_ascii, "a"), ROW.format("Bravo", long_astral, "b"),
            ROW.format("Charlie", "MIT licence", "c").replace("| 1 | 1 |", f"| {many} | 1 |")]
    path.write_text(table(*rows), encoding="utf-8")
    review = review_of(path)
    comments = {comment["line"]: comment["body"] for comment in review["comments"]}
    assert all(github_size(body) < 65_536 for body in [review["body"], *comments.values()])
    assert suggested_lines(comments[3]) is None and "```" not in comments[3]
    assert comments[3].endswith("so there is none: `catlint fix` applies the fix.")
    assert re.search("x{900,1000}\N{HORIZONTAL ELLIPSIS}`", comments[3]) and "x" * 1_001 not in comments[3]
    assert suggested_lines(comments[4]) == [ROW.format("Bravo", long_astral.replace("  ", " "), "b")]
    assert comments[5].startswith("catlint found 1001 problems on this line:") and "more (`catlint check` lists them all)" in comments[5]
    assert suggested_lines(comments[5]) == [ROW.format("Charlie", "MIT licence", "c").replace("| 1 | 1 |", "| 373 | 1 |")]


def test_a_review_body_listing_many_problems_stays_under_githubs_limit(repository):
    (repository / "README.md").write_text("catalogue\n", encoding="utf-8")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "base")
    path = repository / "docs" / "catalogue.md"  # new since the base, and no line of it in git's diff: all in the body
    rows = [ROW.format(f"Source {n:04}", "MIT licence", f"s{n}").replace("| 1 | 1 |", f"| {'9' * 300}x | 1 |") for n in range(400)]
    path.write_text(table(*rows), encoding="utf-8")
    review = review_of(path, "--changed-since", "HEAD", cwd=repository / "docs")
    assert review["comments"] == [] and "Found 400 problems" in review["body"]
    assert github_size(review["body"]) < 65_536 and "Outside the changed lines" in review["body"]
    assert review["body"].endswith("more (`catlint check` lists them all)")
