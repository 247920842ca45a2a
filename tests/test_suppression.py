"""Per-row ignores with a reason, and the report of ignores that no longer suppress anything (CAT310)."""

from conftest import run_catlint, run_json, table
from test_consistency import row

ROWS = table(row("Montgomery County X-ray Set", "MR", "Lungs"), row("Shenzhen chest X-ray set", "CT", "Lungs"))


def ignore(source: str, codes: str, reason: str = "checked against the data set's paper") -> str:
    return f'[[tool.catlint.per-row-ignores]]\nsource = "{source}"\ncodes = [{codes}]\nreason = "{reason}"\n'


def project(tmp_path, *ignores: str):
    (tmp_path / "catalogue.md").write_text(ROWS, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.catlint]\n" + "".join(ignores), encoding="utf-8")


def test_a_row_ignore_suppresses_only_its_row_and_codes(tmp_path):
    project(tmp_path, ignore("montgomery county  X-ray set", '"CAT301"'))  # case and spaces do not matter
    code, diagnostics = run_json("check", "catalogue.md", cwd=tmp_path)
    assert [(d["code"], d["location"]["row"]) for d in diagnostics] == [("CAT301", 4)]
    assert code == 1


def test_a_row_ignore_by_rule_name_or_prefix(tmp_path):
    project(tmp_path, ignore("Montgomery County X-ray Set", '"contradicts-name"'), ignore("Shenzhen chest X-ray set", '"CAT3"'))
    assert run_json("check", "catalogue.md", cwd=tmp_path) == (0, [])


def test_suppressed_findings_are_not_fixed(tmp_path):
    project(tmp_path, ignore("Montgomery County X-ray Set", '"CAT301"'))
    run_catlint("fix", "--unsafe-fixes", "catalogue.md", cwd=tmp_path)
    text = (tmp_path / "catalogue.md").read_text(encoding="utf-8")
    assert "| Montgomery County X-ray Set | MR |" in text and "| Shenzhen chest X-ray set | XR |" in text


def test_an_ignore_that_matches_no_row_is_reported_naming_the_configuration(tmp_path):
    project(tmp_path, ignore("Montgomery County X-ray Set", '"CAT301"'), ignore("Shenzhen chest X-ray set", '"CAT301"'),
            ignore("Renamed Data Set", '"CAT301"'))
    code, diagnostics = run_json("check", "catalogue.md", cwd=tmp_path)
    assert [(d["code"], d["severity"], d["location"]["row"], d["message"]) for d in diagnostics] == [
        ("CAT310", "warning", 1, "per-row ignore for 'Renamed Data Set' in pyproject.toml matches no row; remove it or update it")]
    assert code == 1


def test_an_ignore_whose_codes_no_longer_fire_is_reported(tmp_path):
    project(tmp_path, ignore("Montgomery County X-ray Set", '"CAT301", "CAT303"'), ignore("Shenzhen chest X-ray set", '"CAT301"'))
    _, diagnostics = run_json("check", "catalogue.md", cwd=tmp_path)
    assert [(d["code"], d["location"]["row"], d["message"]) for d in diagnostics] == [
        ("CAT310", 3, "per-row ignore for 'Montgomery County X-ray Set' in pyproject.toml suppresses nothing: no CAT303 finding on that row; remove it or update it")]


def test_ignores_of_rules_that_did_not_run_are_not_reported(tmp_path):
    project(tmp_path, ignore("Renamed Data Set", '"CAT301"'))
    assert run_json("check", "catalogue.md", "--select", "CAT1", cwd=tmp_path) == (0, [])
    assert run_json("check", "catalogue.md", "--ignore", "CAT3", cwd=tmp_path) == (0, [])


def test_an_ignore_without_a_reason_is_exit_2(tmp_path):
    project(tmp_path, ignore("Montgomery County X-ray Set", '"CAT301"', reason=""))
    result = run_catlint("check", "catalogue.md", cwd=tmp_path)
    assert result.returncode == 2 and "per-row-ignores[0].reason: is required" in result.stderr
