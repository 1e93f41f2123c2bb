package dev.dualrun.parity.run;

import java.util.List;

import dev.dualrun.parity.store.DiscrepancyRow;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PairResultRow;

/**
 * What the compare step writes for one pair, in one transaction.
 *
 * @param result the judgement
 * @param discrepancies its discrepancies
 * @param evidence the answers judged that were not stored yet (the new side's)
 */
public record JudgedPair(PairResultRow result, List<DiscrepancyRow> discrepancies, List<EvidenceRow> evidence) {

}
