from catlint.commands.cli import entry

entry()
