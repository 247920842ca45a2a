"""Benchmark the review formats against text output on catalogues where every row has fixes.

    python bench/review.py              # 4,000, 8,000 and 16,000 fixable rows, 5 runs each
    python bench/review.py --repeats 3

Each row of a large, well-kept catalogue (bench/catalogues.py) links over http
instead of https: an unsafe fix (insecure-link) and, as the cell is one
character shorter, a safe one (table-layout). `github-review` and `rdjson`
build one suggestion per line or per finding from that line alone, so their
time should grow like `text`'s: linearly in the number of findings.
Standard library only; prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogues import large_catalogue  # noqa: E402
from run import ROOT, catlint, machine, measure  # noqa: E402

SIZES = (4_000, 8_000, 16_000)
FORMATS = ("text", "github-review", "rdjson")


def fixable_catalogue(rows: int) -> str:
    return large_catalogue(ROOT / "catalogue.md", rows).replace("| https://", "| http://")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    arguments = parser.parse_args()
    print(f"{machine()}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="catlint-bench-review-") as folder:
        for size in SIZES:
            path = Path(folder) / f"catalogue-{size}.md"
            path.write_text(fixable_catalogue(size), encoding="utf-8")
            for output_format in FORMATS:
                seconds, peak, code = measure(catlint("check", "--output-format", output_format, path), arguments.repeats, cwd=Path(folder))
                results[size, output_format] = seconds
                print(f"  {size:>6} rows  {output_format:<14} {seconds:6.2f} s  {peak:5.0f} MB  exit {code}", flush=True)
    print()
    print("| Fixable rows | " + " | ".join(f"`{name}`" for name in FORMATS) + " |")
    print("|---:|" + "---:|" * len(FORMATS))
    for size in SIZES:
        print(f"| {size:,} | " + " | ".join(f"{results[size, name]:.2f} s" for name in FORMATS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
