"""Event grouping: accuracy on real and written piles, speed and memory on a synthetic one. Not collected by pytest.

    python -m tests.bench.bench_events                 real `tune` pile, written pile, 10,000-article pile
    python -m tests.bench.bench_events --split holdout real held-out pile (run once, at the end of tuning)
    python -m tests.bench.bench_events --articles 2000 --skip-real

Accuracy is B-cubed precision and recall of "same event" (for every article: the share of its predicted
event that truly shares its event, and the share of its true event found in its predicted one), plus the
events of one topic that were merged (two different earthquakes in one event). Piles:

1. Real coverage (tests/real): every event and single article of one split mixed into one pile, as
   a user hands spacereader a morning's reading; events come in topic pairs with a single of the topic.
2. Written (tests/articles and the seeds): one event per folder, every file of `singles/` alone.
3. Synthetic (tests/bench/piles.py): many events of shared topics, a third of them single articles.
   Target: 10,000 articles grouped within 60 s and 2 GB on this 2-core machine.

The baseline, in the same run: plain TF-IDF cosine over lower-cased words, single-link at the threshold
that does best on the real `tune` pile, its candidate pairs from the same rare-word index (a full N×N
cosine does not finish at 10,000 articles in Python). Speed and memory are measured in a forked child per
run (wall seconds, CPU seconds of the child and its workers, peak resident memory of the child).
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from spacereader.engine.align import STOPWORDS, _candidates, _Features  # noqa: E402
from spacereader.model import Article  # noqa: E402
from spacereader.pile import group  # noqa: E402
from spacereader.sources.load import load_paths  # noqa: E402

Grouper = Callable[[Sequence[Article]], list[int]]


# ── measures ───────────────────────────────────────────────────────────────────────────────────────


def bcubed(predicted: Sequence[object], truth: Sequence[object]) -> tuple[float, float]:
    """B-cubed precision and recall of a partition against the true one."""
    both = Counter(zip(predicted, truth, strict=True))
    size_p, size_t = Counter(predicted), Counter(truth)
    n = len(truth)
    precision = sum(both[p, t] / size_p[p] for p, t in zip(predicted, truth, strict=True)) / n
    recall = sum(both[p, t] / size_t[t] for p, t in zip(predicted, truth, strict=True)) / n
    return precision, recall


def merged_topics(predicted: Sequence[object], truth: Sequence[str], topic: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs of different true events of one topic that share a predicted event."""
    found = set()
    by_group: dict[object, set[str]] = defaultdict(set)
    for p, t in zip(predicted, truth, strict=True):
        by_group[p].add(t)
    for events in by_group.values():
        for a in events:
            for b in events:
                if a < b and topic.get(a) and topic.get(a) == topic.get(b):
                    found.add((a, b))
    return sorted(found)


# ── groupers ───────────────────────────────────────────────────────────────────────────────────────


def ours(articles: Sequence[Article], workers: int = 1) -> list[int]:
    events = group(articles, workers=workers)
    number = {source: n for n, event in enumerate(events) for source in event.sources}
    return [number[article.id] for article in articles]


_WORDS = re.compile(r"[^\W\d_]+")


def tfidf_single_link(threshold: float) -> Grouper:
    """The baseline: TF-IDF cosine of lower-cased words, single link from `threshold` on."""

    def run(articles: Sequence[Article]) -> list[int]:
        bags = []
        for article in articles:
            text = f"{article.title or ''} {article.body}".lower()
            bags.append(Counter(w for w in _WORDS.findall(text) if w not in STOPWORDS and len(w) > 2))
        df = Counter(word for bag in bags for word in bag)
        n = len(articles)
        vectors = []
        for bag in bags:
            weights = {w: c * math.log(n / df[w]) for w, c in bag.items() if df[w] > 1}
            norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
            vectors.append({w: v / norm for w, v in weights.items()})
        features = [
            _Features(source=k, index=0, text="", weights=v, mass=sum(v.values()) or 1.0, words=0, unit=1.0)
            for k, v in enumerate(vectors)
        ]
        parent = list(range(n))

        def find(k: int) -> int:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        for i, j in _candidates(features, 20, None):
            a, b = vectors[i], vectors[j]
            small, large = (a, b) if len(a) < len(b) else (b, a)
            if sum(v * large.get(w, 0.0) for w, v in small.items()) >= threshold:
                parent[find(i)] = find(j)
        return [find(k) for k in range(n)]

    return run


def measured(grouper: Grouper, articles: Sequence[Article]) -> tuple[list[int], float, float, float]:
    """Run in a forked child: (groups, wall seconds, CPU seconds of the child and its workers, peak RSS MB)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        started, cpu = time.perf_counter(), time.process_time()
        result = grouper(articles)
        wall = time.perf_counter() - started
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = time.process_time() - cpu + children.ru_utime + children.ru_stime
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        with os.fdopen(write, "wb") as pipe:
            pickle.dump((result, wall, cpu, peak), pipe)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)


# ── piles ──────────────────────────────────────────────────────────────────────────────────────────


def real_pile(split: str) -> tuple[list[Article], list[str], dict[str, str]] | None:
    from tests.real.corpus import load_events

    events = load_events(split)
    if not events or not all(event.complete for event in events):
        return None
    paths, labels = [], []
    for event in events:
        for path in event.paths():
            paths.append(path)
            labels.append(event.id)
    articles, errors = load_paths(paths)
    if errors or len(articles) != len(paths):
        raise SystemExit(f"real pile: {'; '.join(map(str, errors))}")
    return articles, labels, {event.id: event.topic for event in events}


def written_pile() -> tuple[list[Article], list[str]]:
    paths, labels = [], []
    for folder in sorted((ROOT / "tests" / "articles").iterdir()):
        for path in sorted(folder.iterdir()):
            paths.append(str(path))
            labels.append(path.stem if folder.name == "singles" else folder.name)
    for path in sorted((ROOT / "seeds").iterdir()):
        paths.append(str(path))
        labels.append("seeds")
    articles, errors = load_paths(paths)
    assert not errors and len(articles) == len(paths)
    return articles, labels


def report(name: str, predicted: Sequence[object], truth: Sequence[object], extra: str = "") -> tuple[float, float]:
    precision, recall = bcubed(predicted, truth)
    print(f"  {name:<34} precision {precision:.3f}  recall {recall:.3f}  events {len(set(predicted)):>4} {extra}")
    return precision, recall


def accuracy(split: str, baseline_threshold: float) -> float | None:
    pile = real_pile(split)
    if pile is None:
        print(f"real {split}: texts missing (python -m tests.real.corpus missing); nothing measured")
        return None
    articles, truth, topics = pile
    print(
        f"real coverage, {split}: {len(articles)} articles, {len(set(truth))} events ({sum(truth.count(t) == 1 for t in set(truth))} single)"
    )
    predicted = ours(articles)
    report("spacereader", predicted, truth)
    merges = merged_topics(predicted, truth, topics)
    print(f"  same-topic events merged: {', '.join(f'{a} + {b}' for a, b in merges) or 'none'}")
    for event in sorted(set(predicted), key=predicted.index):
        members = sorted({t for p, t in zip(predicted, truth, strict=True) if p == event})
        if len(members) > 1 or truth.count(members[0]) != predicted.count(event):
            got = [t for p, t in zip(predicted, truth, strict=True) if p == event]
            print(f"    grouped together: {', '.join(f'{m} ×{got.count(m)}' for m in members)}")
    if split == "tune":
        best = max(
            ((t / 100, bcubed(tfidf_single_link(t / 100)(articles), truth)) for t in range(5, 80, 5)),
            key=lambda item: (min(item[1]), item[1][0]),
        )
        baseline_threshold = best[0]
    base = tfidf_single_link(baseline_threshold)(articles)
    report(f"baseline TF-IDF single link ({baseline_threshold:.2f})", base, truth)
    print(f"  baseline same-topic merges: {len(merged_topics(base, truth, topics))}")
    return baseline_threshold


def scale(count: int, baseline_threshold: float) -> None:
    from tests.bench.piles import generate

    pile = generate(count, seed=12)
    print(
        f"synthetic: {count} articles, {len(set(pile.truth))} events of {len(set(pile.topics))} topics "
        f"({sum(pile.truth.count(t) == 1 for t in set(pile.truth))} single)"
    )
    topics = {str(n): topic for n, topic in enumerate(pile.topics)}
    truth = [str(t) for t in pile.truth]
    runs = {}
    for name, grouper in (
        ("spacereader, 2 workers", lambda a: ours(a, workers=2)),
        ("spacereader, 1 worker", ours),
        (f"baseline TF-IDF single link ({baseline_threshold:.2f})", tfidf_single_link(baseline_threshold)),
    ):
        predicted, wall, cpu, peak = measured(grouper, pile.articles)
        runs[name] = (wall, peak)
        merges = len(merged_topics(predicted, truth, topics))
        report(
            name,
            predicted,
            truth,
            f"· {wall:5.1f} s ({cpu:5.1f} s CPU) · peak {peak:6.0f} MB · {merges} same-topic merges",
        )
    ours_wall, ours_peak = runs["spacereader, 2 workers"]
    base_wall, base_peak = runs[f"baseline TF-IDF single link ({baseline_threshold:.2f})"]
    print(
        f"  time ×{ours_wall / base_wall:.2f} of the baseline's, memory ×{ours_peak / base_peak:.2f}; "
        f"target ≤ 60 s and ≤ 2048 MB: {'met' if ours_wall <= 60 and ours_peak <= 2048 else 'NOT met'}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "holdout"), default="tune")
    parser.add_argument("--articles", type=int, default=10_000, help="size of the synthetic pile")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args(argv)

    threshold = 0.3
    if not args.skip_real:
        if args.split == "holdout":  # the baseline's threshold is chosen on tune, never on holdout
            threshold = accuracy("tune", threshold) or threshold
            print()
        threshold = accuracy(args.split, threshold) or threshold
        print()
        articles, truth = written_pile()
        print(f"written: {len(articles)} articles, {len(set(truth))} events")
        report("spacereader", ours(articles), truth)
        report(f"baseline TF-IDF single link ({threshold:.2f})", tfidf_single_link(threshold)(articles), truth)
        print()
    if not args.skip_scale:
        scale(args.articles, threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
