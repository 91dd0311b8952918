"""The package's folders are layers: a module imports only from its own layer or the layers below it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "newsarchive"
# Lowest first. extract/ and text/ never import Scrapy, store/ holds all SQL, cli/ sits on top.
LAYERS = ["items", "text", "extract", "sites", "store", "crawler", "cli"]
NO_SCRAPY = {"items", "text", "extract", "sites", "store"}
NO_SQL = {"items", "text", "extract", "sites"}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "newsarchive" and parts[1] in LAYERS else None


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts).removesuffix(".__init__")
        found.append((name, path))
    return found


def _imports(path: Path, module: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing module's package
                package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
                base = package[: len(package) - (node.level - 1)]
                names.add(".".join([*base, *([node.module] if node.module else [])]))
            else:
                names.add(node.module or "")
    return names


@pytest.mark.parametrize(("module", "path"), _modules(), ids=[name for name, _ in _modules()])
def test_module_imports_only_its_own_layer_or_lower_ones(module, path):
    own = _layer(module)
    if own is None:  # the package's face (__init__, __main__) may use every layer
        return
    for imported in _imports(path, module):
        other = _layer(imported)
        if other is not None:
            assert LAYERS.index(other) <= LAYERS.index(own), f"{module} imports {imported} from a higher layer"
        top = imported.split(".")[0]
        if own in NO_SCRAPY:
            assert top not in ("scrapy", "twisted"), f"{module} imports {imported}: only crawler/ and cli/ use Scrapy"
        if own in NO_SQL:
            assert top not in ("sqlalchemy", "alembic", "sqlite3"), f"{module} imports {imported}: SQL lives in store/"


def test_the_package_root_holds_only_its_face_and_the_layers():
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "items.py"]
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    assert folders == sorted(LAYERS[1:])


def test_the_readme_map_names_every_module_once():
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it is built", 1)[1].split("\n## ", 1)[0]
    listed = [line.split()[0] for line in section.splitlines() if line.startswith("    ") and line.split()]
    expected = []
    for _name, path in _modules():
        relative = path.relative_to(PACKAGE).as_posix()
        if "migrations/" in relative or relative in ("__init__.py", "__main__.py"):
            continue  # the migrations are one entry; the package's face one line
        if path.name == "__init__.py" and not _has_code(path):
            continue  # a folder's docstring only: the layer table says what the folder is
        expected.append(relative)
    assert sorted(set(expected) - set(listed)) == [], "modules missing from README's map"
    gone = set(listed) - set(expected) - {"__init__.py,", "store/migrations/"}
    assert sorted(gone) == [], "README names modules that are gone"
    assert len(listed) == len(set(listed)), "a module is listed twice"


def _has_code(path: Path) -> bool:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return any(not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)) for node in body)
