package dev.dualrun.parity.source;

import java.util.List;

import dev.dualrun.parity.config.LintFinding;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.SideQuery;

/**
 * A capability of a source: lint rules for the pairs whose side it reads, checked before
 * any call. The new side's source reads its own query ({@link #shape}) and checks it
 * against the old side's statistic, unit and dimensions; an old side's source checks what
 * it knows of how its data shows on the new side (an exporter's series, a unit in a
 * metric's name) against that shape.
 */
public interface Linted {

	/**
	 * @param pair the pair
	 * @param shape what the pair's new-side query reads, or null when it cannot be read
	 * @return the findings, most serious rules first
	 */
	List<LintFinding> lint(PairMapping pair, QueryShape shape);

	/**
	 * @param query a query of this source's side
	 * @return what it reads, or null when it cannot be read (its own lint says why)
	 */
	default QueryShape shape(SideQuery query) {
		return null;
	}

}
