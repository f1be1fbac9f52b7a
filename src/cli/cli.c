/*
 * cli.c — option parsing and help text for every subcommand, driven by the
 * option table each cmd_<verb>.c declares.
 */
#include "cli.h"

#include <stdarg.h>
#include <string.h>

static int find_long(const dyad_cmd *cmd, const char *name, size_t n)
{
	int i;

	for (i = 0; cmd->opts && cmd->opts[i].name; i++)
		if (strlen(cmd->opts[i].name) == n && strncmp(cmd->opts[i].name, name, n) == 0)
			return i;
	return -1;
}

static int find_short(const dyad_cmd *cmd, char c)
{
	int i;

	for (i = 0; cmd->opts && cmd->opts[i].name; i++)
		if (cmd->opts[i].short_name && cmd->opts[i].short_name == c)
			return i;
	return -1;
}

int dyad_cli_usage_error(const dyad_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "dyad %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'dyad %s --help'.\n", cmd->name);
	return DYAD_EXIT_USAGE;
}

int dyad_cli_parse(const dyad_cmd *cmd, int argc, char **argv, dyad_cli_args *out)
{
	int i, only_pos = 0;

	memset(out, 0, sizeof *out);
	out->pos = argv; /* positional arguments are compacted to the front of argv */
	for (i = 0; i < argc; i++) {
		char *a = argv[i];
		int k;

		if (only_pos || a[0] != '-' || a[1] == '\0') {
			argv[out->npos++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			dyad_cli_help(cmd, stdout);
			return -1;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);

			k = find_long(cmd, a + 2, n);
			if (k < 0)
				return dyad_cli_usage_error(cmd, "unknown option '%.*s'", (int)n + 2, a);
			if (cmd->opts[k].arg == NULL) {
				if (eq)
					return dyad_cli_usage_error(cmd, "option '--%s' takes no value",
								    cmd->opts[k].name);
				out->val[k] = "";
			} else if (eq) {
				out->val[k] = eq + 1;
			} else if (i + 1 < argc) {
				out->val[k] = argv[++i];
			} else {
				return dyad_cli_usage_error(cmd, "option '--%s' needs a value (%s)", cmd->opts[k].name,
							    cmd->opts[k].arg);
			}
			continue;
		}
		/* short options: -x, -xVALUE, -x VALUE, and clusters of flags -ab */
		for (a++; *a; a++) {
			k = find_short(cmd, *a);
			if (k < 0)
				return dyad_cli_usage_error(cmd, "unknown option '-%c'", *a);
			if (cmd->opts[k].arg == NULL) {
				out->val[k] = "";
				continue;
			}
			if (a[1])
				out->val[k] = a + 1;
			else if (i + 1 < argc)
				out->val[k] = argv[++i];
			else
				return dyad_cli_usage_error(cmd, "option '-%c' needs a value (%s)", *a, cmd->opts[k].arg);
			break;
		}
	}
	return 0;
}

const char *dyad_cli_get(const dyad_cmd *cmd, const dyad_cli_args *a, const char *name)
{
	int k = find_long(cmd, name, strlen(name));

	return k < 0 ? NULL : a->val[k];
}

int dyad_cli_takes(const dyad_cmd *cmd, const char *name)
{
	return find_long(cmd, name, strlen(name)) >= 0;
}

int dyad_cli_has(const dyad_cmd *cmd, const dyad_cli_args *a, const char *name)
{
	return dyad_cli_get(cmd, a, name) != NULL;
}

void dyad_cli_warn(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "dyad: %s\n", msg);
}

void dyad_cli_help(const dyad_cmd *cmd, FILE *f)
{
	int i;

	fprintf(f, "usage: dyad %s %s\n\n%s\n", cmd->name, cmd->usage, cmd->summary);
	if (cmd->description)
		fprintf(f, "\n%s\n", cmd->description);
	fprintf(f, "\noptions:\n");
	for (i = 0; cmd->opts && cmd->opts[i].name; i++) {
		const dyad_cli_opt *o = &cmd->opts[i];
		char left[64];

		if (o->short_name)
			snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->name, o->arg ? " " : "",
				 o->arg ? o->arg : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(f, "  %-26s %s\n", left, o->help);
	}
	fprintf(f, "  %-26s %s\n", "-h, --help", "show this help and exit");
}
