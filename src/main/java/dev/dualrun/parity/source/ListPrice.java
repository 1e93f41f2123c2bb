package dev.dualrun.parity.source;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.SettingsBinder;

/**
 * A system's list price per 1,000 units (metrics requested, API calls), with the day it
 * was read from the price list, so that a stated cost says what it assumed. The defaults
 * are the public list prices as this project knew them, not re-read by this build (which
 * cannot reach the price lists); a setting overrides them.
 *
 * @param perThousand the price of 1,000 units, in USD
 * @param checked where the price comes from: the day of the defaults, or of an override
 * ({@code parity.cost.checked})
 * @param property the setting that overrides it, e.g.
 * {@code parity.cost.azure-per-1000-calls}
 */
public record ListPrice(double perThousand, String checked, String property) {

	/** Where the default prices come from. */
	public static final String DEFAULTS_CHECKED = "list prices as known on 2026-12-01, not re-checked";

	/** The setting that says where an overriding price comes from. */
	public static final String CHECKED_PROPERTY = "parity.cost.checked";

	/**
	 * @param binder the settings
	 * @param property the price's setting
	 * @param listPrice the default, as known on the day of {@link #DEFAULTS_CHECKED}
	 * @return the price in force
	 */
	public static ListPrice bind(SettingsBinder binder, String property, double listPrice) {
		Double override = binder.bind(property, Double.class).filter((p) -> p >= 0).orElse(null);
		String checked = binder.bind(CHECKED_PROPERTY, String.class)
			.map(String::strip)
			.filter((c) -> !c.isEmpty())
			.orElse(null);
		return new ListPrice((override != null) ? override : listPrice,
				(checked != null) ? checked
						: (override == null) ? DEFAULTS_CHECKED : "an override (" + CHECKED_PROPERTY + " not given)",
				property);
	}

	/**
	 * @param units the units used
	 * @return what they cost, e.g. {@code 0.152 USD}
	 */
	public String of(long units) {
		return new BigDecimal(units * this.perThousand / 1000).round(new MathContext(3))
			.stripTrailingZeros()
			.toPlainString() + " USD";
	}

	/**
	 * @param unit what is counted, e.g. {@code metrics requested}
	 * @return the price in words with its source, e.g.
	 * {@code 0.01 USD per 1,000 metrics requested (list prices as known on ...; parity.cost...)}
	 */
	public String per(String unit) {
		return String.format(Locale.ROOT, "%s USD per 1,000 %s (%s; %s)", Durations.trim(this.perThousand), unit,
				this.checked, this.property);
	}

}
