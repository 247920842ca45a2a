import pytest

from catlint.config import Config, load_config, parse_config
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
