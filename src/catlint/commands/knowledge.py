"""catlint knowledge: the evidence the consistency rules (CAT301, CAT302) read a row against.

Each line reads like the evidence a finding cites (`cardiacatlas.org → body
parts Heart` for `the link (cardiacatlas.org → Heart)`), so a reviewer can see
why a row was flagged and which entry to change.
"""

from __future__ import annotations

import json

from catlint.reading import knowledge as knowledge_module
from catlint.commands.common import DEFAULT_FILE, config_for, write_output
from catlint.reading.schema import load_schema
from catlint.rules import find_rule

FORMATS = ("text", "json")


def add_arguments(parser) -> None:
    parser.add_argument("--config", metavar="PATH", help="configuration file naming another knowledge file (default: nearest catlint.toml or pyproject.toml with [tool.catlint])")
    parser.add_argument("--output-format", default="text", choices=FORMATS, help="text for people, json for programs (default: text)")


def run(arguments) -> int:
    config = config_for(DEFAULT_FILE, arguments)  # the configuration `catlint check` would use here
    knowledge = knowledge_module.load_knowledge(config.knowledge)
    knowledge.check_vocabulary(load_schema(config.schema))  # as check would: a file it rejects is not listed
    listing = as_data(knowledge)
    as_json = arguments.output_format == "json"
    write_output(json.dumps(listing, ensure_ascii=False, indent=2) + "\n" if as_json else as_text(listing), None, as_json=as_json)
    return 0


def as_data(knowledge) -> dict:
    document = knowledge.document

    def implies(item: dict) -> dict:
        return {"data_types": item.get("data_types", []), "body_parts": item.get("body_parts", []),
                "multi_purpose": item.get("multi-purpose", False), "source": item.get("source")}

    entries = [{"kind": "words", "words": item["words"], **implies(item)} for item in document["words"]]
    entries += [{"kind": "acronym", "acronym": item["acronym"], "expansion": item["expansion"], **implies(item),
                 "expansion_words": [_word(word, entry) for word, entry in knowledge.words_in(item["expansion"])]}
                for item in document["acronyms"]]
    entries += [{"kind": "link", "host": item["host"], "path": item.get("path", "/"), **implies(item)} for item in document["links"]]
    purpose = document["multi-purpose"]
    return {
        "file": knowledge.path,
        "multi_purpose": {"body_parts": purpose["body-parts"], "min_data_types": purpose["min-data-types"], "min_body_parts": purpose["min-body-parts"]},
        "function_words": document["function-words"],
        "entries": entries,
    }


def _word(word: str, entry) -> dict:
    """A known word found in an acronym's expansion, and what it implies."""
    return {"word": word, "data_types": list(entry.data_types), "body_parts": list(entry.body_parts), "multi_purpose": entry.general}


SECTIONS = {
    "words": "Words in the source name (whole words, any case):",
    "acronym": "Acronyms in the source name (as written), and the known words of their expansions:",
    "link": "Links (the host or any subdomain of it, and a path prefix):",
}


def _strengths() -> str:
    """Which rule reports each strength of evidence, with its code and severity as the rules declare them."""
    strong, weak = find_rule("contradicts-name"), find_rule("contradicts-evidence")
    return (f"Evidence from the name is strong ({strong.code}, {strong.severity}); "
            f"from an acronym or the link, weaker ({weak.code}, {weak.severity}).")


def as_text(listing: dict) -> str:
    purpose = listing["multi_purpose"]
    lines = [
        f"Knowledge: {_shown(listing['file'])}",
        f"A body part {' or '.join(map(_shown, purpose['body_parts']))}, or {purpose['min_data_types']} or more data types, claims a "
        f"multi-purpose collection; evidence marked multi-purpose, or for {purpose['min_body_parts']} or more body parts, lets the claim stand.",
        _strengths(),
        f"Acronyms may use or skip: {', '.join(map(_shown, listing['function_words']))}.",
    ]
    for kind, title in SECTIONS.items():
        lines += ["", title]
        for entry in (entry for entry in listing["entries"] if entry["kind"] == kind):
            lines.append(f"  {_evidence(entry)}{_implied(entry)}")
            for word in entry.get("expansion_words", ()):
                lines.append(f"      \"{_shown(word['word'])}\"{_implied(word)}")
            if entry["source"]:
                lines.append(f"      source: {_shown(entry['source'])}")
    return "\n".join(lines) + "\n"


def _evidence(entry: dict) -> str:
    if entry["kind"] == "words":
        return ", ".join(map(_shown, entry["words"]))
    if entry["kind"] == "acronym":
        return f"{_shown(entry['acronym'])} = {_shown(entry['expansion'])}"
    return _shown(entry["host"] + (entry["path"] if entry["path"] != "/" else ""))


def _implied(entry: dict) -> str:
    said = [f"{words} {', '.join(map(_shown, entry[field]))}" for field, words in (("data_types", "data types"), ("body_parts", "body parts")) if entry[field]]
    if entry["multi_purpose"]:
        said.append("multi-purpose")
    return f" \u2192 {'; '.join(said)}" if said else ""


def _shown(text: str) -> str:
    """Text from a knowledge file, safe for a terminal: control and format characters as escapes."""
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in str(text))
