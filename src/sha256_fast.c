/* SPDX-License-Identifier: ISC */
/* sha256_fast.c: SHA-256 through libcrypto's accelerated code, the plain code when it is missing. */
#include <stdbool.h>
#include <stddef.h>

#ifdef SHA256_LIBCRYPTO
#include <openssl/evp.h>
#endif

#include "sha256.h"

#ifdef SHA256_LIBCRYPTO
/*
 * The digest is fetched and the context made once: an implicit fetch per
 * call (EVP_Digest with EVP_sha256()) costs about as much as hashing a
 * small generated file.
 */
static EVP_MD		*md;
static EVP_MD_CTX	*ctx;
static bool		 tried;

static bool
evp_ready(void)
{
	if (!tried) {
		tried = true;
		md = EVP_MD_fetch(NULL, "SHA256", NULL);
		ctx = md != NULL ? EVP_MD_CTX_new() : NULL;
	}
	return ctx != NULL;
}

void
sha256_hex(const void *data, size_t len, char hex[65])
{
	unsigned char	d[EVP_MAX_MD_SIZE];
	unsigned int	n;

	if (evp_ready() && EVP_DigestInit_ex2(ctx, md, NULL) == 1 &&
	    EVP_DigestUpdate(ctx, data, len) == 1 &&
	    EVP_DigestFinal_ex(ctx, d, &n) == 1 && n == 32) {
		sha256_tohex(d, hex);
		return;
	}
	/* A libcrypto without SHA-256 (a FIPS-only provider set, say). */
	sha256_hex_portable(data, len, hex);
}
#else
void
sha256_hex(const void *data, size_t len, char hex[65])
{
	sha256_hex_portable(data, len, hex);
}
#endif
