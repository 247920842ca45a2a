"""Shared helpers: run the real CLI as a subprocess, find fixtures and the shared schemas."""

from __future__ import annotations

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
SHARED_SCHEMAS = ROOT.parent / "shared" / "schemas"


def run_catlint(*args, cwd=None, input=None, env=None) -> subprocess.CompletedProcess:
    """The installed CLI in a fresh interpreter, exactly as a user runs it."""
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "catlint", *map(str, args)],
        cwd=cwd, input=input, env=environment, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )


def run_json(*args, cwd=None) -> tuple[int, list]:
    result = run_catlint(*args, "--output-format", "json", cwd=cwd)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)


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


# Hypothesis: a quick profile for CI, a long one for local runs (--hypothesis-profile=long).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")
