/* SPDX-License-Identifier: ISC */
/* floor.c: the least any tool can spend on the tree: writes every listed file, or lstats it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void
make_parents(char *path)
{
	char	*s;

	for (s = strchr(path + 1, '/'); s != NULL; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(path, 0755);
		*s = '/';
	}
}

/*
 * Reads "size path" lines.  floor LIST DIR writes each file (open, write,
 * close, making parents), whatever its size; floor -l LIST DIR lstats each.
 */
int
main(int argc, char **argv)
{
	char		*buf = NULL;
	char		 line[4096], path[8192];
	struct stat	 st;
	long		 size, cap = 0;
	int		 fd, off, lstat_only = 0;
	FILE		*list;

	if (argc == 4 && strcmp(argv[1], "-l") == 0) {
		lstat_only = 1;
		argv++;
		argc--;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: floor [-l] LIST DIR\n");
		return 2;
	}
	if ((list = fopen(argv[1], "r")) == NULL)
		return 2;
	while (fgets(line, sizeof(line), list) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%ld %n", &size, &off) != 1 || size < 0) {
			fprintf(stderr, "floor: bad line '%s'\n", line);
			return 2;
		}
		snprintf(path, sizeof(path), "%s/%s", argv[2], line + off);
		if (lstat_only) {
			if (lstat(path, &st) == -1) {
				perror(path);
				return 1;
			}
			continue;
		}
		if (size > cap) {
			/* Grown to the largest file: none is skipped. */
			if ((buf = realloc(buf, (size_t)size)) == NULL)
				return 2;
			memset(buf + cap, 'x', (size_t)(size - cap));
			cap = size;
		}
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd == -1 && errno == ENOENT) {
			make_parents(path);
			fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		}
		if (fd == -1 || write(fd, buf, (size_t)size) != size) {
			perror(path);
			return 1;
		}
		close(fd);
	}
	fclose(list);
	free(buf);
	return 0;
}
