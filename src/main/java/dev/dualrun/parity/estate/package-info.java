/**
 * The whole estate: which of the old side's listed metrics a pair covers, which are
 * excluded on purpose, which are neither. Spring-free; used by the sign-off, the reports
 * and the command line.
 */
package dev.dualrun.parity.estate;
