package dev.dualrun.parity.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.dualrun.parity.config.Sides;

/**
 * The identity rule: the one series the new side returned must carry the values of the
 * old side's dimensions in its labels (e.g. {@code Endpoint=/api/orders} as
 * {@code path="/api/orders"}). A series without labels (everything summed away) cannot be
 * checked and passes.
 */
public final class IdentityCheck {

	private IdentityCheck() {
	}

	/**
	 * @param dimensions the old side's dimensions
	 * @param labels the labels of the new side's series
	 * @param sides what the two systems are called
	 * @return a diagnosis naming the dimensions whose value no label carries, if any
	 */
	public static Optional<Diagnosis> of(Map<String, String> dimensions, Map<String, String> labels, Sides sides) {
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
		return Optional.of(new Diagnosis(Diagnosis.Code.IDENTITY,
				"the " + sides.newName() + " series " + labels + " does not carry the dimension value(s) "
						+ String.join(", ", missing) + ": it may be another series than the " + sides.oldName()
						+ " one (the identity rule); check the label matchers"));
	}

}
