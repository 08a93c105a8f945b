"""Fact extraction: accuracy on the hand-written corpus, throughput, and linear time on hostile input.

Run: python -m tests.bench.bench_facts
Prints facts found / expected on tests/corpus_facts.py, extraction throughput in MB/s on about 1 MB of
news text (the seeds and the test articles, repeated), its ratio to sentence segmentation of the same
text (the baseline, measured in the same run), and timings of inputs built to trigger catastrophic
backtracking: doubling their size must roughly double the time. Target: at least 1 MB/s on one core.
"""

from __future__ import annotations

import time
from pathlib import Path

from spacereader.engine.facts import extract_facts
from spacereader.engine.segment import segment
from spacereader.model import Article
from spacereader.sources.files import seeds_dir
from spacereader.sources.load import load_paths
from tests.corpus_facts import CASES

MB = 1_000_000


def _article(body: str, published=None) -> Article:
    return Article(id="bench", path="bench.txt", body=body, sha256="", published=published)


def _timed(function, *args) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        function(*args)
        best = min(best, time.perf_counter() - started)
    return best


def accuracy() -> None:
    expected = found = extra = 0
    for case in CASES:
        article = _article(case.text, case.published)
        facts = list(extract_facts(article, segment(case.text)))
        used: set[int] = set()
        for want in case.facts:
            expected += 1
            for index, fact in enumerate(facts):
                if index in used or (fact.attribute, fact.normalized) != (want.attribute, want.normalized):
                    continue
                if (want.entity and fact.entity != want.entity) or (want.context and fact.context != want.context):
                    continue
                used.add(index)
                found += 1
                break
        extra += sum(1 for i, f in enumerate(facts) if i not in used and f.attribute not in case.loose)
    print(f"corpus: {len(CASES)} sentences, {found}/{expected} expected facts found, {extra} unexpected")


def throughput() -> None:
    articles, _ = load_paths([str(seeds_dir()), str(Path(__file__).parent.parent / "articles" / "bridge")])
    text = "\n\n".join(article.body for article in articles)
    body = ((text + "\n\n") * (MB // len(text) + 1))[:MB]
    sentences = segment(body)
    article = _article(body)
    seconds = _timed(extract_facts, article, sentences)
    baseline = _timed(segment, body)
    count = len(extract_facts(article, sentences))
    from spacereader.engine.conflicts import compare_facts
    from spacereader.engine.names import find_entities

    names = _timed(find_entities, [article], {article.id: sentences})
    whole = _timed(compare_facts, [article], {article.id: sentences})
    print(
        f"names: {len(body) / MB / names:.2f} MB/s; the whole fact step (facts, names, conflicts): {len(body) / MB / whole:.2f} MB/s"
    )
    print(
        f"throughput: {len(body) / MB:.2f} MB, {count} facts in {seconds:.2f} s = {len(body) / MB / seconds:.2f} MB/s "
        f"(segmentation of the same text: {len(body) / MB / baseline:.2f} MB/s; extraction takes {seconds / baseline:.1f}x)"
    )


def linear_time() -> None:
    units = {
        "digits": "7",
        "one 1 MB line of news": "The crew of 3 spent 12 days aboard after a $200m budget on October 5, 2021 and more ",
        "thousands separators": "1,000,",
        "European separators": "1.000.",
        "Indian separators": "1,00,",
        "thin-space groups": "1\u2009000\u2009",
        "Swiss apostrophes": "1'000'",
        "decimal commas": "1,5,",
        "currency signs": "$1 ",
        "ages": "12-year-old ",
        "capitalised words": "Aa ",
        "date ranges": "October 5 to ",
    }
    for name, unit in units.items():
        sizes = (MB // 8, MB // 4) if name != "digits" else (50_000, 100_000)
        timings = []
        for size in sizes:
            body = (unit * (size // len(unit) + 1))[:size]
            timings.append(_timed(lambda b: extract_facts(_article(b), segment(b)), body))
        ratio = timings[1] / max(timings[0], 1e-9)
        print(
            f"linear: {name:24} {sizes[0]:>9,} chars {timings[0]:.3f} s, {sizes[1]:>9,} chars {timings[1]:.3f} s, ratio {ratio:.2f}"
        )
    body = ("The crew of 3 spent 12 days aboard after a $200m budget on October 5, 2021 and more " * 12_000)[:MB]
    started = time.perf_counter()
    extract_facts(_article(body), segment(body))
    print(f"linear: a 1 MB single line takes {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    extract_facts(_article("7" * 100_000), segment("7" * 100_000))
    print(f"linear: 100,000 digits take {time.perf_counter() - started:.3f} s")


if __name__ == "__main__":
    accuracy()
    throughput()
    linear_time()
