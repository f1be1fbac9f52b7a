/*
 * clickhouse_batch.c — how dyad keeps re-ingest idempotent on ClickHouse,
 * which has neither unique keys nor transactions: batches recorded open and
 * done in dyad_batches, the rows of a batch never done taken away on every
 * server before the next ingest writes, and a replaced document's rows
 * deleted before its new ones go in (docs/engines.md).
 */
#include "clickhouse.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* How long the servers may take to apply a deletion before dyad gives up. */
#define MUTATION_WAIT_S 300

int dyad_ch_batch_next(dyad_ch *c, uint64_t *out)
{
	dyad_buf line = DYAD_BUF_INIT;
	int rc = dyad_ch_query_line(c, "SELECT max(batch) FROM dyad_batches", &line);

	*out = rc == 0 ? strtoull(line.p ? line.p : "0", NULL, 10) + 1 : 0;
	dyad_buf_free(&line);
	return rc;
}

/* Record `batch` in `state`. */
static int batch_state(dyad_ch *c, uint64_t batch, const char *state, size_t docs)
{
	dyad_buf sql = DYAD_BUF_INIT;
	int rc;

	dyad_buf_printf(&sql, "INSERT INTO dyad_batches (batch, state, docs) VALUES (%" PRIu64 ", '%s', %zu)", batch,
			state, docs);
	rc = dyad_ch_query(c, sql.p, NULL, NULL);
	dyad_buf_free(&sql);
	return rc;
}

int dyad_ch_batch_begin(dyad_ch *c, uint64_t batch, size_t docs)
{
	return batch_state(c, batch, "open", docs);
}

int dyad_ch_batch_end(dyad_ch *c, uint64_t batch)
{
	return batch_state(c, batch, "done", 0);
}

/*
 * On every server, delete the rows of documents `where` holds, then wait until
 * no mutation of the database is left to do (ClickHouse 18 applies them in
 * the background; rows inserted after one was made are out of its reach).
 */
static int delete_everywhere(dyad_ch *c, const char *where)
{
	const dyad_ch_url *u = dyad_ch_url_of(c);
	dyad_ch **servers;
	dyad_buf sql = DYAD_BUF_INIT, wait = DYAD_BUF_INIT, left = DYAD_BUF_INIT;
	size_t n, i;
	int rc;
	time_t until = time(NULL) + MUTATION_WAIT_S;
	struct timespec pause = { 0, 50000000L }; /* 50 ms */

	if ((rc = dyad_ch_servers(c, &servers, &n)) != 0)
		return rc;
	dyad_ch_delete_sql(&sql, u->database, u->cluster, where);
	for (i = 0; i < n && rc == 0; i++)
		if ((rc = dyad_ch_run_lines(servers[i], sql.p)) != 0 && servers[i] != c)
			dyad_ch_set_error(c, dyad_ch_errmsg(servers[i]));
	dyad_buf_puts(&wait, "SELECT count() FROM system.mutations WHERE is_done = 0 AND database = ");
	dyad_ch_sql_str(&wait, dyad_str_c(u->database));
	for (i = 0; i < n && rc == 0; i++) {
		while ((rc = dyad_ch_query_line(servers[i], wait.p, &left)) == 0 && left.p && strcmp(left.p, "0") != 0) {
			if (time(NULL) > until) {
				rc = dyad_ch_fail(servers[i], "%s deletions still not applied after %d s", left.p,
						  MUTATION_WAIT_S);
				break;
			}
			nanosleep(&pause, NULL);
		}
		if (rc != 0 && servers[i] != c)
			dyad_ch_set_error(c, dyad_ch_errmsg(servers[i]));
	}
	dyad_ch_servers_free(c, servers, n);
	dyad_buf_free(&sql);
	dyad_buf_free(&wait);
	dyad_buf_free(&left);
	return rc;
}

/* Append "(a, b, c)" of `n` numbers. */
static void id_list(dyad_buf *b, const uint64_t *ids, size_t n)
{
	size_t i;

	dyad_buf_putc(b, '(');
	for (i = 0; i < n; i++)
		dyad_buf_printf(b, "%s%" PRIu64, i ? ", " : "", ids[i]);
	dyad_buf_putc(b, ')');
}

int dyad_ch_batch_undo_unfinished(dyad_ch *c, size_t *undone)
{
	dyad_buf list = DYAD_BUF_INIT, where = DYAD_BUF_INIT;
	uint64_t *batches = NULL;
	size_t n = 0, cap = 0, i;
	const char *p;
	char *end;
	int rc;

	*undone = 0;
	/* "1,2,3": the batches with no 'done' or 'undone' record */
	rc = dyad_ch_query_line(c,
				"SELECT arrayStringConcat(groupArray(toString(batch)), ',') FROM (SELECT batch FROM "
				"dyad_batches GROUP BY batch HAVING countIf(state != 'open') = 0 ORDER BY batch)",
				&list);
	for (p = list.p; rc == 0 && p && *p; p = *end ? end + 1 : end) {
		uint64_t b = strtoull(p, &end, 10);

		if (end == p) {
			rc = dyad_ch_fail(c, "dyad_batches lists a batch that is not a number: '%s'", list.p);
			break;
		}
		batches = dyad_xgrow(batches, &cap, n, sizeof *batches, 8);
		batches[n++] = b;
	}
	if (rc == 0 && n > 0) {
		dyad_buf_puts(&where, "batch IN ");
		id_list(&where, batches, n);
		rc = delete_everywhere(c, where.p);
		for (i = 0; i < n && rc == 0; i++)
			rc = batch_state(c, batches[i], "undone", 0);
		if (rc == 0)
			*undone = n;
	}
	free(batches);
	dyad_buf_free(&list);
	dyad_buf_free(&where);
	return rc;
}

int dyad_ch_batch_delete(dyad_ch *c, uint64_t batch)
{
	char where[48];

	snprintf(where, sizeof where, "batch = %" PRIu64, batch);
	return delete_everywhere(c, where);
}

int dyad_ch_docs_delete(dyad_ch *c, const uint64_t *ids, size_t n)
{
	dyad_buf where = DYAD_BUF_INIT;
	int rc;

	if (n == 0)
		return 0;
	dyad_buf_puts(&where, "doc_id IN ");
	id_list(&where, ids, n);
	rc = delete_everywhere(c, where.p);
	dyad_buf_free(&where);
	return rc;
}
