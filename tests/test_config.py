import pytest

from catlint.engine.config import Config, load_config, parse_config
from catlint.errors import CatlintError
from conftest import GOOD_ROW, run_catlint, run_json, table


def test_defaults_without_a_file(tmp_path):
    assert load_config(str(tmp_path / "catalogue.md")) == Config()


def test_pyproject_is_found_by_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.catlint]\nignore = ["CAT003"]\n')
    (tmp_path / "docs").mkdir()
    config = load_config(str(tmp_path / "docs" / "catalogue.md"))
    assert config.ignore == ("CAT003",) and config.path.endswith("pyproject.toml")


@pytest.mark.parametrize(
    "table_text, fragment",
    [
        ({"colour": 1}, "colour: unknown key (allowed:"),
        ({"table-style": "fancy"}, "'fancy' is not one of keep, aligned, compact"),
        ({"severity": {"CAT001": "fatal"}}, "severity.CAT001: 'fatal' is not one of error, warning, info"),
        ({"select": "CAT1"}, "select: must be a list"),
        ({"per-row-ignores": [{"source": "OASIS", "codes": ["CAT301"]}]}, "per-row-ignores[0].reason: is required"),
    ],
)
def test_bad_configuration_names_file_key_and_allowed_values(table_text, fragment):
    with pytest.raises(CatlintError) as error:
        parse_config(table_text, "pyproject.toml")
    assert str(error.value).startswith("pyproject.toml: [tool.catlint] ") and fragment in str(error.value)


def test_cli_overrides_file_and_file_overrides_defaults(tmp_path):
    (tmp_path / "catlint.toml").write_text('ignore = ["CAT001"]\n[severity]\nCAT003 = "info"\n')
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW, "| Short | MR |").replace("| Link |", "| Link | Notes |").replace("|---|\n", "|---|---|\n", 1))
    code, diagnostics = run_json("check", "catalogue.md", cwd=tmp_path)
    assert [(d["code"], d["severity"]) for d in diagnostics] == [("CAT003", "info")]
    assert code == 0  # info only
    code, diagnostics = run_json("check", "catalogue.md", "--ignore", "CAT003", cwd=tmp_path)
    assert {d["code"] for d in diagnostics} == {"CAT001"}


def test_broken_config_file_is_exit_2(tmp_path):
    (tmp_path / "catlint.toml").write_text("select = [\n")
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW))
    result = run_catlint("check", "catalogue.md", cwd=tmp_path)
    assert result.returncode == 2 and "invalid TOML" in result.stderr


@pytest.mark.parametrize(
    "table_text, fragment",
    [
        ({"select": ["CAT9"]}, "select: 'CAT9' matches no rule"),
        ({"ignore": ["no-such-rule"]}, "ignore: 'no-such-rule' matches no rule"),
        ({"severity": {"CAT999": "info"}}, "severity.CAT999: is not a rule code"),
        ({"per-row-ignores": [{"source": "OASIS", "codes": ["XYZ"], "reason": "r"}]}, "per-row-ignores[0].codes: 'XYZ' matches no rule"),
        ({"per-row-ignores": [{"source": "OASIS", "codes": ["CAT102"], "reason": "r", "until": 1}]}, "per-row-ignores[0].until: unknown key"),
        ({"schema": 3}, "schema: must be a path"),
    ],
)
def test_bad_rule_references_name_file_key_and_where_to_look(table_text, fragment):
    with pytest.raises(CatlintError) as error:
        parse_config(table_text, "catlint.toml")
    assert str(error.value).startswith("catlint.toml: [tool.catlint] ") and fragment in str(error.value)


def test_unknown_rule_on_the_command_line_is_exit_2(tmp_path):
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW), encoding="utf-8")
    result = run_catlint("check", "catalogue.md", "--select", "CAT1,CAT77", cwd=tmp_path)
    assert result.returncode == 2 and "--select: 'CAT77' matches no rule" in result.stderr


def test_per_row_ignores_silence_only_that_rows_listed_codes(tmp_path):
    bad = GOOD_ROW.replace("| 373 |", "| many |")
    (tmp_path / "catalogue.md").write_text(table(bad, bad.replace("OASIS", "OASIS 2").replace("www.oasis", "two.oasis")), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.catlint]\nper-row-ignores = [{source = "OASIS", codes = ["CAT102"], reason = "count given in prose upstream"}]\n')
    code, diagnostics = run_json("check", "catalogue.md", cwd=tmp_path)
    assert [(d["code"], d["location"]["row"]) for d in diagnostics] == [("CAT102", 4)]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.catlint]\nper-row-ignores = [{source = "OASIS", codes = ["schema-violation"], reason = "another rule, by name"}]\n')
    code, diagnostics = run_json("check", "catalogue.md", cwd=tmp_path)
    # the ignore suppresses nothing on that row, which is reported (CAT310) so it cannot outlive its reason
    assert [(d["code"], d["location"]["row"]) for d in diagnostics] == [("CAT310", 3), ("CAT102", 3), ("CAT102", 4)]


def test_schema_path_is_relative_to_the_configuration_file(tmp_path):
    import json
    from conftest import ROOT

    schema = json.loads((ROOT / "schema" / "catalogue.schema.json").read_text(encoding="utf-8"))
    schema["properties"]["availability"]["enum"].remove("Registration")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "strict.json").write_text(json.dumps(schema), encoding="utf-8")
    (tmp_path / "catlint.toml").write_text('schema = "schemas/strict.json"\n')
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "catalogue.md").write_text(table(GOOD_ROW), encoding="utf-8")
    code, diagnostics = run_json("check", "data/catalogue.md", cwd=tmp_path)
    assert code == 1 and [d["code"] for d in diagnostics] == ["CAT101"] and "Registration" in diagnostics[0]["message"]


def test_per_row_ignores_take_rule_names_too(tmp_path):
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW.replace("| 373 |", "| many |")), encoding="utf-8")
    (tmp_path / "catlint.toml").write_text('per-row-ignores = [{source = "OASIS", codes = ["invalid-count"], reason = "by name"}]\n')
    assert run_json("check", "catalogue.md", cwd=tmp_path) == (0, [])
