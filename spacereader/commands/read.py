"""`spacereader [read]`: the interactive reader (or a headless screenshot of it)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from spacereader.tui.app import run_reader

    return run_reader(args)
