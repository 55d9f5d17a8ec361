"""Peers scored beside tidings in the same run: lead, sumy's LexRank, and summaries from a file."""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Callable, Sequence

from ..analyze.sentences import split_spans
from ..errors import UsageError

Peer = Callable[[Sequence[str], int], list[str]]  # (documents, words) -> summary sentences


def doc_sentences(doc: str) -> list[str]:
    return [doc[a:b] for a, b, _ in split_spans(doc)]


def lead(documents: Sequence[str], words: int) -> list[str]:
    """Round-robin over the articles' first sentences, then their second ones, until the budget is full."""
    per_doc = [doc_sentences(d) for d in documents]
    out, used, depth = [], 0, 0
    while used < words and any(depth < len(s) for s in per_doc):
        for sents in per_doc:
            if depth < len(sents) and used < words:
                out.append(sents[depth])
                used += len(sents[depth].split())
        depth += 1
    return out


class _RegexTokenizer:
    """A sumy tokenizer that needs no NLTK downloads: our sentence splitter and a word regex."""

    language = "english"
    _WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

    def to_sentences(self, paragraph: str) -> list[str]:
        return doc_sentences(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return self._WORD.findall(sentence)


class LexRank:
    """sumy's LexRank (a dev dependency, used only as a peer), filled to the word budget."""

    def __init__(self) -> None:
        try:
            from sumy.nlp.stemmers import Stemmer
            from sumy.summarizers.lex_rank import LexRankSummarizer
            from sumy.utils import get_stop_words
        except ImportError:
            raise UsageError("--peers lexrank", "needs the sumy package (a dev dependency)",
                             "Install it with `pip install 'tidings[dev]'`") from None
        self.summarizer = LexRankSummarizer(Stemmer("english"))
        self.summarizer.stop_words = get_stop_words("english")  # sumy's API is configured this way
        self.tokenizer = _RegexTokenizer()

    def __call__(self, documents: Sequence[str], words: int) -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        paragraphs = [Paragraph([Sentence(s, self.tokenizer) for s in doc_sentences(d)]) for d in documents]
        document = ObjectDocumentModel(paragraphs)
        sentences = document.sentences
        if not sentences:
            return []
        ratings = self._ratings(sentences)
        ranked = sorted(range(len(sentences)), key=lambda i: -ratings[sentences[i]])
        chosen, used = [], 0
        for i in ranked:
            if used >= words:
                break
            chosen.append(i)
            used += len(str(sentences[i]).split())
        return [str(sentences[i]) for i in sorted(chosen)]


    def _ratings(self, sentences) -> dict:
        """sumy's own steps of ``LexRankSummarizer.__call__``, stopping at the ratings (sumy has no public
        call for them) so that the budget can be filled by words rather than a count of sentences."""
        lr = self.summarizer
        words = [lr._to_words_set(s) for s in sentences]
        matrix = lr._create_matrix(words, lr.threshold, lr._compute_tf(words), lr._compute_idf(words))
        return dict(zip(sentences, lr.power_method(matrix, lr.epsilon)))


def file_peers(path: str | Path) -> dict[str, dict[str, list[str]]]:
    """system -> cluster id -> summary sentences, from JSONL(.gz) lines ``{"id", "system", "summary"}``."""
    p = Path(path)
    if not p.exists():
        raise UsageError(str(p), "no such peers file", "Give a JSONL(.gz) file of {id, system, summary} lines")
    opener = gzip.open if p.suffix == ".gz" else open
    out: dict[str, dict[str, list[str]]] = defaultdict(dict)
    with opener(p, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                text = obj["summary"]
                sents = [s for s in text.split("\n") if s.strip()] if "\n" in text else doc_sentences(text)
                out[f"{p.name.split('.')[0]}:{obj.get('system', 'peer')}"][str(obj["id"])] = sents
    return dict(out)
