"""Configuration is data only: values that look like code or module paths are never imported,
executed or compiled. Proven in a fresh interpreter with an audit hook: after catlint has
warmed up (every lazy import done), loading a hostile configuration and checking a catalogue
raises no import, exec, compile, os.system or subprocess event at all."""

import json
import subprocess
import sys

import pytest

from conftest import GOOD_ROW, table

# Imported or executed, this module leaves a mark that the test looks for.
EVIL = "open('EXECUTED', 'w').write('catlint ran configuration as code')\n"

DRIVER = r"""
import io, json, sys
from contextlib import redirect_stderr, redirect_stdout
from catlint.commands.cli import main

def run(args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(args)
    return code, err.getvalue()

# Warm up: every lazy import of a full run (parser, schema validator, knowledge, reporters), and the error paths.
for args in (["check", "warm/catalogue.md", "--output-format", "json"], ["check", "warm/catalogue.md", "--config", "warm/broken.toml"]):
    run(args)
events = []
WATCHED = ("import", "exec", "compile", "os.system", "subprocess.Popen", "os.exec", "os.posix_spawn", "ctypes.dlopen")

def hook(event, arguments):
    if event in WATCHED:
        events.append([event, repr(arguments)[:200]])

sys.addaudithook(hook)
code, err = run(sys.argv[1:])
events_seen = list(events)
print(json.dumps({"code": code, "stderr": err, "events": events_seen, "evil_imported": "evil" in sys.modules}))
"""

HOSTILE = {
    "code-like values": (
        'select = ["CAT"]\nignore = []\ntable-style = "keep"\nlinks-cache = "evil.py"\n'
        '[severity]\nCAT101 = "warning"\n'
        '[[per-row-ignores]]\nsource = "__import__(\'evil\')"\ncodes = ["CAT101"]\n'
        'reason = "exec(open(\'evil.py\').read()); import evil; os.system(\'touch EXECUTED\')"\n',
        (0, 1)),
    "schema is a python file": ('schema = "evil.py"\n', (2,)),
    "knowledge is a python module path": ('knowledge = "evil"\n', (2,)),
    "knowledge is a python file": ('knowledge = "evil.py"\n', (2,)),
    "a plugins key": ('plugins = ["evil"]\n', (2,)),
    "a rule named like code": ('select = ["__import__(\'evil\')"]\n', (2,)),
    "table style as code": ('table-style = "evil:main"\n', (2,)),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_configuration_is_never_imported_or_executed(tmp_path, case):
    content, exit_codes = HOSTILE[case]
    (tmp_path / "warm").mkdir()
    (tmp_path / "warm" / "catalogue.md").write_text(table(GOOD_ROW, "| zeta | MRI | Brain | 1 | 1 | Open | x | http://z.example.org |"))
    (tmp_path / "warm" / "broken.toml").write_text("select = [\n")
    (tmp_path / "evil.py").write_text(EVIL)
    (tmp_path / "catlint.toml").write_text(content)
    (tmp_path / "catalogue.md").write_text(table(GOOD_ROW))
    result = subprocess.run([sys.executable, "-c", DRIVER, "check", "catalogue.md"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120, env=_with_cwd_on_path(tmp_path))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["code"] in exit_codes, report
    assert "Traceback" not in report["stderr"] and "internal error" not in report["stderr"]
    assert report["code"] == 2 or report["stderr"] == ""
    assert report["events"] == [], "nothing is imported, compiled or run while the configuration is used"
    assert not report["evil_imported"] and not (tmp_path / "EXECUTED").exists()


def _with_cwd_on_path(folder) -> dict:
    """evil.py is importable from the working directory, as a module path in a configuration would need."""
    import os

    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), environment.get("PYTHONPATH", "")]))
    return environment
