"""The subcommands: one module each, with add_arguments(parser) and run(arguments) -> exit code.

A module is imported only when its command runs (or its --help is asked for): a check does not
pay for the link checker, the exporter or the language server."""

from __future__ import annotations

from importlib import import_module
from typing import NamedTuple


class Command(NamedTuple):
    module: str
    attribute: str | None  # the object in the module that has add_arguments and run; None: the module
    help: str

    def load(self):
        module = import_module(f"catlint.commands.{self.module}")
        return getattr(module, self.attribute) if self.attribute else module


COMMANDS = {
    "check": Command("check", None, "check catalogue files and report problems (- : standard input)"),
    "fix": Command("fix", None, "repair and normalise catalogue files in place (- : standard input to standard output)"),
    "export": Command("export", None, "export the catalogue rows as records valid against the schema"),
    "links": Command("links", None, "check each row's link over the network (results cached; --offline reads the cache only)"),
    "rules": Command("rules", "ListRules", "list the rules: code, name, severity, fixability, summary"),
    "rule": Command("rules", "ShowRule", "print one rule's documentation"),
    "knowledge": Command("knowledge", None, "print the evidence knowledge: words, acronyms and links, and what each implies"),
    "changed-checks": Command("changed_checks", None, "list what the commits since a base change in catlint's configuration, schema and code (for pull-request reviews)"),
    "server": Command("server", None, "run the language server for editors over stdio (needs the `server` extra: pip install 'catlint[server]')"),
}
