/* SPDX-License-Identifier: ISC */
/* standalone.c: replays fuzz inputs (files or directories) without libFuzzer. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static unsigned	replayed;

static void
replay_file(const char *path)
{
	FILE	*fp = fopen(path, "rb");
	char	*buf;
	long	 n;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	rewind(fp);
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	fclose(fp);
	LLVMFuzzerTestOneInput((const uint8_t *)buf, (size_t)n);
	free(buf);
	replayed++;
}

static void
replay(const char *path)
{
	struct stat	 st;
	struct dirent	*e;
	DIR		*d;
	char		 sub[4096];

	if (stat(path, &st) == -1) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	if (!S_ISDIR(st.st_mode)) {
		replay_file(path);
		return;
	}
	if ((d = opendir(path)) == NULL)
		exit(1);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		replay(sub);
	}
	closedir(d);
}

int
main(int argc, char **argv)
{
	int	i;

	for (i = 1; i < argc; i++)
		replay(argv[i]);
	/* Reaching here means no input crashed, hung or leaked. */
	printf("%u passed, 0 failed\n", replayed);
	return 0;
}
