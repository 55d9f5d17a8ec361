"""Sources in, cleaned Articles out.

``Reader.read(sources)`` yields, in order:
- ``Article`` for every article read from a file, folder, URL, feed, stdin or JSONL article line;
- ``StoryInput`` for every JSONL line that is a whole story (``documents``);
- ``Skipped`` for every input, or part of one, that could not be used, with why and how to fix it.

One bad input never stops the others. JSONL is read as a stream, one line at a time.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import sys
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Union

from .. import __version__
from ..analyze.sentences import count as count_sentences
from ..config import Options
from ..errors import FetchError, InputError
from ..records import Article, Skipped, Story
from . import clean as cleaning
from .decode import decode, looks_binary
from .feed import TEASER_WORDS, FeedItem, looks_like_feed, parse_feed
from .fetch import Transport, UrllibTransport
from .html import extract_page, fragment_text

MIN_WORDS = 25  # fewer words than this is not an article
MIN_ONE_SENTENCE_WORDS = 60  # nor is a single sentence shorter than this (a headline, a teaser line)
NOT_JSONL_AFTER = 50  # this many lines from the start with no JSON object among them: not a JSONL file

TEXT_EXT = {".txt", ".text", ".md", ".markdown", ""}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
FEED_EXT = {".rss", ".atom", ".xml"}
JSONL_EXT = {".jsonl", ".ndjson", ".json"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")  # ftp://, file://, s3://: not fetched


@dataclass(frozen=True)
class StoryInput:
    """A whole story from one JSONL line: its articles and what was skipped in it."""

    label: str
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    summary: str | None = None  # a reference summary, when the line carries one


Item = Union[Article, StoryInput, Skipped]


@dataclass(frozen=True)
class Meta:
    """Metadata that a container (HTML page, feed item, JSONL line) gives about an article."""

    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None


def article_id(raw_text: str) -> str:
    """The content hash that keys an article: the text as read, whitespace normalised."""
    canon = " ".join(cleaning.normalise(raw_text).split())
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:16]


class Reader:
    """Reads sources into articles. Configured once; ``read`` may be called many times."""

    def __init__(self, options: Options | None = None, transport: Transport | None = None,
                 stdin: BinaryIO | None = None) -> None:
        self.options = options or Options()
        self.transport = transport or UrllibTransport()
        self.stdin = stdin
        self.user_agent = self.options.user_agent or f"tidings/{__version__} (news briefing tool; run by a reader)"

    # --- entry point ---------------------------------------------------------------

    def read(self, sources: Iterable[str]) -> Iterator[Item]:
        for source in sources:
            try:
                if source == "-":
                    yield from self._stdin()
                elif source.startswith(("http://", "https://")):
                    yield from self._url(source)
                elif _SCHEME.match(source) and not Path(source).exists():
                    raise InputError(source, "only http:// and https:// addresses can be fetched",
                                     "Give an http(s) URL or a local file")
                else:
                    yield from self._path(Path(source))
            except InputError as exc:
                yield Skipped(exc.what, exc.why, exc.fix)

    # --- kinds of source ---------------------------------------------------------------

    def _path(self, path: Path) -> Iterator[Item]:
        if not path.exists():
            raise InputError(str(path), "no such file or folder", "Check the path (and quote names with spaces)")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                raise InputError(str(path), "the folder holds no files", "Give a folder of .txt, .html or .jsonl files")
            for f in files:
                try:
                    yield from self._file(f)
                except InputError as exc:
                    yield Skipped(exc.what, exc.why, exc.fix)
            return
        yield from self._file(path)

    def _file(self, path: Path) -> Iterator[Item]:
        name = str(path)
        suffixes = "".join(path.suffixes[-2:]).lower()
        ext = path.suffix.lower()
        if suffixes.endswith(".gz"):
            inner = Path(path.stem).suffix.lower()
            if inner not in JSONL_EXT:
                raise InputError(name, "only JSONL files can be read gzipped (.jsonl.gz)",
                                 "Unzip it first, or name it .jsonl.gz if it holds JSON lines")
            with gzip.open(path, "rb") as fh:
                yield from self._jsonl(_safe_lines(fh, name), name)
            return
        if ext in JSONL_EXT:
            with open(path, "rb") as fh:
                yield from self._jsonl(_safe_lines(fh, name), name)
            return
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(name, f"cannot be read ({exc.strerror})", "Check the file's permissions") from None
        if size == 0:
            raise InputError(name, "the file is empty", "Give a file that holds an article")
        limit = self.options.max_fetch_bytes if ext in HTML_EXT | FEED_EXT else self.options.max_text_bytes
        if size > limit:
            raise InputError(name, f"the file holds {size:,} bytes, more than one article can "
                                   f"({limit:,} bytes)",
                             "Split it into articles, or give many articles as a JSONL file (read as a stream)")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(name, f"cannot be read ({exc.strerror})", "Check the file's permissions") from None
        yield from self._bytes(data, name, kind_hint=ext)

    def _stdin(self) -> Iterator[Item]:
        stream = self.stdin or sys.stdin.buffer
        data = stream.read()
        if not data.strip():
            raise InputError("stdin", "nothing was given on standard input",
                             "Pipe an article in, e.g. `cat article.txt | tidings brief -`")
        head = data.lstrip()[:1]
        if head == b"{":
            yield from self._jsonl(_safe_lines(io.BytesIO(data), "stdin"), "stdin")
            return
        yield from self._bytes(data, "stdin", kind_hint="", kind="stdin")

    def _url(self, url: str) -> Iterator[Item]:
        resp = self._fetch(url)
        ctype = resp.content_type.lower()
        if "json" in ctype or url.lower().split("?")[0].endswith((".jsonl", ".ndjson")):
            yield from self._jsonl(_safe_lines(io.BytesIO(resp.body), url), url)
            return
        if looks_like_feed(resp.body) or any(t in ctype for t in ("rss", "atom")):
            yield from self._feed(resp.body, url)
            return
        if "html" in ctype or _looks_html(resp.body):
            yield self._html(resp.body, url, url=resp.url, kind="url")
            return
        yield from self._bytes(resp.body, url, kind_hint="", kind="url", url=resp.url)

    def _bytes(self, data: bytes, name: str, *, kind_hint: str, kind: str | None = None,
               url: str | None = None) -> Iterator[Item]:
        if looks_binary(data):
            decode(data, name)  # raises the binary-file error
        if kind_hint in FEED_EXT or (not kind_hint and looks_like_feed(data)) or \
                (kind_hint in TEXT_EXT and looks_like_feed(data) and data.lstrip()[:1] == b"<"):
            yield from self._feed(data, name)
            return
        if kind_hint in HTML_EXT or _looks_html(data):
            yield self._html(data, name, url=url, kind=kind or "html")
            return
        text, note = decode(data, name)
        yield self.article(text, name, kind or "text", Meta(url=url), notes=(note,) if note else ())

    # --- containers -----------------------------------------------------------------

    def _html(self, data: bytes, name: str, *, url: str | None, kind: str) -> Article:
        if looks_binary(data):
            decode(data, name)
        page = extract_page(data, name, url=url)
        meta = Meta(title=page.title, outlet=page.sitename, byline=page.author, published=page.date,
                    url=page.url or url)
        return self.article(page.text, name, kind, meta, hash_text=page.text)

    def _feed(self, data: bytes, name: str) -> Iterator[Item]:
        for item in parse_feed(data, name):
            origin = f"{name}#item{item.index + 1}"
            try:
                yield self._feed_item(item, origin)
            except InputError as exc:
                yield Skipped(exc.what, exc.why, exc.fix)

    def _feed_item(self, item: FeedItem, origin: str) -> Article:
        meta = Meta(title=item.title, outlet=item.feed_title, byline=item.author, published=item.published,
                    url=item.link)
        teaser = fragment_text(item.html or "")
        n_words = len(cleaning.words(teaser))
        is_teaser = n_words < TEASER_WORDS or teaser.rstrip().endswith(("…", "...", "[…]", "[...]"))
        if not is_teaser:
            return self.article(teaser, origin, "feed", meta)
        failure = "the item has no link"
        if item.link and self.options.fetch_linked:
            try:
                resp = self._fetch(item.link)
                page = extract_page(resp.body, item.link, url=resp.url)
                page_meta = Meta(title=page.title or meta.title, outlet=page.sitename or meta.outlet,
                                 byline=page.author or meta.byline, published=page.date or meta.published,
                                 url=page.url or resp.url or item.link)
                return self.article(page.text, origin, "feed", page_meta, hash_text=page.text,
                                    notes=(f"full text fetched from {item.link}",))
            except InputError as exc:
                failure = exc.why
        elif item.link:
            failure = "fetching linked pages is turned off (fetch_linked = false)"
        if n_words == 0:
            raise InputError(origin, f"the feed item has no text and its page could not be read: {failure}",
                             "Give the article's URL or a saved copy instead")
        return self.article(teaser, origin, "feed", meta, teaser_only=True,
                            notes=(f"teaser only: the linked page could not be read ({failure})",))

    def _jsonl(self, lines: Iterator[tuple[int, bytes]], name: str) -> Iterator[Item]:
        """One item per line. Bad lines are skipped one by one, once the file has shown it is JSONL
        (a line that is a JSON object); a file with no such line is one input skipped, not one per line."""
        any_line = False
        is_jsonl = False
        pending: list[Skipped] = []  # bad lines seen before the first JSON object
        for lineno, raw in lines:
            if not raw.strip():
                continue
            any_line = True
            where = f"{name}:{lineno}"
            bad: Skipped | None = None
            try:
                obj = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                bad = Skipped(where, f"not a valid JSON line ({exc})",
                              "Each line must be one JSON object; fix or remove this line")
            else:
                if not isinstance(obj, dict):
                    bad = Skipped(where, "the line is JSON but not an object",
                                  'Give {"text": ...} for an article or {"documents": [...]} for a story')
            if bad is not None:
                if is_jsonl:
                    yield bad
                    continue
                pending.append(bad)
                if len(pending) >= NOT_JSONL_AFTER:
                    break
                continue
            if not is_jsonl:
                is_jsonl = True
                yield from pending
                pending = []
            if "documents" in obj:
                yield self._story_line(obj, where)
            elif "text" in obj:
                try:
                    yield self._article_line(obj, where)
                except InputError as exc:
                    yield Skipped(exc.what, exc.why, exc.fix)
            else:
                yield Skipped(where, "the object has neither 'text' (one article) nor 'documents' (one story)",
                              'Give {"text": "..."} per article or {"documents": ["...", ...]} per story')
        if not any_line:
            raise InputError(name, "the JSONL file holds no lines", "Give one JSON object per line")
        if not is_jsonl:
            n, first = len(pending), pending[0]
            scope = (f"none of its first {n} lines is" if n >= NOT_JSONL_AFTER else
                     f"none of its {n} lines is" if n > 1 else "its only line is not")
            raise InputError(name, f"not JSON Lines: {scope} a JSON object "
                                   f"(line {first.input.rsplit(':', 1)[-1]}: {first.reason})",
                             'Give one JSON object per line, e.g. {"text": "..."}; a pretty-printed JSON file '
                             "can be rewritten one object a line with `jq -c . FILE`")

    def _article_line(self, obj: dict, where: str) -> Article:
        text = obj.get("text")
        if not isinstance(text, str):
            raise InputError(where, "'text' must be a string", "Put the article's text in 'text'")
        meta = Meta(title=_str(obj.get("title")), outlet=_str(obj.get("outlet")),
                    byline=_str(obj.get("author") or obj.get("byline")), published=_str(obj.get("published")),
                    url=_str(obj.get("url")))
        origin = f"{where} ({obj['id']})" if obj.get("id") is not None else where
        return self.article(text, origin, "jsonl", meta)

    def _story_line(self, obj: dict, where: str) -> StoryInput | Skipped:
        docs = obj.get("documents")
        label = str(obj.get("id", where))
        if not isinstance(docs, list) or not docs:
            return Skipped(where, "'documents' must be a non-empty list", "Give the story's articles as a list")
        articles: list[Article] = []
        skipped: list[Skipped] = []
        for k, doc in enumerate(docs, 1):
            origin = f"{where}#doc{k}"
            try:
                if isinstance(doc, str):
                    articles.append(self.article(doc, origin, "jsonl", Meta()))
                elif isinstance(doc, dict) and isinstance(doc.get("text"), str):
                    articles.append(self._article_line(doc, origin))
                else:
                    raise InputError(origin, "a document must be a string or an object with 'text'",
                                     "Fix this document")
            except InputError as exc:
                skipped.append(Skipped(exc.what, exc.why, exc.fix))
        ref = obj.get("summary")
        if ref is None and isinstance(obj.get("summaries"), list) and obj["summaries"]:
            ref = obj["summaries"][0]
        return StoryInput(label, tuple(articles), tuple(skipped), ref if isinstance(ref, str) else None)

    # --- one article ----------------------------------------------------------------

    def article(self, raw: str, origin: str, kind: str, meta: Meta, *, notes: tuple[str, ...] = (),
                teaser_only: bool = False, hash_text: str | None = None) -> Article:
        size = len(raw.encode("utf-8"))
        if size > self.options.max_text_bytes:
            raise InputError(origin, f"the article has {size:,} bytes of text, more than the "
                                     f"{self.options.max_text_bytes:,} bytes one article may have",
                             "Check that it is one article; split a collection into a JSONL file, one article a line")
        if not raw.strip():
            raise InputError(origin, "the article has no text", "Give the article's text")
        c = cleaning.clean(raw, title=meta.title)
        n_words = len(cleaning.words(c.text))
        if not c.text:
            raise InputError(origin, "nothing but page furniture (headlines, credits, links) was found",
                             "Check that the input holds the article's text")
        n_sentences = count_sentences(c.text) if n_words < MIN_ONE_SENTENCE_WORDS else 2
        if not teaser_only and (n_words < MIN_WORDS or n_sentences < 2):
            raise InputError(origin, f"only {n_words} words in {n_sentences} sentence(s): too short "
                                     "to be an article",
                             "Check that the input holds the whole article, not just a headline or a teaser")
        published = meta.published or c.published
        url = meta.url or c.url
        outlet = meta.outlet or c.outlet or (cleaning.outlet_from_url(url) if url else None)
        return Article(
            id=article_id(hash_text if hash_text is not None else raw),
            text=c.text,
            origin=origin,
            kind=kind,
            title=meta.title or c.title,
            outlet=outlet,
            byline=meta.byline or c.byline,
            published=published,
            url=url,
            furniture=tuple(c.furniture),
            credits=tuple(c.credits),
            links=tuple(c.links),
            notes=tuple(notes) + tuple(n for n in c.notes if not meta.published),
            teaser_only=teaser_only,
        )

    def _fetch(self, url: str):
        resp = self.transport.fetch(url, timeout=self.options.timeout, max_bytes=self.options.max_fetch_bytes,
                                    user_agent=self.user_agent)
        if resp.status >= 400:
            from .fetch import http_error

            raise http_error(url, resp.status)
        if not resp.body.strip():
            raise FetchError(url, "the server sent an empty page", "Check the address")
        return resp


def assemble(articles: Iterable[Article], label: str | None = None) -> tuple[Story, tuple[Skipped, ...]]:
    """Articles given together become one story: duplicates dropped (and reported), shared furniture removed."""
    unique: list[Article] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for a in articles:
        if a.id in seen:
            skipped.append(Skipped(a.origin, f"the same text as {seen[a.id]}, which is used once",
                                   "Nothing to do, unless you meant to give another article"))
            continue
        seen[a.id] = a.origin
        unique.append(a)
    if len(unique) > 1:
        cleaned = cleaning.drop_shared_furniture([a.text for a in unique])
        unique = [replace(a, text=text, furniture=a.furniture + tuple(removed)) if removed else a
                  for a, (text, removed) in zip(unique, cleaned)]
    story_id = hashlib.sha256(" ".join(sorted(a.id for a in unique)).encode()).hexdigest()[:16]
    return Story(story_id, tuple(unique), label), tuple(skipped)


def _safe_lines(fh: BinaryIO, name: str) -> Iterator[tuple[int, bytes]]:
    try:
        for lineno, line in enumerate(fh, 1):
            yield lineno, line
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(name, f"the file could not be read to the end ({exc})",
                         "Check that the file is complete (re-download or re-compress it)") from None


def _looks_html(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and (b"<html" in head or b"<body" in head) \
        or (head.startswith(b"<") and b"<body" in data[:65536].lower())


def _str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None
