"""Feeds and URLs, through a fake transport: nothing here touches the network."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.config import Options
from tidings.errors import FetchError
from tidings.ingest import Reader
from tidings.ingest.fetch import Response
from tidings.records import Article, Skipped

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
RSS = FIXTURES / "valley-lines.rss"
ATOM = FIXTURES / "valley-lines.atom"
PAGE = FIXTURES / "valley-post-article.html"

# what the realistic page shows around the article, none of which is the article
PAGE_FURNITURE = [
    "Local news", "Farming and land", "What is on this weekend", "Subscribe today",
    "Photo: Petra Yell", "Valley Post Pictures", "Mud and boulders lie across both tracks",
    "Most read", "Lowenford spring fair returns", "Caddon Rovers edge closer", "Hill farmers cheer",
    "The Valley Post Daily", "sent to your inbox", "Your email", "Sign me up",
    "All rights reserved", "Terms of use", "Privacy notice", "Advertise with us", "Transport Editor",
]

TRADERS_PAGE = b"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Traders count the cost of the Brackwater closure | Brackwater Gazette</title>
<meta property="og:site_name" content="Brackwater Gazette">
<meta name="author" content="Nia Coverley">
<meta property="article:published_time" content="2026-03-03T12:40:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a></nav>
<article>
<h1>Traders count the cost of the Brackwater closure</h1>
<p>Shopkeepers around Caddon Bridge station say their takings have halved since a landslide closed the
Brackwater valley railway on Sunday, cutting off the commuters who usually buy breakfast on the way to work.</p>
<p>Gwen Aldous, whose bakery faces the station entrance, said she had thrown away two trays of rolls on
Monday morning. The newsagent next door has cut its opening hours until the trains return.</p>
<p>The chamber of trade has asked Valley Lines to pay for signs on the Harl Pass road pointing drivers
towards the shops, and says it will ask the council for a rates holiday if the closure lasts beyond Friday.</p>
</article>
<footer><p>Copyright 2026 Brackwater Gazette</p></footer>
</body></html>"""

SHORT_PAGE = b"""<!DOCTYPE html><html><head><title>Line update | Ledger</title></head><body>
<article><p>Trains between Lowenford and Caddon Bridge will run again from Friday morning, Valley Lines said on
Thursday evening after a final inspection of the cleared cutting found the slope stable and the track sound.</p>
<p>The first northbound service is due to leave Lowenford at six o'clock, and the replacement buses over the Harl
Pass will stop running at noon.</p></article></body></html>"""


class FakeTransport:
    """Answers from a dict: url -> Response, or an exception to raise. Records every call."""

    def __init__(self, answers: dict[str, Response | Exception] | None = None) -> None:
        self.answers = answers or {}
        self.calls: list[dict] = []

    def fetch(self, url: str, *, timeout: float, max_bytes: int, user_agent: str) -> Response:
        self.calls.append({"url": url, "timeout": timeout, "max_bytes": max_bytes, "user_agent": user_agent})
        answer = self.answers.get(url)
        if answer is None:
            return Response(url, 404, "text/html", b"<html><body><p>Not found</p></body></html>")
        if isinstance(answer, Exception):
            raise answer
        return answer

    @property
    def urls(self) -> list[str]:
        return [c["url"] for c in self.calls]


def html(url: str, body: bytes, *, final_url: str | None = None, status: int = 200) -> Response:
    return Response(final_url or url, status, "text/html; charset=utf-8", body)


def timeout_error(url: str) -> FetchError:
    return FetchError(url, "no answer within 20 s", "Check the address or your connection, or raise --timeout")


def read(sources, transport: FakeTransport, options: Options | None = None) -> list:
    return list(Reader(options, transport=transport).read([str(s) for s in sources]))


def split(items):
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skipped)]


def assert_helpful(skip: Skipped, input_name: str) -> None:
    assert skip.input == input_name
    assert skip.reason.strip() and skip.fix.strip()
    assert input_name in skip.message


def assert_no_furniture(text: str, furniture: list[str]) -> None:
    leaked = [f for f in furniture if f in text]
    assert not leaked, f"page furniture in the article text: {leaked}"


# --- URLs ----------------------------------------------------------------------------------


def test_url_article_page_is_read_with_its_metadata():
    url = "https://www.valleypost.example/news/2026/03/02/brackwater-landslide-line-closed/"
    fake = FakeTransport({url: html(url, PAGE.read_bytes())})
    [a] = read([url], fake)
    assert isinstance(a, Article)
    assert a.kind == "url" and a.origin == url
    assert a.title == "Landslide shuts Brackwater valley railway for a week"
    assert a.byline == "Imogen Tarrant"
    assert a.published.startswith("2026-03-02")
    assert a.outlet == "The Valley Post"
    assert a.url == url
    assert a.text.startswith("Trains between Lowenford and Caddon Bridge will not run")
    assert a.text.rstrip().endswith("publish its inspection records for the slope.")
    assert "“A week without trains is a week without half my trade,” she said." in a.text
    assert_no_furniture(a.text, PAGE_FURNITURE)
    assert len(a.text.split("\n\n")) == 7  # the page's seven paragraphs, one each


def test_realistic_page_from_a_file_gives_the_same_article_as_from_its_url():
    url = "https://www.valleypost.example/news/2026/03/02/brackwater-landslide-line-closed/"
    [from_url] = read([url], FakeTransport({url: html(url, PAGE.read_bytes())}))
    [from_file] = read([PAGE], FakeTransport())
    assert from_file.kind == "html"
    assert from_file.id == from_url.id and from_file.text == from_url.text
    assert from_file.url == url  # the page's canonical link
    assert (from_file.title, from_file.byline, from_file.outlet) == (from_url.title, from_url.byline, from_url.outlet)


def test_url_after_redirect_keeps_the_final_address():
    asked = "https://short.example/abc"
    final = "https://gazette.example/2026/03/03/traders-count-cost/"
    fake = FakeTransport({asked: html(asked, TRADERS_PAGE, final_url=final)})
    [a] = read([asked], fake)
    assert a.origin == asked
    assert a.url == final
    assert a.outlet == "Brackwater Gazette" and a.byline == "Nia Coverley"
    assert "Gwen Aldous, whose bakery faces the station entrance" in a.text
    assert "Copyright" not in a.text and "Sport" not in a.text


def test_url_404_is_skipped():
    url = "https://gazette.example/2026/03/09/gone/"
    skip_items = read([url], FakeTransport({url: html(url, b"<html><body>Not here</body></html>", status=404)}))
    articles, skipped = split(skip_items)
    assert articles == []
    [skip] = skipped
    assert_helpful(skip, url)
    assert "404" in skip.reason
    assert "address" in skip.fix


@pytest.mark.parametrize("status, words", [(403, "paywalled"), (503, "HTTP 503")])
def test_other_http_errors_say_what_to_do(status, words):
    url = f"https://gazette.example/status/{status}"
    [skip] = read([url], FakeTransport({url: html(url, b"<html></html>", status=status)}))
    assert isinstance(skip, Skipped)
    assert_helpful(skip, url)
    assert words in skip.reason


def test_url_timeout_is_skipped_and_other_urls_are_read():
    slow = "https://slow.example/story"
    ok = "https://gazette.example/2026/03/03/traders-count-cost/"
    fake = FakeTransport({slow: timeout_error(slow), ok: html(ok, TRADERS_PAGE)})
    articles, skipped = split(read([slow, ok], fake))
    assert [a.origin for a in articles] == [ok]
    [skip] = skipped
    assert_helpful(skip, slow)
    assert "no answer" in skip.reason and "--timeout" in skip.fix


def test_url_with_an_empty_page_is_skipped():
    url = "https://gazette.example/empty"
    [skip] = read([url], FakeTransport({url: html(url, b"   \n")}))
    assert isinstance(skip, Skipped)
    assert_helpful(skip, url)
    assert "empty" in skip.reason


def test_url_page_without_an_article_is_skipped():
    url = "https://www.valleypost.example/"
    [skip] = read([url], FakeTransport({url: html(url, (FIXTURES / "nav-only.html").read_bytes())}))
    assert isinstance(skip, Skipped)
    assert_helpful(skip, url)


def test_plain_text_url_is_read_as_text():
    url = "https://files.example/statement.txt"
    body = ("Valley Lines statement, Thursday.\n\nTrains will run through the Brackwater valley again from Friday "
            "morning. The cutting has been cleared and the slope is stable, our engineers have confirmed.\n\n"
            "We thank passengers for their patience during the closure.\n").encode()
    [a] = read([url], FakeTransport({url: Response(url, 200, "text/plain; charset=utf-8", body)}))
    assert isinstance(a, Article)
    assert a.kind == "url" and a.url == url
    assert "We thank passengers for their patience during the closure." in a.text


def test_transport_gets_the_options():
    url = "https://gazette.example/2026/03/03/traders-count-cost/"
    fake = FakeTransport({url: html(url, TRADERS_PAGE)})
    read([url], fake, Options(timeout=3.5, max_fetch_bytes=250_000))
    [call] = fake.calls
    assert call["timeout"] == 3.5 and call["max_bytes"] == 250_000
    assert call["user_agent"].startswith("tidings/")
    fake2 = FakeTransport({url: html(url, TRADERS_PAGE)})
    read([url], fake2, Options(user_agent="newsroom-bot/2 (desk@paper.example)"))
    assert fake2.calls[0]["user_agent"] == "newsroom-bot/2 (desk@paper.example)"


def test_url_serving_a_feed_is_read_as_a_feed():
    url = "https://ledger.example/feed/"
    fake = FakeTransport({url: Response(url, 200, "application/atom+xml", ATOM.read_bytes())})
    articles, skipped = split(read([url], fake))
    assert skipped == []
    assert [a.origin for a in articles] == [f"{url}#item1", f"{url}#item2"]
    assert fake.urls == [url]  # full-text items: nothing else fetched


def test_url_serving_jsonl_is_read_line_by_line():
    url = "https://data.example/articles.jsonl"
    body = (b'{"text": "Trains will run again from Friday, Valley Lines said. The cutting is clear and the slope is '
            b'stable after a week of work by engineers, and buses over the Harl Pass will stop at noon on Friday."}\n'
            b"not json\n")
    articles, skipped = split(read([url], FakeTransport({url: Response(url, 200, "application/x-ndjson", body)})))
    assert [a.origin for a in articles] == [f"{url}:1"]
    assert [s.input for s in skipped] == [f"{url}:2"]


# --- feeds ---------------------------------------------------------------------------------


def test_rss_file_items_become_articles_with_feed_metadata():
    fake = FakeTransport()  # every linked page answers 404
    articles, skipped = split(read([RSS], fake))
    assert skipped == []
    full, *_ = articles
    assert full.kind == "feed" and full.origin == f"{RSS}#item1"
    assert full.title == "Engineers begin clearing the Brackwater cutting"
    assert full.outlet == "Brackwater Gazette"
    assert full.byline == "Rufus Pellow"
    assert full.published.startswith("2026-03-03")
    assert full.url == "https://gazette.example/2026/03/03/cutting-clearance/"
    assert not full.teaser_only
    assert len(full.text.split("\n\n")) == 5  # one paragraph per <p>
    assert "<p>" not in full.text


def test_atom_file_items_become_articles():
    articles, skipped = split(read([ATOM], FakeTransport()))
    assert skipped == []
    assert [a.title for a in articles] == ["Brackwater line could reopen on Friday, operator says",
                                           "Geologists find no further movement in Brackwater slope"]
    first, second = articles
    assert first.outlet == "Lowenford Ledger" and first.byline == "Dilys Marr"
    assert first.published.startswith("2026-03-04") and second.published.startswith("2026-03-04")
    assert first.url == "https://ledger.example/news/2026/03/04/line-friday/"
    assert "Crews worked through the night under floodlights" in first.text
    assert "&lt;" not in first.text and "<p>" not in first.text


def test_feed_teaser_is_replaced_by_the_linked_page():
    link = "https://gazette.example/2026/03/03/traders-count-cost/"
    fake = FakeTransport({link: html(link, TRADERS_PAGE)})
    articles, _ = split(read([RSS], fake))
    teaser = next(a for a in articles if a.origin == f"{RSS}#item2")
    assert link in fake.urls
    assert not teaser.teaser_only
    assert "The chamber of trade has asked Valley Lines" in teaser.text
    assert teaser.byline == "Nia Coverley"
    assert teaser.url == link
    assert any(link in n for n in teaser.notes)


def test_feed_teaser_whose_page_fails_is_kept_as_a_teaser():
    link = "https://gazette.example/2026/03/03/traders-count-cost/"
    fake = FakeTransport({link: timeout_error(link)})  # item 3's link answers 404 (the fake's default)
    articles, skipped = split(read([RSS], fake))
    assert skipped == []
    by_origin = {a.origin: a for a in articles}
    timed_out = by_origin[f"{RSS}#item2"]
    assert timed_out.teaser_only
    assert "halved their takings" in timed_out.text
    assert timed_out.title == "Bakers and shopkeepers count the cost of the closed line"
    assert any("teaser only" in n and "no answer within 20 s" in n for n in timed_out.notes)
    missing = by_origin[f"{RSS}#item3"]
    assert missing.teaser_only
    assert any("teaser only" in n and "404" in n for n in missing.notes)
    assert not by_origin[f"{RSS}#item1"].teaser_only


def test_feed_teasers_are_not_fetched_when_fetching_is_off():
    fake = FakeTransport()
    articles, _ = split(read([RSS], fake, Options(fetch_linked=False)))
    assert fake.calls == []
    teasers = [a for a in articles if a.teaser_only]
    assert len(teasers) == 2
    assert all(any("fetch_linked" in n for n in a.notes) for a in teasers)


def test_feed_item_with_no_text_and_no_page_is_skipped(tmp_path):
    feed = tmp_path / "bare.rss"
    feed.write_text("""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Bare</title>
<item><title>A title and nothing else</title><link>https://bare.example/1</link></item>
</channel></rss>""", encoding="utf-8")
    articles, skipped = split(read([feed], FakeTransport()))
    assert articles == []
    [skip] = skipped
    assert_helpful(skip, f"{feed}#item1")
    assert "404" in skip.reason


def test_xml_file_that_is_not_a_feed_is_skipped():
    sitemap = FIXTURES / "sitemap.xml"
    [skip] = read([sitemap], FakeTransport())
    assert isinstance(skip, Skipped)
    assert_helpful(skip, str(sitemap))
    assert "not an RSS or Atom feed" in skip.reason


def test_feed_with_no_items_is_skipped(tmp_path):
    feed = tmp_path / "quiet.atom"
    feed.write_text('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title>'
                    "<id>urn:x</id><updated>2026-03-01T00:00:00Z</updated></feed>", encoding="utf-8")
    [skip] = read([feed], FakeTransport())
    assert isinstance(skip, Skipped)
    assert_helpful(skip, str(feed))
    assert "no items" in skip.reason


def test_feed_in_a_txt_file_is_still_read_as_a_feed(tmp_path):
    saved = tmp_path / "saved-feed.txt"
    saved.write_bytes(ATOM.read_bytes())
    articles, skipped = split(read([saved], FakeTransport()))
    assert skipped == []
    assert len(articles) == 2 and all(a.kind == "feed" for a in articles)
