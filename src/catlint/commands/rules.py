"""catlint rules / catlint rule CODE: what the rules are and why."""

from __future__ import annotations

from catlint.errors import CatlintError
from catlint.escaping import visible
from catlint.rules import all_rules, find_rule


class ListRules:

    @staticmethod
    def add_arguments(parser) -> None:
        parser.add_argument("--output-format", choices=("text", "json"), default="text",
                            help="text (default), or json: one array of {code, name, severity, fix, network, summary, documentation}")

    @staticmethod
    def run(arguments) -> int:
        if arguments.output_format == "json":
            from catlint.escaping import json_text

            print(json_text([{"code": rule.code, "name": rule.name, "severity": rule.severity, "fix": rule.fix,
                              "network": "network" in rule.needs, "summary": rule.summary,
                              "documentation": rule.documentation.strip()} for rule in all_rules()], indent=2))
            return 0
        for rule in all_rules():
            print(f"{rule.code}  {rule.name:<28} {rule.severity:<8} fix:{rule.fix:<9} {rule.summary}")
        return 0


class ShowRule:

    @staticmethod
    def add_arguments(parser) -> None:
        parser.add_argument("rule", metavar="CODE", help="rule code or name, e.g. CAT102 or invalid-count")

    @staticmethod
    def run(arguments) -> int:
        rule = find_rule(arguments.rule)
        if rule is None:
            raise CatlintError(f"no rule {arguments.rule!r} (see `catlint rules`)")
        print(f"{rule.code} {rule.name} (default severity: {rule.severity}; fix: {rule.fix})\n")
        print(visible(rule.documentation, keep="\n"))  # examples hold invisible and bidi characters: shown, not obeyed
        return 0
