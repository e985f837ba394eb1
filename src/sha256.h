/* SPDX-License-Identifier: ISC */
/* sha256.h: SHA-256 (FIPS 180-4), for the content hashes of the manifest. */
#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t	h[8];
	uint64_t	len;		/* bytes hashed so far */
	unsigned char	buf[64];
	size_t		nbuf;
};

void	sha256_init(struct sha256 *);
void	sha256_update(struct sha256 *, const void *, size_t);
void	sha256_final(struct sha256 *, unsigned char digest[32]);
/* Writes the 64 lowercase hex digits of a digest, and a NUL. */
void	sha256_tohex(const unsigned char digest[32], char hex[65]);
/*
 * The hex hash of data: sha256_hex with libcrypto's implementation (SHA-NI
 * or AVX2 where the CPU has them) when built with it, else the plain one.
 */
void	sha256_hex(const void *data, size_t len, char hex[65]);
void	sha256_hex_portable(const void *data, size_t len, char hex[65]);

#endif
