/* SPDX-License-Identifier: ISC */
/* inputs.c: expands input paths, in byte order, and runs the front-ends. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "inputs.h"
#include "parse.h"
#include "sbuf.h"
#include "src.h"

bool
inputs_is_name(const char *name)
{
	size_t	n = strlen(name);

	if (name[0] == '.')
		return false;
	return (n > 6 && strcmp(name + n - 6, ".infra") == 0) ||
	    parse_is_yaml(name);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

struct pathvec {
	const char	**v;
	size_t		 n, cap;
};

static void
pv_add(struct pathvec *pv, const char *p)
{
	if (pv->n == pv->cap) {
		pv->cap = pv->cap ? pv->cap * 2 : 16;
		pv->v = xrealloc(pv->v, pv->cap * sizeof(*pv->v));
	}
	pv->v[pv->n++] = p;
}

/*
 * An absolute input path, relative to the working directory ("../" where
 * needed), so no absolute path of the machine reaches the generated
 * headers and the same tree comes out of `compile sites` and of `compile
 * $PWD/sites`.  Without a working directory the path stays as it is.
 */
static const char *
relative_path(struct arena *ar, const char *abs)
{
	char		 cwd[4096];
	const char	*a = abs, *c = cwd, *res;
	struct sbuf	 sb = SBUF_INIT;

	if (getcwd(cwd, sizeof(cwd)) == NULL || cwd[0] != '/')
		return abs;
	/* Skip the segments both paths share (both are clean: "/x/y"). */
	for (;;) {
		size_t an = strcspn(a + 1, "/"), cn = strcspn(c + 1, "/");

		if (*a != '/' || *c != '/' || an == 0 || an != cn ||
		    memcmp(a + 1, c + 1, an) != 0)
			break;
		a += 1 + an;
		c += 1 + cn;
	}
	/* One ".." per segment of the working directory left over. */
	for (; *c == '/' && c[1] != '\0'; c += 1 + strcspn(c + 1, "/"))
		sb_addstr(&sb, "../");
	if (*a == '/' && a[1] != '\0')
		sb_addstr(&sb, a + 1);
	else if (sb.len > 0)
		sb_setlen(&sb, sb.len - 1);	/* "../" -> ".." */
	res = sb.len > 0 ? arena_strndup(ar, sb.buf, sb.len) : ".";
	sb_release(&sb);
	return res;
}

/*
 * The lexical form of a path: "./" segments and repeated or trailing
 * slashes dropped, so `compile .`, `compile ./sites` and `compile sites/`
 * name a file the same way in headers, diagnostics and the cache (".."
 * is kept: only the file system knows what it means).
 */
static const char *
clean_path(struct arena *ar, const char *p)
{
	char	*out = arena_alloc(ar, strlen(p) + 2), *o = out;
	bool	 abs = *p == '/';

	while (*p != '\0') {
		const char	*seg = p;
		size_t		 n;

		while (*p != '\0' && *p != '/')
			p++;
		n = (size_t)(p - seg);
		while (*p == '/')
			p++;
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (o > out || abs)
			*o++ = '/';
		memcpy(o, seg, n);
		o += n;
	}
	if (o == out)
		*o++ = abs ? '/' : '.';
	*o = '\0';
	return abs ? relative_path(ar, out) : out;
}

/*
 * git's rule for a binary file: a NUL byte in the first 8,000 bytes.  Such
 * a file gets one error at that byte rather than one per garbage byte;
 * returns true when it reported one.
 */
static bool
refuse_binary(struct diag *dg, struct src *src)
{
	const char	*nul;
	struct srcpos	 pos;

	nul = memchr(src->text, '\0', src->len < 8000 ? src->len : 8000);
	if (nul == NULL)
		return false;
	pos.file = src;
	pos.off = (uint32_t)(nul - src->text);
	pos.end = pos.off + 1;
	diag_add(dg, DIAG_ERROR, &pos, "binary file: it holds a NUL byte, and "
	    "siteinfra reads UTF-8 text");
	return true;
}

/*
 * A path reaches the headers of generated files, the terminal and the
 * JSON report: a control character (a newline would end the header's
 * comment and start Terraform code), an invisible reordering character
 * or invalid UTF-8 in it is refused rather than escaped everywhere.
 */
static const char *
name_problem(const char *path)
{
	const unsigned char	*u = (const unsigned char *)path;
	size_t			 i = 0, n = strlen(path), k;

	while (i < n) {
		if ((k = utf8_seqlen(u + i, n - i)) == 0)
			return "it is not valid UTF-8";
		if (utf8_unsafe(utf8_cp(u + i, k)))
			return u[i] == '\n' ? "it holds a line break" :
			    "it holds a control or invisible character";
		i += k;
	}
	return NULL;
}

/* Reports a path that name_problem refuses; true when it did. */
static bool
refuse_name(struct diag *dg, const char *path)
{
	const char	*why = name_problem(path);

	if (why == NULL)
		return false;
	diag_add(dg, DIAG_ERROR, NULL, "input name '%s' is refused: %s; "
	    "rename it", path, why);
	return true;
}

/* Reports an input that is a symbolic link. */
static void
refuse_link(struct diag *dg, const char *path)
{
	diag_add(dg, DIAG_ERROR, NULL, "input '%s' is a symbolic link: "
	    "siteinfra follows no link among its inputs, so that none can "
	    "make it read a file from elsewhere; name the file it points to",
	    path);
}

/* Exit status for a failed open: a missing path is a usage error. */
static int
io_status(int err)
{
	return err == ENOENT || err == ENOTDIR || err == EISDIR ||
	    err == EFBIG || err == ELOOP ? 2 : 3;
}

static int
expand_dir(struct arena *ar, struct diag *dg, const char *dir,
    struct pathvec *pv)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	size_t		 before = pv->n;
	int		 err, fd, rc = 0;
	bool		 refused = false;
	/* Cleaned once: the names readdir gives hold no slash and no ".". */
	const char	*cdir = clean_path(ar, dir);

	/* O_NOFOLLOW: the directory was checked with lstat; no swap since. */
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1 || (d = fdopendir(fd)) == NULL) {
		err = errno;
		if (fd != -1)
			close(fd);
		if (err == ELOOP) {
			refuse_link(dg, dir);
			return 2;
		}
		diag_add(dg, DIAG_ERROR, NULL, "cannot read directory '%s': %s",
		    dir, strerror(err));
		return io_status(err);
	}
	while ((e = readdir(d)) != NULL) {
		const char *path;

		if (!inputs_is_name(e->d_name))
			continue;
		if (strcmp(cdir, ".") == 0)
			path = arena_strdup(ar, e->d_name);
		else
			path = arena_printf(ar, "%s%s%s", cdir,
			    cdir[strlen(cdir) - 1] == '/' ? "" : "/", e->d_name);
		if (refuse_name(dg, path)) {
			refused = true;
			rc = 2;
			continue;
		}
		if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISLNK(st.st_mode)) {
			refuse_link(dg, path);
			refused = true;
			rc = 2;
			continue;
		}
		pv_add(pv, path);
	}
	closedir(d);
	if (pv->n == before && !refused) {
		diag_add(dg, DIAG_ERROR, NULL,
		    "no input files (*.infra, *.yaml, *.yml) in '%s'", dir);
		return 2;
	}
	return rc;
}

int
inputs_list(struct arena *ar, struct diag *dg, char *const *paths,
    size_t npaths, const char ***list, size_t *n)
{
	struct pathvec	 pv = { NULL, 0, 0 };
	struct stat	 st;
	size_t		 i, j;
	int		 rc = 0, r;
	char *const	 defaults[] = { (char *)INPUTS_DEFAULT_DIR };

	if (npaths == 0) {
		paths = defaults;
		npaths = 1;
	}
	for (i = 0; i < npaths; i++) {
		if (refuse_name(dg, paths[i])) {
			if (rc == 0)
				rc = 2;
			continue;
		}
		/* Cleaned: "link/" would make lstat follow the link. */
		if (lstat(clean_path(ar, paths[i]), &st) == -1) {
			int err = errno;

			diag_add(dg, DIAG_ERROR, NULL, "cannot read '%s': %s",
			    paths[i], strerror(err));
			if (rc == 0)
				rc = io_status(err);
			continue;
		}
		if (S_ISLNK(st.st_mode)) {
			refuse_link(dg, paths[i]);
			if (rc == 0)
				rc = 2;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if ((r = expand_dir(ar, dg, paths[i], &pv)) != 0 &&
			    rc == 0)
				rc = r;
		} else
			pv_add(&pv, clean_path(ar, paths[i]));
	}
	/* Byte order, whatever the locale or the order on disk. */
	if (pv.n > 0)
		qsort(pv.v, pv.n, sizeof(*pv.v), cmp_str);
	for (i = j = 0; i < pv.n; i++)
		if (j == 0 || strcmp(pv.v[j - 1], pv.v[i]) != 0)
			pv.v[j++] = pv.v[i];
	*n = j;
	*list = arena_array(ar, j + 1, sizeof(**list));
	for (i = 0; i < j; i++)
		(*list)[i] = pv.v[i];
	free(pv.v);
	return rc;
}

int
inputs_read(struct arena *ar, struct diag *dg, const char *const *list,
    size_t n, struct ast_file **files)
{
	struct ast_file	*f, **tail = files;
	struct src	*src;
	size_t		 i;
	int		 rc = 0, err;

	*files = NULL;
	for (i = 0; i < n; i++) {
		if ((src = src_load(ar, list[i], (unsigned)i)) == NULL) {
			err = errno;
			/* Swapped for a link since it was listed. */
			if (err == ELOOP)
				refuse_link(dg, list[i]);
			else if (err == EFBIG)
				diag_add(dg, DIAG_ERROR, NULL,
				    "cannot read '%s': larger than %zu MiB",
				    list[i], SRC_MAX_SIZE >> 20);
			else
				diag_add(dg, DIAG_ERROR, NULL,
				    "cannot read '%s': %s", list[i],
				    strerror(err));
			if (rc == 0)
				rc = io_status(err);
			continue;
		}
		if (refuse_binary(dg, src)) {
			/* One error, not one per byte: an empty file stands in. */
			f = ast_file_new(ar, src, parse_is_yaml(list[i]) ?
			    SYNTAX_YAML : SYNTAX_NATIVE);
			if (rc == 0)
				rc = 2;
		} else if ((parse_is_yaml(list[i]) ? parse_yaml(ar, dg, src,
		    &f) : parse_native(ar, dg, src, &f)) != 0) {
			/* A part of a file is not checked: the rest would lie. */
			f->body = NULL;
			f->tail = &f->body;
			if (rc == 0)
				rc = 2;
		}
		*tail = f;
		tail = &f->next;
	}
	return rc;
}

int
inputs_load(struct arena *ar, struct diag *dg, char *const *paths,
    size_t npaths, struct ast_file **files)
{
	const char	**list;
	size_t		 n;
	int		 rc, rc2;

	rc = inputs_list(ar, dg, paths, npaths, &list, &n);
	rc2 = inputs_read(ar, dg, list, n, files);
	return rc != 0 ? rc : rc2;
}
