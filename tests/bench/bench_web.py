"""Web inputs, measured against a baseline in the same run. Not collected by pytest.

    python -m tests.bench.bench_web [--runs N]

1. Extraction: every story of `tests.webpages` in each of the three page templates, fetched from a
   local server and extracted: story sentences kept (of all), furniture phrases kept (navigation,
   cookie banner, share buttons, related links, newsletter, paywall, comments, scripts, footer).
   Target: every sentence kept, no furniture.
2. Opening ten pages again: ten distinct pages (five stories × two templates), in a fresh process as
   `spacereader sources` runs them, from the cache with `--offline`, from the cache revalidated by the
   server (304), and the first fetch; against ten local `.txt` files holding the same stories (the
   baseline). Target: ten cached pages within 2× the ten text files.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.webpages import FURNITURE, STORIES, TEMPLATES  # noqa: E402
from tests.webserver import news_site  # noqa: E402


def bench_extraction() -> dict[str, tuple[int, int, int, int]]:
    """template → (sentences kept, sentences, furniture phrases kept, furniture checks)."""
    from spacereader.sources.load import load_paths
    from spacereader.sources.options import WebOptions

    results = {}
    with tempfile.TemporaryDirectory() as cache, news_site() as site:
        for template in sorted(TEMPLATES):
            urls = [site.url(f"/{template}{story.path}") for story in STORIES]
            articles, errors = load_paths(urls, web=WebOptions(cache_dir=cache))
            assert not errors, errors
            kept = total = junk = checks = 0
            for story, article in zip(STORIES, articles, strict=True):
                sentences = story.sentences()
                total += len(sentences)
                kept += sum(1 for sentence in sentences if sentence in article.body)
                checks += len(FURNITURE)
                junk += sum(1 for phrase in FURNITURE if phrase in article.body)
            results[template] = (kept, total, junk, checks)
    return results


def _time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if result.returncode != 0 or result.stderr.strip():
        raise RuntimeError(f"{command[3:5]}…: exit {result.returncode}: {result.stderr.strip()}")
    return elapsed


def bench_reopen(runs: int) -> dict[str, float]:
    """Medians of `spacereader sources` on ten .txt files, ten cached pages (offline, and revalidated), ten cold."""
    from spacereader.sources.load import load_paths
    from spacereader.sources.options import WebOptions

    templates = ("json-ld", "open-graph")
    with tempfile.TemporaryDirectory() as scratch, news_site() as site:
        for template in templates:  # these answer 304 to a matching If-None-Match, as news sites do
            for story in STORIES:
                site.routes[f"/{template}{story.path}"].etag = True
        urls = [site.url(f"/{template}{story.path}") for template in templates for story in STORIES]
        env = {**os.environ, "SPACEREADER_DATA_DIR": scratch, "SPACEREADER_CONFIG_DIR": scratch}
        env["SPACEREADER_CACHE_DIR"] = str(Path(scratch) / "cache")
        texts = []
        # the same stories as text files, header block and all
        articles, _ = load_paths(urls, web=WebOptions(cache_dir=str(Path(scratch) / "prime")))
        for number, article in enumerate(articles):
            path = Path(scratch) / f"story-{number}.txt"
            path.write_text(
                f"title: {article.title}\nsource: {article.outlet}\nurl: {article.url}\n"
                f"date: {article.published}\n\n{article.body}\n",
                encoding="utf-8",
            )
            texts.append(str(path))
        command = [sys.executable, "-m", "spacereader", "sources"]
        _time([*command, *urls], env)  # fill the cache (and compile the bytecode of every module)
        _time([*command, *texts], env)
        timings: dict[str, list[float]] = {"text": [], "offline": [], "revalidated": [], "cold": []}
        for run in range(runs):  # interleaved, so all see the same machine load
            timings["text"].append(_time([*command, *texts], env))
            timings["offline"].append(_time([*command, "--offline", *urls], env))
            timings["revalidated"].append(_time([*command, *urls], env))
            cold = {**env, "SPACEREADER_CACHE_DIR": str(Path(scratch) / f"cold-{run}")}
            timings["cold"].append(_time([*command, *urls], cold))
    return {name: statistics.median(values) for name, values in timings.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ok = True
    print("extraction (stories of tests/webpages.py, fetched from a local server)")
    for template, (kept, total, junk, checks) in bench_extraction().items():
        print(f"  {template:<11} sentences kept {kept}/{total}   furniture kept {junk}/{checks}")
        ok &= kept == total and junk == 0
    timings = bench_reopen(args.runs)
    base = timings["text"]
    print(f"opening ten articles with `spacereader sources` (median of {args.runs}, a new process each)")
    print(f"  ten local .txt files (baseline)           {base * 1000:6.0f} ms")
    for label, key in (
        ("ten cached pages, --offline", "offline"),
        ("ten cached pages, revalidated (304)", "revalidated"),
        ("ten pages, first fetch and extraction", "cold"),
    ):
        target = "  (target <= 2x)" if key == "offline" else ""
        print(f"  {label:<41} {timings[key] * 1000:6.0f} ms   {timings[key] / base:.2f}x{target}")
    ok &= timings["offline"] / base <= 2.0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
