/**
 * Written fixes: for each failing pair of a run whose diagnosis implies a change of the
 * mapping (a unit factor, a count per period for a rate per second, an offset of one
 * period), the mapping file edited in place of its pair, every other byte as written, and
 * the diff.
 */
package dev.dualrun.parity.fix;
