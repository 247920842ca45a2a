"""One module per subcommand: HELP, add_arguments(parser) and run(arguments) -> exit code."""

from catlint.commands import changed_checks, check, export, fix, knowledge, links, rules, server

COMMANDS = {
    "check": check,
    "fix": fix,
    "export": export,
    "links": links,
    "rules": rules.ListRules,
    "rule": rules.ShowRule,
    "knowledge": knowledge,
    "changed-checks": changed_checks,
    "server": server,
}
