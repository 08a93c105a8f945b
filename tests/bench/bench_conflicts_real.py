"""Conflicts on real coverage: recall of the labelled disagreements, false conflicts, false merges.

Run: python -m tests.bench.bench_conflicts_real [--misses] [--split tune|holdout|all]

The corpus is tests/real (events reported by several outlets, read from the search tool's stored pages and
labelled by reading; see tests/real/README.md). Its texts are not in git: rebuild them with
`python -m tests.real.corpus missing` / `save` first. Scoring: tests/real/score.py. The tuned and held-out
events are reported apart; `--misses` lists what was missed and what was wrong, for the tuned events only
(look at the held-out ones only through their totals).
"""

from __future__ import annotations

import argparse
import time

from tests.real.corpus import load_events
from tests.real.score import ConflictScore, build, score_conflicts

#: The same measure before issue 9 gave facts a subject and a measure (main at 1a49bec), printed beside each part's
#: pooled line: found/disagreements, false conflicts, false merges, labelled figures extracted.
BEFORE = {"tune": (1, 36, 0, 1, 395, 469), "holdout": (2, 22, 0, 1, 178, 252)}


def _before(split: str) -> str:
    found, total, false, merged, extracted, figures = BEFORE[split]
    return (
        f"{'before (1a49bec)':<24} {found:>3}/{total:<3} {found / total:>6.2f} {'':>5} {false:>6} {merged:>6} "
        f"{'':>6} {'':>5} {extracted:>4}/{figures:<4}"
    )


def _line(name: str, s: ConflictScore, seconds: float | None = None) -> str:
    found, total = len(s.found), len(s.disagreements)
    recall = found / total if total else 1.0
    tail = f" {seconds:6.2f}s" if seconds is not None else ""
    return (
        f"{name:<24} {found:>3}/{total:<3} {recall:>6.2f} {s.kind_right:>5} {len(s.false_conflicts):>6} "
        f"{len(s.false_merges):>6} {len(s.unlabelled):>6} {s.reported:>5} {s.extracted:>4}/{s.figures:<4}{tail}"
    )


def _details(s: ConflictScore) -> None:
    for slot in s.missed:
        values = "; ".join(f"{v.article}: {v.quote} ({v.reading})" for v in slot.values)
        print(f"    missed    {slot.kind:<13} {slot.name}: {values}")
    for slot, conflict in s.found:
        if conflict.kind != slot.kind:
            print(f"    kind      {slot.name}: labelled {slot.kind}, reported {conflict.kind}")
    for conflict in s.false_conflicts:
        print(f"    false     {conflict.kind:<13} {conflict.explanation}")
    for conflict, names in s.false_merges:
        print(f"    merged    {' + '.join(names)}: {conflict.explanation}")
    for conflict, loose in s.unlabelled:
        print(f"    unlabelled {', '.join(loose)}: {conflict.explanation}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list misses and errors (tuned events only)")
    parser.add_argument("--split", choices=("tune", "holdout", "all"), default="all")
    args = parser.parse_args()
    splits = ("tune", "holdout") if args.split == "all" else (args.split,)
    header = (
        f"{'event':<24} {'found':>7} {'recall':>6} {'kind':>5} {'false':>6} {'merged':>6} {'unlab':>6} "
        f"{'rep':>5} {'facts':>9}"
    )
    for split in splits:
        events = [e for e in load_events(split) if not e.single]
        ready = [e for e in events if e.complete]
        print(f"\n== {split}: {len(ready)} of {len(events)} events with their texts")
        if not ready:
            print("   no texts: rebuild them (python -m tests.real.corpus missing)")
            continue
        print(header)
        pooled = ConflictScore("pooled")
        for event in ready:
            started = time.perf_counter()
            result = score_conflicts(event, build(event))
            print(_line(event.id, result, time.perf_counter() - started))
            if args.misses and split == "tune":
                _details(result)
            for name in ("disagreements", "found", "missed", "false_conflicts", "false_merges", "unlabelled"):
                getattr(pooled, name).extend(getattr(result, name))
            pooled.kind_right += result.kind_right
            pooled.reported += result.reported
            pooled.figures += result.figures
            pooled.extracted += result.extracted
        print(_line(f"pooled {split}", pooled))
        if split in BEFORE:
            print(_before(split))
    print(
        "\nfound: labelled disagreements reported (recall); kind: of those, reported with the labelled kind; "
        "false: conflicts among agreeing values; merged: conflicts joining different subjects or measures; "
        "unlab: conflicts holding a figure no label covers; rep: conflicts reported; facts: labelled figures "
        "the engine extracted"
    )


if __name__ == "__main__":
    main()
