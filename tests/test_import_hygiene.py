"""Layers stay apart: the engine imports neither the view (Textual, Rich) nor the sources layer or any HTTP
library, and reading local text never imports the web libraries."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import spacereader
import spacereader.engine

VIEW_LAYERS = {"spacereader.tui", "spacereader.cli", "spacereader.commands", "spacereader.__main__"}
#: Libraries of the web layer: only `spacereader.sources` may import them, and only when an input needs them.
WEB_LIBRARIES = ("httpx", "httpcore", "h11", "urllib3", "requests", "trafilatura", "htmldate", "feedparser", "lxml")


def _modules(package) -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."))


def engine_modules() -> list[str]:
    names = []
    for name in _modules(spacereader):
        if not any(name == layer or name.startswith(layer + ".") for layer in VIEW_LAYERS):
            names.append(name)
    return names


def _imported_after(code: str, roots: tuple[str, ...]) -> str:
    probe = code + f"\nprint(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {roots!r})))\n"
    result = subprocess.run([sys.executable, "-c", "import sys\n" + probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_engine_modules_import_neither_textual_nor_rich() -> None:
    modules = engine_modules()
    assert {
        "spacereader.model",
        "spacereader.sources.load",
        "spacereader.engine.segment",
        "spacereader.engine.comparison",
    } <= set(modules)
    code = f"import importlib\nfor name in {modules!r}: importlib.import_module(name)"
    bad = _imported_after(code, ("textual", "rich"))
    assert bad == "", f"engine pulled in {bad}"


def test_the_engine_imports_neither_the_sources_layer_nor_an_http_library() -> None:
    modules = _modules(spacereader.engine)
    assert "spacereader.engine.comparison" in modules
    code = f"import importlib\nfor name in {modules!r}: importlib.import_module(name)"
    assert _imported_after(code, WEB_LIBRARIES) == ""
    probe = code + "\nprint(','.join(sorted(m for m in sys.modules if m.startswith('spacereader.sources'))))"
    result = subprocess.run([sys.executable, "-c", "import sys\n" + probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"the engine imported {result.stdout.strip()}"


def test_building_a_comparison_stays_free_of_the_view_and_the_web() -> None:
    code = (
        "from spacereader.sources.files import seeds_dir\n"
        "from spacereader.sources.load import load_paths\n"
        "from spacereader.engine.comparison import build_comparison\n"
        "articles, _ = load_paths([str(seeds_dir())])\n"
        "build_comparison(articles)"
    )
    assert _imported_after(code, ("textual", "rich", *WEB_LIBRARIES)) == ""
    assert "spacereader.sources.web" not in _imported_after(code + "\nimport spacereader", ("spacereader",))
