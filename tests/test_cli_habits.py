"""The command-line habits of ruff and markdownlint, each through the CLI: standard input, --exit-zero,
--statistics, --show-fixes, --quiet/--silent, --extend-select/--extend-ignore, check --fix, colour,
severity in text, directories, rules as JSON, bare `catlint`, and what --changed-since leaves out."""

import json
import os
import pty
import subprocess
import sys

import pytest

from conftest import GOOD_ROW, SEED, run_catlint, run_catlint_process, table

SEED_TEXT = SEED.read_text(encoding="utf-8")
ESC = "\x1b["


def git(repo, *args):
    return subprocess.run(["git", "-c", "user.name=catlint tests", "-c", "user.email=tests@example.invalid", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout


def fixed_by_catlint_fix(tmp_path, text=SEED_TEXT, *options) -> str:
    path = tmp_path / "fixed-by-file.md"
    path.write_text(text, encoding="utf-8")
    run_catlint("fix", path, *options)
    return path.read_text(encoding="utf-8")


# Standard input

def test_check_reads_standard_input_named_and_configured_by_the_stdin_filename(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "catlint.toml").write_text('ignore = ["CAT403"]\n', encoding="utf-8")
    result = run_catlint("check", "-", "--stdin-filename", "data/catalogue.md", input=SEED_TEXT, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0].startswith("data/catalogue.md:42:246: error: CAT101 ")
    assert " CAT403 " not in result.stdout  # the configuration next to the named file is in force
    plain = run_catlint("check", "-", input=SEED_TEXT, cwd=tmp_path)
    assert plain.stdout.startswith("-:39:246: warning: CAT403 ")


def test_fix_reads_standard_input_and_writes_the_whole_fixed_text_to_standard_output(tmp_path):
    result = run_catlint("fix", "-", input=SEED_TEXT, cwd=tmp_path)
    assert result.returncode == 1  # problems remain (the unsafe ones)
    assert result.stdout == fixed_by_catlint_fix(tmp_path)
    assert result.stderr.startswith("-: fixed 5 problems\n") and "Found 21 problems" in result.stderr
    for_editors = run_catlint("fix", "--fix-only", "-", input=SEED_TEXT, cwd=tmp_path)
    assert (for_editors.returncode, for_editors.stdout, for_editors.stderr) == (0, result.stdout, "-: fixed 5 problems\n")
    clean = fixed_by_catlint_fix(tmp_path, table(GOOD_ROW))
    unchanged = run_catlint("fix", "-", input=clean, cwd=tmp_path)
    assert (unchanged.returncode, unchanged.stdout, unchanged.stderr) == (0, clean, "")  # written even when unchanged


def test_fix_of_standard_input_keeps_the_bytes_crlf_and_all(tmp_path):
    data = SEED.read_bytes().replace(b"\n", b"\r\n")
    path = tmp_path / "catalogue.md"
    path.write_bytes(data)
    run_catlint("fix", path)
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    done = subprocess.run([sys.executable, "-m", "catlint", "fix", "-"], input=data, capture_output=True, env=env, cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == path.read_bytes() and b"\r\n" in done.stdout


def test_check_fix_of_standard_input_writes_the_text_out_and_the_report_to_stderr(tmp_path):
    result = run_catlint("check", "--fix", "-", input=SEED_TEXT, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == fixed_by_catlint_fix(tmp_path)
    assert "Fixed 5 problems." in result.stderr and "-:42:246: error: CAT101" in result.stderr


@pytest.mark.parametrize("args, message", [
    (("check", "catalogue.md", "--stdin-filename", "x.md"), "--stdin-filename names standard input"),
    (("check", "-", "catalogue.md"), "cannot be combined with other files"),
    (("links", "-", "--offline"), "does not read standard input"),
    (("check", "-", "--changed-since", "HEAD"), "cannot check standard input"),
])
def test_standard_input_misuse_is_a_one_line_error(tmp_path, args, message):
    result = run_catlint(*args, input=SEED_TEXT, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_standard_input_is_a_one_line_error(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    done = subprocess.run([sys.executable, "-m", "catlint", "check", "-"], input=b"| a | b |\x00\xff\xfe", capture_output=True,
                          env=env, cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.decode() == "catlint: error: -: binary file (NUL bytes), not Markdown text\n"


# Exit codes and how much is printed

def test_exit_zero_reports_but_exits_0_and_errors_still_exit_2(tmp_path):
    result = run_catlint("check", SEED, "--exit-zero")
    assert result.returncode == 0 and "Found 27 problems" in result.stdout
    assert run_catlint("check", tmp_path / "missing.md", "--exit-zero").returncode == 2
    copy = tmp_path / "catalogue.md"
    copy.write_text(SEED_TEXT, encoding="utf-8")
    assert run_catlint("fix", copy, "--exit-zero").returncode == 0


def test_statistics_count_problems_per_rule_in_text_and_json():
    result = run_catlint("check", SEED, "--statistics")
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[0].split() == ["12", "CAT403", "insecure-link", "warning", "12", "fixable", "with", "--unsafe-fixes"]
    assert lines[-1].startswith("Found 27 problems") and not any(":42:246:" in line for line in lines)
    rows = json.loads(run_catlint("check", SEED, "--statistics", "--output-format", "json").stdout)
    assert sum(row["count"] for row in rows) == 27
    assert {"code": "CAT201", "name": "mojibake", "severity": "error", "count": 2, "fixable": 2, "unsafe_fixable": 0} in rows
    refused = run_catlint("check", SEED, "--statistics", "--output-format", "sarif")
    assert refused.returncode == 2 and "--statistics prints text or json" in refused.stderr


def test_show_fixes_names_each_fix_and_what_was_fixed(tmp_path):
    lines = run_catlint("check", SEED, "--show-fixes").stdout.splitlines()
    count = lines.index(next(line for line in lines if " CAT202 " in line))
    assert lines[count + 1] == "    fix (safe): write '2,620'"
    contradiction = lines.index(next(line for line in lines if ":51:76: error: CAT301 " in line))
    assert lines[contradiction + 1] == "    fix (unsafe, changes a value): replace 'MR' with 'XR'"
    assert not lines[lines.index(next(line for line in lines if " CAT102 " in line)) + 1].startswith("    fix")
    copy = tmp_path / "catalogue.md"
    copy.write_text(SEED_TEXT, encoding="utf-8")
    fixed = run_catlint("fix", copy, "--show-fixes").stdout.splitlines()
    assert fixed[:5] == [f"{copy}: fixed 5 problems", "    1 × CAT002 (footnote-renders-as-row)", "    2 × CAT201 (mojibake)",
                         "    1 × CAT202 (count-format)", "    1 × CAT208 (table-layout)"]


def test_quiet_prints_only_the_problems_and_silent_nothing(tmp_path):
    quiet = run_catlint("check", SEED, "--quiet")
    assert quiet.returncode == 1 and len(quiet.stdout.splitlines()) == 27 and "Found" not in quiet.stdout
    silent = run_catlint("check", SEED, "-s")
    assert (silent.returncode, silent.stdout, silent.stderr) == (1, "", "")
    assert run_catlint("check", SEED, "--statistics", "-q").stdout.count("\n") == 10
    copy = tmp_path / "catalogue.md"
    copy.write_text(SEED_TEXT, encoding="utf-8")
    fix = run_catlint("fix", copy, "--quiet")
    assert fix.returncode == 1 and "fixed" not in fix.stdout and "Found" not in fix.stdout and " CAT101 " in fix.stdout
    both = run_catlint("check", SEED, "--quiet", "--silent")
    assert both.returncode == 2 and "not allowed with" in both.stderr


# Selection: --select/--ignore replace, --extend-* add

def test_extend_select_and_extend_ignore_add_to_the_configuration(tmp_path):
    (tmp_path / "catlint.toml").write_text('ignore = ["CAT403", "CAT309"]\n', encoding="utf-8")
    (tmp_path / "catalogue.md").write_text(SEED_TEXT, encoding="utf-8")

    def codes(*args):
        return {line.split()[2] for line in run_catlint("check", "catalogue.md", "-q", *args, cwd=tmp_path).stdout.splitlines()}

    base = codes()
    assert "CAT403" not in base and "CAT309" not in base and "CAT301" in base
    assert codes("--extend-select", "CAT403") == base | {"CAT403"}  # the command line comes after the file
    assert codes("--extend-ignore", "CAT301") == base - {"CAT301"}  # and the file's ignore stays
    assert codes("--ignore", "CAT301") == (base | {"CAT403", "CAT309"}) - {"CAT301"}  # --ignore replaces it
    assert codes("--extend-select", "CAT403", "--extend-ignore", "CAT4") == base - {"CAT401"}
    assert codes("--select", "CAT2", "--extend-select", "CAT101") == {"CAT201", "CAT202", "CAT208", "CAT101"}
    nothing = run_catlint("check", "catalogue.md", "--extend-ignore", "CAT", cwd=tmp_path)
    assert nothing.returncode == 2 and "--extend-ignore: with these selections no rule is left" in nothing.stderr
    bad = run_catlint("check", "catalogue.md", "--extend-select", "C", cwd=tmp_path)
    assert bad.returncode == 2 and "--extend-select: 'C' matches every rule" in bad.stderr


# check --fix

def test_check_fix_writes_what_fix_writes_and_reports_the_rest(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(SEED_TEXT, encoding="utf-8")
    result = run_catlint("check", "--fix", path)
    assert result.returncode == 1 and path.read_text(encoding="utf-8") == fixed_by_catlint_fix(tmp_path)
    lines = result.stdout.splitlines()
    assert lines[-2:] == ["Fixed 5 problems.", "Found 21 problems in 1 file (6 errors, 14 warnings, 1 info); "
                                               "20 more fixable with `catlint fix --unsafe-fixes`."]
    assert not any(" CAT202 " in line or " CAT201 " in line for line in lines)
    shown = run_catlint("check", "--fix", "--unsafe-fixes", "--show-fixes", path)
    assert path.read_text(encoding="utf-8") == fixed_by_catlint_fix(tmp_path, SEED_TEXT, "--unsafe-fixes")
    assert shown.returncode == 0 and shown.stdout.splitlines()[-1] == "Found 1 problem in 1 file (1 info)."  # CAT309 is no fix
    assert f"- {path}:" in shown.stdout and "    12 × CAT403 (insecure-link)" in shown.stdout
    refused = run_catlint("check", "--unsafe-fixes", path)
    assert refused.returncode == 2 and "--unsafe-fixes applies fixes only with --fix" in refused.stderr


# Severity and colour

def test_text_output_shows_the_severity_of_each_problem():
    lines = run_catlint("check", SEED).stdout.splitlines()
    assert f"{SEED}:55:246: info: CAT309 same link" in "\n".join(lines)
    assert f"{SEED}:54:118: error: CAT102 " in "\n".join(lines) and f"{SEED}:39:246: warning: CAT403 " in lines[0]


def test_colour_only_when_asked_or_on_a_terminal(tmp_path):
    assert ESC not in run_catlint("check", SEED).stdout  # not a terminal
    assert ESC not in run_catlint("check", SEED, "--output-file", tmp_path / "report.txt").stdout
    assert ESC not in (tmp_path / "report.txt").read_text(encoding="utf-8")
    forced = run_catlint("check", SEED, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[1;31merror:\x1b[0m \x1b[1mCAT101\x1b[0m Link" in forced and "\x1b[1;36minfo:" in forced
    assert ESC not in run_catlint("check", SEED, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert ESC in run_catlint("check", SEED, "--color", "always", env={"NO_COLOR": "1"}).stdout
    assert ESC not in run_catlint("check", SEED, "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    bad = run_catlint("check", SEED, "--color", "sometimes")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_colour_on_a_real_terminal_and_never_an_escape_from_a_cell(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW.replace("| 373 |", "| 37\x1b[2J3 |")), encoding="utf-8")
    primary, secondary = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")}
    env["TERM"] = "xterm"
    try:
        process = subprocess.Popen([sys.executable, "-m", "catlint", "check", path], stdout=secondary, stderr=subprocess.DEVNULL, env=env)
        os.close(secondary)
        output = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the terminal closed when the process ended
                break
            if not chunk:
                break
            output += chunk
        process.wait(timeout=60)
    finally:
        os.close(primary)
    text = output.decode("utf-8")
    assert "\x1b[1;31merror:\x1b[0m" in text, text
    assert "\x1b[2J" not in text and "37\\x1b[2J3" in text  # the cell's escape is shown, not obeyed


# Directories

def test_a_directory_in_git_is_its_markdown_files_with_a_catalogue_respecting_gitignore(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / "catalogue.md").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Notes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "more.markdown").write_text(table(GOOD_ROW), encoding="utf-8")
    (tmp_path / "docs" / "table.txt").write_text(table(GOOD_ROW.replace("| 373 |", "| many |")), encoding="utf-8")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "catalogue.md").write_text(SEED_TEXT, encoding="utf-8")
    git(tmp_path, "add", "catalogue.md", "README.md")  # docs/ is untracked, but not ignored
    result = run_catlint("check", ".", "--quiet", cwd=tmp_path)
    files = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert result.returncode == 1 and files == {"./catalogue.md"}, result.stdout + result.stderr
    summary = run_catlint("check", ".", cwd=tmp_path).stdout.splitlines()[-1]
    assert summary.startswith("Found 27 problems in 2 files")  # catalogue.md and docs/more.markdown
    fixed = run_catlint("fix", ".", cwd=tmp_path)
    assert fixed.returncode == 1 and (tmp_path / "build" / "catalogue.md").read_text(encoding="utf-8") == SEED_TEXT
    assert (tmp_path / "catalogue.md").read_text(encoding="utf-8") != SEED_TEXT


def test_a_directory_outside_git_is_walked_skipping_hidden_directories(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "catalogue.md").write_text(table(GOOD_ROW.replace("| 373 |", "| many |")), encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "catalogue.md").write_text(SEED_TEXT, encoding="utf-8")
    result = run_catlint("check", tmp_path, "-q")
    assert result.returncode == 1 and result.stdout.count("\n") == 1 and "/a/catalogue.md:3:" in result.stdout
    named = run_catlint("check", tmp_path / "a" / "catalogue.md", tmp_path / "a")  # named twice: checked once
    assert named.stdout.splitlines()[-1].startswith("Found 1 problem in 1 file")


# rules, bare catlint, --help, --changed-since

def test_rules_as_json():
    result = run_catlint("rules", "--output-format", "json")
    rules = json.loads(result.stdout)
    assert result.returncode == 0 and len(rules) > 40
    count = next(rule for rule in rules if rule["code"] == "CAT102")
    assert count["name"] == "invalid-count" and count["severity"] == "error" and count["fix"] == "never"
    assert "Fails:" in count["documentation"] and count["network"] is False
    assert next(rule for rule in rules if rule["code"] == "CAT501")["network"] is True


def test_catlint_alone_prints_usage_and_exits_2():
    result = run_catlint_process()
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("usage: catlint") and "check" in result.stderr and "Traceback" not in result.stderr


def test_help_lists_the_habits():
    main = run_catlint_process("--help").stdout
    for habit in ("--stdin-filename", "--fix", "--statistics", "--show-fixes", "--quiet", "--silent", "--exit-zero",
                  "--extend-select", "--extend-ignore", "--color", "NO_COLOR", "FORCE_COLOR", "rules --output-format json", "server"):
        assert habit in main, habit
    check = run_catlint("check", "--help").stdout
    for flag in ("--stdin-filename", "--exit-zero", "--statistics", "--show-fixes", "--quiet", "--silent", "--extend-select",
                 "--extend-ignore", "--fix", "--unsafe-fixes", "--color", "directories"):
        assert flag in check, flag


def test_changed_since_says_how_many_older_problems_it_left_out(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "catalogue.md").write_text(SEED_TEXT, encoding="utf-8")
    git(tmp_path, "add", "catalogue.md")
    git(tmp_path, "commit", "-q", "-m", "seed")
    clean = run_catlint("check", "catalogue.md", "--changed-since", "HEAD", cwd=tmp_path)
    assert clean.returncode == 0 and clean.stdout == "All checks passed (1 file); 27 older problems left out by --changed-since.\n"
    path = tmp_path / "catalogue.md"
    path.write_text(SEED_TEXT.replace("| 2620 ", "| 2621 "), encoding="utf-8")  # the DDSM row, with 3 problems, changed
    changed = run_catlint("check", "catalogue.md", "--changed-since", "HEAD", cwd=tmp_path)
    assert changed.stdout.splitlines()[-1].endswith("; 24 older problems left out by --changed-since.")
    assert changed.stdout.count(":45:") == 3


def test_server_without_its_extra_says_how_to_install_it_in_one_line(monkeypatch):
    for name in [name for name in sys.modules if name.startswith(("pygls", "catlint.server"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pygls", None)  # as if not installed
    result = run_catlint("server")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "catlint server needs pygls and lsprotocol (pygls is missing)" in result.stderr and "catlint[server]" in result.stderr
