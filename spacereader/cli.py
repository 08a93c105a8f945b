"""Command line: argument parsing, loading with warnings, output and exit codes.

Each command's work lives in `spacereader.commands.<name>`, imported only when that command runs, so
`spacereader --version` and `spacereader sources` start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from spacereader import __version__

PROG = "spacereader"
COMMANDS = ("read", "sources", "align", "events", "conflicts", "export", "annotations")
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage or no readable input: exit 2 with a one-line message."""


# ── output ─────────────────────────────────────────────────────────────────────────────────────────


def use_color(stream: object = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def cell_width(text: str) -> int:
    """Terminal cells `text` takes, measured as Rich (and so the reader) measures them."""
    from rich.cells import cell_len

    return cell_len(text)


def truncate(text: str, width: int) -> str:
    """Cut `text` to `width` terminal cells, ending with an ellipsis when cut; white space runs become one space."""
    text = " ".join(text.split())
    if width <= 0:
        return ""
    if cell_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        w = cell_width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_widths: Sequence[int] | None = None) -> str:
    """Plain aligned columns, as `git` or `ls -l` print them; the last column is not padded."""
    cells = [[truncate(str(c), max_widths[i]) if max_widths else str(c) for i, c in enumerate(row)] for row in rows]
    widths = [max([cell_width(h), *(cell_width(r[i]) for r in cells)]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        padded = [v + " " * (widths[i] - cell_width(v)) for i, v in enumerate(values[:-1])]
        return "  ".join([*padded, values[-1]]).rstrip()

    return "\n".join([line(list(headers)), *(line(r) for r in cells)]) + "\n"


def emit(text: str, output: str | None = None, force: bool = False) -> None:
    """Write `text` to stdout, or atomically to `output` (refusing to overwrite unless `force`)."""
    if not output or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from spacereader.atomic import write_atomic

    target = Path(output)
    if target.exists() and not force:
        raise UsageError(f"{output}: file exists; pass --force to overwrite it")
    if not target.parent.is_dir():
        raise UsageError(f"{output}: directory {str(target.parent)!r} does not exist")
    try:
        write_atomic(target, text)
    except OSError as error:
        raise UsageError(f"{output}: cannot write ({(error.strerror or str(error)).lower()})") from error
    print(f"{PROG}: wrote {output}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


# ── loading ────────────────────────────────────────────────────────────────────────────────────────


def load_articles(args: argparse.Namespace) -> tuple[tuple, tuple]:
    """Load the PATHs (the seeds when none): one warning per bad input, exit 2 when nothing loads."""
    from spacereader.sources.files import default_paths
    from spacereader.sources.load import load_paths

    paths = default_paths(getattr(args, "paths", None) or [])
    articles, errors = load_paths(
        paths, encoding=getattr(args, "encoding", None), web=web_options(args), progress=progress_callback()
    )
    if not articles:
        if len(errors) == 1:
            raise UsageError(str(errors[0]))
        for error in errors:
            warn(str(error))
        raise UsageError("no readable article")
    for error in errors:
        warn(str(error))
    return articles, errors


def web_options(args: argparse.Namespace):  # -> WebOptions
    """The options of web inputs (`--timeout`, `--offline`, `--cache-dir`, `--feed-limit`)."""
    from spacereader.sources.options import DEFAULT_FEED_LIMIT, DEFAULT_TIMEOUT, WebOptions

    return WebOptions(
        timeout=getattr(args, "timeout", None) or DEFAULT_TIMEOUT,
        offline=bool(getattr(args, "offline", False)),
        cache_dir=getattr(args, "cache_dir", None),
        feed_limit=getattr(args, "feed_limit", None) or DEFAULT_FEED_LIMIT,
    )


def load_comparison(args: argparse.Namespace, loaded: tuple[tuple, tuple] | None = None):  # -> Comparison
    """The comparison of the PATHs (of the one event `--event` names); `loaded`: the articles and
    errors `load_articles` returned already."""
    from spacereader.engine.comparison import build_comparison

    articles, errors = loaded or load_articles(args)
    if getattr(args, "event", None) is not None:
        articles = event_articles(args, articles)
    pivot = getattr(args, "pivot", None)
    if pivot is not None and pivot not in {a.id for a in articles}:
        ids = ", ".join(a.id for a in articles)
        raise UsageError(f"--pivot {pivot}: no such source (sources: {ids})")
    return build_comparison(
        articles, errors, pivot=pivot, threshold=getattr(args, "threshold", None), progress=progress_callback()
    )


def event_articles(args: argparse.Namespace, articles: Sequence) -> tuple:
    """The articles of the event `--event` names (an id or a unique prefix of one)."""
    from spacereader.pile import choose_event, unknown_event

    try:
        _event, chosen = choose_event(articles, args.event, workers=getattr(args, "workers", None) or 1)
    except LookupError:
        raise UsageError(unknown_event(args.event, getattr(args, "paths", None) or [])) from None
    except ValueError as error:
        raise UsageError(f"--event {args.event}: {error}") from None
    return chosen


def progress_callback():
    """A stderr progress line for slow steps, shown only on a terminal and only after a second."""
    if not sys.stderr.isatty():
        return None
    import time

    started = time.monotonic()
    shown = False

    def report(step: str, done: int, total: int) -> None:
        nonlocal shown
        if time.monotonic() - started < 1.0 and not shown:
            return
        shown = True
        width = 30
        filled = int(width * done / total) if total else width
        sys.stderr.write(f"\r{step:<12} [{'█' * filled}{' ' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\r\x1b[2K")
        sys.stderr.flush()

    return report


# ── parser ─────────────────────────────────────────────────────────────────────────────────────────


def _size(text: str) -> tuple[int, int]:
    try:
        cols, rows = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not COLSxROWS, e.g. 160x48") from None
    if cols < 20 or rows < 5:
        raise argparse.ArgumentTypeError(f"{text!r} is too small (at least 20x5)")
    return cols, rows


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("the threshold is a score from 0 to 100")
    return value


def _positive(kind: type[int] | type[float]):
    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a{'n integer' if kind is int else ' number'}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"{text!r} must be more than 0")
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    common.add_argument("--data-dir", metavar="DIR", help="where annotations are stored (env SPACEREADER_DATA_DIR)")
    common.add_argument("--encoding", metavar="NAME", help="decode articles with this encoding instead of UTF-8")
    web = common.add_argument_group("web addresses and feeds")
    web.add_argument("--timeout", type=_positive(float), metavar="S", help="seconds for one fetch (default 20)")
    web.add_argument("--offline", action="store_true", help="read web addresses only from the cache, never the network")
    web.add_argument(
        "--cache-dir", metavar="DIR", help="where fetched pages are kept (env SPACEREADER_CACHE_DIR; default: user cache)"
    )
    web.add_argument("--feed-limit", type=_positive(int), metavar="N", help="items read from a feed, newest first (default 20)")
    paths = argparse.ArgumentParser(add_help=False)
    paths.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files, directories, web addresses (http/https) or feeds; - for stdin"
    )
    event = argparse.ArgumentParser(add_help=False)
    event.add_argument(
        "--event", metavar="ID", help="only this event of the pile (an id of `events`, or a unique prefix)"
    )
    workers = argparse.ArgumentParser(add_help=False)
    workers.add_argument(
        "--workers", type=_positive(int), metavar="N", help="processes comparing events at once (default: the cores)"
    )

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Compare news coverage of one event side by side and see where the sources disagree.",
        epilog="With no command, opens the reader. With no PATH, uses the bundled seed articles. A PATH may be a "
        "web address, a saved page (.html) or a feed: spacereader https://example.org/a https://example.net/b. "
        "Every command takes --timeout S (per fetch, default 20), --offline (only the cache), --cache-dir DIR and "
        "--feed-limit N (items per feed, default 20); see spacereader read --help.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    read = sub.add_parser("read", parents=[common, paths, event, workers], help="open the reader (the default)")
    read.add_argument("--pivot", metavar="SOURCE_ID", help="source whose reading order the rows follow")
    read.add_argument("--threshold", type=_threshold, metavar="N", help="alignment score threshold (0-100)")
    read.add_argument("--screenshot", metavar="FILE.svg", help="render the reader headless, write an SVG, exit")
    read.add_argument("--size", type=_size, default=(160, 48), metavar="COLSxROWS", help="screenshot size")
    read.add_argument("--press", metavar="KEYS", help="comma-separated keys to press before the screenshot")

    sources = sub.add_parser("sources", parents=[common, paths], help="list the articles")
    sources.add_argument("--format", choices=("table", "json"), default="table")

    align = sub.add_parser("align", parents=[common, paths, event], help="show the aligned rows")
    align.add_argument("--format", choices=("table", "json"), default="table")
    align.add_argument("--threshold", type=_threshold, metavar="N", help="alignment score threshold (0-100)")
    align.add_argument("--pivot", metavar="SOURCE_ID", help="source whose reading order the rows follow")

    events = sub.add_parser("events", parents=[common, paths, workers], help="the events a pile of articles covers")
    events.add_argument("--format", choices=("table", "json"), default="table")
    events.add_argument(
        "--min-sources", type=_positive(int), default=1, metavar="N", help="list only events with N or more sources"
    )

    conflicts = sub.add_parser("conflicts", parents=[common, paths, event], help="list where the sources disagree")
    conflicts.add_argument("--format", choices=("table", "json", "csv"), default="table")

    export = sub.add_parser(
        "export",
        parents=[common, paths, event, workers],
        help="export the annotated comparison (every event of a pile)",
    )
    export.add_argument("--format", choices=("md", "html", "json", "csv", "w3c"), required=True)
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    export.add_argument("--force", action="store_true", help="overwrite an existing FILE")

    annotations = sub.add_parser("annotations", help="add, list, delete, export and import annotations")
    verbs = annotations.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser("add", parents=[common], help="annotate a sentence")
    add.add_argument("source", metavar="SOURCE_ID")
    add.add_argument("sentence", type=int, metavar="SENTENCE_INDEX")
    add.add_argument("paths", nargs="*", metavar="PATH")
    add.add_argument("--label", required=True)
    add.add_argument("--note", default="")
    listing = verbs.add_parser("list", parents=[common, paths], help="list annotations")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    delete = verbs.add_parser("delete", parents=[common], help="delete an annotation")
    delete.add_argument("annotation_id", metavar="ANNOTATION_ID")
    exporting = verbs.add_parser("export", parents=[common, paths], help="W3C Web Annotation collection")
    exporting.add_argument("-o", "--output", metavar="FILE")
    exporting.add_argument("--force", action="store_true")
    importing = verbs.add_parser("import", parents=[common], help="import a W3C Web Annotation collection")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("paths", nargs="*", metavar="PATH")
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """`spacereader [PATH ...]` means `spacereader read [PATH ...]`."""
    for token in argv:
        if token in ("-h", "--help", "--version"):
            return argv
        if token == "-" or not token.startswith("-"):
            return argv if token in COMMANDS else ["read", *argv]
    return ["read", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(_with_default_command(argv))
    if getattr(args, "data_dir", None) is None:
        args.data_dir = os.environ.get("SPACEREADER_DATA_DIR") or None
    if getattr(args, "cache_dir", None):
        # Every cache follows (fetched pages, and the reader's analysis cache in its forked child).
        os.environ["SPACEREADER_CACHE_DIR"] = str(Path(args.cache_dir).expanduser())
    module = importlib.import_module(f"spacereader.commands.{args.command}")
    try:
        return int(module.run(args) or EXIT_OK)
    except UsageError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`| head`): not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        if getattr(args, "debug", False):
            traceback.print_exc()
        else:
            print(
                f"{PROG}: internal error: {type(error).__name__}: {error} (run with --debug for details)",
                file=sys.stderr,
            )
        return EXIT_ERROR
