package dev.dualrun.parity.store;

/**
 * An alert pair's verdict without the document it was judged on.
 *
 * @param alertId the alert pair
 * @param verdict PASS, FAIL, NO_EPISODES or ERROR
 * @param summary the first finding, one line
 * @param firstCode its code, or null
 */
public record AlertVerdictRow(String alertId, String verdict, String summary, String firstCode) {

}
