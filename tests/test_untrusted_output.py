"""Cell, footnote and file-name text reaches terminals, the Actions runner, JSON Lines readers,
narrow console encodings and spreadsheets: each output escapes it for its reader (through the CLI)."""

import csv
import io
import json
import os
import re
import subprocess
import sys

from conftest import GOOD_ROW, SCHEMAS, SEED, run_catlint, table

ANSI = "\x1b[2J\x1b[H\x1b[32mAll checks passed (1 file).\x1b[0m"


def test_text_output_shows_escape_sequences_instead_of_obeying_them(tmp_path):
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW.replace("| 373 |", "| 3\u202e73 |")) + f"\n\u00b9 {ANSI}\n", encoding="utf-8")
    result = run_catlint("check", path)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b[2J\\x1b[H\\x1b[32mAll checks passed" in result.stdout  # the unused footnote, quoted harmlessly
    assert result.stdout.splitlines()[-1].startswith("Found ")


def runner_reads_a_command(line: str) -> bool:
    """What the Actions runner reads as a workflow command: `::` after leading white space, `##[` anywhere."""
    return line.lstrip().startswith("::") or "##[" in line


def test_github_plain_lines_carry_no_workflow_command(tmp_path):
    name = "::error::fake.md"
    hostile = ["##[add-mask]secret", "##[stop-commands]x", "::warning::fake", "##[error file=x]fake", "x ##[group]g"]
    rows = [GOOD_ROW.replace("OASIS", f"Source {n:02}").replace("www.oasis", f"s{n}.oasis").replace("| 373 |", f"| {text} |")
            for n, text in enumerate(["many"] * 10 + hostile)]
    (tmp_path / name).write_text(table(*rows), encoding="utf-8")
    result = run_catlint("check", "--output-format", "github", name, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.split("\n")[:-1]
    annotations = [line for line in lines if line.startswith(("::error ", "::notice "))]
    assert len(annotations) == 11  # ten errors and the notice about the rest
    stop = next(index for index, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[stop].split("::")[2]
    end = lines.index(f"::{token}::")
    plain = lines[stop + 1 : end]
    assert len(plain) == len(hostile) and all(not runner_reads_a_command(line) for line in plain), plain
    assert all(token not in line for line in plain)
    assert set(lines) == set(annotations) | set(plain) | {lines[stop], lines[end]}
    assert "%3A:error::fake.md:" in plain[0] and "##%5Badd-mask]secret" in "".join(plain)


def test_text_output_and_fix_diff_carry_no_workflow_command(tmp_path):
    """The runner reads `##[` anywhere in any line a step prints, whatever format was asked for."""
    hostile = ["##[add-mask]secret", "x ##[group]g"]
    rows = [GOOD_ROW.replace("OASIS", f"Source  {n:02}").replace("www.oasis", f"s{n}.oasis").replace("| Brain |", f"| {text} |")
            for n, text in enumerate(hostile)]
    path = tmp_path / "catalogue.md"
    path.write_text(table(*rows), encoding="utf-8")
    for arguments in (["check", path], ["check", "--show-fixes", path], ["fix", "--diff", path]):
        result = run_catlint(*arguments)
        assert "##[" not in result.stdout + result.stderr and "##%5Badd-mask]secret" in result.stdout, arguments


def test_json_lines_and_rdjsonl_escape_the_characters_that_end_a_line_for_some_readers(tmp_path):
    breaks = "one\u2028two\u2029three\u0085four"
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW) + f"\n\u00b9 {breaks}\n", encoding="utf-8")  # an unused note, quoted in the message
    for output_format in ("json-lines", "rdjsonl", "json", "rdjson"):
        result = run_catlint("check", "--output-format", output_format, path)
        assert result.returncode == 1 and not any(char in result.stdout for char in "\u2028\u2029\u0085"), output_format
        if output_format.endswith("l"):
            objects = [json.loads(line) for line in result.stdout.splitlines()]  # str.splitlines splits at all three
            assert len(objects) == len(result.stdout.split("\n")) - 1
            shown = "one\\u2028two\\u2029three\\x85four"  # rdjson messages are Markdown, shown as the text report shows them
            assert (breaks if output_format == "json-lines" else shown) in objects[0]["message"]


def test_a_console_that_cannot_show_a_character_gets_an_escape_not_an_error():
    utf8 = run_catlint("check", SEED)
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment["PYTHONIOENCODING"] = "cp1252"
    result = subprocess.run([sys.executable, "-m", "catlint", "check", str(SEED)], capture_output=True, env=environment, timeout=120)
    assert result.returncode == 1 and b"internal error" not in result.stderr, result.stderr
    shown = result.stdout.decode("cp1252").splitlines()
    assert len(shown) == len(utf8.stdout.splitlines())
    assert shown[-1].startswith(f"Found {len(shown) - 1} problems in 1 file"), "every finding, then the summary"
    assert "'193\\u0e22\\u0e19'" in "\n".join(shown)


def test_csv_export_keeps_formulas_from_running_in_a_spreadsheet(tmp_path):
    path = tmp_path / "catalogue.md"
    formula = '=HYPERLINK("https://evil.example","x")'
    rows = [GOOD_ROW.replace("OASIS", formula), GOOD_ROW.replace("OASIS", "+cmd").replace("www.oasis", "b.oasis"),
            GOOD_ROW.replace("OASIS", "@SUM(A1)").replace("www.oasis", "c.oasis"),
            GOOD_ROW.replace("OASIS", "-2+3").replace("www.oasis", "d.oasis"), GOOD_ROW.replace("www.oasis", "e.oasis")]
    path.write_text(table(*rows), encoding="utf-8")
    result = run_catlint("export", "--format", "csv", path)
    assert result.returncode == 0, result.stderr
    sources = [row["source"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert sources == ["'" + formula, "'+cmd", "'@SUM(A1)", "'-2+3", "OASIS"]
    assert json.loads(run_catlint("export", path).stdout)[0]["source"] == formula  # JSON carries the value as it is


def test_fix_diff_shows_control_and_bidi_characters_as_escapes_and_keeps_tabs(tmp_path):
    name = "cat\x1b[2Jalogue.md"
    row = GOOD_ROW.replace("OASIS", "OA\u202eSIS" + ANSI).replace("| MR |", "| MRI |").replace("| Brain |", "| Brain\tHead |")
    (tmp_path / name).write_text(table(row), encoding="utf-8")
    result = run_catlint("fix", "--diff", name, cwd=tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout + result.stderr and "\u202e" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[:2] == ["--- a/cat\\x1b[2Jalogue.md", "+++ b/cat\\x1b[2Jalogue.md"]
    removed = next(line for line in lines if line.startswith("-|"))
    assert removed.startswith("-| OA\\u202eSIS\\x1b[2J\\x1b[H\\x1b[32mAll checks passed (1 file).\\x1b[0m | MRI | Brain\tHead |")
    assert (tmp_path / name).read_text(encoding="utf-8") == table(row)  # --diff writes nothing


def test_control_characters_in_cells_are_reported(tmp_path):
    path = tmp_path / "catalogue.md"
    row = GOOD_ROW.replace("OASIS", "OASIS\x1b[8m").replace("www.oasis", "www.\x7foasis")
    path.write_text(table(row), encoding="utf-8")
    found = [(d["code"], d["location"]["column"], d["message"]) for d in json.loads(
        run_catlint("check", "--select", "CAT401", "--output-format", "json", path).stdout)]
    assert found == [("CAT401", 8, "invisible character U+001B (a control character)"),
                     ("CAT401", row.index("\x7f") + 1, "invisible character U+007F (a control character)")]


def test_nothing_written_to_stderr_is_a_workflow_command(tmp_path):
    binary = "n##[add-mask]ul.md"
    (tmp_path / binary).write_bytes(b"| a |\x00\n")
    errors = run_catlint("check", "--output-format", "github", f"./{binary}", cwd=tmp_path).stderr
    assert errors.startswith("catlint: error: ./n##%5Badd-mask]ul.md: binary file")
    (tmp_path / "::warning::x.md").write_text(table(GOOD_ROW.replace("| 373 |", "| ##[stop-commands]x |")), encoding="utf-8")
    export = run_catlint("export", "::warning::x.md", cwd=tmp_path)
    assert export.returncode == 1 and export.stderr.startswith("%3A:warning::x.md:3:1: row left out")
    hostile = table(GOOD_ROW.replace("| 373 |", "| ##[add-mask]373 |"))
    fixed = run_catlint("fix", "-", "--stdin-filename", "::error::y.md", input=hostile, cwd=tmp_path)
    assert fixed.stdout == hostile and "%3A:error::y.md:3:" in fixed.stderr
    reported = run_catlint("check", "--fix", "-", "--output-format", "json", input=hostile, cwd=tmp_path)
    assert json.loads(reported.stderr)[0]["message"].startswith("Images '##[add-mask]373'")  # the same value, escaped
    for stderr in (errors, export.stderr, fixed.stderr, reported.stderr):
        assert stderr.strip() and not any(runner_reads_a_command(line) for line in stderr.splitlines()), stderr


# A SARIF viewer's embedded link in a plain-text message (SARIF 2.1.0 §3.11.6): `[text](target)`
# whose `[` is not escaped (not after an odd run of backslashes), `\[`, `\]` and `\\` inside.
SARIF_LINK = re.compile(r"(?<!\\)(?:\\\\)*\[(?:[^\\\[\]]|\\[\\\[\]])*\]\([^)]*\)")


def test_sarif_and_rdjson_messages_carry_no_live_link_from_a_cell(tmp_path):
    import cmarkgfm  # GitHub's own Markdown parser, a test dependency
    from test_formats import validator

    path = tmp_path / "catalogue.md"
    hostile = "3\\[7] [click](https://evil.example) \\\\[x](1) @octocat"
    path.write_text(table(GOOD_ROW.replace("| 373 |", f"| {hostile} |")), encoding="utf-8")
    messages = [d["message"] for d in json.loads(run_catlint("check", "--output-format", "json", path).stdout)]
    assert any("[click](https://evil.example)" in message for message in messages)

    sarif = json.loads(run_catlint("check", "--output-format", "sarif", path).stdout)
    validator(SCHEMAS / "sarif-schema-2.1.0.json").validate(sarif)
    texts = [result["message"]["text"] for result in sarif["runs"][0]["results"]]
    assert not any(SARIF_LINK.search(text) for text in texts), texts
    assert [re.sub(r"\\([\\\[\]])", r"\1", text) for text in texts] == messages  # the viewer shows the message as it is

    rdjson = json.loads(run_catlint("check", "--output-format", "rdjson", path).stdout)
    validator(SCHEMAS / "reviewdog-rdf" / "DiagnosticResult.json").validate(rdjson)
    for diagnostic in rdjson["diagnostics"]:
        html = cmarkgfm.github_flavored_markdown_to_html(diagnostic["message"], options=cmarkgfm.Options.CMARK_OPT_UNSAFE)
        outside_code = re.sub(r"<code>.*?</code>", "", html, flags=re.DOTALL)
        assert "<a " not in html and "evil.example" not in outside_code and "octocat" not in outside_code, html


def test_machine_readable_output_stays_valid_and_lossless_on_a_narrow_console(tmp_path):
    source = "Data \U0001f600 set \u5317\u4eac Caf\u00e9"  # cp1252 has é, not the others
    path = tmp_path / "catalogue.md"
    path.write_text(table(GOOD_ROW.replace("OASIS", source), GOOD_ROW.replace("OASIS", "\u5317").replace("| 373 |", "| 3\u5317 |").replace("www", "b")),
                    encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment["PYTHONIOENCODING"] = "cp1252"

    def run(*args) -> bytes:  # a real process, its standard output redirected to a file
        target = tmp_path / "out"
        with target.open("wb") as out:
            done = subprocess.run([sys.executable, "-m", "catlint", *args, str(path)], stdout=out, stderr=subprocess.PIPE,
                                  env=environment, timeout=120)
        assert done.returncode in (0, 1) and b"error" not in done.stderr, done.stderr
        return target.read_bytes()

    records = json.loads(run("export").decode("ascii"))  # JSON's own escapes: ASCII, valid in any encoding
    assert records[0]["source"] == source
    assert [json.loads(line)["source"] for line in run("export", "--format", "jsonl").decode("ascii").splitlines()] == [source]
    assert next(csv.DictReader(io.StringIO(run("export", "--format", "csv").decode("utf-8"))))["source"] == source
    messages = [d["message"] for d in json.loads(run("check", "--output-format", "json").decode("ascii"))]
    assert any(message.startswith("Images '3\u5317'") for message in messages)
