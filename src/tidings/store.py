"""The SQLite store: every article and briefing, keyed so that running twice adds nothing twice.

The schema is built by ordered, named migrations, each applied once and recorded
in ``migrations``. Add a migration by appending to ``MIGRATIONS``; never edit one
that has shipped.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .errors import StoreError
from .records import Article, Briefing

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_articles_stories_briefings", """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,            -- content hash of the text as read
            text TEXT NOT NULL,             -- cleaned text; every span indexes into it
            title TEXT, outlet TEXT, byline TEXT, published TEXT, url TEXT,
            origin TEXT NOT NULL, kind TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}', -- furniture, credits, links, notes (JSON)
            added TEXT NOT NULL
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,            -- hash of its article ids
            label TEXT,
            added TEXT NOT NULL
        );
        CREATE TABLE story_articles (
            story_id TEXT NOT NULL REFERENCES stories(id),
            article_id TEXT NOT NULL REFERENCES articles(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (story_id, article_id)
        );
        CREATE TABLE briefings (
            id TEXT PRIMARY KEY,            -- hash of the briefing's content (run time left out)
            story_id TEXT NOT NULL REFERENCES stories(id),
            tidings_version TEXT NOT NULL,
            body TEXT NOT NULL,             -- the JSON briefing
            added TEXT NOT NULL
        );
        CREATE INDEX briefings_story ON briefings(story_id);
    """),
    ("0002_runs", """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started TEXT NOT NULL,
            command TEXT NOT NULL,
            options TEXT NOT NULL,
            tidings_version TEXT NOT NULL,
            briefings TEXT NOT NULL DEFAULT '[]',   -- ids of the briefings this run wrote or met again
            skipped TEXT NOT NULL DEFAULT '[]'      -- the inputs it skipped, with reasons
        );
    """),
]


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("tidings")) / "tidings.db"


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Store:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path).expanduser() if path else default_db_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(str(self.path), f"cannot be used as a tidings store ({exc})",
                             "Give another file with --db, or move this one away") from None
        except OSError as exc:
            raise StoreError(str(self.path), f"cannot be created ({exc.strerror})",
                             "Give a writable path with --db") from None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # --- schema -------------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied, in order; return their names."""
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.db:
                self.db.executescript("BEGIN;" + sql + ";")
                self.db.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
            applied.append(name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    # --- writing ------------------------------------------------------------------

    def add_articles(self, articles: list[Article] | tuple[Article, ...]) -> int:
        """Insert articles not stored yet; return how many were new."""
        before = self.count("articles")
        with self.db:
            self.db.executemany(
                "INSERT OR IGNORE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(a.id, a.text, a.title, a.outlet, a.byline, a.published, a.url, a.origin, a.kind,
                  json.dumps({"furniture": a.furniture, "credits": a.credits, "links": a.links, "notes": a.notes,
                              "teaser_only": a.teaser_only}, ensure_ascii=False), _now())
                 for a in articles])
        return self.count("articles") - before

    def add_briefing(self, briefing: Briefing, body: dict[str, Any]) -> str:
        """Store the story, its articles and the briefing; return the briefing's id."""
        story = briefing.story
        self.add_articles(story.articles)
        stable = {k: v for k, v in body.items() if k != "run"}
        stable["options"] = {k: v for k, v in body["run"]["options"].items() if k in ("words", "focus")}
        stable["tidings_version"] = body["run"]["tidings_version"]
        bid = hashlib.sha256(json.dumps(stable, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO stories VALUES (?,?,?)", (story.id, story.label, _now()))
            self.db.executemany("INSERT OR IGNORE INTO story_articles VALUES (?,?,?)",
                                [(story.id, a.id, i) for i, a in enumerate(story.articles)])
            self.db.execute("INSERT OR IGNORE INTO briefings VALUES (?,?,?,?,?)",
                            (bid, story.id, briefing.run.version, json.dumps(body, ensure_ascii=False), _now()))
        return bid

    def add_run(self, command: str, options: dict[str, Any], version: str, briefing_ids: list[str],
                skipped: list[dict[str, str]]) -> int:
        with self.db:
            cur = self.db.execute(
                "INSERT INTO runs (started, command, options, tidings_version, briefings, skipped) VALUES (?,?,?,?,?,?)",
                (_now(), command, json.dumps(options), version, json.dumps(briefing_ids), json.dumps(skipped)))
        return int(cur.lastrowid or 0)

    # --- reading ------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"articles", "stories", "story_articles", "briefings", "runs"}:
            raise ValueError(table)
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def article_text(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def briefing(self, briefing_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT body FROM briefings WHERE id = ?", (briefing_id,)).fetchone()
        return json.loads(row[0]) if row else None
