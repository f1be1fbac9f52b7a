/*
 * sqlite.c — the store on SQLite: the schema of docs/schema.md with
 * migrations by PRAGMA user_version, WAL journaling (a killed ingest loses
 * only its open transaction), one writer at a time with a bounded wait, and
 * prepared statements for the writes an ingest repeats for every document.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "dyad/text.h"

enum {
	ST_FIND_DOC,
	ST_INSERT_DOC,
	ST_UPDATE_DOC,
	ST_DEL_SENT,
	ST_DEL_MENT,
	ST_DEL_EV,
	ST_DEL_BANDS,
	ST_INSERT_SENT,
	ST_INSERT_MENT,
	ST_INSERT_EV,
	ST_INSERT_BAND,
	ST_FIND_BAND,
	ST_SET_SYND,
	ST_ACTOR,
	ST_ACTOR_NAME,
	ST_COUNT
};

static const char *const sql[ST_COUNT] = {
	[ST_FIND_DOC] = "SELECT id, dyad_version, content_hash FROM documents WHERE doc_id = ?1",
	[ST_INSERT_DOC] = "INSERT INTO documents (doc_id, content_hash, simhash, path, record, url, title, date, time, "
			  "outlet, dateline, language, author, body, dyad_version, furniture) "
			  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
	[ST_UPDATE_DOC] = "UPDATE documents SET content_hash = ?2, simhash = ?3, path = ?4, record = ?5, url = ?6, "
			  "title = ?7, date = ?8, time = ?9, outlet = ?10, dateline = ?11, language = ?12, "
			  "author = ?13, body = ?14, dyad_version = ?15, furniture = ?16, syndicated_of = NULL, "
			  "ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE doc_id = ?1",
	[ST_DEL_SENT] = "DELETE FROM sentences WHERE doc = ?1",
	[ST_DEL_MENT] = "DELETE FROM mentions WHERE doc = ?1",
	[ST_DEL_EV] = "DELETE FROM events WHERE doc = ?1",
	[ST_DEL_BANDS] = "DELETE FROM simhash_bands WHERE doc = ?1",
	[ST_INSERT_SENT] = "INSERT INTO sentences (doc, n, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_INSERT_MENT] = "INSERT INTO mentions (doc, sentence, start, end, kind, code, country, igo, role, person, "
			   "name, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	[ST_INSERT_EV] =
		"INSERT INTO events (doc, n, source, source_country, source_igo, source_role, source_person, "
		"source_name, target, target_country, target_igo, target_role, target_person, target_name, "
		"source_actor, target_actor, cameo, root, cameo_name, quad, goldstein, type, mode, reciprocal, "
		"modality, date, date_source, location, sentence, start, end, evidence, rules, location_country, "
		"location_geonames, location_lat, location_lon) VALUES (?1, ?2, "
		"?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
		"?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37)",
	[ST_INSERT_BAND] = "INSERT OR IGNORE INTO simhash_bands (band, value, doc) VALUES (?1, ?2, ?3)",
	[ST_FIND_BAND] = "SELECT b.doc, d.simhash FROM simhash_bands b JOIN documents d ON d.id = b.doc "
			 "WHERE b.band = ?1 AND b.value = ?2 AND b.doc <> ?3 ORDER BY b.doc LIMIT 64",
	[ST_SET_SYND] = "UPDATE documents SET syndicated_of = ?2 WHERE id = ?1",
	[ST_ACTOR] = "INSERT INTO actors (code, kind, name_en, name_ru) VALUES (?1, ?2, ?3, ?4) "
		     "ON CONFLICT(code) DO UPDATE SET kind = excluded.kind, name_en = coalesce(excluded.name_en, "
		     "name_en), name_ru = coalesce(excluded.name_ru, name_ru)",
	[ST_ACTOR_NAME] = "INSERT OR IGNORE INTO actor_names (folded, name, kind, code, person) "
			  "VALUES (?1, ?2, ?3, coalesce(?4, ''), coalesce(?5, ''))",
};

/* Version 1 of the schema; docs/schema.md explains every column. */
static const char schema_v1[] =
	"CREATE TABLE documents ("
	" id INTEGER PRIMARY KEY,"
	" doc_id TEXT NOT NULL UNIQUE,"
	" content_hash TEXT NOT NULL,"
	" simhash INTEGER NOT NULL,"
	" syndicated_of INTEGER REFERENCES documents(id) ON DELETE SET NULL,"
	" path TEXT, record TEXT, url TEXT, title TEXT, date TEXT, time TEXT, outlet TEXT, dateline TEXT,"
	" language TEXT, author TEXT,"
	" body TEXT NOT NULL,"
	" dyad_version TEXT NOT NULL,"
	" ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
	"CREATE INDEX documents_date ON documents(date);"
	"CREATE TABLE simhash_bands ("
	" band INTEGER NOT NULL, value INTEGER NOT NULL,"
	" doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	" PRIMARY KEY (band, value, doc)) WITHOUT ROWID;"
	"CREATE INDEX simhash_bands_doc ON simhash_bands(doc);"
	"CREATE TABLE sentences ("
	" id INTEGER PRIMARY KEY,"
	" doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	" n INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,"
	" UNIQUE (doc, n));"
	"CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id',"
	" tokenize='dyad');"
	"CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN"
	" INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END;"
	"CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN"
	" INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); END;"
	"CREATE TABLE mentions ("
	" id INTEGER PRIMARY KEY,"
	" doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	" sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
	" kind TEXT NOT NULL, code TEXT, country TEXT, igo TEXT, role TEXT, person TEXT, name TEXT, text TEXT NOT "
	"NULL);"
	"CREATE INDEX mentions_doc ON mentions(doc);"
	"CREATE INDEX mentions_code ON mentions(code);"
	"CREATE INDEX mentions_person ON mentions(person);"
	"CREATE TABLE events ("
	" id INTEGER PRIMARY KEY,"
	" doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	" n INTEGER NOT NULL,"
	" source TEXT, source_country TEXT, source_igo TEXT, source_role TEXT, source_person TEXT, source_name TEXT,"
	" target TEXT, target_country TEXT, target_igo TEXT, target_role TEXT, target_person TEXT, target_name TEXT,"
	" source_actor TEXT NOT NULL, target_actor TEXT NOT NULL,"
	" cameo TEXT NOT NULL, root TEXT NOT NULL, cameo_name TEXT, quad INTEGER, goldstein REAL, type TEXT,"
	" mode TEXT, reciprocal INTEGER NOT NULL DEFAULT 0, modality TEXT NOT NULL, date TEXT, date_source TEXT,"
	" location TEXT, sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
	" evidence TEXT NOT NULL, rules TEXT,"
	" UNIQUE (doc, n));"
	"CREATE INDEX events_dyad ON events(source_actor, target_actor, date);"
	"CREATE INDEX events_target ON events(target_actor, date);"
	"CREATE INDEX events_date ON events(date);"
	"CREATE TABLE actors (code TEXT PRIMARY KEY, kind TEXT, name_en TEXT, name_ru TEXT);"
	"CREATE VIEW event_clusters AS"
	" SELECT e.source_actor, e.target_actor, e.root, e.date, min(e.id) AS first_event,"
	"  count(*) AS num_mentions,"
	"  count(DISTINCT coalesce(d.outlet, d.id)) AS num_sources,"
	"  count(DISTINCT coalesce(d.syndicated_of, d.id)) AS num_articles"
	" FROM events e JOIN documents d ON d.id = e.doc"
	" GROUP BY e.source_actor, e.target_actor, e.root, e.date;";

/*
 * Version 2: the furniture lines each document lost in cleaning, as a JSON
 * array; every name of the lexicon's countries, organisations and people,
 * folded, so queries find "Белоруссия", "Kirghizia" or "Tokayev".
 */
static const char schema_v2[] = "ALTER TABLE documents ADD COLUMN furniture TEXT;"
				"CREATE TABLE actor_names ("
				" folded TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,"
				" code TEXT NOT NULL DEFAULT '', person TEXT NOT NULL DEFAULT '',"
				" UNIQUE (folded, kind, code, person));";

/*
 * Version 3: sentences reach the full-text index once per batch (one
 * INSERT ... SELECT at commit, see fts_sync) instead of by a trigger per
 * row: FTS5 flushes its pending terms at every statement's savepoint, which
 * made the trigger cost a third of an ingest. Deletions keep their trigger.
 */
static const char schema_v3[] =
	"DROP TRIGGER sentences_ai;"
	"CREATE TABLE fts_state (indexed_upto INTEGER NOT NULL);"
	"INSERT INTO fts_state SELECT coalesce(max(id), 0) FROM sentences;"
	"CREATE INDEX events_source_person ON events(source_person) WHERE source_person IS NOT NULL;"
	"CREATE INDEX events_target_person ON events(target_person) WHERE target_person IS NOT NULL;"
	/* an actor's profile: the people of other sides it met */
	"CREATE INDEX events_source_met ON events(source_actor, target_person) WHERE target_person IS NOT NULL;"
	"CREATE INDEX events_target_met ON events(target_actor, source_person) WHERE source_person IS NOT NULL;"
	/* per dyad, day ('' when undated) and QuadClass: what timelines, profiles and networks add up,
	   kept by triggers */
	"CREATE TABLE dyad_days ("
	" source_actor TEXT NOT NULL, target_actor TEXT NOT NULL, date TEXT NOT NULL, quad INTEGER NOT NULL,"
	" events INTEGER NOT NULL, goldstein_sum REAL NOT NULL, goldstein_n INTEGER NOT NULL,"
	" PRIMARY KEY (source_actor, target_actor, date, quad)) WITHOUT ROWID;"
	"CREATE INDEX dyad_days_target ON dyad_days(target_actor, source_actor);"
	"INSERT INTO dyad_days SELECT source_actor, target_actor, coalesce(date, ''), coalesce(quad, 0), count(*),"
	" coalesce(sum(goldstein), 0), count(goldstein) FROM events"
	" GROUP BY source_actor, target_actor, coalesce(date, ''), coalesce(quad, 0);"
	"CREATE TRIGGER events_days_ai AFTER INSERT ON events BEGIN"
	" INSERT INTO dyad_days VALUES (new.source_actor, new.target_actor, coalesce(new.date, ''), coalesce(new.quad, "
	"0), 1,"
	"  coalesce(new.goldstein, 0), new.goldstein IS NOT NULL)"
	" ON CONFLICT DO UPDATE SET events = events + 1, goldstein_sum = goldstein_sum + excluded.goldstein_sum,"
	"  goldstein_n = goldstein_n + excluded.goldstein_n; END;"
	"CREATE TRIGGER events_days_ad AFTER DELETE ON events BEGIN"
	" UPDATE dyad_days SET events = events - 1, goldstein_sum = goldstein_sum - coalesce(old.goldstein, 0),"
	"  goldstein_n = goldstein_n - (old.goldstein IS NOT NULL)"
	"  WHERE source_actor = old.source_actor AND target_actor = old.target_actor AND date = coalesce(old.date, '')"
	"  AND quad = coalesce(old.quad, 0);"
	" DELETE FROM dyad_days WHERE source_actor = old.source_actor AND target_actor = old.target_actor"
	"  AND date = coalesce(old.date, '') AND quad = coalesce(old.quad, 0) AND events <= 0; END;";

/*
 * Version 4: the same sums per month ('' when undated), so a timeline by
 * month or year, a profile or the network reads a few hundred rows per dyad
 * however many events it has.
 */
static const char schema_v4[] =
	"CREATE TABLE dyad_months ("
	" source_actor TEXT NOT NULL, target_actor TEXT NOT NULL, month TEXT NOT NULL, quad INTEGER NOT NULL,"
	" events INTEGER NOT NULL, goldstein_sum REAL NOT NULL, goldstein_n INTEGER NOT NULL,"
	" PRIMARY KEY (source_actor, target_actor, month, quad)) WITHOUT ROWID;"
	"CREATE INDEX dyad_months_target ON dyad_months(target_actor, source_actor);"
	"INSERT INTO dyad_months SELECT source_actor, target_actor, substr(date, 1, 7), quad, sum(events),"
	" sum(goldstein_sum), sum(goldstein_n) FROM dyad_days"
	" GROUP BY source_actor, target_actor, substr(date, 1, 7), quad;"
	"CREATE TRIGGER events_months_ai AFTER INSERT ON events BEGIN"
	" INSERT INTO dyad_months VALUES (new.source_actor, new.target_actor, substr(coalesce(new.date, ''), 1, 7),"
	"  coalesce(new.quad, 0), 1, coalesce(new.goldstein, 0), new.goldstein IS NOT NULL)"
	" ON CONFLICT DO UPDATE SET events = events + 1, goldstein_sum = goldstein_sum + excluded.goldstein_sum,"
	"  goldstein_n = goldstein_n + excluded.goldstein_n; END;"
	"CREATE TRIGGER events_months_ad AFTER DELETE ON events BEGIN"
	" UPDATE dyad_months SET events = events - 1, goldstein_sum = goldstein_sum - coalesce(old.goldstein, 0),"
	"  goldstein_n = goldstein_n - (old.goldstein IS NOT NULL)"
	"  WHERE source_actor = old.source_actor AND target_actor = old.target_actor"
	"  AND month = substr(coalesce(old.date, ''), 1, 7) AND quad = coalesce(old.quad, 0);"
	" DELETE FROM dyad_months WHERE source_actor = old.source_actor AND target_actor = old.target_actor"
	"  AND month = substr(coalesce(old.date, ''), 1, 7) AND quad = coalesce(old.quad, 0) AND events <= 0; END;";

/* Version 5: indexes that let `dyad stats` count from indexes instead of rows. */
static const char schema_v5[] =
	"CREATE INDEX documents_language ON documents(language);"
	"CREATE INDEX documents_outlet ON documents(outlet);"
	"CREATE INDEX documents_syndicated ON documents(syndicated_of) WHERE syndicated_of IS NOT NULL;"
	"CREATE INDEX events_type ON events(type);";

/*
 * Version 6: each actor's number of events (either side), kept by triggers,
 * so the busiest actors and a type-ahead's counts are a lookup, not a scan.
 */
static const char schema_v6[] =
	"CREATE TABLE actor_events (actor TEXT PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID;"
	"INSERT INTO actor_events SELECT actor, sum(n) FROM (SELECT source_actor AS actor, count(*) AS n FROM events"
	" GROUP BY source_actor UNION ALL SELECT target_actor, count(*) FROM events GROUP BY target_actor)"
	" GROUP BY actor;"
	"CREATE TRIGGER events_actors_ai AFTER INSERT ON events BEGIN"
	" INSERT INTO actor_events VALUES (new.source_actor, 1) ON CONFLICT DO UPDATE SET events = events + 1;"
	" INSERT INTO actor_events VALUES (new.target_actor, 1) ON CONFLICT DO UPDATE SET events = events + 1; END;"
	"CREATE TRIGGER events_actors_ad AFTER DELETE ON events BEGIN"
	" UPDATE actor_events SET events = events - 1 WHERE actor IN (old.source_actor, old.target_actor);"
	" UPDATE actor_events SET events = events - 1 WHERE actor = old.source_actor AND old.source_actor = "
	"old.target_actor;"
	" DELETE FROM actor_events WHERE actor IN (old.source_actor, old.target_actor) AND events <= 0; END;";

/*
 * Version 7: an event reported by several documents (syndicated copies, or
 * outlets telling of the same act) is one event with mentions, as GDELT
 * counts them. Two event rows are the same event when they agree on both
 * sides (side, full code and person), the CAMEO code and the day; the first
 * row (lowest id) is the event, every later one has `mention_of` set to it.
 * dyad_days, dyad_months and actor_events count events once (`events`, their
 * Goldstein sums) and every row (`mentions`). Triggers keep it so: the first
 * row of a key deleted hands its place to the next one.
 */
#define SAME_EVENT(x, y)                                                                                               \
	" " x ".source_actor = " y ".source_actor AND " x ".target_actor = " y ".target_actor AND " x ".cameo = " y    \
	".cameo AND " x ".date IS " y ".date AND " x ".source IS " y ".source AND " x ".target IS " y ".target AND " x \
	".source_person IS " y ".source_person AND " x ".target_person IS " y ".target_person "
/* the sums of one row, counted as an event when `first` (0 or 1) */
#define SUMS(first, r) first ", " first " * coalesce(" r ".goldstein, 0), " first " * (" r ".goldstein IS NOT NULL), 1"
/* the trigger's first statement has set new.mention_of: reading it back is one lookup by id */
#define FIRST_NEW "(SELECT mention_of IS NULL FROM events WHERE id = new.id)"
#define LAST_OLD "(NOT EXISTS (SELECT 1 FROM events x WHERE" SAME_EVENT("x", "old") "))"
#define ADD_SUMS                                                                                        \
	" ON CONFLICT DO UPDATE SET events = events + excluded.events, goldstein_sum = goldstein_sum +" \
	" excluded.goldstein_sum, goldstein_n = goldstein_n + excluded.goldstein_n, mentions = mentions + 1;"
#define SUB_SUMS                                                                                                 \
	" SET events = events - " LAST_OLD ", goldstein_sum = goldstein_sum - " LAST_OLD                         \
	" * coalesce(old.goldstein, 0), goldstein_n = goldstein_n - " LAST_OLD " * (old.goldstein IS NOT NULL)," \
	" mentions = mentions - 1"
/* the statements of the insert and delete triggers on events (version 7; version 9 adds to them) */
#define EVENTS_AI_V7                                                                                                 \
	" UPDATE events SET mention_of = (SELECT min(x.id) FROM events x WHERE" SAME_EVENT(                          \
		"x",                                                                                                 \
		"new") "  AND x.id <> new.id) WHERE id = new.id AND EXISTS (SELECT 1 FROM events x "                 \
		       "WHERE" SAME_EVENT(                                                                           \
			       "x",                                                                                  \
			       "new") "  AND x.id <> new.id);"                                                       \
				      " INSERT INTO dyad_days (source_actor, target_actor, date, "                   \
				      "quad, events, goldstein_sum, goldstein_n, mentions)"                          \
				      "  VALUES (new.source_actor, new.target_actor, "                               \
				      "coalesce(new.date, ''), coalesce(new.quad, 0), " SUMS(                        \
					      FIRST_NEW,                                                             \
					      "new") ")" ADD_SUMS " INSERT INTO dyad_months (source_actor, "         \
						     "target_actor, month, quad, events, "                           \
						     "goldstein_sum, goldstein_n, mentions)"                         \
						     "  VALUES (new.source_actor, new.target_actor, "                \
						     "substr(coalesce(new.date, ''), 1, 7), "                        \
						     "coalesce(new.quad, 0), " SUMS(                                 \
							     FIRST_NEW,                                              \
							     "new") ")" ADD_SUMS                                     \
								    " INSERT INTO actor_events (actor, events, "     \
								    "mentions) VALUES (new.source_actor, " FIRST_NEW \
								    ", 1)"                                           \
								    "  ON CONFLICT DO UPDATE SET events = events + " \
								    "excluded.events, mentions = mentions + 1;"      \
								    " INSERT INTO actor_events (actor, events, "     \
								    "mentions) VALUES (new.target_actor, " FIRST_NEW \
								    ", 1)"                                           \
								    "  ON CONFLICT DO UPDATE SET events = events + " \
								    "excluded.events, mentions = mentions + 1;"
#define EVENTS_AD_V7                                                                                                   \
	/* the first row of its key gone: the next one becomes the event */                                            \
	" UPDATE events SET mention_of = nullif((SELECT min(x.id) FROM events x WHERE" SAME_EVENT(                     \
		"x", "old") "), id)"                                                                                   \
			    "  WHERE old.mention_of IS NULL AND mention_of = old.id;"                                  \
			    " UPDATE dyad_days" SUB_SUMS                                                               \
			    " WHERE source_actor = old.source_actor AND target_actor = old.target_actor"               \
			    "  AND date = coalesce(old.date, '') AND quad = coalesce(old.quad, 0);"                    \
			    " DELETE FROM dyad_days WHERE source_actor = old.source_actor AND target_actor = "         \
			    "old.target_actor"                                                                         \
			    "  AND date = coalesce(old.date, '') AND quad = coalesce(old.quad, 0) AND mentions <= 0;"  \
			    " UPDATE dyad_months" SUB_SUMS                                                             \
			    " WHERE source_actor = old.source_actor AND target_actor = old.target_actor"               \
			    "  AND month = substr(coalesce(old.date, ''), 1, 7) AND quad = coalesce(old.quad, 0);"     \
			    " DELETE FROM dyad_months WHERE source_actor = old.source_actor AND target_actor = "       \
			    "old.target_actor"                                                                         \
			    "  AND month = substr(coalesce(old.date, ''), 1, 7) AND quad = coalesce(old.quad, 0) AND " \
			    "mentions <= 0;"                                                                           \
			    " UPDATE actor_events SET events = events - " LAST_OLD ", mentions = mentions - 1"         \
			    "  WHERE actor IN (old.source_actor, old.target_actor);"                                   \
			    " UPDATE actor_events SET events = events - " LAST_OLD ", mentions = mentions - 1"         \
			    "  WHERE actor = old.source_actor AND old.source_actor = old.target_actor;"                \
			    " DELETE FROM actor_events WHERE actor IN (old.source_actor, old.target_actor) AND "       \
			    "mentions <= 0;"
static const char schema_v7[] =
	"ALTER TABLE events ADD COLUMN mention_of INTEGER;"
	"CREATE INDEX events_same ON events(source_actor, target_actor, cameo, date);"
	"CREATE INDEX events_mention_of ON events(mention_of) WHERE mention_of IS NOT NULL;"
	/* events by type counted from the index alone, the further reports apart */
	"DROP INDEX events_type; CREATE INDEX events_type ON events(type, mention_of);"
	/* a person's names, to show them in the language asked for */
	"CREATE INDEX actor_names_person ON actor_names(person) WHERE person <> '';"
	"UPDATE events SET mention_of = (SELECT min(x.id) FROM events x WHERE" SAME_EVENT(
		"x",
		"events") " AND x.id < events.id);"
			  "DROP TRIGGER events_days_ai; DROP TRIGGER events_days_ad; DROP TRIGGER events_months_ai;"
			  "DROP TRIGGER events_months_ad; DROP TRIGGER events_actors_ai; DROP TRIGGER events_actors_ad;"
			  "ALTER TABLE dyad_days ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;"
			  "ALTER TABLE dyad_months ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;"
			  "ALTER TABLE actor_events ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;"
			  "DELETE FROM dyad_days; DELETE FROM dyad_months; DELETE FROM actor_events;"
			  "INSERT INTO dyad_days (source_actor, target_actor, date, quad, events, goldstein_sum, "
			  "goldstein_n, mentions)"
			  " SELECT source_actor, target_actor, coalesce(date, ''), coalesce(quad, 0), sum(mention_of "
			  "IS NULL),"
			  " coalesce(sum(CASE WHEN mention_of IS NULL THEN goldstein END), 0),"
			  " sum(mention_of IS NULL AND goldstein IS NOT NULL), count(*) FROM events"
			  " GROUP BY source_actor, target_actor, coalesce(date, ''), coalesce(quad, 0);"
			  "INSERT INTO dyad_months (source_actor, target_actor, month, quad, events, goldstein_sum, "
			  "goldstein_n, mentions)"
			  " SELECT source_actor, target_actor, substr(date, 1, 7), quad, sum(events), "
			  "sum(goldstein_sum),"
			  " sum(goldstein_n), sum(mentions) FROM dyad_days GROUP BY source_actor, target_actor, "
			  "substr(date, 1, 7), quad;"
			  "INSERT INTO actor_events (actor, events, mentions) SELECT actor, sum(n), sum(m) FROM"
			  " (SELECT source_actor AS actor, sum(mention_of IS NULL) AS n, count(*) AS m FROM events "
			  "GROUP BY source_actor"
			  " UNION ALL SELECT target_actor, sum(mention_of IS NULL), count(*) FROM events GROUP BY "
			  "target_actor)"
			  " GROUP BY actor;"
			  "CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN" EVENTS_AI_V7 " END;"
			  "CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN" EVENTS_AD_V7 " END;"
			  "DROP VIEW event_clusters;"
			  "CREATE VIEW event_clusters AS"
			  " SELECT e.id AS event, e.source_actor, e.target_actor, e.source, e.target, e.source_person, "
			  "e.target_person,"
			  "  e.cameo, e.root, e.date, 1 + (SELECT count(*) FROM events m WHERE m.mention_of = e.id) AS "
			  "num_mentions,"
			  "  (SELECT count(DISTINCT coalesce(d.outlet, d.syndicated_of, d.id)) FROM events m JOIN "
			  "documents d ON d.id = m.doc"
			  "   WHERE m.id = e.id OR m.mention_of = e.id) AS num_sources,"
			  "  (SELECT count(DISTINCT coalesce(d.syndicated_of, d.id)) FROM events m JOIN documents d ON "
			  "d.id = m.doc"
			  "   WHERE m.id = e.id OR m.mention_of = e.id) AS num_articles"
			  " FROM events e WHERE e.mention_of IS NULL;";

/* Version 8: where events happened, from the gazetteer (docs/schema.md). */
static const char schema_v8[] = "ALTER TABLE events ADD COLUMN location_country TEXT;"
				"ALTER TABLE events ADD COLUMN location_geonames INTEGER;"
				"ALTER TABLE events ADD COLUMN location_lat REAL;"
				"ALTER TABLE events ADD COLUMN location_lon REAL;";

/*
 * Version 9: what filtered views read instead of the events. dyad_facets
 * sums per dyad, month ('' when undated), QuadClass, CAMEO code, PLOVER
 * type and the reporting document's language and outlet ('' when unknown):
 * `events` counts the rows that are the event (mention_of IS NULL) and their
 * Goldstein sums, `mentions` every row, so a timeline by type, code,
 * QuadClass, language or outlet adds up a few thousand rows for the
 * busiest dyad. The triggers of version 7 keep it too (a deleted event row
 * hands its count to the next row of its event, which may sit in another
 * language or outlet). Indexes give the events of an actor, a type or a
 * CAMEO root newest first, and the dyad's further reports on their own.
 */
/* the facet of row r: its dyad, month, QuadClass, code, type and its document's language and outlet */
#define FACET_OF(r)                                                                                                \
	r ".source_actor, " r ".target_actor, substr(coalesce(" r ".date, ''), 1, 7), coalesce(" r ".quad, 0), " r \
	  ".cameo, coalesce(" r ".type, ''), coalesce((SELECT language FROM documents WHERE id = " r ".doc), '')," \
	  " coalesce((SELECT outlet FROM documents WHERE id = " r ".doc), '')"
#define FACET_COLS                                                                                                    \
	"source_actor, target_actor, month, quad, cameo, type, language, outlet, events, goldstein_sum, goldstein_n," \
	" mentions"
#define FACET_ADD                                                                                          \
	" ON CONFLICT DO UPDATE SET events = events + excluded.events, goldstein_sum = goldstein_sum +"    \
	" excluded.goldstein_sum, goldstein_n = goldstein_n + excluded.goldstein_n, mentions = mentions +" \
	" excluded.mentions;"
#define FACET_IS_OLD " (source_actor, target_actor, month, quad, cameo, type, language, outlet) = (" FACET_OF("old") ")"
/* the sums of a document's events e (sign "-" to take them away) in the facets of its language and outlet as in d */
#define FACET_MOVE(d, sign)                                                                                 \
	"e.source_actor, e.target_actor, substr(coalesce(e.date, ''), 1, 7), coalesce(e.quad, 0), e.cameo," \
	" coalesce(e.type, ''), coalesce(" d ".language, ''), coalesce(" d ".outlet, ''), " sign            \
	"sum(e.mention_of IS NULL),"                                                                        \
	" " sign "coalesce(sum(CASE WHEN e.mention_of IS NULL THEN e.goldstein END), 0), " sign             \
	"sum(e.mention_of IS NULL AND e.goldstein IS NOT NULL), " sign "count(*)"
static const char schema_v9[] =
	"CREATE TABLE dyad_facets ("
	" source_actor TEXT NOT NULL, target_actor TEXT NOT NULL, month TEXT NOT NULL, quad INTEGER NOT NULL,"
	" cameo TEXT NOT NULL, type TEXT NOT NULL, language TEXT NOT NULL, outlet TEXT NOT NULL,"
	" events INTEGER NOT NULL, goldstein_sum REAL NOT NULL, goldstein_n INTEGER NOT NULL, mentions INTEGER NOT "
	"NULL,"
	" PRIMARY KEY (source_actor, target_actor, month, quad, cameo, type, language, outlet)) WITHOUT ROWID;"
	"INSERT INTO dyad_facets (" FACET_COLS ")"
	" SELECT e.source_actor, e.target_actor, substr(coalesce(e.date, ''), 1, 7), coalesce(e.quad, 0), e.cameo,"
	" coalesce(e.type, ''), coalesce(d.language, ''), coalesce(d.outlet, ''), sum(e.mention_of IS NULL),"
	" coalesce(sum(CASE WHEN e.mention_of IS NULL THEN e.goldstein END), 0),"
	" sum(e.mention_of IS NULL AND e.goldstein IS NOT NULL), count(*)"
	" FROM events e JOIN documents d ON d.id = e.doc GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;"
	"DROP TRIGGER events_ai; DROP TRIGGER events_ad;"
	"CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN" EVENTS_AI_V7 " INSERT INTO dyad_facets (" FACET_COLS
	") VALUES (" FACET_OF("new") ", " SUMS(
		FIRST_NEW,
		"new") ")" FACET_ADD " END;"
		       "CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN" EVENTS_AD_V7
		       " UPDATE dyad_facets SET events = events - (old.mention_of IS NULL), goldstein_sum = "
		       "goldstein_sum -"
		       "  (old.mention_of IS NULL) * coalesce(old.goldstein, 0), goldstein_n = goldstein_n -"
		       "  (old.mention_of IS NULL AND old.goldstein IS NOT NULL), mentions = mentions - 1 "
		       "WHERE" FACET_IS_OLD ";"
		       " DELETE FROM dyad_facets WHERE" FACET_IS_OLD " AND mentions <= 0;"
		       /* the event's first row gone: the next row of the event (its facet may differ) counts it */
		       " INSERT INTO dyad_facets (" FACET_COLS ") SELECT " FACET_OF(
			       "n") ", 1, coalesce(n.goldstein, 0),"
				    "  n.goldstein IS NOT NULL, 0 FROM events n WHERE old.mention_of IS NULL"
				    "  AND n.id = (SELECT min(x.id) FROM events x WHERE" SAME_EVENT(
					    "x",
					    "old") ")" FACET_ADD " END;"
						   /* a document's events go before it, while the triggers can still read its language and outlet */
						   "CREATE TRIGGER documents_bd BEFORE DELETE ON documents BEGIN "
						   "DELETE FROM events WHERE doc = old.id; END;"
						   /* a document whose language or outlet changes moves its events' sums to their new facets */
						   "CREATE TRIGGER documents_au AFTER UPDATE OF language, outlet ON "
						   "documents"
						   " WHEN old.language IS NOT new.language OR old.outlet IS NOT "
						   "new.outlet BEGIN"
						   " INSERT INTO dyad_facets (" FACET_COLS ") SELECT " FACET_MOVE(
							   "old",
							   "-") " FROM events e WHERE e.doc = new.id"
								"  GROUP BY 1, 2, 3, 4, 5, 6" FACET_ADD
								" INSERT INTO dyad_facets (" FACET_COLS
								") SELECT " FACET_MOVE(
									"new",
									"") " FROM events e WHERE e.doc = new.id"
									    "  GROUP BY 1, 2, 3, 4, 5, 6" FACET_ADD
									    " DELETE FROM dyad_facets WHERE mentions "
									    "<= 0 AND (source_actor, target_actor, "
									    "month, quad, cameo, type, language,"
									    "  outlet) IN (SELECT e.source_actor, "
									    "e.target_actor, substr(coalesce(e.date, "
									    "''), 1, 7), coalesce(e.quad, 0),"
									    "  e.cameo, coalesce(e.type, ''), "
									    "coalesce(old.language, ''), "
									    "coalesce(old.outlet, '') FROM events e"
									    "  WHERE e.doc = new.id); END;"
									    /* an actor's events newest first (the target side has events_target) */
									    "CREATE INDEX events_source ON "
									    "events(source_actor, date);"
									    /* a type's or a CAMEO root's events newest first */
									    "CREATE INDEX events_type_date ON "
									    "events(type, date);"
									    "CREATE INDEX events_root ON events(root, "
									    "date);"
									    /* a dyad's further reports, which a filter
									       by language or outlet may count as the event */
									    "CREATE INDEX events_dyad_mentions ON "
									    "events(source_actor, target_actor, "
									    "mention_of) WHERE mention_of IS NOT NULL;";

/* Migrations in order: migrations[v] takes a store from version v to v + 1. */
static const char *const migrations[] = { schema_v1, schema_v2, schema_v3, schema_v4, schema_v5,
					  schema_v6, schema_v7, schema_v8, schema_v9 };
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof *migrations))

typedef struct {
	dyad_store base; /* first: the engine's handle is this one's */
	sqlite3 *db;
	sqlite3_stmt *st[ST_COUNT];
} sqlite_store;

int dyad_store_schema_version(void)
{
	return SCHEMA_VERSION;
}

static int fail(sqlite_store *s, const char *what)
{
	int code = sqlite3_extended_errcode(s->db);

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED || (code & 0xff) == SQLITE_BUSY)
		snprintf(s->base.err, sizeof s->base.err, "%s: the database is busy: another dyad is writing to it",
			 what);
	else
		snprintf(s->base.err, sizeof s->base.err, "%s: %s", what, sqlite3_errmsg(s->db));
	return DYAD_EDB;
}

static int exec(sqlite_store *s, const char *q, const char *what)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, q, NULL, NULL, &msg) != SQLITE_OK) {
		int code = sqlite3_extended_errcode(s->db);
		if ((code & 0xff) == SQLITE_BUSY)
			snprintf(s->base.err, sizeof s->base.err,
				 "%s: the database is busy: another dyad is writing to it", what);
		else
			snprintf(s->base.err, sizeof s->base.err, "%s: %s", what, msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return DYAD_EDB;
	}
	return 0;
}

static int migrate(sqlite_store *s, int readonly)
{
	sqlite3_stmt *st;
	int version = 0, v, tables = 0, rc;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return fail(s, "reading the schema version");
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version == 0) {
		tables = -1;
		if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) == SQLITE_OK) {
			if (sqlite3_step(st) == SQLITE_ROW)
				tables = sqlite3_column_int(st, 0);
			sqlite3_finalize(st);
		}
		if (tables < 0) {
			/* a file cut short (a copy stopped half-way) reads as damaged, not as foreign */
			snprintf(s->base.err, sizeof s->base.err, "%s (%s): dyad leaves it alone",
				 sqlite3_errcode(s->db) == SQLITE_CORRUPT
					 ? "a damaged SQLite database, cut short or overwritten"
					 : "not an SQLite database",
				 sqlite3_errmsg(s->db));
			return DYAD_EDB;
		}
	}
	if ((rc = dyad_store_schema_plan(&s->base, version, SCHEMA_VERSION, tables, readonly, "an SQLite database")) <= 0)
		return rc;
	if (exec(s, "BEGIN IMMEDIATE", "migrating the schema") < 0)
		return DYAD_EDB;
	for (v = version; v < SCHEMA_VERSION; v++) {
		char q[64];
		if (exec(s, migrations[v], "migrating the schema") < 0)
			goto undo;
		snprintf(q, sizeof q, "PRAGMA user_version = %d", v + 1);
		if (exec(s, q, "migrating the schema") < 0)
			goto undo;
	}
	return exec(s, "COMMIT", "migrating the schema");
undo:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return DYAD_EDB;
}

/* 1 when `path` is missing, empty, or begins with SQLite's header; 0 for any other file. */
static int is_sqlite_or_absent(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		return 1;
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	return n == 0 || (n == sizeof head && memcmp(head, magic, sizeof magic) == 0);
}

static int sq_open(dyad_store **out, const char *path, int flags, int wait_ms, dyad_errbuf *e)
{
	sqlite_store *s = dyad_xcalloc(1, sizeof *s);
	int oflags = (flags & DYAD_STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	int rc;

	*out = NULL;
	if (!is_sqlite_or_absent(path)) {
		/* SQLite would take a short file for an empty database and write over it */
		dyad_errf(e, DYAD_EDB, "%s: not an SQLite database: dyad leaves it alone", path);
		free(s);
		return DYAD_EDB;
	}
	if (!(flags & DYAD_STORE_READONLY) && (flags & DYAD_STORE_CREATE))
		oflags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		dyad_errf(e, DYAD_EDB, "%s: cannot open the database: %s", path,
			  s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(s->db, wait_ms);
	sqlite3_extended_result_codes(s->db, 1);
	if (store_register_tokenizer(s->db) != SQLITE_OK) {
		dyad_errf(e, DYAD_EDB, "%s: this SQLite has no FTS5", path);
		goto fail;
	}
	if (exec(s, "PRAGMA foreign_keys = ON", "opening") < 0) {
		dyad_errf(e, DYAD_EDB, "%s: %s", path, s->base.err);
		goto fail;
	}
	/* the schema first: a file dyad did not make is refused before anything in it changes */
	if ((rc = migrate(s, flags & DYAD_STORE_READONLY)) < 0) {
		dyad_errf(e, rc, "%s: %s", path, s->base.err);
		goto fail;
	}
	/*
	 * A writer's batch touches pages of a dozen indexes across the file: a page cache of 64 MB
	 * (SQLite's default is 2 MB) keeps them instead of spilling them to the WAL and reading them
	 * back, and statement journals in memory save a temporary file's writes per statement.
	 * Readers get 16 MB each.
	 */
	if (!(flags & DYAD_STORE_READONLY) && (exec(s, "PRAGMA journal_mode = WAL", "opening") < 0 ||
					       exec(s, "PRAGMA synchronous = NORMAL", "opening") < 0 ||
					       exec(s, "PRAGMA cache_size = -65536", "opening") < 0 ||
					       exec(s, "PRAGMA temp_store = MEMORY", "opening") < 0)) {
		dyad_errf(e, DYAD_EDB, "%s: %s", path, s->base.err);
		goto fail;
	}
	if ((flags & DYAD_STORE_READONLY) && exec(s, "PRAGMA cache_size = -16384", "opening") < 0) {
		dyad_errf(e, DYAD_EDB, "%s: %s", path, s->base.err);
		goto fail;
	}
	s->base.engine = &dyad_store_sqlite;
	*out = &s->base;
	return 0;
fail:
	sqlite3_close(s->db);
	free(s);
	return DYAD_EDB;
}

static void sq_close(dyad_store *ds)
{
	sqlite_store *s = (sqlite_store *)ds;
	size_t i;

	if (s == NULL)
		return;
	if (s->base.in_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	free(s);
}

sqlite3 *store_sqlite_db(dyad_store *s)
{
	return ((sqlite_store *)s)->db;
}

/*
 * Index the sentences added since the last sync: every row above
 * fts_state.indexed_upto. Runs before a commit and before sentences are
 * deleted (the delete trigger must only ever remove indexed rows).
 */
static int fts_sync(sqlite_store *s)
{
	return exec(s,
		    "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences"
		    " WHERE id > (SELECT indexed_upto FROM fts_state) ORDER BY id;"
		    "UPDATE fts_state SET indexed_upto = (SELECT coalesce(max(id), 0) FROM sentences);",
		    "indexing sentences");
}

static int sq_begin(dyad_store *ds)
{
	return exec((sqlite_store *)ds, "BEGIN IMMEDIATE", "starting a transaction");
}

static int sq_commit(dyad_store *ds)
{
	sqlite_store *s = (sqlite_store *)ds;
	if (fts_sync(s) < 0 || exec(s, "COMMIT", "committing") < 0)
		return DYAD_EDB;
	return 0;
}

static void sq_rollback(dyad_store *ds)
{
	sqlite3_exec(((sqlite_store *)ds)->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The prepared statement `i`, reset and unbound; NULL with the error on the handle. */
static sqlite3_stmt *stmt(sqlite_store *s, int i)
{
	if (s->st[i] == NULL &&
	    sqlite3_prepare_v3(s->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK) {
		fail(s, "preparing a statement");
		return NULL;
	}
	sqlite3_reset(s->st[i]);
	sqlite3_clear_bindings(s->st[i]);
	return s->st[i];
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_str(sqlite3_stmt *st, int i, dyad_str v)
{
	sqlite3_bind_text(st, i, v.p ? v.p : "", (int)v.n, SQLITE_STATIC);
}

static int run(sqlite_store *s, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return fail(s, what);
	return 0;
}

static int popcount64(uint64_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Link `row` to an earlier document whose fingerprint differs in at most 3 bits. */
static int link_syndicated(sqlite_store *s, int64_t row, uint64_t simhash)
{
	int band;
	int64_t best = 0;

	if (simhash == 0)
		return 0;
	/* any two fingerprints within 3 bits agree on one of four 16-bit bands */
	for (band = 0; band < 4; band++) {
		sqlite3_stmt *st = stmt(s, ST_FIND_BAND);
		int64_t value = (int64_t)((simhash >> (16 * band)) & 0xffff);
		if (st == NULL)
			return DYAD_EDB;
		sqlite3_bind_int(st, 1, band);
		sqlite3_bind_int64(st, 2, value);
		sqlite3_bind_int64(st, 3, row);
		while (sqlite3_step(st) == SQLITE_ROW) {
			int64_t doc = sqlite3_column_int64(st, 0);
			uint64_t other = (uint64_t)sqlite3_column_int64(st, 1);
			if (popcount64(other ^ simhash) <= 3 && doc < row && (best == 0 || doc < best))
				best = doc;
		}
	}
	for (band = 0; band < 4; band++) {
		sqlite3_stmt *st = stmt(s, ST_INSERT_BAND);
		if (st == NULL)
			return DYAD_EDB;
		sqlite3_bind_int(st, 1, band);
		sqlite3_bind_int64(st, 2, (int64_t)((simhash >> (16 * band)) & 0xffff));
		sqlite3_bind_int64(st, 3, row);
		if (run(s, st, "storing the fingerprint") < 0)
			return DYAD_EDB;
	}
	if (best) {
		sqlite3_stmt *st = stmt(s, ST_SET_SYND);
		if (st == NULL)
			return DYAD_EDB;
		sqlite3_bind_int64(st, 1, row);
		sqlite3_bind_int64(st, 2, best);
		return run(s, st, "linking a syndicated copy");
	}
	return 0;
}

static int sq_put_doc(dyad_store *ds, const dyad_store_doc *d, int64_t *row)
{
	sqlite_store *s = (sqlite_store *)ds;
	sqlite3_stmt *st = stmt(s, ST_FIND_DOC);
	char id[17], hash[17];
	int status = DYAD_STORE_NEW, i;

	if (st == NULL)
		return DYAD_EDB;
	snprintf(id, sizeof id, "%016llx", (unsigned long long)d->id);
	snprintf(hash, sizeof hash, "%016llx", (unsigned long long)d->content_hash);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *ver = (const char *)sqlite3_column_text(st, 1);
		const char *have = (const char *)sqlite3_column_text(st, 2);
		*row = sqlite3_column_int64(st, 0);
		if (ver && strcmp(ver, d->version) == 0 && have && strcmp(have, hash) == 0)
			return DYAD_STORE_SAME;
		status = DYAD_STORE_REPLACED;
	}
	if (status == DYAD_STORE_REPLACED) {
		static const int dels[] = { ST_DEL_SENT, ST_DEL_MENT, ST_DEL_EV, ST_DEL_BANDS };
		if (fts_sync(s) < 0)
			return DYAD_EDB;
		for (i = 0; i < 4; i++) {
			sqlite3_stmt *x = stmt(s, dels[i]);
			if (x == NULL)
				return DYAD_EDB;
			sqlite3_bind_int64(x, 1, *row);
			if (run(s, x, "replacing a document's rows") < 0)
				return DYAD_EDB;
		}
	}
	st = stmt(s, status == DYAD_STORE_NEW ? ST_INSERT_DOC : ST_UPDATE_DOC);
	if (st == NULL)
		return DYAD_EDB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (int64_t)d->simhash);
	bind_text(st, 4, d->path);
	bind_text(st, 5, d->record);
	bind_text(st, 6, d->url);
	bind_text(st, 7, d->title);
	bind_text(st, 8, d->date);
	bind_text(st, 9, d->time);
	bind_text(st, 10, d->outlet);
	bind_text(st, 11, d->dateline);
	bind_text(st, 12, d->language);
	bind_text(st, 13, d->author);
	bind_str(st, 14, d->body);
	bind_text(st, 15, d->version);
	bind_text(st, 16, d->furniture);
	if (run(s, st, "storing a document") < 0)
		return DYAD_EDB;
	if (status == DYAD_STORE_NEW)
		*row = sqlite3_last_insert_rowid(s->db);
	if (link_syndicated(s, *row, d->simhash) < 0)
		return DYAD_EDB;
	return status;
}

static int sq_put_sentence(dyad_store *ds, int64_t doc, size_t n, size_t start, size_t end, dyad_str text)
{
	sqlite_store *s = (sqlite_store *)ds;
	sqlite3_stmt *st = stmt(s, ST_INSERT_SENT);

	if (st == NULL)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, (int64_t)n);
	sqlite3_bind_int64(st, 3, (int64_t)start);
	sqlite3_bind_int64(st, 4, (int64_t)end);
	bind_str(st, 5, text);
	return run(s, st, "storing a sentence");
}

static void bind_actor(sqlite3_stmt *st, int first, const dyad_store_actor *a)
{
	bind_text(st, first, a->code);
	bind_text(st, first + 1, a->country);
	bind_text(st, first + 2, a->igo);
	bind_text(st, first + 3, a->role);
	bind_text(st, first + 4, a->person);
	bind_text(st, first + 5, a->name);
}

static int sq_put_mention(dyad_store *ds, int64_t doc, const dyad_store_mention *m)
{
	sqlite_store *s = (sqlite_store *)ds;
	sqlite3_stmt *st = stmt(s, ST_INSERT_MENT);

	if (st == NULL)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, (int64_t)m->sentence);
	sqlite3_bind_int64(st, 3, (int64_t)m->start);
	sqlite3_bind_int64(st, 4, (int64_t)m->end);
	bind_text(st, 5, m->kind);
	bind_text(st, 6, m->actor.code);
	bind_text(st, 7, m->actor.country);
	bind_text(st, 8, m->actor.igo);
	bind_text(st, 9, m->actor.role);
	bind_text(st, 10, m->actor.person);
	bind_text(st, 11, m->actor.name);
	bind_str(st, 12, m->text);
	return run(s, st, "storing a mention");
}

static int sq_put_event(dyad_store *ds, int64_t doc, const dyad_store_event *ev)
{
	sqlite_store *s = (sqlite_store *)ds;
	sqlite3_stmt *st = stmt(s, ST_INSERT_EV);
	char sa[24], ta[24], root[3];

	if (st == NULL)
		return DYAD_EDB;
	dyad_store_side_code(&ev->source, sa);
	dyad_store_side_code(&ev->target, ta);
	snprintf(root, sizeof root, "%.2s", ev->cameo ? ev->cameo : "");
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, (int64_t)ev->n);
	bind_actor(st, 3, &ev->source);
	bind_actor(st, 9, &ev->target);
	sqlite3_bind_text(st, 15, sa, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 16, ta, -1, SQLITE_TRANSIENT);
	bind_text(st, 17, ev->cameo);
	sqlite3_bind_text(st, 18, root, -1, SQLITE_TRANSIENT);
	bind_text(st, 19, ev->cameo_name);
	if (ev->quad)
		sqlite3_bind_int(st, 20, ev->quad);
	else
		sqlite3_bind_null(st, 20);
	if (ev->quad)
		sqlite3_bind_double(st, 21, ev->goldstein);
	else
		sqlite3_bind_null(st, 21);
	bind_text(st, 22, ev->type);
	bind_text(st, 23, ev->mode);
	sqlite3_bind_int(st, 24, ev->reciprocal);
	bind_text(st, 25, ev->modality);
	bind_text(st, 26, ev->date);
	bind_text(st, 27, ev->date ? (ev->date_from_publication ? "publication" : "sentence") : NULL);
	bind_text(st, 28, ev->location);
	sqlite3_bind_int64(st, 29, (int64_t)ev->sentence);
	sqlite3_bind_int64(st, 30, (int64_t)ev->start);
	sqlite3_bind_int64(st, 31, (int64_t)ev->end);
	bind_str(st, 32, ev->evidence);
	bind_text(st, 33, ev->rules);
	bind_text(st, 34, ev->location_country);
	if (ev->location_geonames)
		sqlite3_bind_int64(st, 35, (int64_t)ev->location_geonames);
	else
		sqlite3_bind_null(st, 35);
	if (ev->location_has_coords) {
		sqlite3_bind_double(st, 36, ev->location_lat);
		sqlite3_bind_double(st, 37, ev->location_lon);
	} else {
		sqlite3_bind_null(st, 36);
		sqlite3_bind_null(st, 37);
	}
	return run(s, st, "storing an event");
}

static int sq_put_actor(dyad_store *ds, const char *code, const char *kind, const char *name_en, const char *name_ru)
{
	sqlite_store *s = (sqlite_store *)ds;
	sqlite3_stmt *st = stmt(s, ST_ACTOR);

	if (st == NULL)
		return DYAD_EDB;
	bind_text(st, 1, code);
	bind_text(st, 2, kind);
	bind_text(st, 3, name_en);
	bind_text(st, 4, name_ru);
	return run(s, st, "storing an actor");
}

static int sq_put_actor_name(dyad_store *ds, const char *name, const char *folded, const char *kind, const char *code,
			     const char *person)
{
	sqlite_store *s = (sqlite_store *)ds;
	sqlite3_stmt *st = stmt(s, ST_ACTOR_NAME);

	if (st == NULL)
		return DYAD_EDB;
	bind_text(st, 1, folded);
	bind_text(st, 2, name);
	bind_text(st, 3, kind);
	bind_text(st, 4, code);
	bind_text(st, 5, person);
	return run(s, st, "storing an actor's name");
}

/* ---- running SQL into tables (the shared questions of sql_query.c, and dyad_query_sql)
 * --------------------------------------------------------------- */

/* Copy the rows of prepared statement `st` into `out` (started from its columns); SQLITE_DONE or the error. */
static int collect(sqlite3_stmt *st, dyad_table *out)
{
	size_t i;
	int rc;

	out->ncols = (size_t)sqlite3_column_count(st);
	out->cols = dyad_xcalloc(out->ncols ? out->ncols : 1, sizeof *out->cols);
	for (i = 0; i < out->ncols; i++)
		out->cols[i] = dyad_xstrdup(sqlite3_column_name(st, (int)i));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->nrows == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 64;
			out->cells =
				dyad_xrealloc(out->cells, out->cap * (out->ncols ? out->ncols : 1) * sizeof *out->cells);
			out->numeric = dyad_xrealloc(out->numeric, out->cap * (out->ncols ? out->ncols : 1));
		}
		for (i = 0; i < out->ncols; i++) {
			int type = sqlite3_column_type(st, (int)i);
			const unsigned char *v = sqlite3_column_text(st, (int)i);
			out->cells[out->nrows * out->ncols + i] = v ? dyad_xstrdup((const char *)v) : NULL;
			out->numeric[out->nrows * out->ncols + i] = type == SQLITE_INTEGER || type == SQLITE_FLOAT;
		}
		out->nrows++;
	}
	return rc;
}

/*
 * The engine's `run`: one statement, its arguments each a string (NULL
 * binds SQL NULL), by position (?N) or by name (:name; a name the
 * statement lacks is skipped), into `out`.
 */
static int sq_run(dyad_store *s, const char *q, const char *const *args, size_t nargs, const char *const *names,
		  const char *const *values, size_t nnames, dyad_table *out, dyad_errbuf *e)
{
	sqlite3 *db = store_sqlite_db(s);
	sqlite3_stmt *st;
	char key[40];
	size_t i;
	int k;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
		return dyad_errf(e, DYAD_EDB, "query: %s", sqlite3_errmsg(db));
	for (i = 0; i < nargs; i++)
		if (args[i])
			sqlite3_bind_text(st, (int)i + 1, args[i], -1, SQLITE_STATIC);
	for (i = 0; i < nnames; i++) {
		snprintf(key, sizeof key, ":%s", names[i]);
		if (values[i] && (k = sqlite3_bind_parameter_index(st, key)) > 0)
			sqlite3_bind_text(st, k, values[i], -1, SQLITE_STATIC);
	}
	if (collect(st, out) != SQLITE_DONE) {
		dyad_errf(e, DYAD_EDB, "query: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		dyad_table_free(out);
		return DYAD_EDB;
	}
	sqlite3_finalize(st);
	return 0;
}

static int sq_sql(dyad_store *s, const char *q, dyad_table *out, dyad_errbuf *e)
{
	sqlite3 *db = store_sqlite_db(s);
	const char *at = q;

	memset(out, 0, sizeof *out);
	while (at && *at) {
		sqlite3_stmt *st = NULL;
		dyad_table t;
		if (sqlite3_prepare_v2(db, at, -1, &st, &at) != SQLITE_OK) {
			dyad_table_free(out);
			return dyad_errf(e, DYAD_EDB, "query: %s", sqlite3_errmsg(db));
		}
		if (st == NULL) /* only blanks or a comment left */
			break;
		memset(&t, 0, sizeof t);
		if (collect(st, &t) != SQLITE_DONE) {
			dyad_errf(e, DYAD_EDB, "query: %s", sqlite3_errmsg(db));
			sqlite3_finalize(st);
			dyad_table_free(&t);
			dyad_table_free(out);
			return DYAD_EDB;
		}
		sqlite3_finalize(st);
		if (t.ncols) {
			dyad_table_free(out);
			*out = t;
		} else
			dyad_table_free(&t);
	}
	return 0;
}

/* ---- search ------------------------------------------------------------------------------- */

/*
 * The user's words as an FTS5 query: each bare word becomes a quoted string
 * (so punctuation cannot break the syntax), phrases in quotes stay phrases.
 */
static void fts_query(const char *q, dyad_buf *out)
{
	const char *p = q;

	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (out->n)
			dyad_buf_putc(out, ' ');
		dyad_buf_putc(out, '"');
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				dyad_buf_put(out, p, 1);
			if (*p == '"')
				p++;
		} else {
			for (; *p && *p != ' ' && *p != '\t'; p++)
				if (*p != '"')
					dyad_buf_put(out, p, 1);
		}
		dyad_buf_putc(out, '"');
	}
}

static int store_sqlite_search_fts(dyad_store *s, const char *q, long limit, const char *open, const char *close,
				   dyad_table *out, dyad_errbuf *e)
{
	dyad_buf fq = DYAD_BUF_INIT;
	char lim[24];
	const char *args[4];
	int rc;

	fts_query(q, &fq);
	dyad_buf_putc(&fq, '\0');
	snprintf(lim, sizeof lim, "%ld", limit > 0 ? limit : 20);
	args[0] = fq.p;
	args[1] = lim;
	args[2] = open ? open : "[";
	args[3] = close ? close : "]";
	rc = sq_run(s,
		    "SELECT d.date, d.outlet, d.title, highlight(sentences_fts, 0, ?3, ?4) AS sentence, d.doc_id AS doc"
		    " FROM sentences_fts JOIN sentences se ON se.id = sentences_fts.rowid"
		    " JOIN documents d ON d.id = se.doc"
		    " WHERE sentences_fts MATCH ?1 ORDER BY rank LIMIT ?2",
		    args, 4, NULL, NULL, 0, out, e);
	dyad_buf_free(&fq);
	return rc;
}

/* Every --db argument that no server engine claims is a file of this engine's. */
static int sq_claims(const char *target)
{
	(void)target;
	return 1;
}

const dyad_store_engine dyad_store_sqlite = {
	.name = "SQLite",
	.claims = sq_claims,
	.open = sq_open,
	.close = sq_close,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.put_doc = sq_put_doc,
	.put_sentence = sq_put_sentence,
	.put_mention = sq_put_mention,
	.put_event = sq_put_event,
	.put_actor = sq_put_actor,
	.put_actor_name = sq_put_actor_name,
	.run = sq_run,
	.sql = sq_sql,
	DYAD_STORE_SQL_QUESTIONS,
	.stats = store_sql_stats,
	.search = store_sqlite_search_fts,
};
