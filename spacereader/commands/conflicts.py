"""`spacereader conflicts`: not built yet (see the open issues)."""

from __future__ import annotations

import argparse

from spacereader.cli import UsageError


def run(args: argparse.Namespace) -> int:
    raise UsageError("'conflicts' is not available yet")
