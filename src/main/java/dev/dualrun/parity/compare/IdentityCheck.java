package dev.dualrun.parity.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule 4, same identity: the one series Prometheus returned must carry the values of the
 * CloudWatch dimensions in its labels (e.g. {@code Endpoint=/api/orders} as
 * {@code path="/api/orders"}). A series without labels (everything summed away) cannot be
 * checked and passes.
 */
public final class IdentityCheck {

	private IdentityCheck() {
	}

	/**
	 * @param dimensions the CloudWatch dimensions
	 * @param labels the labels of the Prometheus series
	 * @return a diagnosis naming the dimensions whose value no label carries, if any
	 */
	public static Optional<Diagnosis> of(Map<String, String> dimensions, Map<String, String> labels) {
		if (labels.isEmpty() || dimensions.isEmpty()) {
			return Optional.empty();
		}
		List<String> missing = new ArrayList<>();
		dimensions.forEach((name, value) -> {
			if (labels.values().stream().noneMatch((v) -> v.equalsIgnoreCase(value))) {
				missing.add(name + "=" + value);
			}
		});
		if (missing.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Diagnosis(Diagnosis.Code.IDENTITY, "the Prometheus series " + labels
				+ " does not carry the dimension value(s) " + String.join(", ", missing)
				+ ": it may be another series than the CloudWatch one (the identity rule); check the label matchers"));
	}

}
