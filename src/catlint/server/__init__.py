"""`catlint server`: a language server over stdio for Markdown files that hold a catalogue table.

Diagnostics on open, change (debounced) and save, in the client's position
encoding; a quick fix per finding, `source.fixAll.catlint` and formatting (what
`catlint fix` writes); hover on a cell. Configuration is the CLI's
`[tool.catlint]`, read again when it changes. Network rules never run here.

Modules: protocol (the messages wired up), documents (the open texts),
positions (encodings), settings (configuration), analysis (checking and fixing
one text), linting (when checks run and results are published), convert
(diagnostics and edits), actions, hover.
"""
