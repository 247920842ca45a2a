from catlint.cli import entry

entry()
