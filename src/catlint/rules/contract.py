"""The contract between the engine and the rules: what a rule declares, and what it is given.

A rule module declares `RULE = Rule(...)`: its stable code and name, its
default severity, whether and how it fixes, and what it needs. The engine
selects and schedules rules by these attributes alone, and gives `check` a
`Context` holding everything the rule may read; a rule keeps no state of its
own between documents.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, NamedTuple

from catlint.diagnostics import Finding

FIXES = ("never", "safe", "unsafe", "sometimes")
SEVERITIES = ("error", "warning", "info")
# What a rule may need besides the catalogue, each changing when the engine runs it: link results
# from the network (only with `catlint links` or `check --links`), or the outcome of the per-row
# ignores (after the other rules). Every rule sees the whole table.
NEEDS = frozenset({"network", "suppression"})


def selector_matches(selector: str, code: str, name: str) -> bool:
    """A selector names a rule by its code, a prefix of codes (CAT1) or its name."""
    return code.startswith(selector.upper()) or selector.lower() == name


class Rule(NamedTuple):
    code: str  # CAT + three digits: 0xx structure, 1xx values, 2xx normal form, 3xx consistency, 4xx security, 5xx links
    name: str  # kebab-case, what `--select`/`--ignore` and per-row ignores accept besides the code
    severity: str
    fix: str  # never, safe, unsafe or sometimes
    check: Callable[["Context"], Iterable[Finding]]
    documentation: str  # summary line, rationale, then Fails: and Passes: examples
    needs: frozenset = frozenset()
    changes_values: bool = False  # its fixes repair values (encoding damage): the fixer proves them otherwise
    reshapes_rows: bool = False  # its fix may change a row's cell count (splitting a tab-separated paste)
    lays_out_rows: bool = False  # its fix rewrites a row in the table's layout (the layout rule)
    fix_command: str = "catlint fix"  # what applies its fixes (link fixes need the network's answer)

    @property
    def summary(self) -> str:
        return self.documentation.strip().splitlines()[0] if self.documentation.strip() else ""


class Context:
    """Everything a rule reads, for one document. `shared` memoises work several rules share
    (the links on the page, the evidence of each row), for this document only."""

    def __init__(self, catalogue: Any, table_style: str = "aligned", link_results: dict | None = None,
                 load_knowledge: Callable[[], Any] | None = None, load_security: Callable[[], Any] | None = None, per_row_ignores: tuple = (), config_path: str | None = None,
                 enabled: Callable[[str, str], bool] = lambda code, name: True, suppressed: frozenset = frozenset()):
        self.catalogue = catalogue  # catlint.reading.catalogue.Catalogue
        self.table_style = table_style  # the table's layout: aligned or compact (the engine resolves `keep`)
        self.link_results = link_results  # URL -> LinkResult, when links were checked
        self.load_knowledge = load_knowledge  # the evidence knowledge, loaded on first use
        self.load_security = load_security  # the security settings (catlint.reading.security.Security), likewise
        self.per_row_ignores = per_row_ignores
        self.config_path = config_path
        self.enabled = enabled  # whether a rule runs (for CAT310)
        self.suppressed = suppressed  # (ignore index, selector) pairs that suppressed a finding
        self.cache: dict = {}

    def shared(self, key, compute: Callable[[], Any]):
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    @property
    def knowledge(self):
        return self.shared("knowledge", self.load_knowledge)

    @property
    def security(self):
        return self.shared("security", self.load_security)
