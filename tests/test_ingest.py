"""Reading inputs: files, folders, JSONL(.gz), stdin. Every bad input is one Skipped; the good ones go on."""

from __future__ import annotations

import gzip
import io
import json
import random
import time
from pathlib import Path

import pytest

from tidings.config import Options
from tidings.ingest import Reader, StoryInput, article_id, assemble
from tidings.records import Article, Skipped

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

TOWNS = ["Marrowby", "Keldham", "Oxwick", "Thornsey", "Pellingford", "Ashcombe", "Dunridge", "Larkmoor",
         "Wenlow", "Brisford", "Culvercot", "Hobbdale"]


def article_text(i: int) -> str:
    """A short invented news article, different for every ``i``."""
    town = TOWNS[i % len(TOWNS)]
    return (
        f"Floodwater reached the ground floors of {i + 12} homes in {town} on Sunday night after the river "
        f"Wend burst its banks upstream of the old mill.\n\n"
        f"Firefighters used boats to reach {i + 3} residents who had stayed upstairs, and the council opened "
        f"the school hall in {town} as a rest centre for families who could not get home.\n\n"
        f"The county flood warden said the water was expected to fall slowly through Monday, but warned that "
        f"the road to {town} would stay closed until engineers had checked bridge number {i + 1}.\n"
    )


def read(sources, options: Options | None = None, **kwargs) -> list:
    return list(Reader(options, **kwargs).read([str(s) for s in sources]))


def split(items):
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skipped)]


def assert_helpful(skip: Skipped, input_name: str) -> None:
    """A skip names its input and says both what went wrong and what to do."""
    assert skip.input == input_name
    assert skip.reason.strip() and skip.fix.strip()
    assert skip.fix[0].isupper(), "the fix should read as an instruction"
    assert input_name in skip.message and skip.reason in skip.message and skip.fix in skip.message


def only_skip(items, input_name: str) -> Skipped:
    articles, skipped = split(items)
    assert articles == []
    assert len(skipped) == 1, skipped
    assert_helpful(skipped[0], input_name)
    return skipped[0]


# --- plain text files ------------------------------------------------------------------------


def test_text_file_becomes_one_article_with_paragraphs(tmp_path):
    f = tmp_path / "flood.txt"
    f.write_text(article_text(1), encoding="utf-8")
    [a] = read([f])
    assert isinstance(a, Article)
    assert a.kind == "text" and a.origin == str(f)
    assert a.text.split("\n\n") == [p.strip() for p in article_text(1).strip().split("\n\n")]
    assert a.id == article_id(article_text(1))
    assert not a.teaser_only


def test_empty_file_is_skipped(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    skip = only_skip(read([f]), str(f))
    assert "empty" in skip.reason


def test_whitespace_only_file_is_skipped(tmp_path):
    f = tmp_path / "blank.txt"
    f.write_text("\n   \n\t\n", encoding="utf-8")
    skip = only_skip(read([f]), str(f))
    assert "no text" in skip.reason


def test_binary_file_is_skipped(tmp_path):
    f = tmp_path / "photo.txt"  # a misnamed image: the extension must not fool the reader
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    skip = only_skip(read([f]), str(f))
    assert "binary" in skip.reason
    assert "text" in skip.fix


def test_binary_file_without_extension_in_a_folder(tmp_path):
    (tmp_path / "good.txt").write_text(article_text(2), encoding="utf-8")
    (tmp_path / "report").write_bytes(b"%PDF-1.7\n" + b"\x00\x01\x02stream" * 500)
    articles, skipped = split(read([tmp_path]))
    assert [a.origin for a in articles] == [str(tmp_path / "good.txt")]
    assert len(skipped) == 1
    assert_helpful(skipped[0], str(tmp_path / "report"))


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_encoded_file_is_decoded_and_says_so(tmp_path, encoding):
    text = (
        "Le café de la gare à Vérenne a rouvert ses portes après les inondations de l’hiver.\n\n"
        "Les élèves du lycée ont aidé à repeindre la façade, et le maire a remercié les bénévoles "
        "venus de toute la région pour déblayer la boue.\n\n"
        "Selon la préfecture, la rivière est revenue à son niveau habituel et la route départementale "
        "sera rouverte dès jeudi matin.\n"
    )
    if encoding == "latin-1":
        text = text.replace("’", "'")  # no curly quote in latin-1
    f = tmp_path / "cafe.txt"
    f.write_bytes(text.encode(encoding))
    [a] = read([f])
    assert isinstance(a, Article)
    assert "café de la gare à Vérenne" in a.text and "élèves" in a.text and "préfecture" in a.text
    assert any("not UTF-8" in n for n in a.notes)


def test_cp1252_english_with_few_accents_is_not_garbled(tmp_path):
    # few accented letters: a code page that maps them to other letters must not win a tie
    text = (
        "The naïve plan to reopen the quay at Ørby was dropped on Monday, the harbour board said.\n\n"
        "Its chair, Renée Castel, told the meeting that the “repairs” had cost twice the estimate "
        "and that divers had found new cracks – some of them a metre long – in the old stone wall.\n"
    )
    f = tmp_path / "quay.txt"
    f.write_bytes(text.encode("cp1252"))
    [a] = read([f])
    assert "naïve plan" in a.text and "Ørby" in a.text and "Renée" in a.text and "“repairs”" in a.text


def test_undecodable_bytes_are_skipped(tmp_path):
    rng = random.Random(7)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))  # no character set makes sense of it
    f = tmp_path / "noise.txt"
    f.write_bytes(noise)
    skip = only_skip(read([f]), str(f))
    assert "UTF-8" in skip.reason
    assert "UTF-8" in skip.fix


def test_one_line_article_is_skipped_as_too_short(tmp_path):
    f = tmp_path / "headline.txt"
    f.write_text("Floodwater reaches homes in Marrowby after the river Wend bursts its banks.\n", encoding="utf-8")
    skip = only_skip(read([f]), str(f))
    assert "too short" in skip.reason
    assert "whole article" in skip.fix


def test_headline_only_file_is_all_furniture(tmp_path):
    f = tmp_path / "title.txt"
    f.write_text("Floods in Marrowby\n\nBy Jane Doe\n", encoding="utf-8")
    skip = only_skip(read([f]), str(f))
    assert "furniture" in skip.reason


def test_html_page_with_no_article_is_skipped(tmp_path):
    page = tmp_path / "home.html"
    page.write_bytes((FIXTURES / "nav-only.html").read_bytes())
    skip = only_skip(read([page]), str(page))
    assert "no article text" in skip.reason or "page furniture" in skip.reason


def test_too_big_text_file_is_skipped_before_reading(tmp_path):
    options = Options(max_text_bytes=2000)
    big = tmp_path / "big.txt"
    big.write_text(article_text(3) * 20, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(article_text(4), encoding="utf-8")
    articles, skipped = split(read([big, good], options))
    assert [a.origin for a in articles] == [str(good)]
    [skip] = skipped
    assert_helpful(skip, str(big))
    size = big.stat().st_size
    assert f"{size:,}" in skip.reason and "2,000" in skip.reason  # says how big, and the limit
    assert "JSONL" in skip.fix


def test_file_over_the_default_5_mb_is_skipped_fast(tmp_path):
    limit = Options().max_text_bytes
    assert limit == 5_000_000
    big = tmp_path / "collection.txt"
    line = (article_text(5).replace("\n\n", " ") + "\n").encode("utf-8")
    big.write_bytes(line * (limit // len(line) + 1))
    assert big.stat().st_size > limit
    started = time.perf_counter()
    skip = only_skip(read([big]), str(big))
    assert time.perf_counter() - started < 1.0  # refused from its size, not parsed and cleaned first
    assert "5,000,000" in skip.reason


def test_over_long_article_in_a_jsonl_line_is_skipped_but_not_the_file(tmp_path):
    options = Options(max_text_bytes=1500)
    f = tmp_path / "many.jsonl"
    f.write_text(json.dumps({"text": article_text(6) * 5}) + "\n" + json.dumps({"text": article_text(7)}) + "\n",
                 encoding="utf-8")
    articles, skipped = split(read([f], options))
    assert [a.origin for a in articles] == [f"{f}:2"]
    [skip] = skipped
    assert_helpful(skip, f"{f}:1")
    assert "1,500" in skip.reason


def test_missing_path_is_skipped_and_others_are_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(article_text(8), encoding="utf-8")
    missing = tmp_path / "no such article.txt"
    articles, skipped = split(read([missing, good]))
    assert len(articles) == 1
    [skip] = skipped
    assert_helpful(skip, str(missing))
    assert "no such file" in skip.reason


def test_unfetchable_scheme_is_skipped():
    skip = only_skip(read(["ftp://files.example/article.txt"]), "ftp://files.example/article.txt")
    assert "http" in skip.reason


def test_empty_folder_is_skipped(tmp_path):
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / ".hidden.txt").write_text(article_text(9), encoding="utf-8")  # hidden files are not read
    skip = only_skip(read([folder]), str(folder))
    assert "no files" in skip.reason


# --- one bad among many good ----------------------------------------------------------------------


BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": b"\x00\xff\x00\xfe" * 500,
    "short.txt": b"Just a headline about the floods.\n",
    "nav.html": (FIXTURES / "nav-only.html").read_bytes(),
    "sitemap.xml": (FIXTURES / "sitemap.xml").read_bytes(),
    "packed.gz": gzip.compress(b"plain text, gzipped"),
    "pretty.json": json.dumps({"title": "Floods", "text": article_text(0)}, indent=2).encode(),
}


@pytest.mark.parametrize("bad_name", sorted(BAD_FILES))
def test_one_bad_file_among_nine_good_ones(tmp_path, bad_name):
    for i in range(9):
        (tmp_path / f"{i:02d}-article.txt").write_text(article_text(i), encoding="utf-8")
    bad = tmp_path / bad_name
    bad.write_bytes(BAD_FILES[bad_name])
    articles, skipped = split(read([tmp_path]))
    assert len(articles) == 9
    assert len({a.id for a in articles}) == 9
    assert len(skipped) == 1, skipped
    assert_helpful(skipped[0], str(bad))


def test_folder_is_read_in_name_order_including_subfolders(tmp_path):
    (tmp_path / "b.txt").write_text(article_text(1), encoding="utf-8")
    (tmp_path / "a.txt").write_text(article_text(2), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text(article_text(3), encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    articles, skipped = split(read([tmp_path]))
    assert skipped == []
    assert [Path(a.origin).name for a in articles] == ["a.txt", "b.txt", "c.md"]


# --- JSONL --------------------------------------------------------------------------------


def test_jsonl_article_lines_keep_their_metadata(tmp_path):
    f = tmp_path / "articles.jsonl"
    f.write_text(json.dumps({"id": "w1", "text": article_text(1), "title": "Wend floods Keldham",
                             "outlet": "Wend Valley Times", "author": "Ada Korrin", "published": "2026-02-01",
                             "url": "https://wvt.example/floods"}) + "\n\n"
                 + json.dumps({"text": article_text(2)}) + "\n", encoding="utf-8")
    first, second = read([f])
    assert (first.origin, first.kind) == (f"{f}:1 (w1)", "jsonl")
    assert (first.title, first.outlet, first.byline, first.published, first.url) == (
        "Wend floods Keldham", "Wend Valley Times", "Ada Korrin", "2026-02-01", "https://wvt.example/floods")
    assert second.origin == f"{f}:3"


def test_gzipped_jsonl_is_read(tmp_path):
    f = tmp_path / "articles.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        for i in range(3):
            fh.write(json.dumps({"text": article_text(i)}) + "\n")
    articles, skipped = split(read([f]))
    assert skipped == []
    assert [a.origin for a in articles] == [f"{f}:1", f"{f}:2", f"{f}:3"]
    assert [a.id for a in articles] == [article_id(article_text(i)) for i in range(3)]


def test_corrupt_gzip_keeps_what_was_read_and_skips_the_rest(tmp_path):
    first = gzip.compress("".join(json.dumps({"text": article_text(i)}) + "\n" for i in range(5)).encode())
    second = bytearray(gzip.compress("".join(json.dumps({"text": article_text(i)}) + "\n"
                                             for i in range(5, 10)).encode()))
    second[10] = 0x07  # the first deflate block of the second member has a reserved block type
    f = tmp_path / "damaged.jsonl.gz"
    f.write_bytes(first + bytes(second))
    good = tmp_path / "good.txt"
    good.write_text(article_text(11), encoding="utf-8")
    items = read([f, good])  # a decompression error must not stop the run
    articles, skipped = split(items)
    assert [a.origin for a in articles] == [f"{f}:{n}" for n in range(1, 6)] + [str(good)]
    [skip] = skipped
    assert_helpful(skip, str(f))
    assert "could not be read to the end" in skip.reason


def test_truncated_gzip_is_one_skip(tmp_path):
    lines = "".join(json.dumps({"text": article_text(i)}) + "\n" for i in range(50)).encode()
    data = gzip.compress(lines)
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(data[: len(data) // 2])
    articles, skipped = split(read([f]))
    assert len(skipped) == 1
    assert_helpful(skipped[0], str(f))
    assert all(a.origin.startswith(f"{f}:") for a in articles)


def test_jsonl_with_a_broken_line_among_good_ones(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join([
        json.dumps({"text": article_text(1)}),
        '{"text": "an unterminated string',
        json.dumps({"text": article_text(2)}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"body": "no text field"}),
        json.dumps({"text": article_text(3)}),
    ]) + "\n", encoding="utf-8")
    articles, skipped = split(read([f]))
    assert [a.origin for a in articles] == [f"{f}:1", f"{f}:3", f"{f}:6"]
    assert [s.input for s in skipped] == [f"{f}:2", f"{f}:4", f"{f}:5"]
    for s in skipped:
        assert_helpful(s, s.input)
    assert "JSON" in skipped[0].reason


def test_broken_first_line_is_reported_once_good_lines_follow(tmp_path):
    f = tmp_path / "late.jsonl"
    f.write_text("oops\n" + json.dumps({"text": article_text(4)}) + "\n", encoding="utf-8")
    items = read([f])
    assert isinstance(items[0], Skipped) and items[0].input == f"{f}:1"
    assert isinstance(items[1], Article)


def test_pretty_printed_json_is_one_skip_not_one_per_line(tmp_path):
    f = tmp_path / "article.json"
    f.write_text(json.dumps({"title": "Floods", "text": article_text(5)}, indent=2), encoding="utf-8")
    skip = only_skip(read([f]), str(f))
    assert "JSON Lines" in skip.reason
    assert "jq -c" in skip.fix


def test_empty_jsonl_is_skipped(tmp_path):
    f = tmp_path / "none.jsonl"
    f.write_text("\n\n", encoding="utf-8")
    skip = only_skip(read([f]), str(f))
    assert "no lines" in skip.reason


def test_jsonl_story_line_becomes_a_story_input(tmp_path):
    f = tmp_path / "stories.jsonl"
    story = {"id": "wend-floods", "documents": [article_text(1), {"text": article_text(2), "title": "Keldham cut off"},
                                                 "Too short.", 42],
             "summaries": ["The Wend flooded two towns."]}
    f.write_text(json.dumps(story) + "\n" + json.dumps({"id": "empty", "documents": []}) + "\n", encoding="utf-8")
    first, second = read([f])
    assert isinstance(first, StoryInput)
    assert first.label == "wend-floods"
    assert first.summary == "The Wend flooded two towns."
    assert [a.origin for a in first.articles] == [f"{f}:1#doc1", f"{f}:1#doc2"]
    assert first.articles[1].title == "Keldham cut off"
    assert [s.input for s in first.skipped] == [f"{f}:1#doc3", f"{f}:1#doc4"]
    for s in first.skipped:
        assert_helpful(s, s.input)
    assert isinstance(second, Skipped)
    assert_helpful(second, f"{f}:2")


# --- stdin ----------------------------------------------------------------------------------


def test_stdin_text():
    [a] = read(["-"], stdin=io.BytesIO(article_text(3).encode("utf-8")))
    assert isinstance(a, Article)
    assert a.kind == "stdin"
    assert a.id == article_id(article_text(3))


def test_stdin_jsonl():
    data = "".join(json.dumps({"text": article_text(i)}) + "\n" for i in range(2)).encode()
    articles, skipped = split(read(["-"], stdin=io.BytesIO(data)))
    assert skipped == []
    assert [a.origin for a in articles] == ["stdin:1", "stdin:2"]


def test_stdin_html():
    [a] = read(["-"], stdin=io.BytesIO((FIXTURES / "valley-post-article.html").read_bytes()))
    assert isinstance(a, Article)
    assert a.title == "Landslide shuts Brackwater valley railway for a week"
    assert "Most read" not in a.text


def test_empty_stdin_is_skipped():
    skip = only_skip(read(["-"], stdin=io.BytesIO(b"  \n")), "stdin")
    assert "standard input" in skip.reason


# --- identity ----------------------------------------------------------------------------------


def test_same_text_from_txt_and_jsonl_has_the_same_id(tmp_path):
    txt = tmp_path / "one.txt"
    txt.write_text(article_text(10), encoding="utf-8")
    crlf = tmp_path / "one-windows.txt"
    crlf.write_bytes(article_text(10).replace("\n", "\r\n").encode("utf-8"))
    jl = tmp_path / "one.jsonl"
    jl.write_text(json.dumps({"text": article_text(10)}) + "\n", encoding="utf-8")
    a, b, c = read([txt, crlf, jl])
    assert a.id == b.id == c.id
    assert a.text == b.text == c.text
    again = read([txt])[0]
    assert again.id == a.id
    other = read([_write(tmp_path / "two.txt", article_text(11))])[0]
    assert other.id != a.id


def test_duplicate_articles_are_used_once_and_reported(tmp_path):
    a = read([_write(tmp_path / "a.txt", article_text(1))])[0]
    b = read([_write(tmp_path / "b.txt", article_text(1))])[0]
    c = read([_write(tmp_path / "c.txt", article_text(2))])[0]
    story, skipped = assemble([a, b, c])
    assert [x.origin for x in story.articles] == [a.origin, c.origin]
    [skip] = skipped
    assert skip.input == b.origin and a.origin in skip.reason and skip.fix
    story2, _ = assemble([c, a])
    assert story2.id == story.id  # the same articles make the same story, in any order


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
