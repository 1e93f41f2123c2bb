package dev.dualrun.parity.config;

/**
 * An alert pair of the mapping file ({@code alerts:}): the old system's alarm and the
 * alerting rule that replaces it.
 *
 * @param id the pair's id, unique among alerts
 * @param description what it guards, for the report
 * @param old the old side's alert
 * @param neu the new side's alert
 * @param line the line of the mapping file it starts on
 */
public record AlertMapping(String id, String description, Ref old, Ref neu, int line) {

	/**
	 * One side's alert, by name.
	 *
	 * @param type the source type ({@code cloudwatch}, {@code prometheus})
	 * @param name the alarm's or the rule's name
	 * @param group the rule group, or null for the only rule of that name
	 */
	public record Ref(String type, String name, String group) {

		/**
		 * @return the name, with its group if any
		 */
		public String describe() {
			return (this.group != null) ? this.group + "/" + this.name : this.name;
		}

	}

}
