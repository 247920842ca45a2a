"""What the engine gives the rules for one document: the catalogue and the settings in force."""

from __future__ import annotations

from catlint.engine.config import Config
from catlint.reading.knowledge import load_knowledge
from catlint.reading.security import load_security
from catlint.reading.layout import resolve_style
from catlint.rules.contract import Context


def build_context(catalogue, config: Config, link_results: dict | None = None, table_style: str | None = None) -> Context:
    """The rules' context. `table_style` is the layout to keep (aligned or compact); by default the
    configuration's, `keep` resolved from this table."""
    return Context(
        catalogue=catalogue,
        table_style=table_style or resolve_style(catalogue, config.table_style),
        link_results=link_results,
        load_knowledge=lambda: load_knowledge(config.knowledge),
        load_security=load_security,
        per_row_ignores=config.per_row_ignores,
        config_path=config.path,
        enabled=config.enabled,
    )
