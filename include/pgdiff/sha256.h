/* sha256.h: SHA-256 (FIPS 180-4), for snapshot fingerprints. */
#ifndef PGDIFF_SHA256_H
#define PGDIFF_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32

struct sha256 {
	uint32_t state[8];
	uint64_t length;		/* bytes hashed so far */
	unsigned char block[64];	/* a partial block waiting for more */
	size_t used;
};

void sha256_init(struct sha256 *ctx);
/* Hashes len more bytes; the input may arrive in pieces of any size. */
void sha256_update(struct sha256 *ctx, const void *data, size_t len);
/* Writes the digest; ctx must be initialised again before reuse. */
void sha256_final(struct sha256 *ctx, unsigned char digest[SHA256_DIGEST_SIZE]);
/* The digest as 64 lower-case hex digits and a terminating NUL. */
void sha256_hex(const unsigned char digest[SHA256_DIGEST_SIZE], char hex[65]);

#endif
