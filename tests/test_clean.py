"""Cleaning: page furniture out, metadata kept, the article's own sentences never touched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tidings.analyze.sentences import split_spans
from tidings.ingest import Meta, Reader, article_id, assemble
from tidings.ingest.clean import clean, drop_shared_furniture, normalise
from tidings.records import Article, Skipped

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
COURIER = FIXTURES / "portcarrow-courier.txt"
LEDGER = FIXTURES / "portcarrow-ledger.txt"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ferry-fire"

BODY = (
    "A section of the harbour wall at Portcarrow gave way during the storm on Tuesday night, flooding the "
    "fish market on the quay.\n\n"
    "Council engineers said the rest of the wall was sound, and that temporary repairs would begin before "
    "the next spring tide on Sunday.\n"
)


def flat(text: str) -> str:
    return " ".join(normalise(text).split())


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def assert_verbatim(cleaned: str, raw: str) -> None:
    """Every kept paragraph is in the input as it was, up to whitespace: nothing edited inside a sentence."""
    source = flat(raw)
    for para in paragraphs(cleaned):
        assert flat(para) in source, f"paragraph not verbatim in the input: {para!r}"


def read_one(path: Path) -> Article:
    [item] = list(Reader().read([str(path)]))
    assert isinstance(item, Article), item
    return item


def article(raw: str, origin: str = "test.txt", **meta) -> Article:
    return Reader().article(raw, origin, "text", Meta(**meta))


# --- one article full of furniture --------------------------------------------------------------


def test_furniture_is_removed_and_the_story_kept():
    a = read_one(COURIER)
    raw = COURIER.read_text(encoding="utf-8")
    assert paragraphs(a.text) == [
        "A section of the harbour wall at Portcarrow gave way during Tuesday night's storm, flooding the fish "
        "market and forcing six households on Quay Street to leave their homes.",
        "Waves of up to eight metres were recorded off Gull Head shortly before midnight, according to the "
        "regional weather service, which had issued an amber warning for the coast on Monday.",
        "The harbour master, Colm Aspley, said a gap about fifteen metres wide had opened in the outer wall. "
        "\"We have never seen the sea come over like that in thirty years,\" he said.",
        "Engineers from the county council will inspect the rest of the wall on Thursday, and skippers have been "
        "told to keep their boats out of the harbour until then.",
    ]
    assert_verbatim(a.text, raw)
    # what was removed is kept on the record, line for line
    for line in ["By Jane Doe", "Published: 4 March 2026", "Photo: Tam Ridley/Lantern Agency",
                 "Ines Varga/Getty Images", "Sign up for our daily newsletter", "Follow us for the latest on the storm",
                 "Related stories", "Portcarrow lifeboat crew honoured for winter rescue",
                 "Fish prices climb as boats stay tied up in port"]:
        assert line in a.furniture, line
        assert line not in a.text
    assert a.furniture.count("Tags: Portcarrow, storms, harbours") == 2


def test_metadata_is_read_from_the_furniture():
    a = read_one(COURIER)
    assert a.title == "Storm tears hole in Portcarrow harbour wall"
    assert a.byline == "Jane Doe"
    assert a.published == "2026-03-04"
    assert "Photo: Tam Ridley/Lantern Agency" in a.credits and "Ines Varga/Getty Images" in a.credits


def test_headline_repeated_at_the_end_is_removed():
    a = read_one(COURIER)
    assert "Storm tears hole" not in a.text
    assert a.furniture[0] == a.furniture[-1] == "Storm tears hole in Portcarrow harbour wall"


def test_headline_given_by_the_container_is_removed_from_the_text():
    a = article("Wall repairs begin\n\n" + BODY + "\nWall repairs begin\n", title="Wall repairs begin")
    assert a.title == "Wall repairs begin"
    assert "Wall repairs begin" not in a.text
    assert a.furniture == ("Wall repairs begin", "Wall repairs begin")


def test_trailing_wire_credit_is_cut_from_the_last_sentence_only():
    a = read_one(COURIER)
    last = paragraphs(a.text)[-1]
    assert last.endswith("out of the harbour until then.")
    assert "Associated Press" not in a.text
    assert "Hal Brisk and the Associated Press" in a.credits


def test_parenthesis_inside_a_sentence_is_not_a_credit():
    raw = BODY + "\nThe fish market (run by the harbour trust and the Associated Press photo library's former owner) " \
                 "will stay shut until Monday.\n"
    a = article(raw)
    assert "(run by the harbour trust" in a.text
    assert a.credits == ()


def test_agency_in_brackets_after_the_last_sentence_is_a_credit():
    raw = BODY + "\nAll six households were moved to a hotel overnight, the council added. (Harbour Press)\n"
    a = article(raw)
    assert "All six households were moved to a hotel overnight, the council added." in paragraphs(a.text)
    assert "(Harbour Press)" not in a.text
    assert a.credits == ("Harbour Press",)
    assert_verbatim(a.text, raw)


@pytest.mark.parametrize("line", [
    "Reporting by Hal Brisk; editing by Ann Oke.",
    "Additional reporting by Hal Brisk in Selby Cove",
    "Hal Brisk and Ann Oke contributed to this report.",
])
def test_reporting_credits_are_removed_and_kept(line):
    a = article("By Jane Doe\n\n" + BODY + "\n" + line + "\n")
    assert line not in a.text
    assert line in a.credits
    assert a.byline == "Jane Doe"


def test_name_next_to_a_date_line_is_the_byline():
    a = read_one(LEDGER)
    assert a.byline == "Mara Quill"
    assert a.published == "2026-03-03"  # the date line wins over the date in the link
    assert "Mara Quill" not in a.text and "Last updated" not in a.text
    assert_verbatim(a.text, LEDGER.read_text(encoding="utf-8"))


def test_outlet_with_wire_services_is_kept():
    a = read_one(LEDGER)
    assert a.outlet == "Lantern News"
    assert "Lantern News with wire services" in a.credits
    assert "wire services" not in a.text
    assert a.url == "https://www.portcarrow-ledger.example/2026/03/05/harbour-wall-repairs/"
    assert "https://" not in a.text


@pytest.mark.parametrize("line, day", [
    ("Published: 4 March 2026", "2026-03-04"),
    ("Last updated: 3 March, 2026", "2026-03-03"),
    ("Updated 10:32 GMT, Wednesday 4 March 2026", "2026-03-04"),
    ("Posted: March 4th, 2026 at 6.45pm", "2026-03-04"),
    ("Published 4 March 2026, updated 5 March 2026", "2026-03-04"),
    ("4 March 2026", "2026-03-04"),
    ("March 4, 2026", "2026-03-04"),
])
def test_date_lines_become_the_publication_date(line, day):
    a = article("Harbour wall collapses\n\n" + line + "\n\n" + BODY)
    assert a.published == day
    assert line not in a.text
    assert line in a.furniture


def test_month_and_year_alone_is_not_a_publication_day():
    a = article("Published: March 2026\n\n" + BODY)
    assert a.published is None


@pytest.mark.parametrize("line", [
    "Photo: Tam Ridley/Lantern Agency",
    "Photograph: Tam Ridley",
    "Ines Varga/Getty Images",
    "Waves break over the wall on Tuesday. Ines Varga/AFP via Getty Images",
    "© Lantern Agency",
])
def test_photo_credits_are_removed_and_kept_as_credits(line):
    a = article(BODY + "\n" + line + "\n\nSkippers were told to keep their boats out of the harbour until the "
                "inspection is over.\n")
    assert line not in a.text
    assert line in a.credits
    assert "Skippers were told" in a.text


@pytest.mark.parametrize("header", ["Related stories", "Related News", "More on this story", "Most read"])
def test_related_links_under_a_heading_are_removed(header):
    raw = (BODY + f"\n{header}\nLifeboat crew honoured for a winter rescue off Gull Head\n"
           "Fish prices climb as boats stay in port\nWhy do harbour walls fail in storms?\n")
    a = article(raw)
    assert paragraphs(a.text) == paragraphs(BODY)
    assert "Why do harbour walls fail in storms?" in a.furniture


def test_related_links_after_a_blank_line_at_the_end_are_removed():
    raw = BODY + "\nRelated stories\n\nLifeboat crew honoured for a winter rescue\n\nWhy do harbour walls fail?\n"
    a = article(raw)
    assert paragraphs(a.text) == paragraphs(BODY)


def test_article_text_after_a_related_box_is_kept():
    raw = ("Related stories\nLifeboat crew honoured for a winter rescue\n\n" + BODY +
           "\nThe harbour trust will meet on Friday to discuss the cost of a permanent repair.\n")
    a = article(raw)
    assert "The harbour trust will meet on Friday" in a.text
    assert paragraphs(a.text)[0].startswith("A section of the harbour wall")


@pytest.mark.parametrize("line", [
    "Sign up for our daily newsletter",
    "Subscribe to The Portcarrow Ledger",
    "Get breaking news alerts from the Ledger",
    "Follow us for the latest on the storm",
    "Follow us on social media.",
    "Share this story",
    "Download our app",
    "Advertisement",
    "This story has been updated.",
    "Copyright 2026 Lantern Media Ltd",
])
def test_prompts_and_boilerplate_are_removed(line):
    a = article(BODY + "\n" + line + "\n\nThe harbour trust will meet on Friday to discuss the cost of a permanent "
                "repair to the wall.\n")
    assert line not in a.text
    assert line in a.furniture
    assert "The harbour trust will meet on Friday" in a.text


@pytest.mark.parametrize("sentence", [
    "By midnight the water had reached six homes on Quay Street.",
    "By Tuesday, the road to the harbour was open again.",
    "Follow-up tests found more cracks in the outer wall.",
    "Copyright lawyers for the photographer said the pictures had been used without permission.",
    "The report was updated in 2019 to include the harbour wall.",
    "Updated figures released on 4 March 2026 show 300 homes flooded.",
    "Join us, the mayor told the volunteers, and we will rebuild the wall together.",
    "Editing by hand, the harbour clerk corrected the minutes before the vote on Friday.",
    "Share prices in the fishing company fell sharply on Wednesday morning.",
])
def test_news_sentences_that_look_like_furniture_are_kept(sentence):
    a = article(BODY + "\n" + sentence + "\n\nThe harbour trust will meet on Friday to discuss the cost of a "
                "permanent repair to the wall.\n")
    assert sentence in paragraphs(a.text)
    assert a.byline is None and a.published is None


def test_link_line_gives_url_date_and_outlet_from_the_domain():
    raw = BODY + "\nLink: https://www.harbour-news.example/2026/03/04/portcarrow-wall/\n"
    a = article(raw)
    assert a.url == "https://www.harbour-news.example/2026/03/04/portcarrow-wall/"
    assert a.links == (a.url,)
    assert a.published == "2026-03-04"
    assert a.outlet == "harbour-news.example"
    assert any("2026-03-04" in n and a.url in n for n in a.notes)  # says where the date came from
    assert "https://" not in a.text and "Link:" not in a.text


@pytest.mark.parametrize("label", ["Source:", "Permalink:", "Read more:", "Original article:", ""])
def test_labelled_link_lines_are_links(label):
    url = "https://salt.example/blog/2026/03/portcarrow-wall/"
    a = article(BODY + f"\n{label} {url}\n".replace("\n ", "\n"))
    assert a.url == url
    assert url not in a.text


def test_outlet_named_in_the_byline_beats_the_bare_domain():
    raw = ("Harbour wall: what we know\n\nPosted on 5 March 2026 by Nell Arden | Salt & Steel\n\n" + BODY +
           "\nPermalink: https://www.saltandsteel.example/blog/2026/03/harbour-wall/\n")
    a = article(raw)
    assert (a.byline, a.outlet, a.published) == ("Nell Arden", "Salt & Steel", "2026-03-05")
    raw2 = "By Owen Pryce, Harbour Radio, Portcarrow\n\n" + BODY + "\nLink: https://harbourradio.example/2026/03/04/x/\n"
    a2 = article(raw2)
    assert (a2.byline, a2.outlet) == ("Owen Pryce", "Harbour Radio")


@pytest.mark.parametrize("line, name", [
    ("By Jane Doe", "Jane Doe"),
    ("By Sam Whitlow, Transport Correspondent", "Sam Whitlow"),
    ("By Jane Doe and Omar al-Sayed", "Jane Doe and Omar al-Sayed"),
    ("By the Associated Press", "the Associated Press"),
    ("Written by Ana Petrov | staff writer", "Ana Petrov"),
])
def test_bylines(line, name):
    a = article(line + "\n\n" + BODY)
    assert a.byline == name
    assert line not in a.text


def test_tag_lines_shown_twice_are_removed():
    raw = "Tags: Portcarrow, storms, harbours\n\n" + BODY + "\nTags: Portcarrow, storms, harbours\n"
    a = article(raw)
    assert paragraphs(a.text) == paragraphs(BODY)


def test_short_line_repeated_in_one_article_is_removed():
    prompt = "Read our live coverage here."
    raw = BODY + f"\n{prompt}\n\nThe harbour trust will meet on Friday to discuss the cost of the repair.\n\n{prompt}\n"
    a = article(raw)
    assert prompt not in a.text
    assert a.furniture.count(prompt) == 2


def test_long_paragraph_without_a_full_stop_is_kept():
    para = ("Engineers from the county council spent the whole of Wednesday walking the length of the outer wall "
            "with the harbour master and two divers who checked the foundations below the waterline")
    a = article(BODY + "\n" + para + "\n")
    assert para in paragraphs(a.text)


def test_lead_in_line_ending_in_a_colon_is_kept():
    lead = "The harbour trust put its position like this in a statement on Wednesday:"
    a = article(BODY + "\n" + lead + "\n\nThe wall will be rebuilt in stone, as it was in 1880, whatever the cost.\n")
    assert lead in paragraphs(a.text)


def test_hard_wrapped_prose_is_joined_and_stays_verbatim():
    raw = ("Portcarrow harbour wall\n\n"
           "A section of the harbour wall at Portcarrow gave way during the\n"
           "storm on Tuesday night, flooding the fish market on the quay and\n"
           "forcing six households on Quay Street to leave their homes.\n\n"
           "Council engineers said the rest of the wall was sound, and that\n"
           "temporary repairs would begin before the next spring tide, which\n"
           "is due on Sunday, once divers had checked the foundations.\n")
    a = article(raw)
    assert len(paragraphs(a.text)) == 2
    assert paragraphs(a.text)[0].startswith("A section") and paragraphs(a.text)[0].endswith("their homes.")
    assert_verbatim(a.text, raw)


def test_a_list_of_headlines_is_not_joined_as_wrapped_prose():
    raw = (BODY + "\nRelated stories\nLifeboat crew honoured for a winter rescue off Gull Head\n"
           "Fish prices climb as boats stay tied up in the harbour\nCouncil approves new sea defences for the town\n")
    a = article(raw)
    assert paragraphs(a.text) == paragraphs(BODY)


def test_odd_spaces_and_invisible_characters_are_normalised():
    raw = "A section\u00a0of the harbour wall\u200b gave way on Tuesday night.\u2028Nobody was hurt, the council said.\n\n" \
          "Engineers\u2009will inspect the rest of the wall on Thursday, and boats must stay out until then.\r\n"
    a = article(raw)
    assert "\u00a0" not in a.text and "\u200b" not in a.text and "\u2009" not in a.text and "\r" not in a.text
    assert "A section of the harbour wall gave way on Tuesday night." in a.text
    assert "Engineers will inspect" in a.text


def test_bullets_are_dropped_but_the_items_kept():
    raw = BODY + "\n• Six homes on Quay Street were evacuated overnight.\n• The fish market will stay shut until Monday.\n"
    a = article(raw)
    assert "Six homes on Quay Street were evacuated overnight." in paragraphs(a.text)
    assert "•" not in a.text


def test_cleaning_is_pure_and_repeatable():
    raw = COURIER.read_text(encoding="utf-8")
    first, second = clean(raw), clean(raw)
    assert first == second
    assert first.text == read_one(COURIER).text


# --- sentences: cleaning keeps them whole, and so must splitting ------------------------------------


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b, _ in split_spans(text)]


@pytest.mark.parametrize("title", ["Capt.", "Sgt.", "Gov.", "Insp.", "Det.", "Rev.", "Supt.", "Dr.", "Mr."])
def test_a_title_before_a_name_does_not_end_a_sentence(title):
    text = (f"The harbour stayed shut on Monday on the orders of {title} Aldous and the council. "
            f"{title} Aldous said it would reopen on Friday.")
    assert sentences(text) == [f"The harbour stayed shut on Monday on the orders of {title} Aldous and the council.",
                               f"{title} Aldous said it would reopen on Friday."]


def test_sentence_splitting_keeps_numbers_times_and_quotes_whole():
    text = ("The alarm was raised at 2:40 a.m. on Tuesday. The ferry was berthed at No. 4 Quay by noon. "
            "\"We were told to go to the muster station. Nobody panicked,\" she said. Then it was over.\n\n"
            "Repairs begin on Monday.")
    assert sentences(text) == ["The alarm was raised at 2:40 a.m. on Tuesday.", "The ferry was berthed at No. 4 Quay by noon.",
                               "\"We were told to go to the muster station. Nobody panicked,\" she said.",
                               "Then it was over.", "Repairs begin on Monday."]
    assert [p for _, _, p in split_spans(text)] == [0, 0, 0, 0, 1]


def test_example_sentences_are_not_cut_at_a_title(example):
    _, items = example
    for a in items:
        for s in sentences(a.text):
            assert not re.search(r"\b(?:Capt|Dr|Mr|Mrs)\.$", s), f"{Path(a.origin).name}: {s!r}"


# --- across articles ------------------------------------------------------------------------


WIRE = ("The county council said on Wednesday that a fifteen-metre section of the outer wall had collapsed and "
        "that six households on Quay Street had been moved to a hotel overnight. Nobody was hurt, it added.")


def two_outlets() -> tuple[Article, Article]:
    a = article("Portcarrow Courier report\n\nThe storm that battered Portcarrow on Tuesday left a gaping hole in the "
                "harbour wall, our reporter at the quay saw on Wednesday morning.\n\n" + WIRE +
                "\n\nShare your storm pictures with us.\n\nFishermen said it would be weeks before they could land a "
                "catch at the quay again.\n", origin="courier.txt")
    b = article("Ledger report\n\nHarbour repairs in Portcarrow will start within a week, officials promised as the "
                "clean-up of the flooded fish market went into a second day.\n\n" + WIRE +
                "\n\nShare your storm pictures with us.\n\nNobody was hurt.\n\nThe next spring tide is due on "
                "Sunday, and temporary rock armour will be placed across the gap before then.\n", origin="ledger.txt")
    return a, b


def test_wire_copy_stays_in_both_articles_and_shared_prompts_go():
    a, b = two_outlets()
    prompt = "Share your storm pictures with us."
    assert prompt in a.text and prompt in b.text  # one article alone cannot tell it is furniture
    story, skipped = assemble([a, b])
    assert skipped == ()
    ca, cb = story.articles
    assert WIRE in ca.text and WIRE in cb.text
    assert prompt not in ca.text and prompt not in cb.text
    assert prompt in ca.furniture and prompt in cb.furniture
    assert "Nobody was hurt." in paragraphs(cb.text)  # a short shared sentence is not a prompt
    assert ca.id == a.id and cb.id == b.id  # ids are of the text as read


def test_shared_furniture_needs_two_articles():
    a, _ = two_outlets()
    story, _ = assemble([a])
    assert story.articles[0].text == a.text


def test_drop_shared_furniture_keeps_the_order_and_reports_what_it_removed():
    texts = ["One sentence here. Another one.\n\nWatch the video\n\nA closing sentence of the report.",
             "Different opening sentence.\n\nWatch the video\n\nA closing sentence of the report."]
    out = drop_shared_furniture(texts)
    assert out[0] == ("One sentence here. Another one.\n\nA closing sentence of the report.", ["Watch the video"])
    assert out[1] == ("Different opening sentence.\n\nA closing sentence of the report.", ["Watch the video"])


# --- identity -------------------------------------------------------------------------------------


def test_article_id_is_of_the_text_as_read(tmp_path):
    raw = COURIER.read_text(encoding="utf-8")
    jl = tmp_path / "courier.jsonl"
    jl.write_text(json.dumps({"text": raw, "title": "Another title"}) + "\n", encoding="utf-8")
    from_txt = read_one(COURIER)
    [from_jsonl] = list(Reader().read([str(jl)]))
    assert from_txt.id == from_jsonl.id == article_id(raw)
    assert article_id(raw.replace("\n", "\r\n").replace(" ", "  ")) == from_txt.id
    assert article_id(raw.replace("six households", "seven households")) != from_txt.id


# --- the bundled example -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example():
    answers = json.loads((EXAMPLE / "answers.json").read_text(encoding="utf-8"))["articles"]
    items = list(Reader().read([str(EXAMPLE / "articles")]))
    return answers, items


def test_example_folder_gives_five_articles(example):
    answers, items = example
    assert not [i for i in items if isinstance(i, Skipped)]
    assert sorted(Path(a.origin).name for a in items) == sorted(answers)


def test_example_furniture_is_not_in_any_text(example):
    answers, items = example
    for a in items:
        for name, ans in answers.items():
            leaked = [line for line in ans["furniture"] if line in a.text]
            assert not leaked, f"{Path(a.origin).name} holds furniture of {name}: {leaked}"


def test_example_text_furniture_is_recorded(example):
    answers, items = example
    for a in items:
        name = Path(a.origin).name
        if name.endswith(".txt"):
            missing = [line for line in answers[name]["furniture"] if line not in a.furniture]
            assert not missing, f"{name}: not recorded as furniture: {missing}"


def test_example_metadata_is_read(example):
    answers, items = example
    for a in items:
        name = Path(a.origin).name
        ans = answers[name]
        for field in ("title", "byline", "url"):
            if ans[field] is not None:
                assert getattr(a, field) == ans[field], f"{name}: {field}"
        if ans["published"] is not None:
            assert (a.published or "")[:10] == ans["published"], f"{name}: published"


def test_example_outlet_is_read_where_the_article_names_it(example):
    answers, items = example
    checked = 0
    for a in items:
        name = Path(a.origin).name
        raw = Path(a.origin).read_text(encoding="utf-8")
        expected = answers[name]["outlet"]
        if expected and expected in raw:
            assert a.outlet == expected, name
            checked += 1
        else:
            assert a.outlet is None, f"{name}: the file never names its outlet, so none may be made up"
    assert checked == len(items)  # every example article names its outlet somewhere


def test_example_texts_are_verbatim(example):
    _, items = example
    for a in items:
        if a.kind == "text":
            assert_verbatim(a.text, Path(a.origin).read_text(encoding="utf-8"))


def test_example_lead_in_line_before_the_wire_quote_is_kept(example):
    _, items = example
    salt = next(a for a in items if a.origin.endswith("05-salt-and-steel.txt"))
    assert "Harbour Press put it like this:" in salt.text


def test_example_wire_paragraph_stays_in_both_outlets(example):
    _, items = example
    story, skipped = assemble(items)
    assert skipped == ()
    wire = ("The Aurora Lind, a 112-metre passenger and vehicle ferry that entered service in 2011, was about nine "
            "nautical miles from Port Halloran when the fire started in its engine room, Northsound Ferries said in "
            "a statement.")
    holders = [Path(a.origin).name for a in story.articles if wire in a.text]
    assert holders == ["04-the-meridian.txt", "05-salt-and-steel.txt"]
    for a in story.articles:
        assert not re.search(r"\(Harbour Press\)\s*$", a.text, re.M)


@pytest.mark.parametrize("line, outlet", [
    ("© 2026 The Daily Lantern. All rights reserved.", "The Daily Lantern"),
    ("Copyright 2025-2026 Harbour Radio", "Harbour Radio"),
    ("(c) 2024 Wend Valley Times", "Wend Valley Times"),
    ("Copyright © 2026 Lantern News, all rights reserved", "Lantern News"),
    ("© 2026 Bulletin 24", "Bulletin 24"),
])
def test_copyright_line_names_the_outlet_and_is_furniture(line, outlet):
    body = ("The bridge over the Wend reopened on Monday after six weeks of repairs, the council said.\n\n"
            "Engineers replaced two steel joints and resurfaced the whole span, at a cost of 1.2 million pounds.")
    c = clean(body + "\n\n" + line)
    assert c.outlet == outlet
    assert line in c.furniture and line not in c.text


def test_masthead_names_the_outlet_and_is_not_the_headline():
    raw = ("Harbour Weekly | News for the north shore\n\nLifeboat crews rescue four from capsized yacht\n\n"
           "Four sailors were pulled from the water off Carrow Point on Sunday after their yacht capsized in a "
           "squall, the lifeboat station said.\n\nAll four were treated for mild hypothermia and released.")
    c = clean(raw)
    assert c.outlet == "Harbour Weekly"
    assert c.title == "Lifeboat crews rescue four from capsized yacht"


def test_bullet_list_of_facts_stays_but_related_links_go():
    raw = ("Ferry fire: what we know\n\nA fire broke out on the ferry overnight, the operator said on Tuesday.\n\n"
           "What we know so far:\n- All passengers were taken off by lifeboat\n- Two crew members are in hospital\n\n"
           "Related stories\n- Ferry fares to rise again\n- Coastguard stations stretched")
    c = clean(raw)
    assert "All passengers were taken off by lifeboat" in c.text
    assert "Two crew members are in hospital" in c.text
    assert "Ferry fares to rise again" not in c.text
