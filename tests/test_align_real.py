"""Alignment on the hand-labelled coverage (tests/align_labels.py): precision, recall and pinned pairs.

The floors are a little under what the aligner measures (tests/bench/bench_align_real.py), so a
change that loses real pairs or makes false ones fails here.
"""

from __future__ import annotations

import pytest

from spacereader.engine import align as align_module
from spacereader.engine.align import align
from tests.align_labels import HOLDOUT, LABELS, TUNE, labelled_pairs, row_pairs, score
from tests.bench.bench_align_real import baseline


@pytest.fixture(scope="module")
def corpora():
    from tests.bench.bench_align_real import load

    loaded = {}
    for name in LABELS:
        sentences, facts, mentions, true, either, false = load(name)
        rows = align(sentences, facts=facts, mentions=mentions)
        loaded[name] = (sentences, row_pairs([row.cells for row in rows]), true, either, false)
    return loaded


def _pooled(corpora, names):
    hits = counted = true_total = 0
    for name in names:
        _sentences, found, true, either, _false = corpora[name]
        _p, _r, h, c = score(found, true, either)
        hits, counted, true_total = hits + h, counted + c, true_total + len(true)
    return hits / counted, hits / true_total


def test_labels_are_consistent() -> None:
    from spacereader.engine.segment import segment
    from spacereader.sources.files import seeds_dir
    from spacereader.sources.load import load_paths

    for corpus in LABELS.values():
        articles, errors = load_paths([corpus.path or str(seeds_dir())])
        assert not errors
        lengths = {a.id: len(segment(a.body, a.id)) for a in articles}
        true, either, false = labelled_pairs(corpus, list(lengths))
        for pair in true | either | false:
            assert all(index < lengths[source] for source, index in pair)


def test_precision_and_recall_on_real_coverage(corpora) -> None:
    precision, recall = _pooled(corpora, TUNE)
    assert precision >= 0.9 and recall >= 0.5, (precision, recall)
    precision, recall = _pooled(corpora, HOLDOUT)
    assert precision >= 0.9 and recall >= 0.5, (precision, recall)


def test_more_true_pairs_than_rapidfuzz_greedy_at_that_precision(corpora) -> None:
    """Pooled over all sets: the plain baseline at any threshold reaching our precision finds fewer pairs."""
    ours_precision, ours_recall = _pooled(corpora, list(LABELS))
    for threshold in (50, 60, 70, 80):
        hits = counted = total = 0
        for name in LABELS:
            sentences, _found, true, either, _false = corpora[name]
            _p, _r, h, c = score(baseline(sentences, threshold), true, either)
            hits, counted, total = hits + h, counted + c, total + len(true)
        if counted and hits / counted >= ours_precision:
            assert hits / total < ours_recall, threshold


def test_clearly_false_pairs_stay_apart(corpora) -> None:
    for name, (_sentences, found, _true, _either, false) in corpora.items():
        assert not found & false, (name, sorted(map(sorted, found & false)))


@pytest.mark.parametrize(
    ("name", "a", "b"),
    [
        ("seeds", "002:2", "004:17"),  # a surgeon / a doctor sent to the ISS
        ("quake", "daily:8", "herald:9"),  # classes suspended / schools closed until Wednesday
        ("quake", "daily:2", "wire:1"),  # the epicentre near Brasca, magnitude 6.4 / 6.2
        ("rates", "ledger:2", "times:2"),  # the governor on stubborn inflation (joins a two-source row)
        ("transfer", "sport:8", "post:8"),  # debut against Harrowgate
        ("bridge", "courier:1", "gazette:2"),  # 14 injured, Fire Chief Reyes
    ],
)
def test_pinned_pairs(corpora, name, a, b) -> None:
    from tests.align_labels import pairs_of

    sentences, found, *_ = corpora[name]
    (pair,) = pairs_of(list(sentences), [f"{a} {b}"])
    assert pair in found


def test_synonyms_bring_paraphrases_together() -> None:
    from spacereader.engine.segment import segment

    sentences = {
        "a": segment("Troops were sent to Orlo after the quake. The museum reopened on Friday.", "a"),
        "b": segment("Soldiers were deployed to Orlo after the earthquake. Fans queued at the stadium.", "b"),
    }
    rows = align(sentences)
    cells = [row.cells for row in rows]
    assert {"a": (0,), "b": (0,)} in cells
    assert align_module._SYNONYM["soldiers"] == align_module._SYNONYM["troops"]
