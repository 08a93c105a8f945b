"""Reader benchmarks, each against a baseline measured in the same run. Not collected by pytest.

    python tests/bench/bench_reader.py [--runs N]

1. Start-up: wall time from process start to the first frame on a real pseudo-terminal, for a bare
   Textual app that paints one line (the baseline) and for `spacereader` on the seeds: its first
   frame (the loading screen) and the first frame with the comparison on screen, with an empty
   analysis cache (cold) and a primed one (warm). Target: the comparison frame within 1.6× the bare
   app, cold and warm. Both programs run with every module byte-compiled, as pip installs them
   (Textual's bytecode is in site-packages; a checkout run with PYTHONDONTWRITEBYTECODE=1 has none
   of spacereader's, which costs the reader ~100 ms of compiling): that case is printed too.
2. Keys: the time to handle one key and repaint (Pilot press → idle, headless, 160×48) while moving
   through a 200-source × 40-sentence comparison. Target: under 50 ms a key.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import fcntl
import hashlib
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("BARE-FIRST-FRAME")

Bare().run()
"""
_ESCAPE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


def time_to_text(command: list[str], markers: list[bytes], env: dict[str, str], timeout: float = 30.0) -> list[float]:
    """Seconds from spawning `command` on a 160×48 pty until each marker (in any order) shows in its output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    seen: dict[bytes, float] = {}
    buffer = b""
    try:
        while len(seen) < len(markers) and time.perf_counter() - started < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            buffer += chunk
            text = _ESCAPE.sub(b"", buffer)
            now = time.perf_counter() - started
            for marker in markers:
                if marker not in seen and marker in text:
                    seen[marker] = now
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)
    missing = [m for m in markers if m not in seen]
    if missing:
        raise RuntimeError(f"{command}: {missing} not seen in {timeout}s")
    return [seen[m] for m in markers]


def _bytecode_envs(env: dict[str, str], scratch: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Two environments with every module byte-compiled (as after `pip install`), but the second
    without spacereader's own bytecode (a checkout run with PYTHONDONTWRITEBYTECODE=1).

    Both keep their bytecode under a scratch PYTHONPYCACHEPREFIX, primed here by importing and by one
    run of each program, so the bare app and the reader load Textual, Rich and the standard library
    the same way, and the checkout's own __pycache__ (present or not) does not matter.
    """
    compiled = scratch / "pyc"
    installed = {**env, "PYTHONPYCACHEPREFIX": str(compiled)}
    installed.pop("PYTHONDONTWRITEBYTECODE", None)
    prime = "import spacereader.cli, spacereader.commands.read, spacereader.tui.app, spacereader.engine.comparison, spacereader.annotations, textual.app, textual.widgets"
    subprocess.run([sys.executable, "-c", prime], env=installed, check=True, cwd=ROOT)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "spacereader")], env=installed, check=True)
    from_source = {
        **installed,
        "PYTHONPYCACHEPREFIX": str(scratch / "pyc-no-spacereader"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    shutil.copytree(compiled, from_source["PYTHONPYCACHEPREFIX"], ignore=shutil.ignore_patterns("spacereader"))
    return installed, from_source


def bench_startup(runs: int) -> dict[str, float]:
    """Medians of: the bare app; the reader with an empty analysis cache (cold); with a primed one (warm);
    and cold and warm again without spacereader's bytecode."""
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    env.pop("TEXTUAL", None)
    reader = [sys.executable, "-m", "spacereader"]
    ready_marker = b"000_31401a5a5b9e1362"
    with tempfile.TemporaryDirectory() as scratch:
        env["SPACEREADER_DATA_DIR"] = scratch
        env["SPACEREADER_CONFIG_DIR"] = scratch
        bare_script = Path(scratch) / "bare.py"
        bare_script.write_text(BARE_APP)
        env, source_env = _bytecode_envs(env, Path(scratch))
        time_to_text([sys.executable, str(bare_script)], [b"BARE-FIRST-FRAME"], env)  # bytecode of the bare app
        warm_env = {**env, "SPACEREADER_CACHE_DIR": str(Path(scratch) / "warm")}
        time_to_text(reader, [ready_marker], warm_env)  # prime the cache
        time.sleep(0.5)  # let the child finish writing it
        source_warm_env = {**source_env, "SPACEREADER_CACHE_DIR": warm_env["SPACEREADER_CACHE_DIR"]}
        bare, first, cold, warm, source_cold, source_warm = [], [], [], [], [], []
        for run in range(runs):  # interleaved, so all see the same machine load
            bare.append(time_to_text([sys.executable, str(bare_script)], [b"BARE-FIRST-FRAME"], env)[0])
            cold_env = {**env, "SPACEREADER_CACHE_DIR": str(Path(scratch) / f"cold-{run}")}
            # The first frame is the loading screen, or the comparison itself when the analysis wins.
            (ready_at,) = time_to_text(reader, [ready_marker], cold_env)
            cold.append(ready_at)
            cold_env["SPACEREADER_CACHE_DIR"] += "-b"
            try:
                (loading_at,) = time_to_text(reader, [b"Reading the articles"], cold_env, timeout=ready_at * 3)
            except RuntimeError:
                loading_at = ready_at
            first.append(min(loading_at, ready_at))
            warm.append(time_to_text(reader, [ready_marker], warm_env)[0])
            source_cold_env = {**source_env, "SPACEREADER_CACHE_DIR": str(Path(scratch) / f"source-cold-{run}")}
            source_cold.append(time_to_text(reader, [ready_marker], source_cold_env)[0])
            source_warm.append(time_to_text(reader, [ready_marker], source_warm_env)[0])
    return {
        "bare": statistics.median(bare),
        "first": statistics.median(first),
        "cold": statistics.median(cold),
        "warm": statistics.median(warm),
        "source_cold": statistics.median(source_cold),
        "source_warm": statistics.median(source_warm),
    }


def big_comparison(sources: int = 200, sentences: int = 40):
    """`sources` articles of `sentences` sentences, aligned row by row, with an age conflict in row 3."""
    from spacereader.engine.segment import segment
    from spacereader.model import Article, Comparison, Conflict, ConflictValue, Fact, Row

    articles = []
    for s in range(sources):
        body = " ".join(
            f"Source {s} reports in sentence {n} that the crew of {n + 3} spent {n % 12 + 1} days aboard the "
            f"station, which cost ${n + s % 7} million, a figure others dispute strongly."
            for n in range(sentences)
        )
        articles.append(
            Article(
                id=f"s{s:03d}",
                path=f"s{s:03d}.txt",
                body=body,
                sha256=hashlib.sha256(body.encode()).hexdigest(),
                outlet=f"Outlet number {s}",
                published=dt.date(2021, 10, 5),
            )
        )

    def build(articles=articles, errors=(), *, pivot=None, threshold=None, progress=None):
        segmented = {a.id: segment(a.body, a.id) for a in articles}
        facts = []
        for a in articles:
            for sentence in segmented[a.id]:
                at = a.body.index("$", sentence.start)
                end = a.body.index(" million", at) + len(" million")
                facts.append(Fact(a.id, sentence.index, "money", a.body[at:end], None, at, end))
        conflict = Conflict(
            "c1",
            None,
            "money",
            "conflict",
            "differ",
            tuple(ConflictValue(f, f.value) for f in facts if f.sentence == 3),
        )
        rows = tuple(
            Row(id=n, cells={a.id: (n,) for a in articles}, reference=articles[0].id) for n in range(sentences)
        )
        return Comparison(
            articles=tuple(articles),
            sentences=segmented,
            facts=tuple(facts),
            conflicts=(conflict,),
            rows=rows,
            pivot=pivot or articles[0].id,
        )

    return articles, build


async def _press_all(app, pilot, keys: list[str]) -> tuple[list[float], list[float]]:
    wall, cpu = [], []
    for key in keys:
        t0, c0 = time.perf_counter(), time.process_time()
        await pilot.press(key)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return wall, cpu


async def _bench_bare_keys(keys: list[str]) -> tuple[list[float], list[float]]:
    """The harness's own cost: the same presses on an app whose bindings only move a counter."""
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        BINDINGS = [(key, "bump", "") for key in sorted(set(keys))]  # noqa: RUF012
        count: ClassVar[int] = 0

        def compose(self):
            yield Static("0", id="n")

        def action_bump(self) -> None:
            self.count += 1
            self.query_one("#n", Static).update(str(self.count))

    app = Bare()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        return await _press_all(app, pilot, keys)


async def _bench_keys(keys: list[str]) -> tuple[list[float], list[float], float]:
    from spacereader.tui.app import ReaderApp
    from spacereader.tui.screenshots import wait_until_ready

    articles, build = big_comparison()
    app = ReaderApp(articles=articles, build=build, load_config=False, data_dir=tempfile.mkdtemp())
    async with app.run_test(size=(160, 48)) as pilot:
        started = time.perf_counter()
        await wait_until_ready(app, pilot)
        load = time.perf_counter() - started
        wall, cpu = await _press_all(app, pilot, keys)
    return wall, cpu, load


def _summary(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {
        "mean": 1000 * statistics.fmean(values),
        "p95": 1000 * values[int(len(values) * 0.95)],
        "max": 1000 * values[-1],
    }


def bench_keys() -> dict[str, object]:
    keys = ["j"] * 60 + ["l"] * 40 + ["k"] * 20 + ["pagedown"] * 5 + ["n", "N"] * 5 + ["h"] * 40 + ["G", "g"] * 5
    bare_wall, bare_cpu = asyncio.run(_bench_bare_keys(keys))
    wall, cpu, load = asyncio.run(_bench_keys(keys))
    return {
        "keys": len(keys),
        "load_s": load,
        "wall": _summary(wall),
        "cpu": _summary(cpu),
        "bare_wall": _summary(bare_wall),
        "bare_cpu": _summary(bare_cpu),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--startup-only", action="store_true", help="skip the key benchmark")
    args = parser.parse_args()
    startup = bench_startup(args.runs)
    bare = startup["bare"]
    print(f"start-up (median of {args.runs}, 160x48 pty; first frame = first paint of that text)")
    print("  all modules byte-compiled, as installed by pip:")
    print(f"  bare Textual app, first frame             {bare * 1000:7.0f} ms")
    for label, key in (
        ("spacereader, first frame (loading or seeds)", "first"),
        ("spacereader, seeds on screen, cold cache ", "cold"),
        ("spacereader, seeds on screen, warm cache ", "warm"),
    ):
        target = "" if key == "first" else "  (target <= 1.6x)"
        print(f"  {label} {startup[key] * 1000:7.0f} ms   {startup[key] / bare:.2f}x{target}")
    print("  spacereader's own modules not byte-compiled (a checkout run with PYTHONDONTWRITEBYTECODE=1):")
    for label, key in (
        ("spacereader, seeds on screen, cold cache ", "source_cold"),
        ("spacereader, seeds on screen, warm cache ", "source_warm"),
    ):
        print(f"  {label} {startup[key] * 1000:7.0f} ms   {startup[key] / bare:.2f}x")
    ratio = max(startup["cold"], startup["warm"]) / bare
    if args.startup_only:
        print("PASS" if ratio <= 1.6 else "FAIL")
        return 0 if ratio <= 1.6 else 1
    keys = bench_keys()
    wall, cpu, bare_wall, bare_cpu = keys["wall"], keys["cpu"], keys["bare_wall"], keys["bare_cpu"]
    print("keys (200 sources x 40 sentences, 160x48, headless; Pilot press -> screen updated)")
    print(f"  comparison on screen after {keys['load_s'] * 1000:.0f} ms")
    print(
        f"  bare app, {keys['keys']} keys:  wall mean {bare_wall['mean']:5.1f} ms  p95 {bare_wall['p95']:5.1f} ms   cpu mean {bare_cpu['mean']:5.1f} ms"
    )
    print(
        f"  reader,   {keys['keys']} keys:  wall mean {wall['mean']:5.1f} ms  p95 {wall['p95']:5.1f} ms   cpu mean {cpu['mean']:5.1f} ms  p95 {cpu['p95']:5.1f} ms"
    )
    print(
        f"  reader's own time a key (wall mean minus the bare app's): {wall['mean'] - bare_wall['mean']:.1f} ms  (target < 50 ms)"
    )
    ok = ratio <= 1.6 and wall["mean"] - bare_wall["mean"] < 50
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
