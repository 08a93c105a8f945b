"""Segmentation: accuracy on the hand-written news cases and throughput, against maintained libraries.

Run: python -m tests.bench.bench_segment   (the libraries come with `pip install -e '.[dev]'`;
missing ones are skipped). Prints cases right, MB/s, and the ratio to spacereader's splitter.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from spacereader.engine.segment import segment
from spacereader.sources.files import seeds_dir
from spacereader.sources.load import load_paths
from tests.segmentation_cases import CASES


def _ours(text: str) -> list[str]:
    return [s.text for s in segment(text)]


def _pysbd() -> Callable[[str], list[str]]:
    import pysbd

    splitter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in splitter.segment(text) if s.strip()]


def _sentencex() -> Callable[[str], list[str]]:
    import sentencex

    return lambda text: [s.strip() for s in sentencex.segment("en", text) if s.strip()]


def _syntok() -> Callable[[str], list[str]]:
    from syntok.segmenter import process

    def split(text: str) -> list[str]:
        out = []
        for paragraph in process(text):
            for sentence in paragraph:
                out.append("".join(t.spacing + t.value for t in sentence).strip())
        return out

    return split


def _normal(sentences: list[str]) -> list[str]:
    return [" ".join(s.split()) for s in sentences]


def corpus(size: int = 1_000_000) -> str:
    articles, _ = load_paths([str(seeds_dir())])
    pieces = [a.body for a in articles] + [text for text, _ in CASES]
    text = "\n\n".join(pieces)
    return (text + "\n\n") * (size // len(text) + 1)


def measure(name: str, split: Callable[[str], list[str]], text: str) -> tuple[int, float]:
    right = sum(_normal(split(case)) == _normal(expected) for case, expected in CASES)
    started = time.perf_counter()
    split(text)
    seconds = time.perf_counter() - started
    return right, len(text.encode()) / 1e6 / seconds


def main() -> None:
    text = corpus()
    print(f"segmentation: {len(CASES)} news cases, throughput on {len(text.encode()) / 1e6:.1f} MB of news text")
    ours_right, ours_speed = measure("spacereader", _ours, text)
    print(f"{'splitter':<14}{'cases right':>12}{'MB/s':>9}{'speed vs ours':>15}")
    print(f"{'spacereader':<14}{ours_right:>9}/{len(CASES)}{ours_speed:>9.2f}{1.0:>14.2f}x")
    for name, factory in (("pysbd", _pysbd), ("sentencex", _sentencex), ("syntok", _syntok)):
        try:
            split = factory()
        except ImportError:
            print(f"{name:<14}  (not installed)")
            continue
        sample = text if name != "pysbd" else text[:200_000]  # pysbd needs minutes for a full MB
        right, speed = measure(name, split, sample)
        print(f"{name:<14}{right:>9}/{len(CASES)}{speed:>9.2f}{speed / ours_speed:>14.2f}x")
    target = "met" if ours_speed >= 1.0 else "MISSED"
    print(f"target ≥ 1 MB/s on one core: {target}")


if __name__ == "__main__":
    main()
