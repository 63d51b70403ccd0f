/* test_sha256.c: SHA-256 against the FIPS 180-4 / NIST example vectors. */
#include <string.h>

#include "pgdiff/sha256.h"
#include "test.h"

static void hash_pieces(const char *s, size_t piece, char hex[65])
{
	struct sha256 ctx;
	unsigned char digest[SHA256_DIGEST_SIZE];
	size_t len = strlen(s);

	sha256_init(&ctx);
	for (size_t off = 0; off < len; off += piece)
		sha256_update(&ctx, s + off, len - off < piece ? len - off : piece);
	sha256_final(&ctx, digest);
	sha256_hex(digest, hex);
}

static void check_vector(const char *input, const char *want)
{
	char hex[65];

	hash_pieces(input, strlen(input) + 1, hex);
	CHECK_STR(hex, want);
	/* Split input must not change the digest, whatever the boundaries. */
	hash_pieces(input, 1, hex);
	CHECK_STR(hex, want);
	hash_pieces(input, 7, hex);
	CHECK_STR(hex, want);
}

static void test_vectors(void)
{
	check_vector("",
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check_vector("abc",
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	/* 448 bits: the padding needs a block of its own */
	check_vector("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	check_vector("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		     "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		"cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

/* One million 'a': many blocks through the same context. */
static void test_million(void)
{
	struct sha256 ctx;
	unsigned char digest[SHA256_DIGEST_SIZE];
	char chunk[1000], hex[65];

	memset(chunk, 'a', sizeof(chunk));
	sha256_init(&ctx);
	for (int i = 0; i < 1000; i++)
		sha256_update(&ctx, chunk, sizeof(chunk));
	sha256_final(&ctx, digest);
	sha256_hex(digest, hex);
	CHECK_STR(hex,
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* Every length around the padding boundary (digests from sha256sum). */
static void test_boundaries(void)
{
	static const char *const want[] = {
		/* 55, 56, 57, 63, 64, 65 times 'a' */
		"9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
		"b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
		"f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6",
		"7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
		"ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
		"635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
	};
	static const size_t lengths[] = { 55, 56, 57, 63, 64, 65 };
	char input[66], hex[65];

	for (size_t i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++) {
		memset(input, 'a', lengths[i]);
		input[lengths[i]] = '\0';
		hash_pieces(input, 64, hex);
		CHECK_STR(hex, want[i]);
	}
}

void test_sha256(void)
{
	test_vectors();
	test_million();
	test_boundaries();
}
