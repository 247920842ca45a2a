"""The CLI as a user meets it: files on disk, exit codes and messages; `main` in-process, and the
few tests that must see the real thing through a subprocess."""

import json

import jsonschema
import pytest

from conftest import GOOD_ROW, ROOT, SEED, SCHEMAS, run_catlint, run_catlint_process, run_json, table


def test_version():
    result = run_catlint_process("--version")
    assert result.returncode == 0 and result.stdout.startswith("catlint ")


def test_seed_json_output_reports_the_broken_count_and_link_at_their_cells():
    code, diagnostics = run_json("check", SEED)
    assert code == 1
    by_code = {(d["code"], d["location"]["row"]): d for d in diagnostics}
    count = by_code[("CAT102", 54)]
    line54 = SEED.read_text(encoding="utf-8").split("\n")[53]
    start = line54.index("193ยน") + 1
    assert count["location"] == {"row": 54, "column": start}
    assert count["end_location"] == {"row": 54, "column": start + len("193ยน")}
    assert "193ยน" in count["message"]
    link = by_code[("CAT101", 42)]
    line42 = SEED.read_text(encoding="utf-8").split("\n")[41]
    start = line42.index("tuberculosis.by") + 1
    assert (link["location"]["column"], link["end_location"]["column"]) == (start, start + len("tuberculosis.by"))
    assert link["name"] == "schema-violation" and link["severity"] == "error"


def test_json_output_follows_the_shared_contract():
    contract = json.loads((SCHEMAS / "catlint-diagnostics.schema.json").read_text())
    _, diagnostics = run_json("check", SEED)
    jsonschema.Draft202012Validator(contract).validate(diagnostics)
    assert any(d["fix"] is not None for d in diagnostics)


def test_text_output_format_and_summary():
    result = run_catlint_process("check", SEED, "--select", "CAT1")
    first = result.stdout.splitlines()[0]
    assert first == f"{SEED}:42:246: error: CAT101 Link 'tuberculosis.by': the link must be an absolute http(s) URL"
    # the link without a scheme is a host name: an unsafe fix writes https://tuberculosis.by/
    assert result.stdout.splitlines()[-1] == "Found 2 problems in 1 file (2 errors); 1 more fixable with `catlint fix --unsafe-fixes`."
    everything = run_catlint_process("check", SEED).stdout.splitlines()[-1]
    # 12 of the 16 warnings are the seed's http links (CAT403, an unsafe fix each)
    assert everything.startswith("Found 27 problems in 1 file (9 errors, 17 warnings, 1 info); 5 fixable with `catlint fix`; 20 more")


def test_default_file_is_catalogue_md(tmp_path):
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW), encoding="utf-8")
    result = run_catlint("check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All checks passed" in result.stdout


def test_project_catalogue_passes():
    result = run_catlint("check", "catalogue.md", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


# Bad input (empty, binary, missing, directory, no catalogue table, ...): tests/test_bad_input.py


def test_usage_errors_exit_2_in_one_line():
    result = run_catlint_process("check", "--output-format", "yaml")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_ragged_rows_are_diagnostics_not_crashes(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW, "| Short | MR | Brain |", GOOD_ROW.replace("OASIS", "OASIS 2") + " extra |"), encoding="utf-8")
    code, diagnostics = run_json("check", path)
    ragged = [d for d in diagnostics if d["code"] == "CAT001"]
    assert code == 1 and [d["location"]["row"] for d in ragged] == [4, 5]
    assert "missing 5" in ragged[0]["message"] and "'extra'" in ragged[1]["message"]


def test_select_and_ignore(tmp_path):
    code, diagnostics = run_json("check", SEED, "--select", "CAT1")
    assert {d["code"] for d in diagnostics} == {"CAT101", "CAT102"}
    code, diagnostics = run_json("check", SEED, "--ignore", "CAT101,invalid-count", "--ignore", "CAT2,CAT3,CAT4")
    assert {d["code"] for d in diagnostics} == {"CAT002"}


def test_rules_and_rule_documentation():
    listing = run_catlint("rules")
    assert listing.returncode == 0 and "CAT102  invalid-count" in listing.stdout
    doc = run_catlint("rule", "invalid-count")
    assert doc.returncode == 0 and "Fails:" in doc.stdout and "Passes:" in doc.stdout
    assert run_catlint("rule", "CAT999").returncode == 2


def test_every_rule_is_documented_with_examples():
    from catlint.rules import all_rules

    for rule in all_rules():
        assert rule.code.startswith("CAT") and rule.name == rule.name.lower()
        assert rule.severity in ("error", "warning", "info") and rule.fix in ("never", "safe", "unsafe", "sometimes")
        assert "Fails" in rule.documentation and "Passes" in rule.documentation, rule.code


def test_console_script_is_installed():
    import shutil
    import subprocess

    script = shutil.which("catlint")
    if script is None:
        pytest.skip("catlint is not installed as a console script (running from a source tree)")
    result = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "catlint" in result.stdout
