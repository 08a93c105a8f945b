"""`spacereader [read]`: the interactive reader (or a headless screenshot of it)."""

from __future__ import annotations

import argparse
import gc
import os

from spacereader.cli import UsageError, warn, web_options


def run(args: argparse.Namespace) -> int:
    # No cyclic garbage collection until the comparison is on screen (the app turns it back on, and
    # freezes what start-up built): importing Textual and the engine allocates a great many objects
    # that live for the whole session, and walking them again and again was ~10% of start-up.
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    # Before Textual is imported: take the comparison from the cache, or fork its analysis so the
    # two run side by side (see tui/analysis.py).
    from spacereader.sources import is_url
    from spacereader.tui import analysis as background

    paths = getattr(args, "paths", None) or []
    missing = [path for path in paths if path != "-" and not is_url(path) and not os.path.lexists(path)]
    if paths and len(missing) == len(paths):
        # Nothing can load: say so as every command does, before the screen switches to the reader.
        if len(missing) == 1:
            raise UsageError(f"{missing[0]}: no such file or directory")
        for path in missing:
            warn(f"{path}: no such file or directory")
        raise UsageError("no readable article")
    options = {
        "encoding": getattr(args, "encoding", None),
        "pivot": getattr(args, "pivot", None),
        "threshold": getattr(args, "threshold", None),
        "event": getattr(args, "event", None),
    }
    # The web options matter only to inputs read from the web, or when asked for on the command line (a
    # source added in the reader); otherwise start-up does not even import them.
    local = background.cacheable(paths)  # nothing read from the network or stdin
    wanted = not local or any(
        getattr(args, name, None) for name in ("timeout", "offline", "cache_dir", "feed_limit")
    )
    web = web_options(args) if wanted else None
    preloaded = running = None
    if "-" not in paths:
        # Web inputs are fetched (or revalidated) by the child every time; only local ones are cached by name.
        key = background.cache_key(paths, **options) if local else None
        preloaded = background.load_cached(key) if key else None
        if preloaded is None:
            running = background.start(paths, cache_key=key, web=web, workers=getattr(args, "workers", None), **options)
    try:
        from spacereader.tui.app import run_reader

        return run_reader(args, running, preloaded, web)
    finally:
        if running is not None:
            running.close()
