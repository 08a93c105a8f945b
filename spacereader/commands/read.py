"""`spacereader [read]`: the interactive reader (or a headless screenshot of it)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    # Fork the analysis before Textual is imported, so the two run side by side (see tui/analysis.py).
    from spacereader.tui.analysis import start

    analysis = start(
        getattr(args, "paths", None) or [],
        encoding=getattr(args, "encoding", None),
        pivot=getattr(args, "pivot", None),
        threshold=getattr(args, "threshold", None),
    )
    try:
        from spacereader.tui.app import run_reader

        return run_reader(args, analysis)
    finally:
        if analysis is not None:
            analysis.close()
