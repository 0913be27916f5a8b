import GRDB

/// The cache's schema as a list of GRDB migrations. A migration that has shipped is never edited: changes
/// are new migrations appended at the end, so every older cache upgrades step by step.
///
/// Conventions: dates are `INTEGER` milliseconds since 1970 (exact keyset cursors, see `Date.cacheValue`); booleans are
/// `INTEGER` 0/1; lists (categories, enclosures) are JSON text.
enum CacheSchema {
    /// The identifier of the newest migration, for tests and diagnostics.
    static let latest = "v9-fts-automerge"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core", migrate: v1)
        migrator.registerMigration("v2-search", migrate: v2)
        migrator.registerMigration("v3-word-search", migrate: v3)
        migrator.registerMigration("v4-store-counts", migrate: v4)
        migrator.registerMigration("v5-reader-mode-notes", migrate: v5)
        migrator.registerMigration("v6-comment-fetches", migrate: v6)
        migrator.registerMigration("v7-sync-core", migrate: v7Sync)
        migrator.registerMigration("v8-sync-ui", migrate: v8SyncUI)
        migrator.registerMigration("v8-sync-fast", migrate: v8SyncPurged)
        migrator.registerMigration("v9-fts-automerge", migrate: v9FTSAutomerge)
        return migrator
    }

    /// Feeds, tags, stories and comments, the paging indexes, and triggers that keep the per-feed counters.
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE feeds (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                title_is_custom INTEGER NOT NULL DEFAULT 0,
                site_url TEXT,
                etag TEXT,
                last_modified TEXT,
                last_fetched INTEGER,
                last_error TEXT,
                next_due INTEGER,
                unread_count INTEGER NOT NULL DEFAULT 0,
                total_count INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE feed_tags (
                feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
                tag TEXT NOT NULL,
                PRIMARY KEY (feed_id, tag)
            ) WITHOUT ROWID;
            CREATE INDEX feed_tags_by_tag ON feed_tags(tag, feed_id);

            CREATE TABLE stories (
                id INTEGER PRIMARY KEY,
                feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
                identity TEXT NOT NULL,
                fingerprint INTEGER NOT NULL,
                link TEXT,
                title TEXT NOT NULL,
                author TEXT,
                published INTEGER,
                updated INTEGER,
                sort_date INTEGER NOT NULL,
                first_seen INTEGER NOT NULL,
                summary TEXT,
                content TEXT,
                extracted_text TEXT,
                categories TEXT,
                enclosures TEXT,
                comments_url TEXT,
                replies_feed_url TEXT,
                comment_count INTEGER,
                is_read INTEGER NOT NULL DEFAULT 0,
                is_starred INTEGER NOT NULL DEFAULT 0,
                UNIQUE (feed_id, identity)
            );
            CREATE INDEX stories_by_date ON stories(sort_date, id);
            CREATE INDEX stories_by_feed_date ON stories(feed_id, sort_date, id);
            CREATE INDEX stories_unread_by_date ON stories(sort_date, id) WHERE is_read = 0;
            CREATE INDEX stories_unread_by_feed_date ON stories(feed_id, sort_date, id) WHERE is_read = 0;
            CREATE INDEX stories_starred_by_date ON stories(sort_date, id) WHERE is_starred = 1;

            CREATE TABLE comments (
                id INTEGER PRIMARY KEY,
                story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                remote_id TEXT NOT NULL,
                parent_remote_id TEXT,
                author TEXT,
                date INTEGER,
                score INTEGER,
                body TEXT NOT NULL,
                depth INTEGER NOT NULL DEFAULT 0,
                position INTEGER NOT NULL,
                is_deleted INTEGER NOT NULL DEFAULT 0
            );
            CREATE UNIQUE INDEX comments_by_story ON comments(story_id, position);

            -- Counters kept by the database itself, so no write path can forget them.
            CREATE TRIGGER stories_count_insert AFTER INSERT ON stories BEGIN
                UPDATE feeds SET total_count = total_count + 1,
                                 unread_count = unread_count + (NEW.is_read = 0)
                WHERE id = NEW.feed_id;
            END;
            CREATE TRIGGER stories_count_delete AFTER DELETE ON stories BEGIN
                UPDATE feeds SET total_count = total_count - 1,
                                 unread_count = unread_count - (OLD.is_read = 0)
                WHERE id = OLD.feed_id;
            END;
            CREATE TRIGGER stories_count_read AFTER UPDATE OF is_read ON stories
            WHEN OLD.is_read <> NEW.is_read BEGIN
                UPDATE feeds SET unread_count = unread_count + (CASE WHEN NEW.is_read = 0 THEN 1 ELSE -1 END)
                WHERE id = NEW.feed_id;
            END;
            """)
    }

    /// Full-text search: an FTS5 table with the `trigram` tokenizer over each story's title and plain-text
    /// body (rowid = story id), filled from the stories already stored.
    static func v2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE stories_fts USING fts5(title, body, tokenize = 'trigram');
            CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
                DELETE FROM stories_fts WHERE rowid = OLD.id;
            END;
            """)
        try fillSearchIndex(db)
    }

    /// Search by words instead of trigrams: the same `stories_fts` table, rebuilt with the `unicode61`
    /// tokenizer (accents folded) and `SearchMarkers.separator` as an extra separator, filled with
    /// `SearchText`'s indexed form, where CJK characters are words of their own. A trigram index costs
    /// about three index entries per character and made indexing most of a refresh's cost.
    static func v3(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE stories_fts;
            CREATE VIRTUAL TABLE stories_fts USING fts5(
                title, body, tokenize = "unicode61 remove_diacritics 2 separators '\(SearchMarkers.separator)'"
            );
            """)
        try fillSearchIndex(db)
    }

    /// The per-feed counters of inserted stories move from a row trigger to `NewsCache.store`, which adds
    /// a feed's new stories in one `UPDATE`. A statement that fires a trigger runs in a statement savepoint,
    /// and FTS5 writes its pending index data to disk at every savepoint: with the trigger, each story of a
    /// refresh became a separate index segment to merge (measured: 2.2 s against 0.8 s of SQLite CPU for
    /// 10,000 stories). Deletes and read marks keep their triggers.
    static func v4(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER stories_count_insert")
    }

    /// Reader mode: why a story's page gave no article (the article itself goes in `extracted_text`).
    static func v5(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE stories ADD COLUMN extraction_note TEXT")
    }

    /// Comments fetched from their sources: when each story's thread was last fetched and when the reader
    /// last opened it (`comment_fetches`), and when each comment was first stored (`comments.first_seen`,
    /// carried over when a thread is fetched again) so comments new since the last visit can be marked.
    static func v6(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE comment_fetches (
                story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
                fetched_at INTEGER,
                last_opened INTEGER
            );
            ALTER TABLE comments ADD COLUMN first_seen INTEGER;
            """)
    }

    /// Accounts on aggregator servers: each account's sync point and outcome (`sync_accounts`), which
    /// feeds and stories belong to an account and their ids there, and the queue of marks made on synced
    /// stories not yet sent (`sync_marks`). Every change of a synced story's read or starred flag queues a
    /// mark by trigger, so no write path (reader, `gazette mark`, mark-all) can forget one; the sync engine
    /// removes the marks its own writes of the server's state queue, in the same transaction.
    static func v7Sync(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sync_accounts (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                url TEXT NOT NULL,
                sync_point TEXT,
                last_synced INTEGER,
                last_error TEXT,
                retry_after INTEGER
            );
            ALTER TABLE feeds ADD COLUMN account_id INTEGER REFERENCES sync_accounts(id) ON DELETE CASCADE;
            ALTER TABLE feeds ADD COLUMN remote_id TEXT;
            CREATE UNIQUE INDEX feeds_by_remote_id ON feeds(account_id, remote_id) WHERE account_id IS NOT NULL;
            ALTER TABLE stories ADD COLUMN account_id INTEGER;
            ALTER TABLE stories ADD COLUMN remote_id TEXT;
            CREATE UNIQUE INDEX stories_by_remote_id ON stories(account_id, remote_id) WHERE account_id IS NOT NULL;
            CREATE TABLE sync_marks (
                id INTEGER PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
                remote_id TEXT NOT NULL,
                action TEXT NOT NULL,
                marked_at INTEGER NOT NULL
            );
            CREATE INDEX sync_marks_by_account ON sync_marks(account_id, id);
            CREATE TRIGGER stories_sync_mark_read AFTER UPDATE OF is_read ON stories
            WHEN NEW.account_id IS NOT NULL AND OLD.is_read <> NEW.is_read BEGIN
                INSERT INTO sync_marks (account_id, remote_id, action, marked_at)
                VALUES (NEW.account_id, NEW.remote_id, CASE WHEN NEW.is_read THEN 'read' ELSE 'unread' END,
                        CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
            END;
            CREATE TRIGGER stories_sync_mark_star AFTER UPDATE OF is_starred ON stories
            WHEN NEW.account_id IS NOT NULL AND OLD.is_starred <> NEW.is_starred BEGIN
                INSERT INTO sync_marks (account_id, remote_id, action, marked_at)
                VALUES (NEW.account_id, NEW.remote_id, CASE WHEN NEW.is_starred THEN 'star' ELSE 'unstar' END,
                        CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
            END;
            """)
    }

    /// What the feed list and `gazette feeds` say of an account: the kind of its last failure
    /// (`SyncProblem`, so "unreachable" or "wrong password" need no parsing of the message) and when a sync
    /// was last tried, whatever came of it.
    static func v8SyncUI(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE sync_accounts ADD COLUMN last_problem TEXT;
            ALTER TABLE sync_accounts ADD COLUMN last_attempt INTEGER;
            """)
    }

    /// The server ids of synced stories that retention removed (`sync_purged`), so that a sync does not
    /// fetch and store them again while the server still lists them read (see `NewsCache.purge`).
    static func v8SyncPurged(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sync_purged (
                account_id INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
                remote_id TEXT NOT NULL,
                purged_at INTEGER NOT NULL,
                PRIMARY KEY (account_id, remote_id)
            ) WITHOUT ROWID;
            """)
    }

    /// The search index merges its segments 16 at a time instead of FTS5's 4 (`automerge`, kept in the
    /// table's own configuration): a refresh adds one segment per transaction, and merging every fourth made
    /// FTS5's merges a large part of a cold refresh's writer. Queries read a few more segments; their results
    /// are the same (DECISIONS.md, "The search index merges 16 segments at a time").
    static func v9FTSAutomerge(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO stories_fts(stories_fts, rank) VALUES ('automerge', \(searchAutomerge))")
    }

    /// Segments of one level the search index merges at once (FTS5's `automerge`; its default is 4).
    static let searchAutomerge = 16

    /// Fills the (empty) search table from the stories already stored, as `NewsCache.store` would.
    private static func fillSearchIndex(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, title, summary, content, extracted_text FROM stories
            """)
        let insert = try db.makeStatement(sql: "INSERT INTO stories_fts(rowid, title, body) VALUES (?, ?, ?)")
        while let row = try rows.next() {
            let body = SearchText.body(extracted: row["extracted_text"], content: row["content"],
                                       summary: row["summary"])
            try insert.execute(arguments: [row["id"] as Int64, SearchText.title(row["title"]), body])
        }
    }
}
