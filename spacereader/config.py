"""The user's settings: `config.toml` in platformdirs' config dir for spacereader.

```toml
theme = "textual-light"
labels = ["verified", "disputed", "needs source", "important", "note", "satire"]

[keymap]            # binding id = keys (comma-separated Textual key names)
"row.down" = "j,down,ctrl+n"
"conflict.next" = "f6"
```

The binding ids are listed by the help screen (`?`); `labels` are the annotation labels the reader
offers and `spacereader annotations add --label` accepts (labels already in use stay valid). A missing
file is no error; a broken one is reported (in the reader as a notification) and ignored, so a typo
never keeps the reader from opening.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_FILE = "config.toml"
MAX_LABEL = 64  # as the annotation store allows


def config_dir() -> Path:
    """`SPACEREADER_CONFIG_DIR`, else platformdirs' user config dir for spacereader."""
    override = os.environ.get("SPACEREADER_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("spacereader"))


@dataclass(frozen=True, slots=True)
class ReaderConfig:
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    #: The annotation labels to offer, or () for the built-in ones.
    labels: tuple[str, ...] = ()
    path: Path | None = None
    problems: tuple[str, ...] = ()


def load_config(path: Path | None = None) -> ReaderConfig:
    path = path or config_dir() / CONFIG_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ReaderConfig(path=path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return ReaderConfig(path=path, problems=(f"{path}: {error}; using the defaults",))
    problems: list[str] = []
    keymap: dict[str, str] = {}
    raw = data.get("keymap", {})
    if not isinstance(raw, dict):
        problems.append(f"{path}: [keymap] must be a table of binding id = keys")
        raw = {}
    for binding_id, keys in raw.items():
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            keys = ",".join(keys)
        if not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: keymap {binding_id!r} must be a string of keys")
            continue
        keymap[str(binding_id)] = keys
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(f"{path}: theme must be a string")
        theme = None
    labels: list[str] = []
    raw_labels = data.get("labels", [])
    if not isinstance(raw_labels, list) or not all(isinstance(label, str) for label in raw_labels):
        problems.append(f"{path}: labels must be a list of strings")
        raw_labels = []
    for label in raw_labels:
        label = " ".join(label.split())
        if label and len(label) <= MAX_LABEL and label not in labels:
            labels.append(label)
        elif len(label) > MAX_LABEL:
            problems.append(f"{path}: label {label[:20]!r}… is longer than {MAX_LABEL} characters")
    return ReaderConfig(keymap=keymap, theme=theme, labels=tuple(labels), path=path, problems=tuple(problems))
