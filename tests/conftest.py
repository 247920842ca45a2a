"""Shared helpers: run the CLI (in this process, or as a subprocess for end-to-end tests), find
fixtures and the copied schemas."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "001_66cd8ae4d0b5cafc.txt"
OLD_SEED = FIXTURES / "000_6275c9bbc5ccc7da.txt"
SCHEMAS = Path(__file__).resolve().parent / "schemas"  # copies; see schemas/README.md


def run_catlint_process(*args, cwd=None, input=None, env=None) -> subprocess.CompletedProcess:
    """The installed CLI in a fresh interpreter, exactly as a user runs it."""
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "catlint", *map(str, args)],
        cwd=cwd, input=input, env=environment, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )


def run_catlint(*args, cwd=None, input=None, env=None) -> subprocess.CompletedProcess:
    """The CLI's `main` in this process, seen as `run_catlint_process` sees a subprocess: UTF-8
    streams, universal newlines in the captured text, the exit code, the environment and the
    working directory given (both restored afterwards)."""
    from catlint.commands import cli

    streams = [io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2)]
    stdin = io.TextIOWrapper(io.BytesIO((input or "").encode("utf-8")), encoding="utf-8")
    with _environment(env), contextlib.chdir(cwd or os.getcwd()), \
            _streams(stdin, *streams):
        try:
            code = cli.main([str(arg) for arg in args])
            sys.stdout.flush()
        except SystemExit as error:
            code = error.code if isinstance(error.code, int) else 1
    out, err = (_captured(stream) for stream in streams)
    return subprocess.CompletedProcess(["catlint", *map(str, args)], code, out, err)


@contextlib.contextmanager
def _environment(env):
    saved = dict(os.environ)
    os.environ.pop("GITHUB_ACTIONS", None)
    os.environ.update(env or {})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _streams(stdin, stdout, stderr):
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def _captured(stream) -> str:
    stream.flush()
    data = stream.buffer.getvalue()
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None).read()


def run_json(*args, cwd=None) -> tuple[int, list]:
    result = run_catlint(*args, "--output-format", "json", cwd=cwd)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Tests marked `untraced` run with coverage measurement stopped (when it runs at all)."""
    measuring = _coverage() if item.get_closest_marker("untraced") else None
    if measuring is not None:
        measuring.stop()
    try:
        return (yield)
    finally:
        if measuring is not None:
            measuring.start()


def _coverage():
    try:
        import coverage
    except ImportError:
        return None
    return coverage.Coverage.current()


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A byte-identical copy of the seed, safe to modify."""
    target = tmp_path / "catalogue.md"
    target.write_bytes(SEED.read_bytes())
    return target


HEADER = "| Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |\n|---|---|---|---|---|---|---|---|\n"


def table(*rows: str, header: str = HEADER) -> str:
    """A small catalogue with the given body rows."""
    return header + "".join(row + "\n" for row in rows)


GOOD_ROW = "| OASIS | MR | Brain | 373 | 186 | Registration | Modify and distribute on creator agreement | https://www.oasis-brains.org |"


def write_markdown(tmp_path, text: str):
    """`text` as tmp_path/catalogue.md (UTF-8); its path."""
    path = tmp_path / "catalogue.md"
    path.write_text(text, encoding="utf-8")
    return path


def codes_at(diagnostics, line: int) -> set[str]:
    """The codes of the JSON diagnostics that start on `line`."""
    return {d["code"] for d in diagnostics if d["location"]["row"] == line}


# Hypothesis: a quick profile for CI, a long one for local runs (--hypothesis-profile=long).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")
