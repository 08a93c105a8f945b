"""Reading local inputs: files, directories and standard input, as bytes with their paths.

Every failure becomes a `LoadError` naming the path and the reason; nothing here raises for a bad input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacereader.model import LoadError
from spacereader.sources import STDIN, SUPPORTED_SUFFIXES, is_url

MAX_BYTES = 20 * 1000 * 1000


@dataclass(frozen=True, slots=True)
class Input:
    """The bytes of one local input and the path they were read from."""

    path: str
    data: bytes


def _describe_os_error(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return (error.strerror or str(error)).lower()


def _read(path: Path) -> bytes | LoadError:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return LoadError(str(path), f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // 1_000_000} MB limit")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return LoadError(str(path), _describe_os_error(error))
    if len(data) > MAX_BYTES:  # grew since stat, or a device that reports no size
        return LoadError(str(path), f"file is over the {MAX_BYTES // 1_000_000} MB limit")
    return data


def expand(raw: str, stdin: bytes | None) -> list[Input | LoadError]:
    if raw == STDIN:
        if stdin is None:
            stdin = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(stdin) > MAX_BYTES:
            return [LoadError("<stdin>", f"input is over the {MAX_BYTES // 1_000_000} MB limit")]
        return [Input("<stdin>", stdin)]
    path = Path(raw)
    try:
        is_dir = path.is_dir()
    except OSError as error:
        return [LoadError(raw, _describe_os_error(error))]
    if is_dir:
        try:
            children = sorted(
                (child for child in path.iterdir() if child.suffix.lower() in SUPPORTED_SUFFIXES and child.is_file()),
                key=lambda child: child.name,
            )
        except OSError as error:
            return [LoadError(raw, _describe_os_error(error))]
        if not children:
            suffixes = ", ".join(sorted(SUPPORTED_SUFFIXES))
            return [LoadError(raw, f"directory has no supported files ({suffixes})")]
        results: list[Input | LoadError] = []
        for child in children:
            data = _read(child)
            results.append(data if isinstance(data, LoadError) else Input(str(child), data))
        return results
    data = _read(path)
    return [data if isinstance(data, LoadError) else Input(raw, data)]


def seeds_dir() -> Path:
    """The bundled default corpus: packaged inside the wheel, or the checkout's top-level seeds/."""
    packaged = resources.files("spacereader") / "seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "seeds"


def default_paths(paths: Sequence[str]) -> list[str]:
    return list(paths) if paths else [str(seeds_dir())]


def display_path(path: str) -> str:
    """A path as the user would like to read it: relative to the working directory when inside it; a URL as is."""
    if is_url(path) or path.startswith("<"):
        return path
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    except ValueError:
        return path
