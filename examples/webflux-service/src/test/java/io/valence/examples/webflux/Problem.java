package io.valence.examples.webflux;

/**
 * The fields of an RFC 9457 problem response that the tests read.
 *
 * @param status the HTTP status
 * @param detail the explanation
 */
record Problem(int status, String detail) {}
