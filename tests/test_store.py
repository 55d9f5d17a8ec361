import sqlite3

import pytest

from conftest import EXAMPLE
from helpers import run
from tidings.errors import StoreError
from tidings.store import MIGRATIONS, Store

ARTICLES = str(EXAMPLE / "articles")


def counts(db):
    with Store(db) as s:
        return {t: s.count(t) for t in ("articles", "stories", "story_articles", "briefings", "runs")}


def test_rerunning_adds_nothing_twice(tmp_path):
    db = tmp_path / "store.db"
    assert run("brief", ARTICLES, "--db", str(db)).code == 0
    first = counts(db)
    assert first["articles"] == 5 and first["stories"] == 1 and first["briefings"] == 1 and first["runs"] == 1
    assert run("brief", ARTICLES, "--db", str(db)).code == 0
    second = counts(db)
    assert second == {**first, "runs": 2}


def test_same_article_in_another_story_is_stored_once(tmp_path):
    db = tmp_path / "store.db"
    run("brief", ARTICLES, "--db", str(db))
    run("brief", f"{ARTICLES}/01-daily-beacon.txt", f"{ARTICLES}/03-wbc-news.txt", "--db", str(db))
    c = counts(db)
    assert c["articles"] == 5 and c["stories"] == 2 and c["story_articles"] == 7


def test_stored_briefing_and_articles_are_the_printed_ones(tmp_path):
    db = tmp_path / "store.db"
    res = run("brief", ARTICLES, "--db", str(db), "--format", "json")
    printed = res.json()
    with Store(db) as s:
        (bid,) = [r[0] for r in s.db.execute("SELECT id FROM briefings")]
        stored = s.briefing(bid)
        assert stored["summary"] == printed["summary"]
        for sent in printed["summary"]:
            assert s.article_text(sent["article_id"])[sent["start"]:sent["end"]] == sent["text"]


def test_migrations_from_a_blank_database_in_order(tmp_path):
    with Store(tmp_path / "new.db") as s:
        assert s.applied_migrations() == [name for name, _ in MIGRATIONS]
        assert s.migrate() == []  # nothing left to apply
    raw = sqlite3.connect(tmp_path / "new.db")
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "stories", "story_articles", "briefings", "runs", "migrations"} <= tables


def test_a_half_migrated_store_is_brought_up_to_date(tmp_path):
    db = tmp_path / "old.db"
    raw = sqlite3.connect(db)
    raw.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    name, sql = MIGRATIONS[0]
    raw.executescript(sql)
    raw.execute("INSERT INTO migrations VALUES (?, 'then')", (name,))
    raw.commit()
    raw.close()
    with Store(db) as s:
        assert s.applied_migrations() == [n for n, _ in MIGRATIONS]


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError) as err:
        Store(bad)
    assert "--db" in err.value.message
    res = run("brief", ARTICLES, "--db", str(bad))
    assert res.code == 2 and "notes.db" in res.err


def test_no_store_writes_nothing(tmp_path, monkeypatch):
    res = run("brief", ARTICLES, "--no-store")
    assert res.code == 0
    assert not list((tmp_path / "xdg-data").rglob("*.db"))


def test_default_store_is_in_the_user_data_directory(tmp_path):
    assert run("brief", ARTICLES).code == 0
    assert list((tmp_path / "xdg-data").rglob("tidings.db"))
