"""What scorers and the selector need about a story's sentences, computed once, as numpy arrays.

``StoryText`` holds each sentence's article, position and length, its content
terms and content bigrams, a row-normalised TF-IDF matrix over the terms that
occur in two sentences or more, and the sentence-by-sentence cosine matrix.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..analyze import sentences as splitter
from ..analyze.terms import content_terms
from ..records import Sentence, Story

_DANGLING = re.compile(r"^(?:he|she|it|they|this|these|those|that|his|her|their|its|but|and|or|so|also|however|"
                       r"meanwhile|still|yet|then|there|such|both|another|other|the other)\b", re.I)
# a quotation whose speaker is only a pronoun: '..., he said.'
_PRONOUN_SPEAKER = re.compile(r"""[,”"'’]\s+(?:he|she|they|it)\s+(?:said|says|told|added|wrote|explained)\b""", re.I)


@dataclass
class StoryText:
    story: Story
    sentences: list[Sentence]
    terms: list[list[str]]
    doc: np.ndarray  # article index of each sentence
    pos: np.ndarray  # index of the sentence in its article
    n_in_doc: np.ndarray  # sentences in that article
    words: np.ndarray  # words in the sentence
    matrix: np.ndarray  # (sentences x shared terms) TF-IDF rows, L2-normalised, float32
    vocab: dict[str, int]
    term_docs: Counter  # in how many articles each term occurs

    @classmethod
    def of(cls, story: Story) -> "StoryText":
        sents: list[Sentence] = []
        for a in story.articles:
            sents.extend(splitter.split(a))
        return cls.from_sentences(story, sents)

    @classmethod
    def from_sentences(cls, story: Story, sents: list[Sentence]) -> "StoryText":
        index = {a.id: i for i, a in enumerate(story.articles)}
        terms = [content_terms(s.text) for s in sents]
        doc = np.array([index[s.article_id] for s in sents], dtype=np.int32)
        pos = np.array([s.index for s in sents], dtype=np.int32)
        sizes = Counter(doc.tolist())
        n_in_doc = np.array([sizes[d] for d in doc.tolist()], dtype=np.int32)
        words = np.array([len(s.text.split()) for s in sents], dtype=np.int32)
        sent_df = Counter(t for ts in terms for t in set(ts))
        term_docs: Counter = Counter()
        for d in range(len(story.articles)):
            term_docs.update({t for ts, dd in zip(terms, doc.tolist()) if dd == d for t in ts})
        shared = sorted(t for t, c in sent_df.items() if c >= 2)
        vocab = {t: i for i, t in enumerate(shared)}
        n = max(len(sents), 1)
        matrix = np.zeros((len(sents), len(vocab)), dtype=np.float32)
        idf = {t: math.log((1 + n) / (1 + sent_df[t])) + 1.0 for t in shared}
        for i, ts in enumerate(terms):
            for t, c in Counter(ts).items():
                j = vocab.get(t)
                if j is not None:
                    matrix[i, j] = c * idf[t]
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        matrix /= np.where(norms > 0, norms, 1.0)
        return cls(story, sents, terms, doc, pos, n_in_doc, words, matrix, vocab, term_docs)

    @property
    def n_docs(self) -> int:
        return len(self.story.articles)

    @cached_property
    def sim(self) -> np.ndarray:
        """Cosine of every pair of sentences (over shared terms)."""
        s = self.matrix @ self.matrix.T
        return s

    @cached_property
    def doc_max_sim(self) -> np.ndarray:
        """(sentences x articles): the best cosine of each sentence with any sentence of each article."""
        out = np.zeros((len(self.sentences), self.n_docs), dtype=np.float32)
        for d in range(self.n_docs):
            cols = self.doc == d
            if cols.any():
                out[:, d] = self.sim[:, cols].max(axis=1)
        out[np.arange(len(self.sentences)), self.doc] = 0.0  # not its own article
        return out

    def vector(self, text: str) -> np.ndarray:
        """A query or headline as a normalised row over the story's shared terms."""
        v = np.zeros(len(self.vocab), dtype=np.float32)
        for t in content_terms(text):
            j = self.vocab.get(t)
            if j is not None:
                v[j] += 1.0
        n = np.linalg.norm(v)
        return v / n if n > 0 else v

    def standalone(self, i: int) -> bool:
        """Reads on its own: ends like a sentence, starts like one, no dangling reference, quotes closed."""
        text = self.sentences[i].text
        n = int(self.words[i])
        starts_well = text[:1].isupper() or text[:1].isdigit() or text[:1] in "“\"‘'"
        return (6 <= n <= 80 and starts_well and splitter.ends_like_sentence(text)
                and not _DANGLING.match(text) and not splitter.open_quote(text))

    def dangling(self, i: int) -> bool:
        """Leans on the sentence before it: opens with a pronoun or a connective, or quotes a 'he said'."""
        text = self.sentences[i].text
        return bool(_DANGLING.match(text) or _PRONOUN_SPEAKER.search(text))

    def support(self, i: int, threshold: float = 0.6) -> list[int]:
        """Sentences of other articles that state the same content as sentence ``i``: the best one per article."""
        out = []
        row = self.sim[i]
        for d in range(self.n_docs):
            if d == self.doc[i]:
                continue
            cols = np.flatnonzero(self.doc == d)
            if len(cols) == 0:
                continue
            j = int(cols[np.argmax(row[cols])])
            if row[j] >= threshold:
                out.append(j)
        return out
