/* SPDX-License-Identifier: ISC */
/* test_sha256.c: FIPS 180-4 test vectors, split updates, and the fast hash against the plain one. */
#include "sha256.h"
#include "unit.h"

int
main(void)
{
	char		hex[65], plain[65];
	static char	many[70000];
	struct sha256	s;
	unsigned char	d[32], e[32];
	char		big[1000];
	size_t		i;

	sha256_hex("", 0, hex);
	EQ_STR(hex,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	EQ_STR(hex,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, hex);
	EQ_STR(hex,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	for (i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7);
	sha256_init(&s);
	sha256_update(&s, big, sizeof(big));
	sha256_final(&s, d);
	sha256_init(&s);
	for (i = 0; i < sizeof(big); i += 13)
		sha256_update(&s, big + i, sizeof(big) - i < 13 ?
		    sizeof(big) - i : 13);
	sha256_final(&s, e);
	CHECK(memcmp(d, e, 32) == 0);
	/* Every length around the block and padding edges, then large ones. */
	for (i = 0; i < sizeof(many); i++)
		many[i] = (char)(i * 31 + (i >> 8));
	for (i = 0; i < 200; i++) {
		sha256_hex(many, i, hex);
		sha256_hex_portable(many, i, plain);
		EQ_STR(hex, plain);
	}
	for (i = 1000; i <= sizeof(many); i += 7919) {
		sha256_hex(many, i, hex);
		sha256_hex_portable(many, i, plain);
		EQ_STR(hex, plain);
	}
	sha256_hex_portable("abc", 3, hex);
	EQ_STR(hex,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	return unit_summary();
}
