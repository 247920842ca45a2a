"""Configuration: `[tool.catlint]` in pyproject.toml or a catlint.toml, found by walking up.

Configuration is data only: it is parsed as TOML and checked against the keys
below; nothing in it is imported or executed. Precedence: defaults < file < CLI.
A configuration cannot switch the linter off: a selector names rules (a code,
a family such as CAT1, or a name), and one that selects nothing or ignores
every rule is an error, as is a file nested past a sane depth.
"""

from __future__ import annotations

import re
import tomllib
from typing import NamedTuple
from pathlib import Path

from catlint.diagnostics import SEVERITIES
from catlint.errors import CatlintError
from catlint.nesting import MAX_DEPTH, too_deep, toml_depth
from catlint.rules import all_rules
from catlint.rules.contract import selector_matches

TABLE_STYLES = ("keep", "aligned", "compact")


class RowIgnore(NamedTuple):
    source: str
    codes: tuple[str, ...]
    reason: str


class Config(NamedTuple):
    path: str | None = None
    select: tuple[str, ...] = ("CAT",)
    ignore: tuple[str, ...] = ()
    severity: dict = {}  # never changed once made
    per_row_ignores: tuple[RowIgnore, ...] = ()
    schema: str | None = None
    knowledge: str | None = None
    table_style: str = "keep"
    links_cache: str | None = None

    def with_cli(self, select=None, ignore=None, extend_select=None, extend_ignore=None, scope=None) -> "Config":
        """The command line wins, as in ruff: --select replaces the file's select and its ignore
        (`--select CAT003` runs CAT003 even when the file ignores it), --ignore the file's ignore.
        --extend-select and --extend-ignore add to what is in force instead of replacing it; a rule
        named by --extend-select runs even when the file ignores it (the command line comes later),
        unless the command line ignores it too. With `scope`, the selection must leave a rule that
        the command at hand runs; the option or key that emptied it is named."""
        changed = self
        given = {"select": select, "ignore": ignore, "extend-select": extend_select, "extend-ignore": extend_ignore}
        for option, selectors in given.items():
            for selector in selectors or ():
                problem = selector_problem(selector)
                if problem:
                    raise CatlintError(f"--{option}: {problem}")
        for option in ("select", "ignore"):
            if given[option]:
                changed = changed._replace(**{option: tuple(given[option])})
        if select and not ignore:
            changed = changed._replace(ignore=())
        if extend_select or extend_ignore:
            changed = changed._extended(tuple(extend_select or ()), tuple(ignore or ()) + tuple(extend_ignore or ()))
        left = enabled_rules(changed.select, changed.ignore)
        if scope is not None and not any(scope.checks(rule) for rule in left):
            raise CatlintError(f"{self._what_selected(given)}: {_NOTHING}{scope.why_none(left)}")
        if not left:
            raise CatlintError(f"{self._what_selected(given)}: {_NOTHING}")
        return changed

    def _what_selected(self, given: dict) -> str:
        """The last command-line option that shaped the selection, else the file's key."""
        last = next((option for option in ("extend-ignore", "ignore", "extend-select", "select") if given[option]), None)
        if last:
            return f"--{last}"
        return f"{self.path}: [tool.catlint] {'ignore' if self.ignore else 'select'}"

    def _extended(self, extend_select: tuple, cli_ignore: tuple) -> "Config":
        """The rules in force plus `extend_select`, minus the command line's ignores, as codes."""
        codes = [rule.code for rule in all_rules()
                 if (self.enabled(rule.code, rule.name) or matches(extend_select, rule.code, rule.name))
                 and not matches(cli_ignore, rule.code, rule.name)]
        return self._replace(select=tuple(codes), ignore=())

    def enabled(self, code: str, name: str) -> bool:
        return matches(self.select, code, name) and not matches(self.ignore, code, name)


class Scope(NamedTuple):
    """Which rules a command runs: the link rules (they need the network's answers) only with
    `network`, and only they (with the per-row ignores' report) with `only_network`."""
    command: str = "check"
    network: bool = False
    only_network: bool = False

    def runs(self, rule) -> bool:
        return ((self.network or "network" not in rule.needs)
                and (not self.only_network or "network" in rule.needs or "suppression" in rule.needs))

    def checks(self, rule) -> bool:
        """Runs and reads the catalogue: CAT310 alone reports only on the rules that ran beside it."""
        return self.runs(rule) and "suppression" not in rule.needs

    def why_none(self, left) -> str:
        """Why the rules `left` by the selection do not count here ("" when none is left at all)."""
        if any("network" in rule.needs for rule in left) and not self.network:
            how = "only with --links or --offline" if self.command == "check" else "only in `catlint links` or `catlint check --links`"
            return f" by `catlint {self.command}`: the link rules (CAT5) run {how}"
        if self.only_network and any(not rule.needs for rule in left):
            return f" by `catlint {self.command}`, which runs only the link rules (CAT5); the others run in `catlint check`"
        if left:
            return f" by `catlint {self.command}`: unused-row-ignore reports only on the rules that run beside it"
        return ""


_HOW = "give codes such as CAT101, prefixes such as CAT1, or names such as invalid-count; see `catlint rules`"
_NOTHING = "with these selections no rule is left to check"
_FAMILY = re.compile(r"CAT\d{0,3}")


def selector_problem(selector: str) -> str | None:
    """Why a selector cannot be used; None when it names rules: a code, a family of codes (CAT, CAT1)
    or a rule name. A bare prefix such as C matches every rule without naming any."""
    if not selector.strip():
        return f"{selector!r} is empty, which would match every rule ({_HOW})"
    if any(selector.lower() == rule.name for rule in all_rules()):
        return None
    matched = [rule for rule in all_rules() if rule.code.startswith(selector.upper())]
    if matched and not _FAMILY.fullmatch(selector.upper()):
        return f"{selector!r} matches every rule without naming any ({_HOW})"
    return None if matched else f"{selector!r} matches no rule ({_HOW})"


def enabled_rules(select, ignore) -> list:
    return [rule for rule in all_rules() if matches(select, rule.code, rule.name) and not matches(ignore, rule.code, rule.name)]


def matches(selectors, code: str, name: str) -> bool:
    return any(selector_matches(selector, code, name) for selector in selectors)


def find_config(start: str) -> Path | None:
    """The nearest catlint.toml, or pyproject.toml with a [tool.catlint] table, above `start`."""
    directory = Path(start).resolve()
    directory = directory if directory.is_dir() else directory.parent
    for folder in (directory, *directory.parents):
        candidate = folder / "catlint.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "catlint" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def load_config(start: str, explicit: str | None = None) -> Config:
    path = Path(explicit) if explicit else find_config(start)
    if path is None:
        return Config()
    document = _read_toml(path)
    table = document.get("tool", {}).get("catlint", {}) if path.name == "pyproject.toml" else document
    return parse_config(table, str(path))


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return parse_toml(handle.read(), str(path))
    except OSError as error:
        raise CatlintError(f"{path}: cannot read the configuration: {error.strerror or error}") from None


def parse_toml(data: bytes, path: str) -> dict:
    """A configuration file's bytes as TOML; every problem is a one-line CatlintError naming `path`."""
    try:
        text = data.decode("utf-8")
        if toml_depth(text, stop_above=MAX_DEPTH) > MAX_DEPTH:  # before tomllib, which recurses and is quadratic on long keys
            raise too_deep(str(path), "configuration")
        return tomllib.loads(text)
    except UnicodeDecodeError as error:
        raise CatlintError(f"{path}: invalid TOML: not UTF-8 ({error.reason} at byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise CatlintError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise too_deep(str(path), "configuration") from None


_KEYS = ("select", "ignore", "severity", "per-row-ignores", "schema", "knowledge", "table-style", "links-cache")


def parse_config(table: dict, path: str) -> Config:
    def fail(key: str, problem: str):
        raise CatlintError(f"{path}: [tool.catlint] {key}: {problem}")

    for key in table:
        if key not in _KEYS:
            fail(key, f"unknown key (allowed: {', '.join(_KEYS)})")
    values = {"path": path}
    for key in ("select", "ignore"):
        if key in table:
            values[key] = tuple(_selectors(table[key], lambda problem, key=key: fail(key, problem)))
    if values.get("select") == ():
        fail("select", "is empty: it would select no rule (leave it out to select every rule)")
    if not enabled_rules(values.get("select", Config._field_defaults["select"]), values.get("ignore", ())):
        fail("ignore" if "ignore" in table else "select", _NOTHING)
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        fail("severity", "must be a table of rule code = severity")
    for code, level in severity.items():
        if not any(rule.code == code.upper() for rule in all_rules()):
            fail(f"severity.{code}", "is not a rule code (see `catlint rules`)")
        if level not in SEVERITIES:
            fail(f"severity.{code}", f"{level!r} is not one of {', '.join(SEVERITIES)}")
    values["severity"] = {code.upper(): level for code, level in severity.items()}
    values["per_row_ignores"] = tuple(_row_ignores(table.get("per-row-ignores", []), fail))
    for key in ("schema", "knowledge"):  # paths relative to the configuration file
        if key in table:
            if not isinstance(table[key], str):
                fail(key, "must be a path")
            values[key] = str(Path(path).parent / table[key])
    style = table.get("table-style", "keep")
    if style not in TABLE_STYLES:
        fail("table-style", f"{style!r} is not one of {', '.join(TABLE_STYLES)}")
    values["table_style"] = style
    if "links-cache" in table:
        if not isinstance(table["links-cache"], str):
            fail("links-cache", "must be a path")
        values["links_cache"] = str(Path(path).parent / table["links-cache"])
    return Config(**values)


def _string_list(value, fail) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        fail("must be a list of rule codes or names")
    return value


def _selectors(value, fail) -> list[str]:
    for selector in _string_list(value, fail):
        problem = selector_problem(selector)
        if problem:
            fail(problem)
    return value


def _row_ignores(entries, fail):
    if not isinstance(entries, list):
        fail("per-row-ignores", "must be an array of tables with source, codes and reason")
    for index, entry in enumerate(entries):
        key = f"per-row-ignores[{index}]"
        if not isinstance(entry, dict):
            fail(key, "must be a table with source, codes and reason")
        unknown = set(entry) - {"source", "codes", "reason"}
        if unknown:
            fail(f"{key}.{sorted(unknown)[0]}", "unknown key (allowed: source, codes, reason)")
        for required in ("source", "reason"):
            if not isinstance(entry.get(required), str) or not entry[required].strip():
                fail(f"{key}.{required}", "is required and must be a non-empty string")
        codes = _selectors(entry.get("codes"), lambda problem: fail(f"{key}.codes", problem))
        if not codes or not enabled_rules(("CAT",), tuple(codes)):
            fail(f"{key}.codes", "must name the rules to ignore for this row, not none or all of them")
        yield RowIgnore(entry["source"], tuple(code.upper() for code in codes), entry["reason"])
