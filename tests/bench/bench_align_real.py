"""Alignment on hand-labelled real-looking coverage: spacereader against a plain rapidfuzz greedy aligner.

Run: python -m tests.bench.bench_align_real [--misses] [--threshold N] [--split tune|holdout]

For each labelled corpus (tests/align_labels.py: the seeds, tests/articles/bridge, quake, rates,
transfer) the rows of the real engine (segment → facts and names → align) are scored as cross-source
pairs against the labels; pairs labelled "either" are not counted. The baseline is the bench's plain
rapidfuzz greedy aligner (token_set_ratio over every cross-source pair, best first, one sentence per
source and row) at several thresholds; "rapidfuzz @P" is its best recall at a precision at least ours,
its threshold chosen per corpus in hindsight (an oracle no user has); the pooled lines also give it at
one fixed threshold for all corpora.
Totals are pooled over the tuning sets and over the held-out sets separately. `--misses` lists the
true pairs missed and the false pairs made, tuning sets only.

Then the same on real coverage (tests/real: events reported by several outlets, read from the search tool's
stored pages, rows labelled by reading; texts rebuilt outside git, see tests/real/README.md), tuned and
held-out events apart, against rapidfuzz greedy at fixed thresholds.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from tests.align_labels import HOLDOUT, LABELS, TUNE, Pair, labelled_pairs, row_pairs, score
from tests.bench.bench_align import greedy_rows

BASELINE_THRESHOLDS = (40, 50, 55, 60, 65, 70, 75, 80, 90)


def load(name: str):
    from spacereader.engine.conflicts import compare_facts
    from spacereader.engine.segment import segment
    from spacereader.sources.files import seeds_dir
    from spacereader.sources.load import load_paths

    corpus = LABELS[name]
    articles, _errors = load_paths([corpus.path or str(seeds_dir())])
    sentences = {article.id: segment(article.body, article.id) for article in articles}
    facts, mentions, _entities, _conflicts = compare_facts(articles, sentences)
    true, either, false = labelled_pairs(corpus, list(sentences))
    return sentences, facts, mentions, true, either, false


def ours(sentences, facts, mentions, threshold: float | None = None) -> set[Pair]:
    from spacereader.engine.align import align

    rows = align(sentences, facts=facts, mentions=mentions, threshold=threshold)
    return row_pairs([row.cells for row in rows])


def baseline(sentences, threshold: float) -> set[Pair]:
    from rapidfuzz import fuzz, utils

    groups = greedy_rows(sentences, lambda a, b: fuzz.token_set_ratio(a, b, processor=utils.default_process), threshold)
    cells = []
    for group in groups:
        row: dict[str, list[int]] = {}
        for source, index in group:
            row.setdefault(source, []).append(index)
        cells.append(row)
    return row_pairs(cells)


def _text(sentences, member: tuple[str, int], width: int = 90) -> str:
    source, index = member
    text = sentences[source][index].text
    return f"{source[:8]}:{index} {text[:width]}"


def report(names: Sequence[str], threshold: float | None, misses: bool) -> dict[str, tuple[int, int, int]]:
    totals = {"ours": [0, 0, 0], "rapidfuzz@P": [0, 0, 0]}
    totals.update({f"rapidfuzz≥{value}": [0, 0, 0] for value in (50, 60, 70)})
    for name in names:
        sentences, facts, mentions, true, either, _false = load(name)
        found = ours(sentences, facts, mentions, threshold)
        precision, recall, hits, counted = score(found, true, either)
        print(f"{name:<9} {'spacereader':<22} {precision:>9.2f} {recall:>7.2f} {hits:>4}/{len(true):<4} {counted:>7}")
        best = None
        for value in BASELINE_THRESHOLDS:
            p, r, h, c = score(baseline(sentences, value), true, either)
            if p >= precision - 1e-9 and (best is None or r > best[1]):
                best = (p, r, h, c, value)
        for value in (50, 60, 70):
            p, r, h, c = score(baseline(sentences, value), true, either)
            totals[f"rapidfuzz≥{value}"][0] += h
            totals[f"rapidfuzz≥{value}"][2] += c
            print(f"{'':<9} {f'rapidfuzz-greedy ≥{value}':<22} {p:>9.2f} {r:>7.2f} {h:>4}/{len(true):<4} {c:>7}")
        if best:
            p, r, h, c, value = best
            label = f"rapidfuzz @P (≥{value})"
            print(f"{'':<9} {label:<22} {p:>9.2f} {r:>7.2f} {h:>4}/{len(true):<4} {c:>7}")
            totals["rapidfuzz@P"][0] += h
            totals["rapidfuzz@P"][2] += c
        totals["ours"][0] += hits
        totals["ours"][2] += counted
        for key in totals:
            totals[key][1] += len(true)
        if misses and name in TUNE:
            for pair in sorted(true - found, key=sorted):
                a, b = sorted(pair)
                print(f"    missed  {_text(sentences, a)}\n            {_text(sentences, b)}")
            for pair in sorted(found - true - either, key=sorted):
                a, b = sorted(pair)
                print(f"    false   {_text(sentences, a)}\n            {_text(sentences, b)}")
    return {key: tuple(value) for key, value in totals.items()}


def real_coverage(misses: bool, splits: Sequence[str] = ("tune", "holdout"), threshold: float | None = None) -> None:
    """Pair precision and recall on tests/real, per event and pooled per split."""
    from spacereader.engine.align import align
    from tests.real.corpus import load_events
    from tests.real.score import build, labelled_pairs, pair_score
    from tests.real.score import row_pairs as real_row_pairs

    methods = ("spacereader", *(f"rapidfuzz≥{value}" for value in (50, 60, 70)))
    for split in splits:
        events = [e for e in load_events(split) if not e.single and e.rows]
        ready = [e for e in events if e.complete]
        print(f"\n== real coverage, {split}: {len(ready)} of {len(events)} events with their texts")
        totals = {method: [0, 0, 0] for method in methods}
        for event in ready:
            comparison = build(event)
            true, either = labelled_pairs(event, comparison)
            rows = comparison.rows
            if threshold is not None:
                rows = align(comparison.sentences, facts=comparison.facts, mentions=comparison.mentions, threshold=threshold)
            found = {"spacereader": real_row_pairs(row.cells for row in rows)}
            for value in (50, 60, 70):
                found[f"rapidfuzz≥{value}"] = baseline(comparison.sentences, value)
            for method in methods:
                hits, counted, n_true = pair_score(found[method], true, either)
                for i, n in enumerate((hits, counted, n_true)):
                    totals[method][i] += n
                precision = hits / counted if counted else 1.0
                recall = hits / n_true if n_true else 1.0
                name = event.id if method == "spacereader" else ""
                print(f"{name:<24} {method:<16} {precision:>9.2f} {recall:>7.2f} {hits:>4}/{n_true:<4} {counted:>7}")
            if misses and split == "tune":
                for pair in sorted(true - found["spacereader"], key=sorted):
                    a, b = sorted(pair)
                    print(f"    missed  {_text(comparison.sentences, a)}\n            {_text(comparison.sentences, b)}")
                for pair in sorted(found["spacereader"] - true - either, key=sorted):
                    a, b = sorted(pair)
                    print(f"    false   {_text(comparison.sentences, a)}\n            {_text(comparison.sentences, b)}")
        for method, (hits, counted, n_true) in totals.items():
            if n_true:
                precision = hits / counted if counted else 1.0
                print(f"== {split:<8} pooled {method:<16} precision {precision:.2f} recall {hits / n_true:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--split", choices=("tune", "holdout"), help="real coverage of one split only")
    args = parser.parse_args()
    print(f"{'corpus':<9} {'method':<22} {'precision':>9} {'recall':>7} {'hits':>9} {'counted':>7}")
    for title, names in (("tuning", TUNE), ("held out", HOLDOUT)):
        totals = report(names, args.threshold, args.misses)
        for method, (hits, true, counted) in totals.items():
            precision = hits / counted if counted else 1.0
            print(f"== {title:<8} pooled {method:<14} precision {precision:.2f} recall {hits / true:.2f}")
    real_coverage(args.misses, (args.split,) if args.split else ("tune", "holdout"), args.threshold)


if __name__ == "__main__":
    main()
