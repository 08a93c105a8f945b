"""Alignment: precision and recall of row pairs on synthetic event clusters, seconds and peak memory.

Run: python -m tests.bench.bench_align [--sizes 10,100,1000] [--budget SECONDS]

Each measurement runs in a child process, so its peak resident memory (ru_maxrss, generator data
included) is its own. Baselines, measured in the same run: a plain rapidfuzz greedy aligner
(token_set_ratio over every cross-source pair, best pairs first, one sentence per source and row) and a
plain difflib greedy aligner (SequenceMatcher.ratio, the same clustering), on the sizes they can finish
within the budget; the speed ratio is their time over spacereader's.

Then the same precision/recall on hand-labelled coverage (the seeds and tests/articles/bridge; pairs a
careful reader could call either way are left out), against the rapidfuzz greedy aligner at several
thresholds: the point is more true pairs at equal or better precision.
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
    from spacereader.align import align

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


# Hand-labelled real-looking coverage: true pairs, and pairs a careful reader could call either way
# (left out of both precision and recall). Source ids by prefix; "004:1" is sentence 1 of 004_….
LABELLED = {
    "seeds": (
        None,
        "003:2-004:1 003:14-004:9 003:13-004:8 002:2-004:17 003:11-004:4 002:3-003:1 003:7-002:11 000:5-001:3 "
        "001:6-004:2 002:9-004:21 000:21-001:4",
        "003:4-002:2 003:4-004:17 003:5-002:9 003:5-004:21 001:2-004:1 000:19-004:1 000:19-003:2 001:2-003:2 "
        "002:10-004:1 002:10-003:2 000:2-004:2 000:2-001:6 004:4-000:21 004:4-001:4 000:1-002:5 001:0-003:0 "
        "001:0-002:0 002:0-003:0 002:1-003:1 002:12-003:1 002:1-004:2 002:12-004:2 001:9-004:2 000:19-001:2 "
        "002:9-004:1 001:13-003:1 002:3-003:4 001:2-001:3 001:3-004:1 003:13-003:14 003:14-004:8 003:13-004:9",
    ),
    "bridge": (
        "tests/articles/bridge",
        "courier:0-gazette:1 courier:0-wire:1 gazette:1-wire:1 courier:1-gazette:2 courier:1-wire:2 "
        "gazette:2-wire:2 gazette:0-wire:0 courier:2-gazette:3 courier:2-wire:3 gazette:3-wire:3 courier:6-wire:6 "
        "courier:5-wire:5 gazette:6-wire:7",
        "gazette:4-courier:3 gazette:4-courier:6 gazette:4-wire:6 courier:4-gazette:5 courier:4-wire:4 "
        "gazette:5-wire:4 courier:7-gazette:5 gazette:0-wire:1 courier:0-gazette:0",
    ),
}


def labelled(name: str) -> tuple[dict, list[set[tuple[str, int]]], set[frozenset[tuple[str, int]]], tuple, tuple]:
    from spacereader.conflicts import compare_facts
    from spacereader.load import load_paths, seeds_dir
    from spacereader.segment import segment

    path, true_pairs, either = LABELLED[name]
    articles, _errors = load_paths([path or str(seeds_dir())])
    sentences = {article.id: segment(article.body, article.id) for article in articles}
    facts, mentions, _entities, _conflicts = compare_facts(articles, sentences)

    def member(text: str) -> tuple[str, int]:
        prefix, index = text.split(":")
        return next(source for source in sentences if source.startswith(prefix)), int(index)

    def pairs(text: str) -> list[tuple[tuple[str, int], tuple[str, int]]]:
        return [(member(a), member(b)) for a, b in (pair.split("-") for pair in text.split())]

    truth = [set(pair) for pair in pairs(true_pairs)]
    ambiguous = {frozenset(pair) for pair in pairs(either)}
    return sentences, truth, ambiguous, facts, mentions


def real_coverage() -> None:
    """Ours against the plain rapidfuzz greedy aligner on the hand-labelled corpora."""
    from rapidfuzz import fuzz, utils

    from spacereader.align import align
    from tests.bench.clusters import row_pairs

    print(f"\n{'corpus':<8} {'method':<28} {'precision':>9} {'recall':>7}")
    for name in LABELLED:
        sentences, truth, ambiguous, facts, mentions = labelled(name)
        true = row_pairs(truth)
        runs = [("spacereader", align(sentences, facts=facts, mentions=mentions))]
        for threshold in (50, 60, 70, 80):
            rows = greedy_rows(
                sentences, lambda a, b: fuzz.token_set_ratio(a, b, processor=utils.default_process), threshold
            )
            runs.append((f"rapidfuzz-greedy ≥{threshold}", rows))
        for method, rows in runs:
            groups = [
                {(source, i) for source, cell in row.cells.items() for i in cell} if hasattr(row, "cells") else row
                for row in rows
            ]
            found = row_pairs(groups) - ambiguous
            hits = len(found & true)
            precision = hits / len(found) if found else 1.0
            print(f"{name:<8} {method:<28} {precision:>9.2f} {hits / len(true):>7.2f}")


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
