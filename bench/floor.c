/* SPDX-License-Identifier: ISC */
/* floor.c: the cost of creating the files at all: reads "size path" lines and
 * writes each file (open, write, close) under a directory, making parents. */
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

int
main(int argc, char **argv)
{
	static char	 buf[1 << 20];
	char		 line[4096], path[8192];
	long		 size;
	int		 fd, off;

	if (argc != 3) {
		fprintf(stderr, "usage: floor LIST DIR\n");
		return 2;
	}
	FILE *list = fopen(argv[1], "r");
	if (list == NULL)
		return 2;
	memset(buf, 'x', sizeof(buf));
	while (fgets(line, sizeof(line), list) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%ld %n", &size, &off) != 1 || size < 0 ||
		    size > (long)sizeof(buf))
			continue;
		snprintf(path, sizeof(path), "%s/%s", argv[2], line + off);
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
	return 0;
}
