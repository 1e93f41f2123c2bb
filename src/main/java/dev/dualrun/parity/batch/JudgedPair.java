package dev.dualrun.parity.batch;

import java.util.List;

import dev.dualrun.parity.store.DiscrepancyRow;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PairResultRow;

/**
 * What the compare step writes for one pair, in one transaction.
 *
 * @param result the judgement
 * @param discrepancies its discrepancies
 * @param newEvidence the Prometheus series or its failure
 */
record JudgedPair(PairResultRow result, List<DiscrepancyRow> discrepancies, EvidenceRow newEvidence) {

}
