"""One module per subcommand: HELP, add_arguments(parser) and run(arguments) -> exit code."""

from catlint.commands import changed_checks, check, export, fix, links, rules

COMMANDS = {
    "check": check,
    "fix": fix,
    "export": export,
    "links": links,
    "rules": rules.ListRules,
    "rule": rules.ShowRule,
    "changed-checks": changed_checks,
}
