"""The user's config.toml: keymap, theme and annotation labels, and how a broken one is reported."""

from __future__ import annotations

import os
from pathlib import Path

from spacereader.cli import main
from spacereader.config import config_dir, load_config


def test_missing_config_is_the_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "config.toml")
    assert (config.keymap, config.theme, config.labels, config.problems) == ({}, None, (), ())


def test_labels_keymap_and_theme(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "nord"\nlabels = ["verified", " satire ", "verified", "off  topic"]\n'
        '[keymap]\n"row.down" = ["j", "ctrl+n"]\n'
    )
    config = load_config(path)
    assert config.labels == ("verified", "satire", "off topic")
    assert config.keymap == {"row.down": "j,ctrl+n"} and config.theme == "nord" and not config.problems


def test_bad_labels_are_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('labels = "verified"\n')
    config = load_config(path)
    assert config.labels == () and config.problems == (f"{path}: labels must be a list of strings",)
    path.write_text(f'labels = ["{"x" * 70}", "ok"]\n')
    config = load_config(path)
    assert config.labels == ("ok",) and "longer than 64 characters" in config.problems[0]


def test_cli_accepts_a_configured_label(capsys) -> None:
    assert main(["annotations", "add", "003_61f4a650ca5522b8", "2", "--label", "satire"]) == 2
    assert "unknown label 'satire'" in capsys.readouterr().err
    (config_dir() / "config.toml").write_text('labels = ["checked", "satire"]\n')
    assert os.environ["SPACEREADER_CONFIG_DIR"] == str(config_dir())
    assert main(["annotations", "add", "003_61f4a650ca5522b8", "2", "--label", "sat", "--note", "parody"]) == 0
    assert "as satire" in capsys.readouterr().err
