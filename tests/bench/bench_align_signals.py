"""What each alignment signal says about labelled true pairs and about the other cross-article pairs.

Run: python -m tests.bench.bench_align_signals [--embeddings] [--show N]

Tuning data only: the `tune` events of tests/real (rows labelled by reading) and the written tuning corpora of
tests/align_labels.py (seeds, bridge, quake). Every cross-article pair of sentences of one corpus is scored by
each signal; labelled pairs are true, `either` pairs are left out, every other pair is false.

For each signal it prints the pair-level average precision over all pairs, and the recall reached at
precision >= 0.9 two ways: over all pairs at one threshold, and over mutual best pairs only (each sentence the
other's best match in the other's article: the pairs the aligner merges first). A signal that ranks true pairs
above false ones only inside a sentence's own candidates still shows in the second figure.

`--embeddings` adds sentence embeddings from packages that ship their weights (measured: install size,
load time, sentences per second), alone and blended with the lexical score. Held-out events are never read.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from spacereader.model import Fact, Mention, Sentence

Member = tuple[str, int]
Pair = frozenset[Member]


@dataclass
class Corpus:
    name: str
    sentences: Mapping[str, Sequence[Sentence]]
    facts: Sequence[Fact]
    mentions: Sequence[Mention]
    true: set[Pair]
    either: set[Pair]
    signals: dict[str, dict[Pair, float]] = field(default_factory=dict)

    def pairs(self) -> Iterable[Pair]:
        members = [(source, s.index) for source, group in self.sentences.items() for s in group]
        for a, b in combinations(members, 2):
            if a[0] != b[0]:
                yield frozenset((a, b))


def tuning_corpora() -> list[Corpus]:
    from tests.align_labels import TUNE
    from tests.bench.bench_align_real import load
    from tests.real.corpus import load_events
    from tests.real.score import build, labelled_pairs

    out = []
    for event in load_events("tune"):
        if event.single or not event.rows or not event.complete:
            continue
        comparison = build(event)
        true, either = labelled_pairs(event, comparison)
        out.append(Corpus(event.id, comparison.sentences, comparison.facts, comparison.mentions, true, either))
    for name in TUNE:
        sentences, facts, mentions, true, either, _false = load(name)
        out.append(Corpus(name, sentences, facts, mentions, true, either))
    return out


# ── signals ─────────────────────────────────────────────────────────────────────────────────────────


def lexical(corpus: Corpus) -> dict[str, dict[Pair, float]]:
    """What align.py computes today: the combined score, and its parts."""
    from spacereader.engine import align

    _sentences, features = align._prepare(corpus.sentences, corpus.facts, corpus.mentions)
    source_ids = list(corpus.sentences)
    number = {(source_ids[f.source], f.index): n for n, f in enumerate(features)}
    combined, text, cosine = {}, {}, {}
    for pair in corpus.pairs():
        a, b = sorted(pair)
        fa, fb = features[number[a]], features[number[b]]
        t = align._text_score(fa.text, fb.text)
        text[pair] = float(t)
        cosine[pair] = align._overlap(fa, fb)[0]
        combined[pair] = align._combine(t, fa, fb)
    return {"lexical": combined, "token_set": text, "idf_cosine": cosine}


Embedder = Callable[[list[str]], list[list[float]]]


def wordllama() -> tuple[str, Embedder]:
    from pathlib import Path

    import wordllama
    from wordllama import WordLlama

    # The wheel ships its weights and tokenizer; pointed at them as a cache, it never downloads.
    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)

    def embed(texts: list[str]) -> list[list[float]]:
        return model.embed(texts, norm=True).tolist()

    return "wordllama", embed


EMBEDDERS: dict[str, Callable[[], tuple[str, Embedder]]] = {"wordllama": wordllama}


def embedding_signal(corpora: Sequence[Corpus], make: Callable[[], tuple[str, Embedder]]) -> str:
    started = time.perf_counter()
    name, embed = make()
    loaded = time.perf_counter() - started
    texts = [s.text for c in corpora for group in c.sentences.values() for s in group]
    started = time.perf_counter()
    vectors = embed(texts)
    took = time.perf_counter() - started
    print(f"{name}: load {loaded:.2f} s, {len(texts)} sentences in {took:.2f} s ({1000 * took / len(texts):.2f} s per 1,000)")
    position = 0
    for corpus in corpora:
        vector: dict[Member, list[float]] = {}
        for source, group in corpus.sentences.items():
            for s in group:
                vector[source, s.index] = vectors[position]
                position += 1
        values = {}
        for pair in corpus.pairs():
            a, b = sorted(pair)
            values[pair] = sum(x * y for x, y in zip(vector[a], vector[b], strict=True))
        corpus.signals[name] = values
    return name


# ── measures ────────────────────────────────────────────────────────────────────────────────────────


def _labelled(corpora: Sequence[Corpus], signal: str, only: Callable[[Corpus, Pair], bool] | None = None):
    rows = []
    for corpus in corpora:
        values = corpus.signals[signal]
        for pair, value in values.items():
            if pair in corpus.either or (only and not only(corpus, pair)):
                continue
            rows.append((value, pair in corpus.true))
    return rows


def average_precision(rows: Sequence[tuple[float, bool]]) -> float:
    ordered = sorted(rows, key=lambda row: -row[0])
    positives = sum(label for _value, label in rows)
    hits = 0
    total = 0.0
    for rank, (_value, label) in enumerate(ordered, 1):
        if label:
            hits += 1
            total += hits / rank
    return total / positives if positives else 0.0


def recall_at(rows: Sequence[tuple[float, bool]], positives: int, precision: float = 0.9) -> tuple[float, float]:
    """The best recall (of `positives`) at one threshold whose precision is at least `precision`."""
    ordered = sorted(rows, key=lambda row: -row[0])
    best = (0.0, math.inf)
    hits = 0
    for rank, (value, label) in enumerate(ordered, 1):
        hits += label
        if hits / rank >= precision and hits / positives > best[0]:
            best = (hits / positives, value)
    return best


def mutual_best(corpus: Corpus, signal: str) -> set[Pair]:
    values = corpus.signals[signal]
    best: dict[tuple[Member, str], tuple[float, Member]] = {}
    for pair, value in values.items():
        a, b = sorted(pair)
        for x, y in ((a, b), (b, a)):
            key = (x, y[0])
            if value > best.get(key, (-math.inf, x))[0]:
                best[key] = (value, y)
    out = set()
    for pair in values:
        a, b = sorted(pair)
        if best[a, b[0]][1] == b and best[b, a[0]][1] == a:
            out.add(pair)
    return out


def report(corpora: Sequence[Corpus], signals: Sequence[str]) -> None:
    positives = sum(len(c.true) for c in corpora)
    mutual = {(c.name, s): mutual_best(c, s) for c in corpora for s in signals}
    print(f"\n{len(corpora)} corpora, {positives} true pairs")
    print(f"{'signal':<22} {'AP':>6} {'R@P.9':>7} {'θ':>7} {'mutual R@P.9':>13} {'θ':>7}")
    for signal in signals:
        rows = _labelled(corpora, signal)
        ap = average_precision(rows)
        recall, theta = recall_at(rows, positives)
        rows_m = _labelled(corpora, signal, lambda c, p, s=signal: p in mutual[c.name, s])
        recall_m, theta_m = recall_at(rows_m, positives)
        print(f"{signal:<22} {ap:>6.3f} {recall:>7.2f} {theta:>7.3g} {recall_m:>13.2f} {theta_m:>7.3g}")


def blend(corpora: Sequence[Corpus], name: str, parts: Mapping[str, float]) -> None:
    for corpus in corpora:
        first = next(iter(parts))
        corpus.signals[name] = {
            pair: sum(weight * corpus.signals[signal][pair] for signal, weight in parts.items())
            for pair in corpus.signals[first]
        }


def show(corpora: Sequence[Corpus], signal: str, count: int) -> None:
    """The best-scored false pairs and the worst-scored true pairs of a signal, with their full text."""
    for corpus in corpora:
        values = corpus.signals[signal]
        text = {(src, s.index): s.text for src, group in corpus.sentences.items() for s in group}
        ranked = sorted(values.items(), key=lambda item: -item[1])
        print(f"\n## {corpus.name}")
        false = [(p, v) for p, v in ranked if p not in corpus.true and p not in corpus.either][:count]
        for pair, value in false:
            a, b = sorted(pair)
            print(f"  false {value:6.1f}  {a[0][:10]}:{a[1]} {text[a]}\n                {b[0][:10]}:{b[1]} {text[b]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embeddings", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print the N best false pairs of the lexical score")
    args = parser.parse_args()
    corpora = tuning_corpora()
    signals = ["lexical", "token_set", "idf_cosine"]
    for corpus in corpora:
        corpus.signals.update(lexical(corpus))
    if args.embeddings:
        for make in EMBEDDERS.values():
            name = embedding_signal(corpora, make)
            signals.append(name)
            for weight in (20, 40, 60):
                blend(corpora, f"lexical+{weight}·{name}", {"lexical": 1.0, name: weight})
                signals.append(f"lexical+{weight}·{name}")
    report([c for c in corpora if c.name not in ("seeds", "bridge", "quake")], signals)
    report(corpora, signals)
    if args.show:
        show(corpora, "lexical", args.show)


if __name__ == "__main__":
    main()
