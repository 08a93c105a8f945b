"""Alignment: precision and recall of row pairs on synthetic event clusters, seconds and peak memory.

Run: python -m tests.bench.bench_align [--sizes 10,100,1000] [--budget SECONDS]

Each measurement runs in a child process, so its peak resident memory (ru_maxrss, generator data
included) is its own. Baselines, measured in the same run: a plain rapidfuzz greedy aligner
(token_set_ratio over every cross-source pair, best pairs first, one sentence per source and row) and a
plain difflib greedy aligner (SequenceMatcher.ratio, the same clustering), on the sizes they can finish
within the budget; the speed ratio is their time over spacereader's.

Then the same precision/recall on hand-labelled coverage (tests/bench/bench_align_real.py: the seeds,
tests/articles/bridge and three written clusters; pairs a careful reader could call either way are left
out), against the rapidfuzz greedy aligner at several thresholds: the point is more true pairs at equal
or better precision.
"""

from __future__ import annotations

import argparse
import difflib
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence

from spacereader.model import Sentence
from tests.bench.clusters import generate, precision_recall


def greedy_rows(
    sentences: Mapping[str, Sequence[Sentence]], similarity: Callable[[str, str], float], threshold: float
) -> list[set[tuple[str, int]]]:
    """The plain baseline: every cross-source pair scored, merged best first, one sentence per source."""
    items = [(source, s.index, s.text) for source, group in sentences.items() for s in group]
    pairs = []
    for i, (sa, _, ta) in enumerate(items):
        for j in range(i + 1, len(items)):
            sb, _, tb = items[j]
            if sa != sb:
                value = similarity(ta, tb)
                if value >= threshold:
                    pairs.append((value, i, j))
    pairs.sort(reverse=True)
    parent = list(range(len(items)))
    sources = [{items[n][0]} for n in range(len(items))]

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for _value, i, j in pairs:
        x, y = find(i), find(j)
        if x != y and not sources[x] & sources[y]:
            parent[y] = x
            sources[x] |= sources[y]
    groups: dict[int, set[tuple[str, int]]] = {}
    for n, (source, index, _) in enumerate(items):
        groups.setdefault(find(n), set()).add((source, index))
    return [group for group in groups.values() if len(group) > 1]


def _ours(sentences: Mapping[str, Sequence[Sentence]], threshold: float | None) -> list[set[tuple[str, int]]]:
    from spacereader.engine.align import align

    rows = align(sentences, threshold=threshold)
    return [{(source, i) for source, indices in row.cells.items() for i in indices} for row in rows]


def _rapidfuzz(threshold: float) -> Callable:
    from rapidfuzz import fuzz, utils

    def similarity(a: str, b: str) -> float:
        return fuzz.token_set_ratio(a, b, processor=utils.default_process)

    return lambda sentences, _t: greedy_rows(sentences, similarity, threshold)


def _difflib(threshold: float) -> Callable:
    def similarity(a: str, b: str) -> float:
        return 100 * difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()

    return lambda sentences, _t: greedy_rows(sentences, similarity, threshold)


METHODS = {
    "spacereader": _ours,
    "rapidfuzz-greedy": _rapidfuzz(70),
    "difflib-greedy": _difflib(60),
}


def real_coverage() -> None:
    """Ours against the plain rapidfuzz greedy aligner on the hand-labelled corpora (tests/align_labels.py)."""
    from tests.bench.bench_align_real import main as real_main

    sys.argv = sys.argv[:1]
    real_main()


def measure_one(method: str, size: int, threshold: float | None) -> dict:
    cluster = generate(size)
    started = time.perf_counter()
    rows = METHODS[method](cluster.sentences, threshold)
    seconds = time.perf_counter() - started
    precision, recall = precision_recall(rows, cluster.rows)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sentences = sum(len(group) for group in cluster.sentences.values())
    return {
        "method": method,
        "size": size,
        "sentences": sentences,
        "seconds": seconds,
        "peak_mb": peak_mb,
        "precision": precision,
        "recall": recall,
    }


def _child(method: str, size: int, threshold: float | None, timeout: float) -> dict | None:
    command = [sys.executable, "-m", "tests.bench.bench_align", "--one", method, str(size)]
    if threshold is not None:
        command += ["--threshold", str(threshold)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds a baseline may take per size")
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--one", nargs=2, metavar=("METHOD", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--real-only", action="store_true", help="only the hand-labelled corpora")
    args = parser.parse_args()
    if args.real_only:
        real_coverage()
        return
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]), args.threshold)))
        return
    print(
        f"{'method':<18} {'articles':>8} {'sentences':>9} {'precision':>9} {'recall':>7} {'seconds':>8} "
        f"{'peak MB':>8} {'speed ratio':>11}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        ours = _child("spacereader", size, args.threshold, timeout=600)
        results = [ours]
        for method in ("rapidfuzz-greedy", "difflib-greedy"):
            results.append(_child(method, size, None, timeout=args.budget) or {"method": method, "size": size})
        for result in results:
            if result is None or "seconds" not in result:
                print(
                    f"{result['method']:<18} {size:>8} {'—':>9}  did not finish within {args.budget:.0f} s", flush=True
                )
                continue
            ratio = result["seconds"] / ours["seconds"] if ours else float("nan")
            print(
                f"{result['method']:<18} {result['size']:>8} {result['sentences']:>9} {result['precision']:>9.3f} "
                f"{result['recall']:>7.3f} {result['seconds']:>8.2f} {result['peak_mb']:>8.0f} {ratio:>10.1f}x",
                flush=True,
            )
    real_coverage()


if __name__ == "__main__":
    main()
