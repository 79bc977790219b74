/*
 * The one way every check suite runs: all cases, normal verbosity (check prints a
 * "Checks: N, Failures: F, Errors: E" line that deploy/test.sh adds up), exit 0 only when every
 * case passed. Takes ownership of suite.
 */
#ifndef THAIGRAPH_TEST_SUITE_H
#define THAIGRAPH_TEST_SUITE_H

#include <check.h>

int tgt_run_suite(Suite *suite);

#endif
