"""The package's modules import one another without cycles.

The graph is read from the source (``ast``), not from ``sys.modules``: every ``import cleanpage…``
and ``from cleanpage… import …`` statement counts, including the ones inside functions (a deferred
import hides a cycle from the interpreter, not from the design). ``from .x import y`` is resolved
against the module's package, and ``from package import name`` points at the submodule when
``name`` is one. An edge goes to the module named, not to its parent packages: importing
``cleanpage.a.b`` runs ``cleanpage/__init__.py`` first, but that is Python's order of execution,
not a dependency of the importer on everything the package root re-exports. Imports under ``if
TYPE_CHECKING:`` are left out: they never run, they only name a type for the checker.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import cleanpage

ROOT = Path(cleanpage.__file__).parent


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _package_of(name: str) -> str:
    return name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]


def _target(name: str) -> str | None:
    """The module ``name`` is, or the nearest enclosing module (an attribute of a module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of ``tree`` but the bodies of ``if TYPE_CHECKING:`` blocks."""
    out: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, ast.If) and _type_checking(node):
            stack.extend([node.test, *node.orelse])
        else:
            stack.extend(ast.iter_child_nodes(node))
    return out


def _imports(name: str) -> set[str]:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"), filename=str(MODULES[name]))
    out: set[str] = set()
    for node in _nodes(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(name).split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            # "from package import submodule" depends on the submodule, not on the package
            targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in MODULES else module
                       for alias in node.names]
        else:
            continue
        out.update(t for t in map(_target, targets) if t is not None and t.startswith("cleanpage") and t != name)
    return out


GRAPH = {name: _imports(name) for name in MODULES}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path (first node repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def test_the_import_graph_has_no_cycle() -> None:
    cycle = _cycle(GRAPH)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_the_graph_sees_relative_and_deferred_imports() -> None:
    assert "cleanpage.rules.schema" in GRAPH["cleanpage.rules.credits"]  # from .schema import …
    assert "cleanpage.pipeline.html.metadata" in GRAPH["cleanpage.api"]  # inside a function
    assert "cleanpage.rules.tables" in GRAPH["cleanpage.rules"]  # the package's own re-exports
    assert "cleanpage.result" not in GRAPH["cleanpage.io.render"]  # only under TYPE_CHECKING


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.endswith("__main__")))
def test_every_module_imports(name: str) -> None:
    importlib.import_module(name)


def test_no_module_is_over_450_lines_in_rules() -> None:
    long = {name: n for name, path in MODULES.items() if name.startswith("cleanpage.rules")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 450}
    assert not long, long
