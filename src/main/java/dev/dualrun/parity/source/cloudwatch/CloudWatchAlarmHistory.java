package dev.dualrun.parity.source.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dualrun.parity.alert.Alerts;
import dev.dualrun.parity.alert.Episode;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.SourceException;

/**
 * What a CloudWatch alarm did in a window, from its state changes
 * ({@code DescribeAlarmHistory} from a day before the window): its episodes, or none
 * (with a note) when the history cannot be read or does not tell.
 */
final class CloudWatchAlarmHistory {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CloudWatchClient client;

	private final String endpoint;

	CloudWatchAlarmHistory(CloudWatchClient client, String endpoint) {
		this.client = client;
		this.endpoint = endpoint;
	}

	/**
	 * @param name the alarm
	 * @param from the window's start
	 * @param to the window's end
	 * @param alarm the alarm as described, for its state now
	 * @param notes receives why the episodes are not known
	 * @return the episodes in the window, or null
	 */
	List<Episode> episodes(String name, Instant from, Instant to, MetricAlarm alarm, List<String> notes) {
		DescribeAlarmHistoryRequest request = DescribeAlarmHistoryRequest.builder()
			.alarmName(name)
			.historyItemType(HistoryItemType.STATE_UPDATE)
			.startDate(from.minus(Duration.ofDays(1)))
			.endDate(to)
			.scanBy(ScanBy.TIMESTAMP_ASCENDING)
			.build();
		List<long[]> changes = new ArrayList<>();
		String before = null;
		try {
			for (DescribeAlarmHistoryResponse page : this.client.describeAlarmHistoryPaginator(request)) {
				for (AlarmHistoryItem item : page.alarmHistoryItems()) {
					JsonNode data = JSON.readTree(item.historyData());
					String newState = data.path("newState").path("stateValue").asString("");
					String oldState = data.path("oldState").path("stateValue").asString("");
					long at = item.timestamp().toEpochMilli();
					if (at <= from.toEpochMilli()) {
						before = newState;
					}
					else {
						if (changes.isEmpty() && before == null) {
							before = oldState;
						}
						changes.add(new long[] { at, "ALARM".equals(newState) ? 1 : 0 });
					}
				}
			}
		}
		catch (SdkException ex) {
			notes.add("the alarm's history could not be read, so its replay is not checked: "
					+ translate(ex, "DescribeAlarmHistory for alarm '" + name + "'").getMessage());
			return null;
		}
		catch (tools.jackson.core.JacksonException ex) {
			notes.add("the alarm's history has an item whose HistoryData is not JSON ("
					+ Text.oneLine(ex.getOriginalMessage(), 120) + "), so its replay is not checked");
			return null;
		}
		if (before == null && changes.isEmpty()) {
			// no change in the window nor the day before it: the state now held all
			// along,
			// if it was entered before the window
			Instant since = alarm.stateUpdatedTimestamp();
			if (since == null || since.isAfter(from)) {
				notes.add("the alarm's history has no state change from a day before the window to its end, and its "
						+ "state changed after the window starts: what it did in the window is not known, so its "
						+ "replay is not checked");
				return null;
			}
			before = alarm.stateValueAsString();
		}
		return episodes((before != null) ? before : "OK", changes, from, to);
	}

	/**
	 * @param before the state as the window opens
	 * @param changes {time, 1 for ALARM else 0} of each change in the window
	 */
	private static List<Episode> episodes(String before, List<long[]> changes, Instant from, Instant to) {
		long[] times = new long[changes.size() + 1];
		boolean[] alarmed = new boolean[changes.size() + 1];
		times[0] = from.toEpochMilli();
		alarmed[0] = "ALARM".equals(before);
		for (int i = 0; i < changes.size(); i++) {
			times[i + 1] = changes.get(i)[0];
			alarmed[i + 1] = changes.get(i)[1] == 1;
		}
		return Alerts.fromStates(times, alarmed, to);
	}

	private SourceException translate(SdkException ex, String scope) {
		return CloudWatchFailures.translate(ex, scope + " at " + this.endpoint);
	}

}
