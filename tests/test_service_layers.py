"""The shape of juwei.services, read from its source: SQL dialects stay in juwei.storage, and service
modules import each other without cycles at import time."""

from __future__ import annotations

import ast
from pathlib import Path

import juwei.services

SERVICES = Path(juwei.services.__file__).parent
# What only juwei.storage may touch: the driver's parameter style and connection, SQL as text.
DIALECT_ATTRIBUTES = {"paramstyle", "dbapi_connection", "exec_driver_sql", "cursor"}


def _modules() -> dict[str, Path]:
    """Every module under juwei.services by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(SERVICES.rglob("*.py")):
        parts = list(path.relative_to(SERVICES.parent.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _dialect_uses(tree: ast.AST) -> list[str]:
    uses = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in DIALECT_ATTRIBUTES:
            uses.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy") \
                and any(alias.name == "text" for alias in node.names):
            uses.append(f"line {node.lineno}: from {node.module} import text")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "text" \
                and isinstance(node.func.value, ast.Name) and node.func.value.id in {"sa", "sqlalchemy"}:
            uses.append(f"line {node.lineno}: sqlalchemy.text(")
    return uses


def test_no_service_module_speaks_a_sql_dialect():
    offenders = {name: uses for name, path in _modules().items()
                 if (uses := _dialect_uses(ast.parse(path.read_text(encoding="utf-8"))))}
    assert offenders == {}, "SQL text and driver parameters belong in juwei.storage (bulk): " + repr(offenders)


def _top_level_imports(name: str, tree: ast.Module, modules: dict[str, Path]) -> set[str]:
    """The service modules a module imports when it is imported (module level, not inside functions;
    ``if TYPE_CHECKING`` blocks do not run)."""
    package = name if modules[name].name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()

    def visit(statements):
        for node in statements:
            if isinstance(node, ast.If):
                test = node.test
                if not (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] +
                                    ([node.module] if node.module else []))
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.add(sub if sub in modules else base)

    visit(tree.body)
    return {target for target in targets if target in modules and target != name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := walk(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := walk(node)):
            return found
    return None


def test_service_modules_import_each_other_without_cycles():
    modules = _modules()
    graph = {name: _top_level_imports(name, ast.parse(path.read_text(encoding="utf-8")), modules)
             for name, path in modules.items()}
    assert "juwei.services.audit.chain" in graph["juwei.services.audit"]  # the graph is really read
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
