"""Benchmark `catlint server`: the time from a change to its diagnostics, as an editor sees it.

    python bench/server.py                 # catalogue.md (19 rows) and 10,000 rows
    python bench/server.py --repeats 31

Starts `python -m catlint server` (from this checkout's src/ when there is one),
opens the catalogue and then, like a user typing, changes one digit of a count
cell at a time (an incremental change, as VS Code and Neovim send), measuring
from sending `textDocument/didChange` until the `textDocument/publishDiagnostics`
for that version arrives. The time includes the server's debounce (50 ms).
Standard library only: a small JSON-RPC client over the server's pipes.
"""

from __future__ import annotations

import argparse
import json
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogues import large_catalogue  # noqa: E402
from run import ROOT, environment, machine  # noqa: E402

TARGETS = {"catalogue.md": 0.1, "10,000 rows": 1.5}  # seconds, from the issue


class Client:
    """Just enough of a language client: requests, notifications, and a queue of what arrives."""

    def __init__(self, cwd: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "catlint", "server"], cwd=cwd, env=environment(),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put((time.perf_counter(), json.loads(stream.read(length))))

    def send(self, message: dict) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return time.perf_counter()

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda message: message.get("id") == self.next_id)[1]

    def notify(self, method: str, params) -> float:
        return self.send({"method": method, "params": params})

    def wait(self, wanted, timeout: float = 120) -> tuple[float, dict]:
        deadline = time.monotonic() + timeout
        while True:
            arrived, message = self.messages.get(timeout=max(0.0, deadline - time.monotonic()))
            if wanted(message):
                return arrived, message

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=30)


def diagnostics_of(uri: str, version: int):
    return lambda message: (message.get("method") == "textDocument/publishDiagnostics"
                            and message["params"]["uri"] == uri and message["params"].get("version") == version)


def count_digit(text: str) -> tuple[int, int]:
    """(line, UTF-16 character) of the last digit of the Images cell in the middle row."""
    lines = text.split("\n")
    rows = [index for index, line in enumerate(lines) if line.startswith("|") and line[1:2] != "-"][1:]
    line = lines[rows[len(rows) // 2]]
    start = [index for index, char in enumerate(line) if char == "|"][4]  # the Images cell ends at the fifth pipe
    digit = max(index for index in range(start) if line[index].isdigit())
    return rows[len(rows) // 2], len(line[:digit].encode("utf-16-le")) // 2


def round_trips(text: str, folder: Path, repeats: int) -> tuple[list[float], float, int]:
    """(change-to-diagnostics seconds, open-to-diagnostics seconds, diagnostics count)."""
    path = folder / "catalogue.md"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client = Client(folder)
    try:
        client.request("initialize", {"processId": None, "rootUri": folder.as_uri(), "capabilities": {}})
        client.notify("initialized", {})
        sent = client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        arrived, first = client.wait(diagnostics_of(uri, 1))
        opening, found = arrived - sent, len(first["params"]["diagnostics"])
        line, character = count_digit(text)
        digits = ("1", "2")
        times = []
        for version in range(2, repeats + 2):
            change = {"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character + 1}},
                      "text": digits[version % 2]}
            sent = client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            arrived, _ = client.wait(diagnostics_of(uri, version))
            times.append(arrived - sent)
            time.sleep(0.2)  # a pause between keystrokes: each change is its own round trip
        client.close()
    finally:
        if client.process.poll() is None:
            client.process.kill()
    return times, opening, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21)
    arguments = parser.parse_args()
    print(machine())
    rows = []
    with tempfile.TemporaryDirectory(prefix="catlint-bench-server-") as folder:
        for label, text, repeats in (("catalogue.md", (ROOT / "catalogue.md").read_text(encoding="utf-8"), arguments.repeats),
                                     ("10,000 rows", large_catalogue(ROOT / "catalogue.md", 10_000), max(5, arguments.repeats // 3))):
            times, opening, found = round_trips(text, Path(folder), repeats)
            median, worst = statistics.median(times), max(times)
            verdict = "met" if median < TARGETS[label] else "NOT MET"
            rows.append((label, median, worst, opening, found, verdict))
            print(f"  {label:<13} change to diagnostics: median {median * 1000:.0f} ms, slowest {worst * 1000:.0f} ms "
                  f"({len(times)} changes); open {opening * 1000:.0f} ms; {found} diagnostics; target {TARGETS[label]} s {verdict}", flush=True)
    print()
    print("| Document | Change to diagnostics (median) | Slowest | Open to diagnostics | Target |")
    print("|---|---:|---:|---:|---|")
    for label, median, worst, opening, _, verdict in rows:
        print(f"| {label} | {median * 1000:.0f} ms | {worst * 1000:.0f} ms | {opening * 1000:.0f} ms | < {TARGETS[label] * 1000:.0f} ms: {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
