"""Configuration cannot switch the linter off, and cannot nest past a sane depth: each case is a one-line
error naming the file and the key, exit 2, through the real CLI."""

import json
import time

import pytest

from conftest import GOOD_ROW, run_catlint, table

from catlint.nesting import MAX_DEPTH, json_depth, toml_depth

EVERY_FAMILY = '["CAT0", "CAT1", "CAT2", "CAT3", "CAT4", "CAT5"]'


def run_with(tmp_path, config: str, *args, name="catlint.toml"):
    (tmp_path / name).write_text(config, encoding="utf-8")
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW), encoding="utf-8")
    return run_catlint("check", "catalogue.md", *args, cwd=tmp_path)


def one_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    return lines[0]


@pytest.mark.parametrize("config, expected", [
    ('ignore = [""]', "catlint.toml: [tool.catlint] ignore: '' is empty, which would match every rule"),
    ('select = [""]', "catlint.toml: [tool.catlint] select: '' is empty, which would match every rule"),
    ("select = []", "catlint.toml: [tool.catlint] select: is empty: it would select no rule"),
    ('ignore = ["C"]', "catlint.toml: [tool.catlint] ignore: 'C' matches every rule without naming any"),
    ('select = ["ca"]', "catlint.toml: [tool.catlint] select: 'ca' matches every rule without naming any"),
    ('ignore = ["CAT"]', "catlint.toml: [tool.catlint] ignore: with these selections no rule is left to check"),
    (f"ignore = {EVERY_FAMILY}", "catlint.toml: [tool.catlint] ignore: with these selections no rule is left to check"),
    ('select = ["CAT1"]\nignore = ["CAT1"]', "catlint.toml: [tool.catlint] ignore: with these selections no rule is left to check"),
    ('[[per-row-ignores]]\nsource = "OASIS"\ncodes = [""]\nreason = "r"', "[tool.catlint] per-row-ignores[0].codes: '' is empty"),
    ('[[per-row-ignores]]\nsource = "OASIS"\ncodes = ["CAT"]\nreason = "r"', "per-row-ignores[0].codes: must name the rules to ignore for this row"),
    ('[[per-row-ignores]]\nsource = "OASIS"\ncodes = []\nreason = "r"', "per-row-ignores[0].codes: must name the rules to ignore for this row"),
])
def test_configuration_that_checks_nothing_is_an_error(tmp_path, config, expected):
    line = one_error(run_with(tmp_path, config + "\n"))
    assert line.startswith("catlint: error: ") and expected in line, line


def test_pyproject_that_ignores_everything_is_named_with_its_table(tmp_path):
    line = one_error(run_with(tmp_path, '[tool.catlint]\nignore = [""]\n', name="pyproject.toml"))
    assert "pyproject.toml: [tool.catlint] ignore: '' is empty" in line


@pytest.mark.parametrize("args, expected", [
    (("--ignore", ""), "--ignore: '' is empty"),
    (("--select", ","), "--select: '' is empty"),
    (("--select", "C"), "--select: 'C' matches every rule without naming any"),
    (("--ignore", "CAT"), "--ignore: with these selections no rule is left to check"),
    (("--select", "CAT4", "--ignore", "CAT4"), "--ignore: with these selections no rule is left to check"),
])
def test_command_line_selections_that_check_nothing_are_errors(tmp_path, args, expected):
    assert expected in one_error(run_with(tmp_path, "", *args))


def test_selections_that_name_rules_still_work(tmp_path):
    result = run_with(tmp_path, 'select = ["CAT", "invalid-count"]\nignore = ["CAT003", "CAT4", "raw-html"]\n')
    assert result.returncode == 0, result.stderr


JAVASCRIPT_ROW = "| X | MR | Brain | 1 | 1 | Open | CC | javascript:alert(1) |"
OFFLINE_FAMILIES = '["CAT0", "CAT1", "CAT2", "CAT3", "CAT4"]'


@pytest.mark.parametrize("config, args, expected", [
    (f"ignore = {OFFLINE_FAMILIES}", (), "catlint.toml: [tool.catlint] ignore: with these selections no rule is left to check by `catlint check`: the link rules (CAT5) run only with --links or --offline"),
    ('select = ["CAT5"]', (), "catlint.toml: [tool.catlint] select: with these selections no rule is left to check by `catlint check`"),
    ('select = ["link-timeout", "CAT310"]', (), "[tool.catlint] select: with these selections no rule is left to check by `catlint check`: the link rules"),
    ("", ("--select", "CAT5"), "--select: with these selections no rule is left to check by `catlint check`: the link rules (CAT5) run only"),
    ("", ("--ignore", "CAT0,CAT1,CAT2,CAT3,CAT4"), "--ignore: with these selections no rule is left to check by `catlint check`"),
    ('select = ["CAT4"]', ("--extend-ignore", "CAT4", "--extend-select", "CAT501"), "--extend-ignore: with these selections no rule is left to check by `catlint check`"),
    ("", ("--select", "unused-row-ignore"), "--select: with these selections no rule is left to check by `catlint check`: unused-row-ignore reports only"),
])
def test_selections_that_leave_only_link_rules_do_not_switch_check_off(tmp_path, config, args, expected):
    (tmp_path / "catlint.toml").write_text(config + "\n", encoding="utf-8")
    (tmp_path / "catalogue.md").write_text(table(JAVASCRIPT_ROW), encoding="utf-8")
    result = run_catlint("check", "catalogue.md", *args, cwd=tmp_path)
    assert expected in one_error(result) and "All checks passed" not in result.stdout


@pytest.mark.parametrize("command, args, expected", [
    ("links", ("--select", "CAT4"), "--select: with these selections no rule is left to check by `catlint links`, which runs only the link rules (CAT5)"),
    ("links", ("--ignore", "CAT5"), "--ignore: with these selections no rule is left to check by `catlint links`, which runs only the link rules"),
    ("fix", ("--select", "CAT5"), "--select: with these selections no rule is left to check by `catlint fix`: the link rules (CAT5) run only in `catlint links`"),
])
def test_every_command_counts_only_the_rules_it_runs(tmp_path, command, args, expected):
    (tmp_path / "catalogue.md").write_text(table(JAVASCRIPT_ROW), encoding="utf-8")
    assert expected in one_error(run_catlint(command, "catalogue.md", "--offline" if command == "links" else "--diff", *args, cwd=tmp_path))


@pytest.mark.parametrize("command", [("links", "--offline"), ("check", "--offline"), ("check", "--links", "--offline")])
def test_link_rules_alone_still_run_where_links_are_checked(tmp_path, command):
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW), encoding="utf-8")
    result = run_catlint(*command, "catalogue.md", "--select", "CAT5", "--links-cache", tmp_path / "cache.json", cwd=tmp_path)
    assert result.returncode == 0 and "CAT510" in result.stdout, result.stdout + result.stderr


# --- nesting -------------------------------------------------------------------------------------------

LEVELS = 100_000
DEEP_TOML = {
    "arrays": "x = " + "[" * LEVELS + "]" * LEVELS + "\n",
    "inline tables": "x = " + "{a = " * LEVELS + "1" + "}" * LEVELS + "\n",
    "dotted key": ".".join(["a"] * LEVELS) + " = 1\n",  # tomllib alone takes minutes and gigabytes on this
    "dotted table": "[" + ".".join(["a"] * LEVELS) + "]\nb = 1\n",
    "quoted dotted key": ".".join(['"a"'] * LEVELS) + " = 1\n",
}


@pytest.mark.parametrize("shape", DEEP_TOML)
def test_configuration_nested_100000_levels_is_a_clear_error_at_once(tmp_path, shape):
    started = time.monotonic()
    line = one_error(run_with(tmp_path, DEEP_TOML[shape]))
    assert f"catlint.toml: the configuration nests more than {MAX_DEPTH} levels deep" in line
    assert time.monotonic() - started < 10


def test_a_deep_pyproject_found_by_walking_up_is_the_same_error(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.other]\n" + DEEP_TOML["dotted key"], encoding="utf-8")
    (tmp_path / "docs" / "catalogue.md").write_text(table(GOOD_ROW), encoding="utf-8")
    line = one_error(run_catlint("check", "docs/catalogue.md", cwd=tmp_path))
    assert "pyproject.toml: the configuration nests more than" in line


@pytest.mark.parametrize("key, what", [("knowledge", "knowledge file"), ("schema", "schema")])
def test_deep_json_named_by_the_configuration_is_a_clear_error(tmp_path, key, what):
    (tmp_path / "deep.json").write_text('{"a": ' * LEVELS + "1" + "}" * LEVELS, encoding="utf-8")
    (tmp_path / "shallow-but-too-deep.json").write_text("[" * 200 + "]" * 200, encoding="utf-8")  # parses, then measured
    for name in ("deep.json", "shallow-but-too-deep.json"):
        line = one_error(run_with(tmp_path, f'{key} = "{name}"\n'))
        assert f"{name}: the {what} nests more than {MAX_DEPTH} levels deep" in line, line


def test_a_deep_link_cache_is_not_a_link_cache(tmp_path):
    (tmp_path / "cache.json").write_text("[" * LEVELS + "]" * LEVELS, encoding="utf-8")
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW), encoding="utf-8")
    line = one_error(run_catlint("links", "catalogue.md", "--offline", "--links-cache", "cache.json", cwd=tmp_path))
    assert "cache.json: not a catlint link cache" in line


@pytest.mark.parametrize("text, depth", [
    ('[tool.catlint]\nselect = ["CAT1"]\n', 2),
    ("a = 1.5\nb = [1.5, 2.5, {c.d = 3}]\n", 3),
    ('"a.b.c".d = 1\n', 1),  # dots inside quotes are not levels
    ("x = '''a.b.c [[[ {{{'''\ny = 1\n", 0),
    ('x = "a\\".b[c"\n', 0),  # an escaped quote does not end the string
    ('x = """a""""\ny = 1\n', 0),
    ("# a.b.c [[[[\n", 0),
    ("[[a.b]]\nc = 1\n", 3),
])
def test_toml_depth_counts_brackets_and_key_dots_outside_strings_and_comments(text, depth):
    import tomllib

    tomllib.loads(text)  # each case is valid TOML
    assert toml_depth(text) == depth


def test_json_depth_is_measured_without_recursion():
    value = 1
    for _ in range(LEVELS):
        value = [value]
    assert json_depth(value) == LEVELS + 1 and json_depth(json.loads('{"a": [1, {"b": 2}]}')) == 4
