"""The long run of the no-crash property: N random corpora from the news grammar through the whole pipeline.

Run: python -m tests.bench.bench_fuzz [N] [--seed S]   (default N = 2000, a random seed)

Each example is what `tests/test_properties.py::check_pipeline` runs: load's parsing of every file
(header included), `build_comparison`, every export with and without annotations, the JSON serialisers,
the CLI's tables and the reader's view model, with the invariants checked. Unlike the test, a failure
does not stop the run: each distinct failure (exception type and the engine line it was raised at) is
counted and its first example printed, so one run reports every crash class it finds.

Prints examples/s, and the mean time of one example against building the seeds' comparison (the
baseline, measured in the same run), then the failures, or none. Exit code 1 when anything failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter

import hypothesis
from hypothesis import HealthCheck, Phase, given, settings

from spacereader.engine.comparison import build_comparison
from spacereader.sources.files import seeds_dir
from spacereader.sources.load import load_paths
from tests.test_properties import GeneratedFile, check_pipeline, corpora


def _where(error: BaseException) -> str:
    """The innermost spacereader (else any) frame of a traceback: 'engine/align.py:206 in _number_value'."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/spacereader/" in f.filename] or frames
    frame = ours[-1]
    path = frame.filename.split("/spacereader/", 1)[-1]
    return f"{path}:{frame.lineno} in {frame.name}"


def run(examples: int, seed: int) -> int:
    failures: Counter[str] = Counter()
    first: dict[str, tuple[str, list[GeneratedFile]]] = {}
    done = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(corpora())
    def one(files: list[GeneratedFile]) -> None:
        nonlocal done
        done += 1
        try:
            check_pipeline(files)
        except Exception as error:
            key = f"{type(error).__name__} at {_where(error)}"
            failures[key] += 1
            first.setdefault(key, (f"{type(error).__name__}: {error}"[:300], files))

    articles, _ = load_paths([str(seeds_dir())])
    baseline = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        build_comparison(articles)
        baseline = min(baseline, time.perf_counter() - started)

    started = time.perf_counter()
    hypothesis.seed(seed)(one)()
    elapsed = time.perf_counter() - started

    per_example = elapsed / max(1, done)
    print(f"seed {seed}: {done} examples in {elapsed:.1f} s, {done / elapsed:.1f} examples/s")
    print(f"one example: {per_example * 1000:.1f} ms, {per_example / baseline:.2f}x building the seeds' comparison "
          f"({baseline * 1000:.1f} ms, the baseline)")
    if not failures:
        print("failures: none")
        return 0
    print(f"failures: {sum(failures.values())} examples in {len(failures)} classes")
    for key, count in failures.most_common():
        message, files = first[key]
        print(f"\n── {count} × {key}\n   {message}")
        for file in files:
            print(f"   {file.name}: {file.text!r}"[:2000])
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("examples", nargs="?", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    return run(args.examples, seed)


if __name__ == "__main__":
    sys.exit(main())
