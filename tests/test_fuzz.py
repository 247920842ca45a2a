"""Fuzzing with hypothesis: valid and damaged catalogues (random cells, ragged rows, broken
lines, random bytes, other encodings) never make catlint crash, and fix is idempotent and keeps
the exported rows. Volume runs in-process through cli.main, the same code path as the command;
a bounded number of examples also runs as real subprocesses. `--hypothesis-profile=long` for
long local runs (see tests/conftest.py)."""

import io
import json
import os
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from catlint.commands.cli import main
from test_properties import catalogues

# Generated inputs by the hundred: run without the coverage tracer (see conftest), which would double
# the suite's time; the coverage figure is what the example-based tests reach.
pytestmark = pytest.mark.untraced

# Any character at all, the table's own syntax included, and line breaks that split a row.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=24)
markup_text = st.text(st.sampled_from(list("|\\`*_[]()<>!&#:/ -~\t\u00a0\u200b\u202eé¹ยน")), max_size=24)
UNTRACED = {key: value for key, value in os.environ.items() if not key.startswith("COVERAGE_")}  # see pytestmark
SUBPROCESS_EXAMPLES = max(5, settings.default.max_examples // 12)


@st.composite
def damaged_catalogues(draw) -> bytes:
    lines = draw(catalogues()).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        cells = lines[index].split("|")
        damage = draw(st.sampled_from(["cell", "drop cells", "add cells", "insert line", "delete line", "duplicate line", "truncate"]))
        if damage == "cell":
            cells[draw(st.integers(0, len(cells) - 1))] = draw(st.one_of(any_text, markup_text))
        elif damage == "drop cells" and len(cells) > 2:
            del cells[draw(st.integers(1, len(cells) - 2)):]
        elif damage == "add cells":
            cells += draw(st.lists(markup_text, min_size=1, max_size=3))
        elif damage == "insert line":
            lines.insert(index, draw(st.one_of(any_text, markup_text)))
        elif damage == "delete line":
            del lines[index]
            cells = None
        elif damage == "duplicate line":
            lines.insert(index, lines[index])
        elif damage == "truncate":
            cells = [lines[index][: draw(st.integers(0, len(lines[index])))]]
        if cells is not None and index < len(lines):
            lines[index] = "|".join(cells)
        if not lines:
            lines = [""]
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    data = newline.join(lines).encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "cp1252"])), errors="replace")
    if draw(st.integers(0, 3)) == 0:  # random bytes somewhere
        position = draw(st.integers(0, len(data)))
        data = data[:position] + draw(st.binary(min_size=1, max_size=8)) + data[position:]
    return data


inputs = st.one_of(damaged_catalogues(), catalogues().map(lambda text: text.encode("utf-8")), st.binary(max_size=200))


def run_main(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(arg) for arg in args])
    return code, out.getvalue(), err.getvalue()


def assert_handled(code: int, stderr: str) -> None:
    assert code in (0, 1, 2), code
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert code != 2 or len(stderr.strip().splitlines()) >= 1


def exported_rows(path) -> list | None:
    code, out, err = run_main("export", path, "--format", "json")
    assert_handled(code, err)
    return sorted(json.dumps({k: v for k, v in row.items() if k != "line"}, sort_keys=True) for row in json.loads(out)) if out else None


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(inputs)
@example(data=(  # once an "internal error": CAT002's blank line would have turned the last line into a note
    "| Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |\n|---|---|---|---|---|---|---|---|\n"
    "| 0 | XR | All | 0 | 0\u00b2 | Open | 0 | https://a.example.org |\n00000000000000\n\u00b9 Number of MRI slices\n\u00b2 Second note|"
).encode("utf-8"))
def test_no_exception_escapes_and_fix_settles_keeping_the_rows(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalogue.md"
        path.write_bytes(data)
        code, _, err = run_main("check", path)
        assert_handled(code, err)
        for output_format in ("json", "sarif", "github-review"):
            assert_handled(*run_main("check", path, "--output-format", output_format)[::2])
        before = exported_rows(path)
        # Encoding repair (CAT201) restores values on purpose; every other fix must keep them.
        code, _, err = run_main("fix", path, "--ignore", "CAT201")
        assert_handled(code, err)
        if code == 2:
            assert path.read_bytes() == data, "a failed fix leaves the file as it was"
            return
        once = path.read_bytes()
        assert exported_rows(path) == before, "fix changed the exported rows"
        code, _, err = run_main("fix", path, "--ignore", "CAT201")
        assert_handled(code, err)
        assert path.read_bytes() == once, "a second fix changed the file again"


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(damaged_catalogues())
def test_full_fix_is_idempotent_on_damaged_tables(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalogue.md"
        path.write_bytes(data)
        code, _, err = run_main("fix", path)
        assert_handled(code, err)
        once = path.read_bytes()
        assert_handled(*run_main("fix", path)[::2])
        assert path.read_bytes() == once


@settings(max_examples=SUBPROCESS_EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(inputs)
def test_the_real_command_never_crashes(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalogue.md"
        path.write_bytes(data)
        for args in (["check", path], ["fix", "--diff", path], ["export", path, "--format", "csv"]):
            result = subprocess.run([sys.executable, "-m", "catlint", *map(str, args)], capture_output=True, timeout=120,
                                    env=UNTRACED)
            stderr = result.stderr.decode("utf-8", "replace")
            assert_handled(result.returncode, stderr)
