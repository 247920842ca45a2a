"""One module per subcommand: HELP, add_arguments(parser) and run(arguments) -> exit code."""

from catlint.commands import check, export, fix, rules

COMMANDS = {
    "check": check,
    "fix": fix,
    "export": export,
    "rules": rules.ListRules,
    "rule": rules.ShowRule,
}
