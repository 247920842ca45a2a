"""The package's shape, read from its source: imports only go down the stages, without cycles;
no rule code outside the rule that owns it; modules stay small."""

import ast
import io
import re
import tokenize
from pathlib import Path

from catlint.rules import all_rules

SOURCE = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SOURCE / "catlint"
BASE = {"catlint", "catlint.errors", "catlint.diagnostics", "catlint.files", "catlint.escaping", "catlint.nesting"}
# Bytes -> text -> table (reading) < the link checker < rules < engine < output < the language server < commands
# < `python -m catlint`.
LAYERS = ["base", "reading", "network", "rules", "engine", "reporting", "server", "commands", "__main__"]
MAX_LINES = 300
LONGER: dict[str, str] = {}  # module -> why it may be longer than MAX_LINES (none today)
# Rule codes outside their rule's module in user-facing text that is not a docstring or comment:
# examples in the command line's help. Each names an existing rule (checked below).
CODES_IN_TEXT = {
    ("catlint/engine/config.py", "CAT101"): "an example of a code in the selectors' error message",
    ("catlint/commands/rules.py", "CAT102"): "an example in `catlint rule --help`",
}
CODE = re.compile(r"\bCAT\d{3}\b")
CODE_OR_FAMILY = re.compile(r"CAT\d{1,3}")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = modules()


def layer(module: str) -> str:
    if module in BASE:
        return "base"
    return module.split(".")[1]


def imports(module: str, path: Path) -> set[str]:
    """The catlint modules `module` imports anywhere in it (deferred imports in functions count)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            for alias in node.names:  # `from catlint.reading import cell_text` imports the module cell_text
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return {name for name in found if name == "catlint" or name.startswith("catlint.")}


GRAPH = {module: imports(module, path) for module, path in MODULES.items()}


def test_every_module_is_in_a_layer():
    assert {layer(module) for module in MODULES} <= set(LAYERS)


def test_imports_only_go_down_the_layers():
    upward = [f"{module} imports {target}" for module, targets in GRAPH.items() for target in targets
              if LAYERS.index(layer(target)) > LAYERS.index(layer(module))]
    assert upward == []


def test_reporting_imports_only_the_base_modules():
    """Output is pure: diagnostics and precomputed suggestions in, text out."""
    crossing = [f"{module} imports {target}" for module, targets in GRAPH.items() if layer(module) == "reporting"
                for target in targets if layer(target) not in ("base", "reporting")]
    assert crossing == []


def test_the_rules_helpers_are_the_rules_own():
    """`rules._support` holds what only rules use; what the engine or a command needs lives below the rules."""
    outside = [f"{module} imports {target}" for module, targets in GRAPH.items() if not module.startswith("catlint.rules")
               for target in targets if target.startswith("catlint.rules._support")]
    assert outside == []


def test_rules_read_settings_only_through_their_context():
    """The security settings and the knowledge reach a rule through `context`, never from a module-level reader."""
    direct = [f"{module} imports {target}" for module, targets in GRAPH.items() if module.startswith("catlint.rules")
              for target in targets if target == "catlint.reading.security"]
    loading = [module for module, path in MODULES.items() if module.startswith("catlint.rules")
               and "load_knowledge(" in path.read_text(encoding="utf-8")]
    assert direct == [] and loading == []


def test_no_import_cycles():
    assert _cycles(GRAPH) == []


def _cycles(graph: dict) -> list[list[str]]:
    """Strongly connected components of more than one module, or a module importing itself (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while not component or component[-1] != node:
                component.append(stack.pop())
                on_stack.discard(component[-1])
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}) == [["a", "b", "c"], ["e"]]


def test_no_rule_code_outside_its_own_rule_module():
    """The engine selects rules by their declared attributes: no code, and no family of codes
    (`"CAT3"`), is written outside the rule module that owns it, except in documentation
    (docstrings, comments) and the help texts listed above. Every code written names a rule."""
    owners = {rule.code: f"catlint/rules/{rule.name.replace('-', '_')}.py" for rule in all_rules()}
    stray, unknown, listed = [], [], set()
    for module, path in MODULES.items():
        where = path.relative_to(SOURCE).as_posix()
        for kind, text in _texts(path):
            for code in CODE.findall(text):
                if code not in owners:
                    unknown.append(f"{where}: {code}")
                elif kind == "code" and owners[code] != where:
                    if (where, code) in CODES_IN_TEXT:
                        listed.add((where, code))
                    else:
                        stray.append(f"{where}: {code}")
            if kind == "code" and CODE_OR_FAMILY.fullmatch(text.strip("'\"")) and not where.startswith("catlint/rules/"):
                stray.append(f"{where}: {text}")
    assert unknown == [], "a code in the source that no rule has"
    assert stray == []
    assert listed == set(CODES_IN_TEXT), "an exception that is no longer needed: remove it from CODES_IN_TEXT"


def _texts(path: Path):
    """("doc", text) for comments and docstrings, ("code", text) for every other string literal."""
    source = path.read_text(encoding="utf-8")
    if "CAT" not in source:
        return
    docstrings = {node.body[0].value.lineno for node in ast.walk(ast.parse(source))
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
                  and isinstance(node.body[0].value.value, str)}
    strings = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}  # f-strings are split from 3.12
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield "doc", token.string
        elif token.type in strings:
            yield ("doc" if token.start[0] in docstrings else "code"), token.string


def test_modules_stay_under_300_lines():
    long = {path.relative_to(SOURCE).as_posix(): count for path in MODULES.values()
            if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert set(long) == set(LONGER), f"over {MAX_LINES} lines: {long} (an exception no longer needed is removed from LONGER)"
