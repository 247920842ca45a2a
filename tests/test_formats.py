"""Output formats against the official schemas and the clients' own conventions."""

import json
import re
import shutil

import jsonschema
import pytest

from conftest import GOOD_ROW, ROOT, SEED, SCHEMAS, run_catlint, run_json, table

SEED_RELATIVE = SEED.relative_to(ROOT).as_posix()


def validator(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def check_seed(output_format, *args, cwd=ROOT, env=None):
    result = run_catlint("check", "--output-format", output_format, *args, SEED_RELATIVE, cwd=cwd, env=env)
    assert result.returncode == 1 and result.stderr == "", result.stderr
    return result.stdout


def test_sarif_of_the_seed_is_valid_sarif_2_1_0_with_what_code_scanning_needs():
    sarif = json.loads(check_seed("sarif"))
    validator(SCHEMAS / "sarif-schema-2.1.0.json").validate(sarif)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert rules and all(rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"] for rule in rules)
    _, expected = run_json("check", SEED_RELATIVE, cwd=ROOT)
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]] == \
        [(d["code"], d["location"]["row"]) for d in expected]
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == SEED_RELATIVE  # relative to the checkout
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(location["region"])
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"]


def test_sarif_fingerprints_survive_unrelated_edits(tmp_path):
    path = tmp_path / "catalogue.md"
    lines = SEED.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")

    def results():
        report = run_catlint("check", "--output-format", "sarif", "catalogue.md", cwd=tmp_path).stdout
        return {json.dumps(r["partialFingerprints"]): r["locations"][0]["physicalLocation"]["region"]["startLine"]
                for r in json.loads(report)["runs"][0]["results"]}

    before = results()
    header_end = next(i for i, line in enumerate(lines) if line.startswith("|--") or line.startswith("| --") or line.startswith("|:-"))
    lines.insert(header_end + 1, GOOD_ROW)  # a new first row moves every problem one line down
    path.write_text("\n".join(lines), encoding="utf-8")
    after = results()
    # every old problem keeps its fingerprint, one line further down; the new row brings its own problems
    assert {fingerprint: line + 1 for fingerprint, line in before.items()}.items() <= after.items()
    assert len(before) >= 10


def test_rdjson_and_rdjsonl_of_the_seed_are_valid_reviewdog_input():
    result = json.loads(check_seed("rdjson"))
    validator(SCHEMAS / "reviewdog-rdf" / "DiagnosticResult.json").validate(result)
    lines = check_seed("rdjsonl").splitlines()
    single = validator(SCHEMAS / "reviewdog-rdf" / "Diagnostic.json")
    for line in lines:
        single.validate(json.loads(line))
    assert [json.loads(line) for line in lines] == result["diagnostics"]
    assert any(d.get("suggestions") for d in result["diagnostics"])


def test_rdjson_columns_count_utf8_bytes_end_exclusive():
    diagnostics = json.loads(check_seed("rdjson"))["diagnostics"]
    count = next(d for d in diagnostics if d["code"]["value"] == "CAT102")
    line = SEED.read_bytes().split(b"\n")[53]
    start = line.index("193ยน".encode("utf-8"))
    assert count["location"]["range"] == {"start": {"line": 54, "column": start + 1},
                                          "end": {"line": 54, "column": start + 1 + len("193ยน".encode("utf-8"))}}
    # a suggestion replaces the finding's whole line: here the blank line inserted before the footnote, and the footnote
    insert = next(d for d in diagnostics if d["code"]["value"] == "CAT002")
    footnote = SEED.read_bytes().split(b"\n")[57]
    assert insert["suggestions"] == [{"range": {"start": {"line": 58, "column": 1}, "end": {"line": 58, "column": len(footnote) + 1}},
                                      "text": "\n" + footnote.decode("utf-8")}]


def test_json_lines_is_the_json_contract_one_per_line():
    _, expected = run_json("check", SEED_RELATIVE, cwd=ROOT)
    assert [json.loads(line) for line in check_seed("json-lines").splitlines()] == expected


def unescape_data(text):
    return re.sub("%(25|0D|0A|3A|2C)", lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m.group(1)], text)


def parse_command(line):
    match = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match.group(2).split(","))
    return match.group(1), {key: unescape_data(value) for key, value in properties.items()}, unescape_data(match.group(3))


def test_github_escaping_of_message_and_properties():
    from catlint.diagnostics import Diagnostic, Position
    from catlint.reporting import Run, render

    message = "100% sure: a, b\r\nnext line"
    diagnostic = Diagnostic("dir,1/cata:logue%.md", "CAT101", "schema-violation", "error", message, Position(3, 5), Position(3, 9))
    output = render("github", [diagnostic], Run(("x",), ()))
    assert output == ("::error file=dir%2C1/cata%3Alogue%25.md,line=3,col=5,endLine=3,endColumn=9,title=CAT101"
                      "::100%25 sure: a, b%0D%0Anext line\n")
    level, properties, data = parse_command(output.rstrip("\n"))
    assert (level, properties["file"], data) == ("error", "dir,1/cata:logue%.md", message)


def test_github_format_of_a_real_file_whose_name_and_cell_need_escaping(tmp_path):
    name = "odd%name:a,b\nc.md"
    (tmp_path / name).write_text(table(GOOD_ROW.replace("https://www.oasis-brains.org", "50%: a, b")), encoding="utf-8")
    result = run_catlint("check", "--output-format", "github", name, cwd=tmp_path)
    assert result.returncode == 1
    [line] = result.stdout.splitlines()
    level, properties, data = parse_command(line)
    assert (level, properties["file"], properties["line"], properties["title"]) == ("error", name, "3", "CAT101")
    assert "'50%: a, b'" in data


def test_github_shows_ten_per_level_then_says_what_is_missing(tmp_path):
    rows = [GOOD_ROW.replace("OASIS", f"Source {n:02}").replace("| 373 |", "| many |").replace("www.oasis", f"s{n}.oasis") for n in range(13)]
    (tmp_path / "catalogue.md").write_text(table(*rows), encoding="utf-8")
    lines = run_catlint("check", "--output-format", "github", "catalogue.md", cwd=tmp_path).stdout.splitlines()
    commands = [line for line in lines if line.startswith("::error ")]
    plain = [line for line in lines if line.startswith("catalogue.md:")]
    assert len(commands) == 10 and len(plain) == 3 and " CAT102 " in plain[0]
    assert lines[-1].startswith("::notice title=catlint::3 of 13 problems are not shown as annotations (3 errors)")
    assert "log lists all" in lines[-1]


def test_auto_is_github_inside_github_actions_else_text():
    assert check_seed("auto", env={"GITHUB_ACTIONS": "true"}).startswith(("::error file=", "::warning file="))
    assert check_seed("auto") == check_seed("text")


def test_output_file_is_written_and_stdout_stays_empty(tmp_path):
    target = tmp_path / "report.sarif"
    result = run_catlint("check", "--output-format", "sarif", "--output-file", target, SEED_RELATIVE, cwd=ROOT)
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


@pytest.mark.parametrize("output_format", ["json", "json-lines", "sarif", "rdjson", "rdjsonl", "github-review", "github", "text"])
def test_every_format_copes_with_a_clean_catalogue(tmp_path, output_format):
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW), encoding="utf-8")
    result = run_catlint("check", "--output-format", output_format, "catalogue.md", cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    if output_format in ("json", "sarif", "rdjson", "github-review"):
        json.loads(result.stdout)


def test_workflow_is_a_valid_github_workflow_that_runs_the_documented_commands():
    workflow = ROOT / ".github" / "workflows" / "catalogue.yml"
    executable = shutil.which("check-jsonschema")
    assert executable, "check-jsonschema is a test dependency"
    import subprocess

    result = subprocess.run([executable, "--builtin-schema", "vendor.github-workflows", str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = workflow.read_text(encoding="utf-8")
    for needed in ("catlint check --output-format github catalogue.md", "--output-format sarif", "github/codeql-action/upload-sarif",
                   "--output-format github-review", "--changed-since", "gh api"):
        assert needed in text


def test_github_keeps_room_for_the_notice_when_notices_overflow():
    from catlint.diagnostics import Diagnostic, Position
    from catlint.reporting import Run, render

    infos = [Diagnostic("catalogue.md", "CAT003", "unknown-column", "info", f"column {n}", Position(1, n), Position(1, n + 1)) for n in range(1, 13)]
    lines = render("github", infos, Run(("catalogue.md",), ())).splitlines()
    assert sum(line.startswith("::notice ") for line in lines) == 10  # nine problems and the notice about the other three
    assert lines[-1].startswith("::notice title=catlint::3 of 12 problems are not shown as annotations (3 notices)")
