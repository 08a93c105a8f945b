"""Headless screenshots: `spacereader --screenshot FILE.svg`, and the README's pictures.

Regenerate every picture in `screenshots/` with:

    python -m spacereader.tui.screenshots [OUTPUT_DIR]
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacereader.tui.app import ReaderApp

READY_TIMEOUT = 60.0


async def wait_until_ready(app: ReaderApp, pilot, timeout: float = READY_TIMEOUT) -> bool:
    """Wait for the comparison to be on screen (or for the app to give up loading it)."""
    deadline = time.monotonic() + timeout
    while not app.ready and app.failure is None and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    await pilot.pause()
    # Annotations arrive from their own worker shortly after the comparison.
    for _ in range(50):
        if app.store is not None or not app.is_running:
            break
        await asyncio.sleep(0.02)
    await pilot.pause()
    return app.ready


def parse_keys(press: str | None) -> list[str]:
    return [key.strip() for key in (press or "").split(",") if key.strip()]


async def _shoot(app: ReaderApp, size: tuple[int, int], keys: Sequence[str], theme: str | None) -> str | None:
    async with app.run_test(size=size) as pilot:
        if theme:
            app.theme = theme
        if not await wait_until_ready(app, pilot):
            return None
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.05)
        return app.export_screenshot(title="spacereader")


def take_screenshot(
    app: ReaderApp, path: str, *, size: tuple[int, int] = (160, 48), press: str | None = None, theme: str | None = None
) -> int:
    """Render `app` headless at `size`, press `press`, write the SVG to `path`; the CLI's exit code."""
    from spacereader.cli import UsageError

    target = Path(path)
    if not target.parent.is_dir():
        raise UsageError(f"{path}: directory {str(target.parent)!r} does not exist")
    svg = asyncio.run(_shoot(app, size, parse_keys(press), theme))
    if svg is None:
        raise UsageError(app.failure or "the comparison did not load in time")
    for error in app.load_errors:  # headless: the notifications go to stderr, as the other commands do
        print(f"spacereader: warning: {error}", file=sys.stderr)
    from spacereader.atomic import write_atomic

    write_atomic(target, svg)
    _respect_umask(target)
    print(f"spacereader: wrote {path}", file=sys.stderr)
    return 0


def _respect_umask(path: Path) -> None:
    """An atomic write goes through a private temporary file; give the result the usual permissions."""
    import os

    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~umask)


#: name, keys, theme — the pictures the README shows.
PICTURES: tuple[tuple[str, str, str | None], ...] = (
    ("overview", "", None),
    ("conflicts-panel", "c", None),
    ("help", "question_mark", None),
    ("light-theme", "n", "textual-light"),
)
#: The events screen, on a pile of the test suite's written articles (the seeds are one event): two
#: earthquakes a month apart, two football transfers a week apart, two strikes in one country, others.
PILE = ("quake", "quake-kestria", "transfer", "transfer-sandal", "strike", "strike-docks", "bridge", "singles")
EVENT_PICTURES: tuple[tuple[str, str], ...] = (("events", ""), ("events-filter", "slash,q,u,a,k,e"))


def main(argv: Sequence[str] | None = None) -> int:
    import os
    import tempfile

    from spacereader.tui.app import ReaderApp

    argv = list(sys.argv[1:] if argv is None else argv)
    out = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    # A private, empty annotation store and no user config: the pictures show the seeds as shipped.
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["SPACEREADER_CONFIG_DIR"] = data_dir
        for name, keys, theme in PICTURES:
            app = ReaderApp(data_dir=data_dir, load_config=False)
            take_screenshot(app, str(out / f"{name}.svg"), size=(160, 48), press=keys, theme=theme)
        articles = Path(__file__).resolve().parents[2] / "tests" / "articles"
        if articles.is_dir():  # a checkout: the written articles are not installed with the package
            pile = [str(articles / folder) for folder in PILE]
            for name, keys in EVENT_PICTURES:
                app = ReaderApp(pile, data_dir=data_dir, load_config=False)
                take_screenshot(app, str(out / f"{name}.svg"), size=(160, 36), press=keys)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
