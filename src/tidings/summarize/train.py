"""``tidings train``: learn the salience model from oracle labels, with a fixed seed.

    tidings train ../shared/data/multinews/train-sample.jsonl.gz --clusters 20000 --seed 13

Each cluster is read the way ``tidings brief`` reads articles (cleaning,
sentence splitting), its sentences are labelled by the greedy ROUGE oracle
against the reference summary, and a small MLP (numpy, Adam) learns the labels
from ``learned.FEATURES``. The result is written as JSON with how it was made.
"""

from __future__ import annotations

import json
import time
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import Sequence

import numpy as np

from .learned import FEATURES, HASH_BITS, MLP, MODEL_PATH, features, hashed_words


def _story_text(documents: Sequence[str]):
    """The cluster's documents read as ``tidings brief`` reads articles."""
    from ..errors import InputError
    from ..ingest import Meta, Reader, assemble
    from .features import StoryText

    reader = Reader()
    arts = []
    for k, doc in enumerate(documents):
        try:
            arts.append(reader.article(doc, f"doc{k}", "jsonl", Meta()))
        except InputError:
            pass
    story, _ = assemble(arts)
    return StoryText.of(story)


def cluster_rows(args: tuple[Sequence[str], str, int]) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Features and oracle labels for one cluster's documents."""
    documents, reference, words = args
    from .oracle import greedy_oracle

    st = _story_text(documents)
    if len(st.sentences) < 2:
        return np.zeros((0, len(FEATURES)), np.float32), np.zeros(0, np.float32), []
    y = np.zeros(len(st.sentences), np.float32)
    y[greedy_oracle([s.text for s in st.sentences], reference, words)] = 1.0
    return features(st), y, [hashed_words(s.text) for s in st.sentences]


# the two half models of the cross-fit, set before the worker processes fork
_HALVES: list[MLP] = []


def rerank_rows(args: tuple[Sequence[str], str, int, int]) -> tuple[np.ndarray, np.ndarray, int, int] | None:
    """Candidate summaries of one cluster, scored by the half model that did not learn from it: their
    summary features and their ROUGE-2 F1 against the reference."""
    documents, reference, words, g = args
    from .oracle import rouge_2_f1
    from .rerank import candidate_table
    from .select import Selector

    st = _story_text(documents)
    if len(st.sentences) < 2:
        return None
    p = _HALVES[g % 2].predict(features(st), [hashed_words(s.text) for s in st.sentences])
    cands, F = candidate_table(st, p, words, Selector())
    r2 = np.array([rouge_2_f1([st.sentences[i].text for i in c], reference) for c in cands])
    return F, r2, st.n_docs, int(st.words.sum())


def fit_reranker(path: str, clusters: int, words: int, X: np.ndarray, y: np.ndarray, groups: np.ndarray,
                 bags: list[np.ndarray], *, hidden: int, epochs: int, seed: int, workers: int = 2) -> dict:
    """Cross-fit: two MLPs each learn half the clusters (by parity) and score the other half, so the
    reranker learns from salience as it is on unseen stories; then least squares on the candidates."""
    from ..eval.data import read_clusters
    from .rerank import SUMMARY_FEATURES, fit_weights

    _HALVES.clear()
    for half in (0, 1):
        rows = np.flatnonzero(groups % 2 != half)
        params, _ = fit_mlp(X[rows], y[rows], [bags[i] for i in rows], hidden=hidden, epochs=epochs, seed=seed)
        _HALVES.append(MLP(params))
    jobs = ((c.documents, c.references[0], words, g)
            for g, c in enumerate(c for c in read_clusters(path, limit=clusters) if c.references))
    with get_context("fork").Pool(workers) as pool:
        rows = [r for r in pool.imap(rerank_rows, jobs, chunksize=16) if r is not None]
    weights = fit_weights([(F, r2) for F, r2, _, _ in rows])
    gains = [r2[int(np.argmax(np.r_[0.0, (F[1:] - F[0]) @ weights]))] - r2[0] for F, r2, _, _ in rows]
    return {"features": list(SUMMARY_FEATURES), "weights": [float(f"{w:.6g}") for w in weights],
            "max_docs": int(max(d for _, _, d, _ in rows)),
            "max_words": 2 * int(max(w for _, _, _, w in rows)), "margin": 0.0,
            "about": {"clusters": len(rows), "candidates_mean": round(float(np.mean([len(F) for F, _, _, _ in rows])), 2),
                      "train_r2_gain": round(float(np.mean(gains)), 3)}}


def build_dataset(path: str, clusters: int, words: int, workers: int = 2, offset: int = 0):
    from ..eval.data import read_clusters

    jobs = ((c.documents, c.references[0], words) for c in read_clusters(path, limit=clusters, offset=offset)
            if c.references)
    Xs, ys, groups, bags = [], [], [], []
    with get_context("fork").Pool(workers) as pool:
        for g, (X, y, bag) in enumerate(pool.imap(cluster_rows, jobs, chunksize=16)):
            Xs.append(X)
            ys.append(y)
            bags.extend(bag)
            groups.append(np.full(len(y), g, np.int32))
    return np.concatenate(Xs), np.concatenate(ys), np.concatenate(groups), bags


def fit_mlp(X: np.ndarray, y: np.ndarray, bags: list[np.ndarray] | None = None, *, hidden: int = 48,
            epochs: int = 8, batch: int = 512, lr: float = 3e-3, l2: float = 1e-4, l2_words: float = 1e-5,
            seed: int = 13) -> tuple[dict, list[float]]:
    """Adam on the log-loss of an MLP over ``X`` plus a linear term over the hashed words in ``bags``."""
    rng = np.random.default_rng(seed)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale = np.where(scale > 1e-6, scale, 1.0)
    Z = ((X - mean) / scale).astype(np.float32)
    n, d = Z.shape
    size = 1 << HASH_BITS
    params = [
        (rng.standard_normal((d, hidden)) / np.sqrt(d)).astype(np.float32),
        np.zeros(hidden, np.float32),
        (rng.standard_normal(hidden) / np.sqrt(hidden)).astype(np.float32),
        np.array([np.log(max(y.mean(), 1e-3) / max(1 - y.mean(), 1e-3))], np.float32),
        np.zeros(size, np.float32),
    ]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    t = 0
    losses = []
    for _ in range(epochs):
        order = rng.permutation(n)
        total = 0.0
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            xb, yb = Z[idx], y[idx]
            W1, b1, W2, b2, Wh = params
            H = np.tanh(xb @ W1 + b1)
            logit = H @ W2 + b2[0]
            if bags is not None:
                rows = np.concatenate([np.full(len(bags[i]), k) for k, i in enumerate(idx)]).astype(np.int64)
                cols = np.concatenate([bags[i] for i in idx]).astype(np.int64)
                logit = logit + np.bincount(rows, weights=Wh[cols], minlength=len(idx))
            p = np.clip(1.0 / (1.0 + np.exp(-logit)), 1e-6, 1 - 1e-6)
            total += float(-(yb * np.log(p) + (1 - yb) * np.log(1 - p)).sum())
            g = ((p - yb) / len(idx)).astype(np.float32)
            gH = np.outer(g, W2) * (1 - H * H)
            gWh = l2_words * Wh
            if bags is not None:
                gWh = gWh + np.bincount(cols, weights=g[rows], minlength=size).astype(np.float32)
            grads = (xb.T @ gH + l2 * W1, gH.sum(axis=0), H.T @ g + l2 * W2, np.array([g.sum()], np.float32), gWh)
            t += 1
            for k, grad in enumerate(grads):
                m[k] = 0.9 * m[k] + 0.1 * grad
                v[k] = 0.999 * v[k] + 0.001 * grad * grad
                params[k] = (params[k] - lr * (m[k] / (1 - 0.9 ** t)) / (np.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8)
                             ).astype(np.float32)
        losses.append(total / n)
    W1, b1, W2, b2, Wh = params
    return {"mean": mean.tolist(), "scale": scale.tolist(), "W1": W1.tolist(), "b1": b1.tolist(),
            "W2": W2.tolist(), "b2": float(b2[0]), "Wh": Wh.tolist()}, losses


def train(data: str, *, clusters: int = 20000, words: int = 250, seed: int = 13, hidden: int = 48,
          epochs: int = 8, out: str | Path = MODEL_PATH, workers: int = 2, log=print) -> dict:
    t0 = time.perf_counter()
    X, y, groups, bags = build_dataset(data, clusters, words, workers)
    log(f"{len(np.unique(groups))} clusters, {len(y)} sentences, {y.mean():.3f} positive "
        f"({time.perf_counter() - t0:.0f} s to label)")
    params, losses = fit_mlp(X, y, bags, hidden=hidden, epochs=epochs, seed=seed)
    log(f"loss by epoch: {', '.join(f'{x:.4f}' for x in losses)} ({time.perf_counter() - t0:.0f} s)")
    rerank = fit_reranker(data, clusters, words, X, y, groups, bags, hidden=hidden, epochs=epochs, seed=seed,
                          workers=workers)
    log(f"reranker: {rerank['about']['clusters']} clusters, {rerank['about']['candidates_mean']} candidates each, "
        f"ROUGE-2 gain on its own data {rerank['about']['train_r2_gain']} ({time.perf_counter() - t0:.0f} s in all)")
    model = {
        "features": list(FEATURES),
        "params": _rounded(params),
        "rerank": rerank,
        "about": {"data": Path(data).name, "clusters": int(len(np.unique(groups))), "sentences": int(len(y)),
                  "positive_share": round(float(y.mean()), 4), "words": words, "seed": seed, "hidden": hidden,
                  "epochs": epochs, "final_loss": round(losses[-1], 5), "trained": date.today().isoformat(),
                  "seconds": round(time.perf_counter() - t0, 1)},
    }
    Path(out).write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    return model


def _rounded(obj):
    if isinstance(obj, list):
        return [_rounded(x) for x in obj]
    if isinstance(obj, float):
        return float(f"{obj:.6g}")
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    return obj
