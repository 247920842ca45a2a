"""What a change does to the checks that judge it: catlint's configuration, its schema data and its code.

The pull-request workflow runs catlint, its schema, its security data and its
configuration as they are on the base branch, so a pull request cannot loosen
the checks that judge it. What it would change once merged is listed here for
the reviewer, from git alone (`git diff`, `git show`); nothing of the change
is imported or run, and its configuration is read as data.

Each item is a path and a list of fragments: plain strings are catlint's own
words, `Quoted` ones come from the change and are escaped by each output.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import PurePosixPath

from catlint.engine.config import Config, enabled_rules, parse_config, parse_toml
from catlint.errors import CatlintError
from catlint.rules import all_rules

MAX_ITEMS = 40  # a change can touch thousands of files; the reviewer needs to know it does
SCHEMA_FILES = {
    "catalogue.schema.json": "the record schema: columns, vocabularies, aliases and counts (what every value is checked and exported against)",
    "knowledge.json": "what source names, acronyms and links imply (the consistency rules)",
    "knowledge.schema.json": "the shape of the knowledge file (the consistency rules)",
    "security.json": "what the security rules allow: link schemes, script mixes, invisible characters, non-public hosts",
}
UNICODE_DATA = "Unicode's data for invisible and look-alike text (the invisible-character and look-alike rules)"


@dataclass(frozen=True)
class Quoted:
    """Text that comes from the change (a path, a source name, a reason): untrusted."""

    text: str


@dataclass(frozen=True)
class Item:
    path: str
    fragments: tuple  # str | Quoted


def changed_checks(directory: str, base: str) -> list[Item]:
    """What the commits since `base` (from where HEAD forked off it) change in the checks."""
    fork = _git(directory, "merge-base", base, "HEAD").decode().strip()
    names = _git(directory, "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", fork, "HEAD")
    items = []
    for path in sorted(name.decode("utf-8", "replace") for name in names.split(b"\0") if name):
        items += _judge(directory, fork, path)
    if len(items) > MAX_ITEMS:
        items = items[:MAX_ITEMS] + [Item("...", (f"and {len(items) - MAX_ITEMS} more changes to catlint's checks",))]
    return items


def _judge(directory: str, fork: str, path: str) -> list[Item]:
    name = PurePosixPath(path)
    if name.name in ("catlint.toml", "pyproject.toml"):
        return _configuration(path, _show(directory, fork, path), _show(directory, "HEAD", path))
    if path.startswith("schema/"):
        what = UNICODE_DATA if path.startswith("schema/unicode/") else SCHEMA_FILES.get(name.name, "data catlint may read")
        return [Item(path, (what,))]
    if path.startswith("src/catlint/"):
        return [Item(path, _code(path))]
    if path.startswith(".github/workflows/"):
        return [Item(path, ("a workflow: how and with what catlint runs on the repository",))]
    if name.name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        return [Item(path, ("the pre-commit hooks that run catlint",))]
    return []


def _code(path: str) -> tuple:
    module = PurePosixPath(path).relative_to("src").with_suffix("").as_posix().replace("/", ".")
    rule = next((rule for rule in all_rules() if rule.check.__module__ == module), None)
    if rule is not None:
        return ("the code of ", f"{rule.code} {rule.name}")
    if module.startswith("catlint.rules."):
        return ("a rule module the base branch does not have",)
    return ("catlint's own code, which every check runs",)


def _configuration(path: str, before: bytes | None, after: bytes | None) -> list[Item]:
    tables = []
    for data in (before, after):
        try:
            document = parse_toml(data, path) if data is not None else {}
        except CatlintError as error:
            return [Item(path, ("is not a valid configuration: ", Quoted(str(error))))]
        tables.append(document.get("tool", {}).get("catlint") if path.endswith("pyproject.toml") else document)
    items = []
    if path.endswith("pyproject.toml") and _outside_catlint(before, after, path):
        items.append(Item(path, ("outside [tool.catlint]: how catlint is built and installed",)))
    if tables[0] == tables[1]:
        return items
    try:
        old, new = (parse_config(table or {}, path) if table is not None else Config() for table in tables)
    except CatlintError as error:
        return items + [Item(path, ("its catlint configuration is not valid: ", Quoted(str(error))))]
    return items + [Item(path, fragments) for fragments in _configuration_changes(old, new, tables)]


def _outside_catlint(before, after, path) -> bool:
    documents = [parse_toml(data, path) if data is not None else {} for data in (before, after)]
    for document in documents:
        document.get("tool", {}).pop("catlint", None)
    return documents[0] != documents[1]


def _configuration_changes(old: Config, new: Config, tables) -> list[tuple]:
    rules = {rule.code: rule for rule in all_rules()}
    before = {rule.code for rule in enabled_rules(old.select, old.ignore)}
    after = {rule.code for rule in enabled_rules(new.select, new.ignore)}
    changes = []
    if before - after:
        changes.append(("turns off ", ", ".join(f"{code} {rules[code].name}" for code in sorted(before - after))))
    if after - before:
        changes.append(("turns on ", ", ".join(f"{code} {rules[code].name}" for code in sorted(after - before))))
    for code in sorted(before & after):
        was, now = old.severity.get(code, rules[code].severity), new.severity.get(code, rules[code].severity)
        if was != now:
            changes.append((f"{code} {rules[code].name}: {was} becomes {now}",))
    old_ignores, new_ignores = set(old.per_row_ignores), set(new.per_row_ignores)
    for ignore in sorted(new_ignores - old_ignores, key=lambda entry: entry.source):
        changes.append(("ignores ", ", ".join(ignore.codes), " for the row ", Quoted(ignore.source), ", because ", Quoted(ignore.reason)))
    for ignore in sorted(old_ignores - new_ignores, key=lambda entry: entry.source):
        changes.append(("no longer ignores ", ", ".join(ignore.codes), " for the row ", Quoted(ignore.source)))
    for key in ("schema", "knowledge", "table-style", "links-cache"):
        was, now = ((table or {}).get(key) for table in tables)
        if was != now:
            changes.append((f"{key}: ", Quoted(str(was)), " becomes ", Quoted(str(now))))
    return changes


def _show(directory: str, commit: str, path: str) -> bytes | None:
    try:
        return _git(directory, "show", f"{commit}:{path}")
    except CatlintError:
        return None  # not in that commit


def _git(directory: str, *arguments: str) -> bytes:
    try:
        done = subprocess.run(["git", *arguments], cwd=directory, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise CatlintError("changed-checks needs git, which was not found") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CatlintError(f"git {arguments[0]}: {reason[0] if reason else 'failed'}")
    return done.stdout
