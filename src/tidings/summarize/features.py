"""What every scorer and the selector need about a story's sentences, computed once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analyze import sentences as splitter
from ..analyze.terms import TfIdf, content_terms, cosine
from ..records import Sentence, Story

_DANGLING = re.compile(r"^(?:he|she|it|they|this|these|those|that|his|her|their|its|but|and|or|so|also|however|"
                       r"meanwhile|still|yet|then|there)\b", re.I)
_TERMINAL = re.compile(r"""[.!?…][\"'”’)\]]*$""")


@dataclass
class StoryText:
    """The sentences of a story with their term vectors, in article order."""

    story: Story
    sentences: list[Sentence]
    vectors: list[dict[str, float]]
    tfidf: TfIdf
    article_index: dict[str, int]  # article id -> its position in the story
    article_sizes: dict[str, int]  # article id -> number of sentences

    @classmethod
    def of(cls, story: Story) -> "StoryText":
        sents: list[Sentence] = []
        for a in story.articles:
            sents.extend(splitter.split(a))
        terms = [content_terms(s.text) for s in sents]
        tfidf = TfIdf(terms)
        sizes: dict[str, int] = {}
        for s in sents:
            sizes[s.article_id] = sizes.get(s.article_id, 0) + 1
        return cls(story, sents, [tfidf.vector(t) for t in terms], tfidf,
                   {a.id: i for i, a in enumerate(story.articles)}, sizes)

    def words(self, i: int) -> int:
        return len(self.sentences[i].text.split())

    def standalone(self, i: int) -> bool:
        """Reads on its own: ends like a sentence, starts like one, not a fragment or a dangling reference."""
        text = self.sentences[i].text
        n = len(text.split())
        starts_well = text[:1].isupper() or text[:1].isdigit() or text[:1] in "“\"‘'"
        return (6 <= n <= 80 and starts_well and bool(_TERMINAL.search(text))
                and not _DANGLING.match(text) and not splitter.open_quote(text))

    def support(self, i: int, threshold: float = 0.6) -> list[int]:
        """Sentences of other articles that state the same content as sentence ``i``: one per article."""
        me = self.sentences[i]
        best: dict[str, tuple[float, int]] = {}
        for j, other in enumerate(self.sentences):
            if other.article_id == me.article_id:
                continue
            sim = cosine(self.vectors[i], self.vectors[j])
            if sim >= threshold and sim > best.get(other.article_id, (0.0, -1))[0]:
                best[other.article_id] = (sim, j)
        return [j for _, j in sorted(best.values(), key=lambda t: self.article_index[self.sentences[t[1]].article_id])]
