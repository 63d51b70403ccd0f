/* tests.h: the list of unit tests; a new test file adds one TEST line here. */

/*
 * Included twice by main.c with different TEST definitions: once to
 * declare each void test_<name>(void), once to build the table it runs.
 * Hence no include guard.
 */
TEST(strbuf)
TEST(arena)
TEST(strmap)
TEST(quote)
TEST(plan)
TEST(base_type)
TEST(acl)
TEST(coltype)
TEST(conn)
TEST(filter)
TEST(sha256)
TEST(snapfile)
TEST(review)
TEST(migrations)
TEST(view)
TEST(subscription)
