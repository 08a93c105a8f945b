"""Alignment at scale: many articles retelling the seeds' own sentences, lightly edited.

Run: python -m tests.bench.bench_align_scale [--sizes 10,100,1000] [--budget SECONDS] [--per-article 40]

Each article retells `--per-article` (40) of the seeds' sentences (the project's own segmentation, about
117), picked at random and kept in the seeds' order, each one lightly edited: one word dropped, or one
word swapped for a near synonym (a table written here), or left alone, a third each, with a fixed
random seed. At 1,000 articles every seed sentence has about 340 retellings. Truth by construction:
the retellings of one seed sentence belong in one row.

Reported per size, for spacereader and for the plain rapidfuzz greedy aligner of tests/bench/bench_align.py
(token_set_ratio over every cross-source pair, best first, one sentence per source and row; only where it
finishes within the budget):

- shared: the share of sentences in a row with another source;
- right: of those, the share whose row's most frequent seed sentence is their own;
- pairwise precision and recall of the rows' sentence pairs against the true pairs;
- seconds of the alignment call alone (generation excluded), wall clock and the process's CPU time (on
  a machine others share, CPU time is the steadier figure), peak resident memory of the child process
  (ru_maxrss, generator data included), and the speed and memory ratios baseline / spacereader (wall);
- progress: how many times the progress callback was called and the longest wait between two calls
  (the reader's progress bar moves on those calls).

`--beside N` adds N articles about other events (the synthetic clusters of tests/bench/bench_align.py)
to the same input: the retellings are measured as above, the other events by their pairwise
precision/recall (compare with bench_align at that size, alone).

Each measurement runs in a child process, so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacereader.model import Sentence

OTHER = "other-"  # source ids of the articles about other events (--beside)

#: Near synonyms for words the seeds use (written here, independent of the aligner's own table).
NEAR_SYNONYMS = {
    "film": "picture",
    "movie": "picture",
    "first": "earliest",
    "announced": "declared",
    "actress": "actor",
    "director": "filmmaker",
    "filmmaker": "director",
    "sent": "dispatched",
    "shoot": "film",
    "shot": "filmed",
    "race": "contest",
    "country": "nation",
    "countries": "nations",
    "country's": "nation's",
    "said": "stated",
    "says": "states",
    "told": "informed",
    "project": "venture",
    "mission": "expedition",
    "famous": "renowned",
    "big": "large",
    "small": "little",
    "great": "huge",
    "new": "fresh",
    "last": "final",
    "began": "started",
    "start": "begin",
    "arrived": "came",
    "travel": "journey",
    "launched": "sent up",
    "launch": "liftoff",
    "returned": "came back",
    "return": "come back",
    "crew": "team",
    "team": "crew",
    "aboard": "on board",
    "scheduled": "planned",
    "planned": "scheduled",
    "achievement": "feat",
    "feat": "achievement",
    "rival": "competitor",
    "rivalry": "competition",
    "interesting": "intriguing",
    "managed": "succeeded",
    "recorded": "filmed",
    "filming": "shooting",
    "production": "shoot",
    "real": "actual",
    "also": "too",
    "however": "but",
    "about": "around",
    "nearly": "almost",
    "almost": "nearly",
    "many": "numerous",
    "help": "aid",
    "save": "rescue",
    "doctor": "physician",
    "chance": "opportunity",
    "head": "chief",
    "chief": "head",
    "company": "firm",
    "companies": "firms",
    "ahead": "in front",
    "before": "prior to",
    "after": "following",
    "during": "throughout",
    "against": "versus",
    "between": "among",
    "get": "obtain",
    "take": "grab",
    "give": "offer",
    "want": "wish",
    "seems": "appears",
    "seemed": "appeared",
    "known": "famed",
    "named": "called",
    "called": "named",
    "spacecraft": "capsule",
    "rocket": "launcher",
    "orbit": "space",
    "president": "leader",
    "leader": "president",
    "cosmonaut": "astronaut",
    "cosmonauts": "astronauts",
    "astronaut": "cosmonaut",
    "agency": "body",
    "milestone": "landmark",
    "global": "worldwide",
    "pride": "vanity",
    "win": "triumph",
    "winning": "triumphing",
    "fought": "battled",
    "underwent": "completed",
    "training": "preparation",
    "story": "tale",
    "narrative": "storyline",
    "scenes": "sequences",
    "minutes": "mins",
    "instead": "rather",
    "never": "not once",
    "always": "ever",
    "again": "once more",
    "together": "jointly",
    "quickly": "rapidly",
    "urgently": "hastily",
    "only": "just",
    "just": "only",
    "very": "really",
    "ready": "prepared",
    "leave": "depart",
    "depart": "leave",
}

_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True, slots=True)
class Retellings:
    sentences: dict[str, tuple[Sentence, ...]]
    truth: dict[tuple[str, int], int]  # (article, sentence index) -> the seed sentence it retells
    seeds: int  # number of seed sentences


def seed_sentences() -> list[str]:
    """The seeds' sentences in reading order, as the project segments them."""
    from spacereader.engine.segment import segment
    from spacereader.sources.files import seeds_dir
    from spacereader.sources.load import load_paths

    articles, _errors = load_paths([str(seeds_dir())])
    return [sentence.text for article in articles for sentence in segment(article.body, article.id)]


def edit(text: str, rng: random.Random) -> str:
    """One light edit: drop a word, swap a word for a near synonym, or leave the sentence alone."""
    words = list(_WORD.finditer(text))
    choice = rng.randrange(3)
    if choice == 0 or len(words) < 4:
        return text
    if choice == 2:
        swappable = [m for m in words if m.group(0).lower() in NEAR_SYNONYMS]
        if swappable:
            match = rng.choice(swappable)
            word = match.group(0)
            synonym = NEAR_SYNONYMS[word.lower()]
            if word[0].isupper():
                synonym = synonym[0].upper() + synonym[1:]
            return text[: match.start()] + synonym + text[match.end() :]
    # Drop a word (not the first, so the sentence still starts as a sentence does).
    match = rng.choice(words[1:])
    start, end = match.start(), match.end()
    if text[end : end + 1] == " ":
        end += 1
    elif text[start - 1 : start] == " ":
        start -= 1  # "the spacecraft: Sputnik" loses " spacecraft", not "spacecraft"
    return text[:start] + text[end:]


def retellings(articles: int, per_article: int = 40, seed: int = 1, statements: int | None = None) -> Retellings:
    """`articles` articles of `per_article` retold seed sentences each (of the first `statements` only, if given)."""
    rng = random.Random(seed)
    originals = seed_sentences()[:statements]
    sentences: dict[str, tuple[Sentence, ...]] = {}
    truth: dict[tuple[str, int], int] = {}
    for number in range(articles):
        source = f"r{number:04d}"
        picked = sorted(rng.sample(range(len(originals)), min(per_article, len(originals))))
        group = []
        offset = 0
        for index, original in enumerate(picked):
            text = edit(originals[original], rng)
            group.append(Sentence(source, index, text, offset, offset + len(text)))
            truth[source, index] = original
            offset += len(text) + 1
        sentences[source] = tuple(group)
    return Retellings(sentences, truth, len(originals))


def measure_rows(rows: Iterable[Iterable[tuple[str, int]]], truth: Mapping[tuple[str, int], int]) -> dict:
    """Shared share, right-row share and pairwise precision/recall, counted without listing pairs."""
    total = len(truth)
    shared = right = predicted = correct = 0
    for row in rows:
        members = list(row)
        labels = Counter(truth[member] for member in members)
        predicted += len(members) * (len(members) - 1) // 2
        correct += sum(count * (count - 1) // 2 for count in labels.values())
        if len({source for source, _index in members}) > 1:
            shared += len(members)
            right += labels.most_common(1)[0][1]
    per_seed = Counter(truth.values())
    true_pairs = sum(count * (count - 1) // 2 for count in per_seed.values())
    return {
        "shared": shared / total if total else 0.0,
        "right": right / shared if shared else 1.0,
        "precision": correct / predicted if predicted else 1.0,
        "recall": correct / true_pairs if true_pairs else 1.0,
    }


def _spacereader(sentences: Mapping[str, Sequence[Sentence]], calls: list[float]) -> list[list[tuple[str, int]]]:
    from spacereader.engine.align import align

    rows = align(sentences, progress=lambda _step, _done, _total: calls.append(time.perf_counter()))
    return [[(source, index) for source, cell in row.cells.items() for index in cell] for row in rows]


def _rapidfuzz(sentences: Mapping[str, Sequence[Sentence]], _calls: list[float]) -> list[list[tuple[str, int]]]:
    from rapidfuzz import fuzz, utils

    from tests.bench.bench_align import greedy_rows

    def similarity(a: str, b: str) -> float:
        return fuzz.token_set_ratio(a, b, processor=utils.default_process)

    rows = [list(group) for group in greedy_rows(sentences, similarity, 70)]
    placed = {member for row in rows for member in row}
    rows.extend(
        [(source, s.index)] for source, group in sentences.items() for s in group if (source, s.index) not in placed
    )
    return rows


METHODS = {"spacereader": _spacereader, "rapidfuzz-greedy": _rapidfuzz}


def measure_one(method: str, size: int, per_article: int, beside: int = 0) -> dict:
    case = retellings(size, per_article)
    sentences = dict(case.sentences)
    if beside:
        # Articles about other events in the same input (tests/bench/clusters.py), ids apart.
        from tests.bench.clusters import generate

        others = generate(beside)
        sentences.update({OTHER + source: group for source, group in others.sentences.items()})
    calls: list[float] = []
    cpu = time.process_time()
    started = time.perf_counter()
    rows = METHODS[method](sentences, calls)
    finished = time.perf_counter()
    cpu = time.process_time() - cpu
    marks = [started, *calls, finished]
    result = measure_rows([[m for m in row if m in case.truth] for row in rows], case.truth)
    if beside:
        from tests.bench.clusters import precision_recall

        theirs = [{(source[len(OTHER) :], index) for source, index in row if source.startswith(OTHER)} for row in rows]
        result["others"] = precision_recall([row for row in theirs if row], others.rows)
    result.update(
        method=method,
        size=size,
        sentences=sum(map(len, sentences.values())),
        seconds=finished - started,
        cpu_seconds=cpu,
        peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        progress_calls=len(calls),
        longest_wait=max(b - a for a, b in itertools.pairwise(marks)),
    )
    return result


def _child(method: str, size: int, per_article: int, timeout: float, beside: int) -> dict | None:
    command = [sys.executable, "-m", "tests.bench.bench_align_scale", "--one", method, str(size)]
    command += ["--per-article", str(per_article), "--beside", str(beside)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds the baseline may take per size")
    parser.add_argument("--per-article", type=int, default=40)
    parser.add_argument("--one", nargs=2, metavar=("METHOD", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=sorted(METHODS), help="measure one method only")
    parser.add_argument(
        "--beside", type=int, default=0, metavar="N", help="add N articles of other events (bench_align's clusters)"
    )
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]), args.per_article, args.beside)))
        return
    if args.beside:
        print(f"beside {args.beside} articles of other events: 'others' is their pairwise precision/recall")
    print("peak MB is the child process's ru_maxrss (generated articles included); ratios are baseline / spacereader")
    print(
        f"{'method':<17} {'articles':>8} {'sentences':>9} {'shared':>7} {'right':>7} {'precision':>9} {'recall':>7} "
        f"{'seconds':>8} {'cpu s':>6} {'peak MB':>8} {'progress':>13} {'speed ratio':>11} {'memory ratio':>12}"
    )
    methods = [args.only] if args.only else list(METHODS)
    for size in (int(s) for s in args.sizes.split(",")):
        ours = None
        for method in methods:
            timeout = 600.0 if method == "spacereader" else args.budget
            result = _child(method, size, args.per_article, timeout, args.beside)
            if result is None:
                print(f"{method:<17} {size:>8} {'—':>9}  did not finish within {timeout:.0f} s", flush=True)
                continue
            if method == "spacereader":
                ours = result
            speed = memory = "—"
            if ours is not None and method != "spacereader":
                speed = f"{result['seconds'] / ours['seconds']:.1f}x"
                memory = f"{result['peak_mb'] / ours['peak_mb']:.2f}x"
            progress = f"{result['progress_calls']}/{result['longest_wait']:.1f}s" if result["progress_calls"] else "—"
            print(
                f"{method:<17} {size:>8} {result['sentences']:>9} {result['shared']:>7.3f} {result['right']:>7.3f} "
                f"{result['precision']:>9.3f} {result['recall']:>7.3f} {result['seconds']:>8.2f} {result['cpu_seconds']:>6.2f} "
                f"{result['peak_mb']:>8.0f} {progress:>13} {speed:>11} {memory:>12}"
                + ("  others {:.3f}/{:.3f}".format(*result["others"]) if "others" in result else ""),
                flush=True,
            )


if __name__ == "__main__":
    main()
