"""The engine never imports Textual or Rich: the reader and the CLI sit on top of it, not inside it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import spacereader

VIEW_LAYERS = {"spacereader.tui", "spacereader.cli", "spacereader.commands", "spacereader.__main__"}


def engine_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(spacereader.__path__, "spacereader."):
        if not any(info.name == layer or info.name.startswith(layer + ".") for layer in VIEW_LAYERS):
            names.append(info.name)
    return sorted(names)


def test_engine_modules_import_neither_textual_nor_rich() -> None:
    modules = engine_modules()
    assert {
        "spacereader.model",
        "spacereader.load",
        "spacereader.engine.segment",
        "spacereader.engine.comparison",
    } <= set(modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"engine pulled in {result.stdout.strip()}"


def test_building_a_comparison_stays_free_of_the_view() -> None:
    code = (
        "import sys\n"
        "from spacereader.load import load_paths, seeds_dir\n"
        "from spacereader.engine.comparison import build_comparison\n"
        "articles, _ = load_paths([str(seeds_dir())])\n"
        "build_comparison(articles)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
