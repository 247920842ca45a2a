"""Output formats, one module each, behind one interface: `render(diagnostics, run) -> str`.

`run` is a Run: the files checked and the rules that ran. Modules are imported
only when their format is asked for.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

FORMATS = {
    "text": "text",
    "json": "json_format",
}


@dataclass(frozen=True)
class Run:
    files: tuple[str, ...]
    rules: tuple
    unreadable: int = 0
    fix_command: str = "catlint fix"  # what applies the fixes of these diagnostics


def render(format_name: str, diagnostics, run: Run) -> str:
    module = importlib.import_module(f"{__name__}.{FORMATS[format_name]}")
    return module.render(diagnostics, run)
