"""W3C Web Annotation (JSON-LD) collections: writing them, and reading them back.

Each annotation targets its article with a `TextQuoteSelector` (exact, prefix, suffix) and a
`TextPositionSelector` (code point offsets into the article body, after its header). The target's
`source` is the article URL, else a ``file://`` URI of its path, else ``urn:sha256:<digest>``. The
label is a `tagging` body and the note a `commenting` body; what the model has no term for (the
source id, title, body digest, sentence index, status) is under the ``sr:`` prefix of
``https://spacereader.invalid/ns#``. Reading accepts a collection, a page, one annotation or a list,
ours or another tool's, and skips (with a reason) what it cannot use.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from spacereader import __version__
from spacereader.annotations import LABELS, Annotation, normalize_label, normalize_note, normalize_url
from spacereader.model import Comparison
from spacereader.sources.text import clean_text

CONTEXT: list[Any] = ["http://www.w3.org/ns/anno.jsonld", {"sr": "https://spacereader.invalid/ns#"}]
ID_PREFIX = "urn:spacereader:annotation:"
MOTIVATIONS = {
    "verified": "assessing",
    "disputed": "assessing",
    "needs source": "questioning",
    "important": "highlighting",
    "note": "commenting",
}
_LABEL_FOR_MOTIVATION = {"questioning": "needs source", "highlighting": "important", "commenting": "note"}
_OUR_ID = re.compile(r"^[0-9a-f]{8}$")


class W3CError(ValueError):
    """The document is not a Web Annotation collection, page, annotation or list of them."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An item of the document that could not be read as an annotation, and why."""

    position: int
    reason: str


def _source_iri(annotation: Annotation) -> str:
    if annotation.url:
        return annotation.url
    if annotation.path:
        return Path(annotation.path).as_uri() if Path(annotation.path).is_absolute() else annotation.path
    return f"urn:sha256:{annotation.sha256}"


def annotation_item(annotation: Annotation) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "tagging", "value": annotation.label}]
    if annotation.note:
        bodies.append(
            {"type": "TextualBody", "purpose": "commenting", "value": annotation.note, "format": "text/plain"}
        )
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": annotation.quote}
    if annotation.prefix:
        quote["prefix"] = annotation.prefix
    if annotation.suffix:
        quote["suffix"] = annotation.suffix
    selectors: list[dict[str, Any]] = [quote]
    if annotation.start is not None and annotation.end is not None:
        selectors.append({"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end})
    target: dict[str, Any] = {
        "source": _source_iri(annotation),
        "selector": selectors,
        "sr:sourceId": annotation.source,
    }
    for key, value in (
        ("sr:url", annotation.url),
        ("sr:path", annotation.path),
        ("sr:title", annotation.title),
        ("sr:sha256", annotation.sha256),
        ("sr:sentence", annotation.annotated_sentence),
    ):
        if value is not None and value != "":
            target[key] = value
    return {
        "id": ID_PREFIX + annotation.id,
        "type": "Annotation",
        "motivation": MOTIVATIONS.get(annotation.label, "commenting"),
        "created": annotation.created,
        "modified": annotation.updated,
        "body": bodies,
        "target": target,
        "sr:status": annotation.status,
        "sr:currentSentence": annotation.sentence,
    }


def collection(annotations: Sequence[Annotation], label: str = "spacereader annotations") -> dict[str, Any]:
    """An `AnnotationCollection` holding every annotation on one page."""
    items = [annotation_item(a) for a in annotations]
    digest = hashlib.sha256("\n".join(sorted(a.id for a in annotations)).encode()).hexdigest()[:16]
    return {
        "@context": CONTEXT,
        "id": f"urn:spacereader:collection:{digest}",
        "type": "AnnotationCollection",
        "label": label,
        "generator": {"id": "urn:spacereader", "type": "Software", "name": f"spacereader {__version__}"},
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def render(comparison: Comparison, annotations: Sequence[Annotation]) -> str:
    label = "spacereader annotations: " + ", ".join(a.id for a in comparison.articles)
    return json.dumps(collection(annotations, label), ensure_ascii=False, indent=2) + "\n"


# ── reading ────────────────────────────────────────────────────────────────────────────────────────


def _types(node: Any) -> set[str]:
    value = node.get("type", node.get("@type")) if isinstance(node, dict) else None
    values = value if isinstance(value, list) else [value]
    return {v.split(":")[-1].split("#")[-1] for v in values if isinstance(v, str)}


def _items(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise W3CError("not a JSON object or list")
    types = _types(document)
    if "Annotation" in types:
        return [document]
    if "AnnotationPage" in types or "items" in document:
        items = document.get("items")
        if not isinstance(items, list):
            raise W3CError("the annotation page has no items list")
        return items
    if "AnnotationCollection" in types:
        first = document.get("first")
        if first is None and document.get("total", 0) == 0:
            return []
        if isinstance(first, str):
            raise W3CError("the collection's pages are only linked (first is an IRI); pass the pages themselves")
        if not isinstance(first, dict):
            raise W3CError("the collection has no first page")
        items = list(_items(first))
        return items
    raise W3CError("not a Web Annotation collection, page or annotation")


def _text(value: Any) -> str:
    return clean_text(value) if isinstance(value, str) else ""


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _timestamp(value: Any, fallback: str) -> str:
    if not isinstance(value, str):
        return fallback
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return fallback
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _id(value: Any) -> str:
    """Our 8-hex id back from its URN; another tool's id becomes a stable 8-hex digest of it."""
    if not isinstance(value, str) or not value.strip():
        return ""
    value = value.strip()
    tail = value.removeprefix(ID_PREFIX)
    if _OUR_ID.match(tail):
        return tail
    return hashlib.sha256(value.encode()).hexdigest()[:8]


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def read_annotation(node: Any, now: str) -> Annotation:
    """One W3C annotation as an `Annotation` (status `orphaned` until re-anchored); ValueError if unusable."""
    if not isinstance(node, dict):
        raise ValueError("not a JSON object")
    if node.get("type", node.get("@type")) is not None and "Annotation" not in _types(node):
        raise ValueError("not of type Annotation")
    targets = [t for t in _as_list(node.get("target")) if isinstance(t, dict)]
    target = next((t for t in targets if t.get("selector")), None)
    if target is None:
        raise ValueError("no target with a selector")
    selectors = [s for s in _as_list(target.get("selector")) if isinstance(s, dict)]
    quote = next((s for s in selectors if "TextQuoteSelector" in _types(s)), None)
    position = next((s for s in selectors if "TextPositionSelector" in _types(s)), None)
    exact = _text(quote.get("exact")) if quote else ""
    if not exact.strip():
        raise ValueError("no TextQuoteSelector with exact text")

    label, notes = "", []
    for body in _as_list(node.get("body")):
        if isinstance(body, dict) and isinstance(body.get("value"), str):
            if body.get("purpose") == "tagging" and not label:
                label = body["value"]
            else:
                notes.append(body["value"])
        elif isinstance(body, str) and not body.startswith(("http:", "https:", "urn:")):
            notes.append(body)
    if not label:
        motivation = next((m for m in _as_list(node.get("motivation")) if isinstance(m, str)), "commenting")
        label = _LABEL_FOR_MOTIVATION.get(motivation.split(":")[-1], LABELS[-1])
    try:
        label = normalize_label(label)
    except ValueError:
        label = LABELS[-1]

    raw_source = target.get("source")
    source = raw_source.strip() if isinstance(raw_source, str) else ""
    url = _text(target.get("sr:url")) or None
    path = _text(target.get("sr:path")) or None
    sha256 = _text(target.get("sr:sha256")).lower()
    scheme = urlsplit(source).scheme.lower() if source else ""
    if scheme in ("http", "https") and not url:
        url = source
    elif scheme == "file" and not path:
        path = unquote(urlsplit(source).path)
    elif source.startswith("urn:sha256:") and not sha256:
        sha256 = source.removeprefix("urn:sha256:").lower()
    if not re.fullmatch(r"[0-9a-f]{64}", sha256):
        sha256 = ""
    start, end = (_int(position.get("start")), _int(position.get("end"))) if position else (None, None)
    if start is None or end is None or end < start:
        start = end = None
    created = _timestamp(node.get("created"), now)
    return Annotation(
        id=_id(node.get("id", node.get("@id"))),
        source=_text(target.get("sr:sourceId")) or (Path(path).stem if path else ""),
        sentence=None,
        label=label,
        note=normalize_note("\n\n".join(notes)),
        quote=exact,
        status="orphaned",
        created=created,
        updated=_timestamp(node.get("modified"), created),
        prefix=_text(quote.get("prefix")) if quote else "",
        suffix=_text(quote.get("suffix")) if quote else "",
        start=start,
        end=end,
        annotated_sentence=_int(target.get("sr:sentence")),
        sha256=sha256,
        url=normalize_url(url),
        path=path,
        title=_text(target.get("sr:title")) or None,
    )


def parse(document: Any, now: str) -> tuple[list[Annotation], list[Skipped]]:
    """The annotations of a Web Annotation document and the items skipped; W3CError if it is none."""
    annotations: list[Annotation] = []
    skipped: list[Skipped] = []
    for position, node in enumerate(_items(document)):
        try:
            annotations.append(read_annotation(node, now))
        except ValueError as error:
            skipped.append(Skipped(position, str(error)))
    return annotations, skipped


def loads(text: str, now: str) -> tuple[list[Annotation], list[Skipped]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise W3CError(f"not JSON ({error.msg} at line {error.lineno}, column {error.colno})") from error
    except RecursionError as error:
        raise W3CError("not a Web Annotation document (JSON nested too deeply)") from error
    return parse(document, now)
