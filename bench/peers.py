"""catlint beside its peers on the same rows: whole processes, paired runs, medians.

The peers validate what catlint checks, in the form they read: frictionless
`validate` the rows as CSV (as `catlint export --format csv` writes them), and
check-jsonschema the rows as one JSON array against catlint's own record schema.
They are not dependencies; install them beside catlint to compare:

    python -m pip install frictionless check-jsonschema
    python bench/peers.py                 # 1k, 10k and 100k rows; README's peers table
    python bench/peers.py --quick         # 1k and 10k rows, README untouched

Each peer runs right after catlint on the same rows, and the ratio is the median of
those pairs, so that a busy moment slows both. CPU counts user and system time of
the process and its children; memory is the largest process's peak resident size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogues import large_catalogue  # noqa: E402
from run import END as BENCH_END, README, ROOT, catlint, environment, machine, write_readme  # noqa: E402

BEGIN, END = "<!-- peers:begin -->", "<!-- peers:end -->"
SIZES = (1_000, 10_000, 100_000)


def run_once(command: list[str], cwd: Path, pinned: bool = False) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MB) of one whole process."""
    if pinned:
        command = ["taskset", "-c", "0", *command]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def inputs(folder: Path, size: int) -> dict[str, Path]:
    """The same rows as Markdown (catlint), CSV (frictionless) and JSON with a schema (check-jsonschema)."""
    markdown = folder / f"catalogue-{size}.md"
    markdown.write_text(large_catalogue(ROOT / "catalogue.md", size), encoding="utf-8")
    csv, records = folder / f"catalogue-{size}.csv", folder / f"catalogue-{size}.json"
    for path, form in ((csv, "csv"), (records, "json")):
        subprocess.run(catlint("export", markdown, "--format", form, "--output", path), cwd=folder, env=environment(), check=True)
    record = json.loads((ROOT / "schema" / "catalogue.schema.json").read_text(encoding="utf-8"))
    definitions = record.pop("$defs", {})
    record.pop("$id", None)
    array = {"$schema": record.pop("$schema", "https://json-schema.org/draft/2020-12/schema"), "type": "array", "items": record,
             "$defs": definitions}
    schema = folder / "catalogue-array.schema.json"
    schema.write_text(json.dumps(array), encoding="utf-8")
    return {"markdown": markdown, "csv": csv, "json": records, "schema": schema}


def commands(paths: dict[str, Path], tools: dict[str, str]) -> dict[str, list[str]]:
    found = {"catlint check": catlint("check", paths["markdown"].name)}
    if tools.get("frictionless"):  # frictionless refuses absolute paths: it runs in the folder
        found["frictionless validate (CSV)"] = [tools["frictionless"], "validate", paths["csv"].name]
    if tools.get("check-jsonschema"):
        found["check-jsonschema (JSON)"] = [tools["check-jsonschema"], "--schemafile", paths["schema"].name, paths["json"].name]
    return found


def paired(folder: Path, runs: dict[str, list[str]], repeats: int) -> dict[str, dict]:
    """Median wall, CPU and peak of each command, and each peer's median ratio to catlint's wall time."""
    samples = {name: [] for name in runs}
    for attempt in range(repeats + 1):
        for name, command in runs.items():
            sample = run_once(command, folder)
            if attempt:  # the first round warms caches and writes byte-code
                samples[name].append(sample)
    mine = [wall for wall, _, _ in samples["catlint check"]]
    result = {}
    for name, values in samples.items():
        walls = [wall for wall, _, _ in values]
        result[name] = {"wall": statistics.median(walls), "cpu": statistics.median(cpu for _, cpu, _ in values),
                        "peak": max(peak for _, _, peak in values),
                        "ratio": statistics.median(own / theirs for own, theirs in zip(mine, walls))}
    return result


def section(when: str, rows: list[tuple[int, dict]], pinned: float | None) -> str:
    lines = [BEGIN, f"Measured {when} on {machine()}, with `python bench/peers.py`; medians of paired runs.", "",
             "| Rows | Command | Wall | CPU | Peak memory | catlint's wall / this |", "|---:|---|---:|---:|---:|---:|"]
    for size, results in rows:
        for name, value in results.items():
            ratio = "" if name == "catlint check" else f"{value['ratio']:.2f}"
            lines.append(f"| {size:,} | `{name}` | {value['wall']:.2f} s | {value['cpu']:.2f} s | {value['peak']:.0f} MB | {ratio} |")
    if pinned is not None:
        lines += ["", f"`catlint check` on 10,000 rows pinned to one core (`taskset -c 0`): {pinned:.3f} s (median)."]
    lines.append(END)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="3 repeats, no 100k rows, README untouched")
    parser.add_argument("--no-readme", action="store_true")
    arguments = parser.parse_args()
    repeats = 3 if arguments.quick else arguments.repeats
    tools = {name: shutil.which(name) for name in ("frictionless", "check-jsonschema")}
    found = ", ".join(f"{name} {path or 'not installed'}" for name, path in tools.items())
    print(f"{machine()}; peers: {found}")
    rows, pinned = [], None
    with tempfile.TemporaryDirectory(prefix="catlint-peers-") as name:
        folder = Path(name)
        for size in SIZES[:2] if arguments.quick else SIZES:
            paths = inputs(folder, size)
            results = paired(folder, commands(paths, tools), repeats if size < 100_000 else max(3, repeats // 2))
            rows.append((size, results))
            for command, value in results.items():
                print(f"  {size:>7} rows  {command:<30} {value['wall']:6.2f} s wall {value['cpu']:6.2f} s CPU "
                      f"{value['peak']:5.0f} MB  ratio {value['ratio']:.2f}", flush=True)
            if size == 10_000 and shutil.which("taskset"):
                pinned = statistics.median(run_once(catlint("check", paths["markdown"].name), folder, pinned=True)[0]
                                           for _ in range(repeats))
                print(f"  10,000 rows pinned to one core: {pinned:.3f} s", flush=True)
    text = section(time.strftime("%Y-%m-%d"), rows, pinned)
    print()
    print(text)
    if not (arguments.quick or arguments.no_readme):
        write_readme(text, BEGIN, END, after=BENCH_END)
        print(f"\nwritten to {README.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
