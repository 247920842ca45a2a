"""Benchmark catlint as users run it: whole processes, medians, peak memory; writes README's table.

Besides catalogues of 1,000 to 100,000 rows it checks adversarial inputs: long cells of
repeated openers, and inputs that once cost more than linear time (a catalogue saved in
cp1252, a configuration key nested 100,000 levels, single long lines) at doubling sizes.

    python bench/run.py                  # everything, then the README's Performance section
    python bench/run.py --quick          # fewer repeats, no 100k rows; README untouched
    python bench/run.py --no-readme

Standard library only. catlint runs as `python -m catlint`: from this checkout's src/
when there is one (what is being measured), else the installed package. Byte-code
caching is on, as in an installed package, whatever PYTHONDONTWRITEBYTECODE says.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogues import ADVERSARIAL, adversarial_catalogue, deep_configuration, large_catalogue, legacy_catalogue  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
SIZES = (1_000, 10_000, 100_000)
ADVERSARIAL_LENGTH = 100_000
ADVERSARIAL_BOUND = 5.0  # seconds for a whole check of one 100k-character cell
SUPERLINEAR = 2.6  # a check of a cell twice as long may take at most this much longer
COLUMNS = {"source": 0, "data types": 1, "images": 3, "licence": 6, "link": 7}
GROWTH_ROWS = (5_000, 10_000, 20_000)  # a cp1252 catalogue, doubling
GROWTH_DEPTHS = (25_000, 50_000, 100_000, 200_000)  # levels of one TOML key, doubling
GROWTH_BOUND = 2.2  # at most this much slower per doubling
GROWTH_CHARACTERS = (250_000, 500_000, 1_000_000, 2_000_000)  # one long line, doubling
_TABLE = adversarial_catalogue("x", 1, 0)
_ROW = "| MedPix | CT | Brain | 53,000 | 12,000 | Open | Open | "  # up to its link
LONG_LINES = (  # (label, unit, input of a size, note): lines that once cost quadratic time or memory per character
    ("a footnote line ¹ x, N spaces, y", "characters", lambda size: _TABLE + "\n\u00b9 x" + " " * size + "y\n", "the note pattern is linear"),
    ("a line of N pipes under the table", "pipes", lambda size: _TABLE + "|" * size + "\n", "a row of N cells: one reference each"),
    ("a row of a name, then N pipes", "pipes", lambda size: _TABLE + "| MedPix " + "|" * size + "\n", "counted without a tuple per cell"),
    ("a link of N slashes, then a letter", "slashes",
     lambda size: _TABLE + _ROW + "https://medpix.nlm.nih.gov/" + "/" * size + "x |\n", "a run is tried from its first slash"),
    ("a short row whose last cell holds N spaces", "spaces",
     lambda size: _TABLE + "| MedPix | CT | Brain | 53,000 | 12,000 | Open | a" + " " * size + "b |\n", "a run is tried from its first space"),
    ("a term, a comment, then `<!--` to N characters", "characters",
     lambda size: _TABLE + "| MedPix | MR <!-- a --> " + "<!--" * (size // 4) + " | Brain | 1 | 1 | Open | Open | https://e.org |\n",
     "a fix's comments found in one pass"),
)


def environment() -> dict:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "GITHUB_ACTIONS")}
    if (ROOT / "src" / "catlint").is_dir():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH", "")]))
    return env


def measure(command: list[str], repeats: int, cwd: Path = ROOT) -> tuple[float, float, int]:
    """(median seconds, peak resident MB, exit code) of `repeats` runs after one warm-up run."""
    times, peaks, code = [], [], None
    for attempt in range(repeats + 1):
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if attempt:  # the first run writes byte-code and warms the file cache
            times.append(elapsed)
            peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks), code


def catlint(*args) -> list[str]:
    return [sys.executable, "-m", "catlint", *map(str, args)]


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = " ".join(line.split(":", 1)[1].split())
                break
    except OSError:
        model = platform.processor() or model
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{model}, {cores} cores available, Python {platform.python_version()}, {platform.system()}"


def run_baselines(repeats: int) -> list[tuple]:
    rows = []
    for label, command in (("`python -c pass`", [sys.executable, "-c", "pass"]),
                           ('`python -c "import mistune, jsonschema"`', [sys.executable, "-c", "import mistune, jsonschema"]),
                           ("`catlint check catalogue.md`", catlint("check", "catalogue.md")),
                           ("`catlint fix --diff catalogue.md`", catlint("fix", "--diff", "catalogue.md"))):
        rows.append((label, *measure(command, repeats)))
        print(f"  {label}: {rows[-1][1]:.3f} s, {rows[-1][2]:.0f} MB", flush=True)
    return rows


def run_sizes(folder: Path, sizes, repeats: int) -> list[tuple]:
    rows = []
    for size in sizes:
        path = folder / f"catalogue-{size}.md"
        path.write_text(large_catalogue(ROOT / "catalogue.md", size), encoding="utf-8")
        for command in ("check", "fix --diff", "export --format jsonl"):
            seconds, peak, code = measure(catlint(*command.split(), path), repeats if size < 100_000 else max(1, repeats // 2), cwd=folder)
            rows.append((size, command, seconds, peak, code))
            print(f"  {size:>7} rows  {command:<20} {seconds:7.3f} s  {peak:6.0f} MB  exit {code}", flush=True)
    return rows


def run_adversarial(folder: Path, length: int) -> list[tuple]:
    """Each pattern in each column: a whole check of one long cell, and of a cell twice as long."""
    rows = []
    for name, pattern in ADVERSARIAL.items():
        worst = None
        for column_name, column in COLUMNS.items():
            timings = []
            for size in (length, 2 * length):
                path = folder / "adversarial.md"
                path.write_text(adversarial_catalogue(pattern, size, column), encoding="utf-8")
                timings.append(measure(catlint("check", path), 1, cwd=folder)[0])
            if worst is None or timings[0] > worst[1]:
                worst = (column_name, *timings)
        rows.append((name, *worst))
        column_name, single, double = worst
        flag = ("" if single <= ADVERSARIAL_BOUND else "  OVER THE BOUND") + ("  SUPERLINEAR" if double / single > SUPERLINEAR else "")
        print(f"  {name:<28} worst in {column_name:<10} {single:6.3f} s   2x length: {double / single:4.1f}x{flag}", flush=True)
    return rows


def run_growth(folder: Path, repeats: int) -> list[tuple]:
    """Inputs that once cost more than linear time, at doubling sizes: (label, unit, [(size, seconds)], note)."""
    rows = []
    for label, accented in (("a catalogue saved in cp1252", False), ("cp1252 with a non-ASCII letter in every row", True)):
        legacy, utf8 = [], []
        for size in GROWTH_ROWS:
            encoded, plain = legacy_catalogue(ROOT / "catalogue.md", size, accented=accented)
            for name, data, timings in (("cp1252", encoded, legacy), ("utf8", plain, utf8)):
                path = folder / f"{name}-{size}.md"
                path.write_bytes(data)
                timings.append((size, measure(catlint("check", path), repeats, cwd=folder)[0]))
            print(f"  {label}: {size:>7} rows ({len(encoded) / 1e6:.1f} MB) {legacy[-1][1]:6.3f} s, in UTF-8 {utf8[-1][1]:6.3f} s", flush=True)
        worst = max(slow / fast for (_, slow), (_, fast) in zip(legacy, utf8))
        rows.append((label, "rows", legacy, f"at most {worst:.1f}x the same rows in UTF-8"))
    deep = []
    for depth in GROWTH_DEPTHS:
        directory = folder / f"deep-{depth}"
        directory.mkdir()
        (directory / "catlint.toml").write_text(deep_configuration(depth), encoding="utf-8")
        (directory / "catalogue.md").write_text(large_catalogue(ROOT / "catalogue.md", 10), encoding="utf-8")
        seconds, _, code = measure(catlint("check", "catalogue.md"), repeats, cwd=directory)
        deep.append((depth, seconds))
        print(f"  a TOML key {depth:>7} levels deep: {seconds:6.3f} s, exit {code}", flush=True)
    rows.append(("catlint.toml with one key nested N levels", "levels", deep, "a one-line error, exit 2"))
    for label, unit, make, note in LONG_LINES:
        timings = []
        for size in GROWTH_CHARACTERS:
            path = folder / "long-line.md"
            path.write_text(make(size), encoding="utf-8")
            seconds, peak, _ = measure(catlint("check", path), repeats, cwd=folder)
            timings.append((size, seconds))
            print(f"  {label}, {size:,} {unit}: {seconds:6.3f} s, {peak:.0f} MB", flush=True)
        rows.append((label, unit, timings, note))
    for label, _, timings, _ in rows:
        ratios = [later / earlier for (_, earlier), (_, later) in zip(timings, timings[1:])]
        flag = "  SUPERLINEAR" if max(ratios, default=0) > GROWTH_BOUND else ""
        print(f"  {label}: {', '.join(f'{ratio:.2f}x' for ratio in ratios)} per doubling{flag}", flush=True)
    return rows


def growth_lines(growth) -> list[str]:
    lines = ["", f"Inputs that once grew faster than their size, at doubling sizes (whole `catlint check`, median of runs;",
             f"linear is at most {GROWTH_BOUND}x per doubling, start-up included):", "",
             "| Input | Sizes | Check | Per doubling | |", "|---|---|---|---|---|"]
    for label, unit, timings, note in growth:
        ratios = [later / earlier for (_, earlier), (_, later) in zip(timings, timings[1:])]
        lines.append(f"| {label} | {' / '.join(f'{size:,}' for size, _ in timings)} {unit} | "
                     f"{' / '.join(f'{seconds:.2f}' for _, seconds in timings)} s | "
                     f"{', '.join(f'{ratio:.2f}x' for ratio in ratios)} | {note} |")
    return lines


def readme_section(when: str, baselines, sizes, adversarial, growth=()) -> str:
    lines = [BEGIN, f"Measured {when} on {machine()}, with `python bench/run.py`.", "",
             "| Command | Median | Peak memory |", "|---|---:|---:|"]
    lines += [f"| {label} | {seconds:.3f} s | {peak:.0f} MB |" for label, seconds, peak, _ in baselines]
    lines += [f"| `catlint {command}` on {size:,} rows | {seconds:.3f} s | {peak:.0f} MB |" for size, command, seconds, peak, _ in sizes]
    if adversarial:
        slowest = max(adversarial, key=lambda row: row[2])
        ratio = max(row[3] / row[2] for row in adversarial)
        lines += ["", f"Adversarial cells: {len(adversarial)} patterns of {ADVERSARIAL_LENGTH:,} characters (runs of one character,",
                  "openers that never close) in each of 5 columns, one whole `catlint check` each: the slowest took",
                  f"{slowest[2]:.3f} s ({slowest[0]!r} in the {slowest[1]} column; bound {ADVERSARIAL_BOUND:.0f} s), and doubling",
                  f"a cell's length made a check at most {ratio:.1f}x slower (linear: 2x at most, start-up included;",
                  f"flagged above {SUPERLINEAR}x)."]
        lines += ["", "| Pattern (100k characters) | Worst column | Check | 2x longer |", "|---|---|---:|---:|"]
        lines += [f"| {name} | {column} | {single:.2f} s | {double / single:.1f}x |" for name, column, single, double in
                  sorted(adversarial, key=lambda row: -row[2])[:8]]
    if growth:
        lines += growth_lines(growth)
    lines.append(END)
    return "\n".join(lines)


def write_readme(section: str, begin: str = BEGIN, end: str = END, after: str | None = None) -> None:
    """Replace README's section between `begin` and `end`; a new one goes after the line `after`,
    or in a new Performance section at the end."""
    text = README.read_text(encoding="utf-8")
    if begin in text and end in text:
        text = text[: text.index(begin)] + section + text[text.index(end) + len(end) :]
    elif after is not None and after in text:
        text = text.replace(after, after + "\n\n" + section, 1)
    else:
        text = text.rstrip("\n") + "\n\n## Performance\n\n" + section + "\n"
    README.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=11)
    parser.add_argument("--quick", action="store_true", help="3 repeats, no 100k rows, README untouched")
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument("--no-adversarial", action="store_true")
    arguments = parser.parse_args()
    repeats = 3 if arguments.quick else arguments.repeats
    sizes = SIZES[:2] if arguments.quick else SIZES
    print(f"catlint from {'the checkout' if 'PYTHONPATH' in environment() else 'the installed package'}; {machine()}")
    with tempfile.TemporaryDirectory(prefix="catlint-bench-") as folder:
        print("start-up and the project's catalogue:")
        baselines = run_baselines(repeats)
        print("generated catalogues:")
        sized = run_sizes(Path(folder), sizes, repeats)
        adversarial, growth = [], []
        if not arguments.no_adversarial:
            print(f"adversarial cells of {ADVERSARIAL_LENGTH:,} characters:")
            adversarial = run_adversarial(Path(folder), ADVERSARIAL_LENGTH)
            print("adversarial inputs at doubling sizes:")
            growth = run_growth(Path(folder), max(3, repeats // 2))
    section = readme_section(time.strftime("%Y-%m-%d"), baselines, sized, adversarial, growth)
    print()
    print(section)
    if not (arguments.quick or arguments.no_readme):
        write_readme(section)
        print(f"\nwritten to {README.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
