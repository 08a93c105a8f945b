"""Shared fixtures: the bundled seeds and a private annotation data dir for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

from spacereader.sources.files import seeds_dir
from spacereader.sources.load import load_paths

SEEDS = seeds_dir()


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the user's real annotations, reads their config or fills their cache."""
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SPACEREADER_DATA_DIR", str(path))
    monkeypatch.setenv("SPACEREADER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("SPACEREADER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    return path


@pytest.fixture(scope="session")
def seed_articles():
    articles, errors = load_paths([str(SEEDS)])
    assert not errors
    return articles


@pytest.fixture(scope="session")
def seed_comparison(seed_articles):
    from spacereader.engine.comparison import build_comparison

    return build_comparison(seed_articles)
