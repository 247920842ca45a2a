"""The rules: one module per rule, each declaring `RULE = Rule(...)` (see `contract`).

Adding a rule is adding a module here; helpers that only rules use live in
`_support`. Modules are found by name, so nothing lists the rules by hand.

A rule's docstring (`catlint rule CODE` prints it) is a summary line, the
rationale, then `Fails:` and `Passes:` sections of examples indented by four
spaces, which the tests run. An example is Markdown as catalogue.md holds it:
rows under the standard eight-column header, or a whole document when it has
its own delimiter row; blank lines and footnotes belong to it. Lines of
`[tool.catlint]` TOML before the table configure it. A note in parentheses on
its own line ends an example and says why; `(saved as ENCODING)` and
`(link check: OUTCOME [STATUS] [STATUS to URL, ...][; detail])` also say what
the file's encoding or every link's checked result is. Each rule also has
fixtures in tests/rules/<CODE>-<name>/.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache

from catlint.rules.contract import Rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule module's RULE, by code; two rules with one code or name are an error."""
    rules = []
    for name in _rule_modules():
        rules.append(importlib.import_module(f"{__name__}.{name}").RULE)
    for attribute in ("code", "name"):
        values = [getattr(rule, attribute) for rule in rules]
        twice = {value for value in values if values.count(value) > 1}
        if twice:
            raise RuntimeError(f"two rules share the {attribute} {sorted(twice)[0]}")
    return tuple(sorted(rules, key=lambda rule: rule.code))


def _rule_modules() -> list[str]:
    """The rule modules' names: this folder's .py files but `contract` and private ones (listed
    directly: pkgutil would import inspect, a fifth of a small run's start-up)."""
    names = {entry[:-3] for folder in __path__ for entry in os.listdir(folder) if entry.endswith(".py")}
    return sorted(name for name in names if not name.startswith("_") and name != "contract" and name.isidentifier())


def find_rule(code_or_name: str) -> Rule | None:
    wanted = code_or_name.strip()
    return next((rule for rule in all_rules() if wanted.upper() == rule.code or wanted.lower() == rule.name), None)
