"""Smaller contracts users rely on, each through the real CLI: selection, fix --diff, pipes, schemes,
the README's record, files named twice, and a link without a scheme."""

import json
import re

from conftest import GOOD_ROW, ROOT, run_catlint, run_json, table

UNKNOWN_COLUMN = table(GOOD_ROW + " extra |").replace("| Link |", "| Link | Notes |").replace("|---|\n", "|---|---|\n", 1)


def test_command_line_select_wins_over_the_configuration_files_ignore(tmp_path):
    (tmp_path / "catlint.toml").write_text('ignore = ["CAT003"]\n', encoding="utf-8")
    (tmp_path / "catalogue.md").write_text(UNKNOWN_COLUMN, encoding="utf-8")
    assert run_json("check", "catalogue.md", cwd=tmp_path)[1] == []
    _, diagnostics = run_json("check", "catalogue.md", "--select", "CAT003", cwd=tmp_path)
    assert [d["code"] for d in diagnostics] == ["CAT003"]
    _, diagnostics = run_json("check", "catalogue.md", "--select", "CAT0", "--ignore", "CAT003", cwd=tmp_path)
    assert diagnostics == []


def test_fix_diff_says_when_it_has_nothing_to_change_but_problems_remain(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW.replace("| 373 |", "| many |")), encoding="utf-8")
    result = run_catlint("fix", "--diff", path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == f"catlint: {path}: nothing to fix, but 1 problem remains (see `catlint check {path}`)\n"


def test_a_table_without_outer_pipes_keeps_its_style(tmp_path):
    compact = ("Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link\n"
               "--- | --- | --- | --- | --- | --- | --- | ---\n"
               "OASIS | MRI | Brain | 373 | 186 | Registration | MIT licence | https://www.oasis-brains.org\n")
    aligned = ("Source  | Data Types | Link\n"
               "--------|------------|-----------------------------\n"
               "OASIS   | MR         | https://www.oasis-brains.org\n"
               "ABIDE | MRI | https://abide.example.org\n")
    for text, expected in ((compact, compact.replace("| MRI |", "| MR |")),
                           (aligned, aligned.replace("ABIDE | MRI | https://abide.example.org\n", "")
                            .replace("OASIS   |", "ABIDE   | MR         | https://abide.example.org\nOASIS   |"))):
        path = tmp_path / "catalogue.md"
        path.write_text(text, encoding="utf-8")
        run_catlint("fix", path)
        assert path.read_text(encoding="utf-8") == expected
        assert run_catlint("fix", "--diff", path).stdout == "", "and the result is stable"


def test_url_schemes_are_case_insensitive(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW.replace("https://", "HTTPS://"), GOOD_ROW.replace("OASIS", "Plain").replace("https://www.", "Http://plain.")),
                    encoding="utf-8")
    _, diagnostics = run_json("check", path)
    assert [(d["code"], d["location"]["row"]) for d in diagnostics] == [("CAT403", 4)], "HTTPS is https; Http is http"
    assert diagnostics[0]["fix"]["edits"][0]["content"] == "https://plain.oasis-brains.org"
    assert [record["link"] for record in json.loads(run_catlint("export", path).stdout)] == [
        "HTTPS://www.oasis-brains.org", "Http://plain.oasis-brains.org"]


def test_the_readme_example_record_is_what_export_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Records", 1)[1]
    example = json.loads(re.search(r"```json\n(.*?)```", section, re.DOTALL).group(1))
    records = json.loads(run_catlint("export", "catalogue.md", cwd=ROOT).stdout)
    assert example in records


def test_a_file_named_twice_is_checked_once(tmp_path):
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW.replace("| 373 |", "| many |")), encoding="utf-8")
    result = run_catlint("check", "catalogue.md", "./catalogue.md", str(tmp_path / "catalogue.md"), cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.splitlines()[-1].startswith("Found 1 problem in 1 file ")


def test_a_link_that_is_a_host_name_gets_an_unsafe_https_fix_and_the_seed_then_exports_every_row(seed_copy):
    _, diagnostics = run_json("check", seed_copy, "--select", "CAT101")
    [link] = [d for d in diagnostics if "tuberculosis.by" in d["message"]]
    assert link["fix"]["applicability"] == "unsafe" and link["fix"]["edits"][0]["content"] == "https://tuberculosis.by/"
    assert run_catlint("fix", "--unsafe-fixes", seed_copy).returncode in (0, 1)
    result = run_catlint("export", seed_copy)
    assert result.returncode == 0 and len(json.loads(result.stdout)) == 19, result.stderr
