"""`spacereader [read]`: until the reader lands, print the sources table."""

from __future__ import annotations

import argparse

from spacereader.commands import sources


def run(args: argparse.Namespace) -> int:
    args.format = "table"
    return sources.run(args)
