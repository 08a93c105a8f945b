"""Loading and analysis in a forked child process, started before Textual is even imported.

Why a process: importing the engine and building the comparison is pure Python, as is importing and
starting Textual. In one process they take turns on the GIL and the reader's first useful frame comes
after both. Forked at start-up, the child does the engine's work on another core while the parent
starts the UI; the parent's analysis worker then only waits on a pipe (which releases the GIL) and
unpickles the `Comparison` (a few ms for the seeds).

The child streams frames on the pipe: `P` + JSON progress `[step, done, total]`, then one `R` + a
pickled `("ok", articles, errors, comparison)` or `("error", message)`. Where `fork` is missing (Windows)
or stdin is an input (the child must not touch the terminal), the caller falls back to a thread.
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

_HEADER = struct.Struct("!cI")


@dataclass(slots=True)
class Analysis:
    """A running child: read its frames with `frames()`; `close()` reaps it."""

    pid: int
    fd: int
    reaped: bool = False
    opened: bool = False

    def frames(self):
        """Yield ("P", (step, done, total)) and finally ("R", result); ("R", ("error", ...)) if the child dies."""
        self.opened = True
        with os.fdopen(self.fd, "rb") as pipe:
            while True:
                header = pipe.read(_HEADER.size)
                if len(header) < _HEADER.size:
                    yield "R", ("error", "the analysis process ended unexpectedly")
                    return
                kind, length = _HEADER.unpack(header)
                body = pipe.read(length)
                if kind == b"P":
                    yield "P", tuple(json.loads(body))
                else:
                    yield "R", pickle.loads(body)
                    return

    def close(self) -> None:
        """Reap the child; one still working (the user quit while loading) is killed first."""
        if self.reaped:
            return
        self.reaped = True
        if not self.opened:
            os.close(self.fd)
        try:
            finished, _status = os.waitpid(self.pid, os.WNOHANG)
            if not finished:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


def analyse(
    paths: Sequence[str], *, encoding: str | None, pivot: str | None, threshold: float | None, progress: Callable | None
) -> tuple[str, Any, Any, Any] | tuple[str, str]:
    """Load and build the comparison (in whichever process calls it)."""
    from spacereader.comparison import build_comparison
    from spacereader.load import default_paths, load_paths

    articles, errors = load_paths(default_paths(paths), encoding=encoding)
    if not articles:
        reasons = "; ".join(str(error) for error in errors) or "no readable article"
        return "error", reasons if len(errors) == 1 else f"no readable article ({reasons})"
    if pivot is not None and pivot not in {a.id for a in articles}:
        ids = ", ".join(a.id for a in articles)
        return "error", f"--pivot {pivot}: no such source (sources: {ids})"
    comparison = build_comparison(articles, errors, pivot=pivot, threshold=threshold, progress=progress)
    return "ok", articles, errors, comparison


def start(
    paths: Sequence[str], *, encoding: str | None = None, pivot: str | None = None, threshold: float | None = None
) -> Analysis | None:
    """Fork the analysis; None when this platform or these inputs need the in-process path."""
    if not hasattr(os, "fork") or "-" in paths or os.environ.get("SPACEREADER_NO_FORK"):
        return None
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid:
        os.close(write_fd)
        return Analysis(pid, read_fd)
    # the child: never return into the caller's code
    code = 0
    try:
        os.close(read_fd)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):  # keep the terminal for the UI alone
            os.dup2(devnull, fd)
        pipe = os.fdopen(write_fd, "wb")

        def send(kind: bytes, body: bytes) -> None:
            pipe.write(_HEADER.pack(kind, len(body)) + body)
            pipe.flush()

        def progress(step: str, done: int, total: int) -> None:
            send(b"P", json.dumps([step, done, total]).encode())

        try:
            result = analyse(paths, encoding=encoding, pivot=pivot, threshold=threshold, progress=progress)
        except Exception as error:
            result = ("error", f"internal error: {type(error).__name__}: {error}")
        send(b"R", pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        pipe.close()
    except BaseException:
        code = 1
    finally:
        os._exit(code)
