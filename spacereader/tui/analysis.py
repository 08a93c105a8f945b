"""Loading and analysis in a forked child process, started before Textual is even imported.

Why a process: importing the engine and building the comparison is pure Python, as is importing and
starting Textual. In one process they take turns on the GIL and the reader's first useful frame comes
after both. Forked at start-up, the child does the engine's work on another core while the parent
starts the UI. For the seeds the child has usually finished by the time the app mounts, which then
reads the result at once (`Analysis.result_if_done`) and shows it in its first frame; otherwise the
app's analysis worker waits on the pipe (which releases the GIL) and unpickles the `Comparison`.

The child streams frames on the pipe: `P` + marshalled progress `(step, done, total)`, then one `R` + a
pickled `("ok", articles, errors, comparison)` or `("error", message)`. Where `fork` is missing (Windows)
or stdin is an input (the child must not touch the terminal), the caller falls back to a thread.

The result is also kept in a small cache (platformdirs' user cache dir, or `SPACEREADER_CACHE_DIR`),
keyed by the inputs' names, sizes and modification times, the options and the engine's own files, so
reopening the same articles skips the analysis. It holds pickles this program wrote itself in the
user's own cache directory; a stale, damaged or unreadable entry is ignored and rebuilt.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import pickle
import select
import signal
import struct
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacereader.sources.options import WebOptions

_HEADER = struct.Struct("!cI")
CACHE_ENTRIES = 32
#: Seconds between progress frames. Each costs the parent a round trip to its UI thread, and the seeds
#: alone report ~140 steps: unthrottled, those trips delayed the comparison by ~50 ms after a cold start.
PROGRESS_INTERVAL = 0.1


@dataclass(slots=True)
class Analysis:
    """A running child: `result_if_done()` or `frames()` read its frames; `close()` reaps it."""

    pid: int
    fd: int
    reaped: bool = False
    closed: bool = False
    _buffer: bytearray = field(default_factory=bytearray)

    def _take(self, size: int, *, block: bool) -> bytes | None:
        """`size` bytes from the pipe; None (nothing consumed) when they are not there yet and not `block`."""
        while len(self._buffer) < size:
            if not block and not select.select([self.fd], [], [], 0)[0]:
                return None
            chunk = os.read(self.fd, max(65536, size - len(self._buffer)))
            if not chunk:
                raise EOFError
            self._buffer += chunk
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def _frame(self, *, block: bool) -> tuple[str, Any] | None:
        try:
            header = self._take(_HEADER.size, block=block)
            if header is None:
                return None
            kind, length = _HEADER.unpack(header)
            # A frame's body follows its header at once: a progress frame is one small write, and the
            # result is sent only after the analysis, streamed as fast as the pipe takes it.
            body = self._take(length, block=True) or b""
        except (EOFError, OSError):
            return "R", ("error", "the analysis process ended unexpectedly")
        if kind == b"P":
            return "P", tuple(marshal.loads(body))
        return "R", pickle.loads(body)

    def result_if_done(self) -> tuple | None:
        """The result when the child has finished its analysis (it is read now), else None at once.

        Progress frames read on the way are dropped; `frames()` goes on from where this stopped.
        """
        while (frame := self._frame(block=False)) is not None:
            if frame[0] == "R":
                return frame[1]
        return None

    def frames(self):
        """Yield ("P", (step, done, total)) and finally ("R", result); ("R", ("error", ...)) if the child dies."""
        while True:
            frame = self._frame(block=True)
            assert frame is not None
            yield frame
            if frame[0] == "R":
                return

    def close(self) -> None:
        """Reap the child; one still working (the user quit while loading) is killed first."""
        if not self.closed:
            self.closed = True
            os.close(self.fd)
        if self.reaped:
            return
        self.reaped = True
        try:
            finished, _status = os.waitpid(self.pid, os.WNOHANG)
            if not finished:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


def analyse(
    paths: Sequence[str],
    *,
    encoding: str | None,
    pivot: str | None,
    threshold: float | None,
    progress: Callable | None,
    web: WebOptions | None = None,
    event: str | None = None,
    workers: int | None = None,
) -> tuple[str, Any, Any, Any] | tuple[str, str]:
    """Load (fetching web inputs) and build the comparison, in whichever process calls it.

    A pile of several events covered by two or more sources gives a `spacereader.pile.Pile` (every
    event compared, `workers` at a time, default the cores) instead of one comparison; `event` picks
    one event of the pile.
    """
    from spacereader.engine.comparison import build_comparison
    from spacereader.pile import build_pile, choose_event, default_workers, group, several_events, unknown_event
    from spacereader.sources.files import default_paths
    from spacereader.sources.load import load_paths

    workers = workers or default_workers()
    articles, errors = load_paths(default_paths(paths), encoding=encoding, web=web, progress=progress)
    if not articles:
        reasons = "; ".join(str(error) for error in errors) or "no readable article"
        return "error", reasons if len(errors) == 1 else f"no readable article ({reasons})"
    if pivot is not None and pivot not in {a.id for a in articles}:
        ids = ", ".join(a.id for a in articles)
        return "error", f"--pivot {pivot}: no such source (sources: {ids})"
    if event is not None:
        try:
            chosen, articles = choose_event(articles, event, workers=workers)
        except LookupError:
            return "error", unknown_event(event, paths)
        except ValueError as error:
            return "error", f"--event {event}: {error}"
        if pivot is not None and pivot not in chosen.sources:
            return "error", f"--pivot {pivot}: not a source of event {chosen.id} (sources: {', '.join(chosen.sources)})"
    elif len(articles) >= 4:  # fewer cannot hold two events of two sources each
        events = group(articles, workers=workers, progress=progress)
        if several_events(events):
            pile = build_pile(
                articles, events=events, workers=workers, pivot=pivot, threshold=threshold, progress=progress
            )
            return "ok", articles, errors, pile
    comparison = build_comparison(articles, errors, pivot=pivot, threshold=threshold, progress=progress)
    return "ok", articles, errors, comparison


def cacheable(paths: Sequence[str]) -> bool:
    """Whether a comparison of `paths` can be cached by the inputs' names, sizes and times: not when an
    input is read from the network (a web address, a feed whose items are fetched) or from stdin."""
    from spacereader.sources import FEED_SUFFIXES, STDIN, is_url

    for raw in paths:
        if raw == STDIN or is_url(raw) or Path(raw).suffix.lower() in FEED_SUFFIXES:
            return False
        try:
            if Path(raw).is_dir() and any(child.suffix.lower() in FEED_SUFFIXES for child in Path(raw).iterdir()):
                return False
        except OSError:
            pass
    return True


def cache_dir() -> Path:
    """`comparisons/` in the cache dir (SPACEREADER_CACHE_DIR, else platformdirs' user cache dir)."""
    override = os.environ.get("SPACEREADER_CACHE_DIR")
    if override:
        return Path(override).expanduser() / "comparisons"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("spacereader")) / "comparisons"


def _stat(path: Path) -> tuple:
    try:
        info = path.stat()
    except OSError as error:
        return (str(path), type(error).__name__)
    return (str(path), info.st_size, info.st_mtime_ns, path.is_dir())


def cache_key(
    paths: Sequence[str], *, encoding: str | None, pivot: str | None, threshold: float | None, event: str | None = None
) -> str:
    """What the comparison depends on: inputs (names, sizes, mtimes), options, engine files, Python."""
    import spacereader

    package = Path(spacereader.__file__).resolve().parent
    if paths:
        inputs = [Path(p) for p in paths]
    else:  # the seeds, found as `spacereader.sources.files.seeds_dir` does, without importing the engine
        inputs = [package / "seeds" if (package / "seeds").is_dir() else package.parent / "seeds"]
    material: list[Any] = [
        sys.version_info[:2],
        spacereader.__version__,
        os.getcwd(),
        encoding,
        pivot,
        threshold,
        event,
    ]
    for path in inputs:
        material.append(_stat(path))
        if path.is_dir():
            try:
                material.extend(_stat(child) for child in sorted(path.iterdir()))
            except OSError as error:
                material.append(type(error).__name__)
    material.extend(
        _stat(source) for source in sorted(package.rglob("*.py")) if "tui" not in source.relative_to(package).parts
    )
    return hashlib.sha256(repr(material).encode()).hexdigest()[:32]


def load_cached(key: str) -> tuple | None:
    try:
        data = (cache_dir() / f"{key}.pickle").read_bytes()
        result = pickle.loads(data)
    except Exception:  # missing, unreadable, or written by another version: rebuild
        return None
    return result if isinstance(result, tuple) and result and result[0] == "ok" else None


def store_cached(key: str, result: tuple, pickled: bytes | None = None) -> None:
    """Write atomically (`pickled`: the result, pickled already), then keep only the newest entries.
    Failing to cache is never an error."""
    try:
        directory = cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        temporary = directory / f".{key}.{os.getpid()}.tmp"
        temporary.write_bytes(pickled or pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, directory / f"{key}.pickle")
        entries = sorted(directory.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[CACHE_ENTRIES:]:
            old.unlink(missing_ok=True)
        for leftover in directory.glob(".*.tmp"):  # from a process killed while writing
            if leftover.stat().st_mtime < time.time() - 60:
                leftover.unlink(missing_ok=True)
    except Exception:
        pass


def start(
    paths: Sequence[str],
    *,
    encoding: str | None = None,
    pivot: str | None = None,
    threshold: float | None = None,
    cache_key: str | None = None,
    web: WebOptions | None = None,
    event: str | None = None,
    workers: int | None = None,
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

        last = time.monotonic()  # nothing in the first interval: a quick analysis sends no progress

        def progress(step: str, done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= PROGRESS_INTERVAL:
                last = now
                send(b"P", marshal.dumps((step, done, total)))

        try:
            import spacereader.engine.comparison  # noqa: F401  (with the collector off, if the parent turned it off)

            gc.enable()  # the analysis itself runs as it would anywhere else
            result = analyse(
                paths,
                encoding=encoding,
                pivot=pivot,
                threshold=threshold,
                progress=progress,
                web=web,
                event=event,
                workers=workers,
            )
        except Exception as error:
            result = ("error", f"internal error: {type(error).__name__}: {error}")
        answer = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        if cache_key and result[0] == "ok":  # before answering: the parent may reap us right after
            store_cached(cache_key, result, answer)
        send(b"R", answer)
        pipe.close()
    except BaseException:
        code = 1
    finally:
        os._exit(code)
