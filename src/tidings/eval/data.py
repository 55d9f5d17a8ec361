"""Benchmark clusters from JSONL(.gz): ``{"id", "documents", "summary" | "summaries", ...}``."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import UsageError


@dataclass(frozen=True)
class Cluster:
    id: str
    documents: tuple[str, ...]
    references: tuple[str, ...]
    headlines: tuple[str | None, ...] = ()
    query: str | None = None  # query_title + query_narrative, for --focus
    reference_sentences: tuple[tuple[str, ...], ...] = ()  # given sentence splits of the references


def read_clusters(path: str | Path, limit: int | None = None, offset: int = 0) -> Iterator[Cluster]:
    p = Path(path)
    if not p.exists():
        raise UsageError(str(p), "no such dataset file", "Give a JSONL(.gz) file of clusters")
    opener = gzip.open if p.suffix == ".gz" else open
    yielded = 0
    with opener(p, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if lineno <= offset:
                continue
            if limit is not None and yielded >= limit:
                return
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{p}:{lineno}", f"not a JSON line ({exc})", "Fix or remove the line") from None
            refs = obj.get("summaries") or ([obj["summary"]] if obj.get("summary") else [])
            query = " ".join(x for x in (obj.get("query_title"), obj.get("query_narrative")) if x) or None
            yield Cluster(
                id=str(obj.get("id", lineno)),
                documents=tuple(obj.get("documents") or ()),
                references=tuple(refs),
                headlines=tuple(obj.get("doc_headlines") or ()),
                query=query,
                reference_sentences=tuple(tuple(s) for s in obj.get("summaries_sentences") or ()),
            )
            yielded += 1
