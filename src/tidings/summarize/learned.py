"""The learned salience scorer: sentence features in, log-odds of being in a good summary out.

The model (``model.json`` beside this file) is a small multilayer perceptron over
the features below plus a linear term over hashed words of the sentence (which
learns page furniture and weak openers that no hand-made feature names). It is
trained by ``tidings train`` (``tidings.summarize.train``) on greedy-oracle labels
from the Multi-News train sample; docs/MODEL.md says how it was made.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..analyze.sentences import ends_like_sentence
from .features import StoryText

MODEL_PATH = Path(__file__).with_name("model.json")

# the model's own "dangling" feature, fixed with the trained weights (the selector's rule,
# StoryText.dangling, may grow without retraining)
_DANGLING = re.compile(r"^(?:he|she|it|they|this|these|those|that|his|her|their|its|but|and|or|so|also|however|"
                       r"meanwhile|still|yet|then|there)\b", re.I)
_QUOTE = re.compile(r"[\"“”]")
_SAYS = re.compile(r"\b(?:said|says|told|according to|added|stated)\b")

FEATURES = (
    "pos_rel", "pos_log", "first", "second", "len_log", "short", "long",
    "centroid", "doc_centroid", "lead_sim", "cross_max", "cross_mean", "cross_share",
    "term_docs", "bigram_docs", "digits", "quote", "starts_quote", "dangling", "says", "caps",
    "doc_share", "lead_doc", "last", "terminal", "starts_upper", "docs_log", "doc_index", "doc_first",
    "pos_third", "pos_fourth",
)
HASH_BITS = 14
_HASH_TOKEN = re.compile(r"[a-z0-9']+")


def hashed_words(text: str) -> np.ndarray:
    """Indices of the sentence's lower-cased words (and its first word, marked) in a 2**HASH_BITS table."""
    toks = _HASH_TOKEN.findall(text.lower())
    size = 1 << HASH_BITS
    found = {zlib.crc32(t.encode()) % size for t in toks}
    if toks:
        found.add(zlib.crc32(("F_" + toks[0]).encode()) % size)
    return np.fromiter(found, dtype=np.int64, count=len(found))


def features(st: StoryText) -> np.ndarray:
    n = len(st.sentences)
    X = np.zeros((n, len(FEATURES)), dtype=np.float32)
    if n == 0:
        return X
    D = st.n_docs
    M = st.matrix
    col = {name: k for k, name in enumerate(FEATURES)}

    def put(name: str, values) -> None:
        X[:, col[name]] = values

    put("pos_rel", st.pos / np.maximum(st.n_in_doc, 1))
    put("pos_log", np.log1p(st.pos))
    put("first", st.pos == 0)
    put("second", st.pos == 1)
    put("len_log", np.log(np.maximum(st.words, 1)))
    put("short", st.words < 10)
    put("long", st.words > 45)
    centroid = M.sum(axis=0)
    put("centroid", M @ (centroid / (np.linalg.norm(centroid) or 1.0)))
    doc_c = np.zeros(n, dtype=np.float32)
    lead_rows = M[st.pos == 0]
    lead_c = lead_rows.sum(axis=0)
    put("lead_sim", M @ (lead_c / (np.linalg.norm(lead_c) or 1.0)))
    for d in range(D):
        rows = st.doc == d
        if rows.any():
            c = M[rows].sum(axis=0)
            doc_c[rows] = M[rows] @ (c / (np.linalg.norm(c) or 1.0))
    put("doc_centroid", doc_c)
    if D > 1:
        dm = st.doc_max_sim
        put("cross_max", dm.max(axis=1))
        put("cross_mean", dm.sum(axis=1) / (D - 1))
        put("cross_share", (dm >= 0.3).sum(axis=1) / (D - 1))
    td = st.term_docs
    term_share, bigram_share = np.zeros(n, dtype=np.float32), np.zeros(n, dtype=np.float32)
    bigram_docs = _bigram_docs(st)
    for i, ts in enumerate(st.terms):
        if ts:
            term_share[i] = sum(td[t] for t in ts) / (len(ts) * D)
            bg = list(zip(ts, ts[1:]))
            if bg:
                bigram_share[i] = sum(bigram_docs.get(b, 1) - 1 for b in bg) / (len(bg) * max(D - 1, 1))
    put("term_docs", term_share)
    put("bigram_docs", bigram_share)
    texts = [s.text for s in st.sentences]
    put("digits", [any(ch.isdigit() for ch in t) for t in texts])
    put("quote", [bool(_QUOTE.search(t)) for t in texts])
    put("starts_quote", [t[:1] in "\"“'‘" for t in texts])
    put("dangling", [bool(_DANGLING.match(t)) for t in texts])
    put("says", [bool(_SAYS.search(t)) for t in texts])
    put("caps", [_caps(t) for t in texts])
    doc_words = np.bincount(st.doc, weights=st.words, minlength=D)
    put("doc_share", doc_words[st.doc] / max(doc_words.sum(), 1))
    put("lead_doc", np.argsort(np.argsort(-doc_words))[st.doc] == 0)
    put("last", st.pos == st.n_in_doc - 1)
    put("terminal", [ends_like_sentence(t.strip()) for t in texts])
    put("starts_upper", [t[:1].isupper() for t in texts])
    put("docs_log", np.log(D))
    put("doc_index", np.minimum(st.doc, 10))
    put("doc_first", st.doc == 0)
    put("pos_third", st.pos == 2)
    put("pos_fourth", st.pos == 3)
    return X


def _caps(text: str) -> float:
    toks = text.split()[1:]
    if not toks:
        return 0.0
    return sum(1 for t in toks if t[:1].isupper()) / len(toks)


def _bigram_docs(st: StoryText) -> dict[tuple[str, str], int]:
    seen: dict[tuple[str, str], set[int]] = {}
    for ts, d in zip(st.terms, st.doc.tolist()):
        for b in zip(ts, ts[1:]):
            seen.setdefault(b, set()).add(d)
    return {b: len(ds) for b, ds in seen.items()}


class MLP:
    """A one-hidden-layer perceptron with standardised inputs, plus a linear term over hashed words;
    forward pass only (numpy). ``logit`` is the log-odds of being in the oracle summary."""

    def __init__(self, params: dict) -> None:
        self.mean = np.asarray(params["mean"], dtype=np.float32)
        self.scale = np.asarray(params["scale"], dtype=np.float32)
        self.W1 = np.asarray(params["W1"], dtype=np.float32)
        self.b1 = np.asarray(params["b1"], dtype=np.float32)
        self.W2 = np.asarray(params["W2"], dtype=np.float32)
        self.b2 = float(params["b2"])
        self.Wh = np.asarray(params.get("Wh") or np.zeros(1 << HASH_BITS), dtype=np.float32)

    def logit(self, X: np.ndarray, words: list[np.ndarray] | None = None) -> np.ndarray:
        Z = (X - self.mean) / self.scale
        H = np.tanh(Z @ self.W1 + self.b1)
        out = H @ self.W2 + self.b2
        if words is not None:
            out = out + np.array([self.Wh[w].sum() for w in words], dtype=np.float32)
        return out

    def predict(self, X: np.ndarray, words: list[np.ndarray] | None = None) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logit(X, words)))


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> tuple[MLP, dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path} was trained on other features; retrain it with `tidings train`")
    return MLP(data["params"]), data.get("about", {})


@lru_cache(maxsize=4)
def load_reranker(path: str = str(MODEL_PATH)):
    """The summary reranker stored beside the MLP (``rerank`` in the file), or None in a file without one."""
    from .rerank import Reranker

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return Reranker(data["rerank"]) if data.get("rerank") else None


class LearnedScorer:
    """Sentence salience from the MLP; ``reranker`` (from the same file) chooses among candidate summaries."""

    def __init__(self, model_path: str | Path = MODEL_PATH, rerank: bool = True) -> None:
        self.model, self.about = load_model(str(model_path))
        self.reranker = load_reranker(str(model_path)) if rerank else None

    def score(self, st: StoryText) -> np.ndarray:
        """Probability that each sentence belongs in the summary."""
        if not len(st.sentences):
            return np.zeros(0)
        return self.model.predict(features(st), [hashed_words(s.text) for s in st.sentences])
