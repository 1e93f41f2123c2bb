package dev.dualrun.parity.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The tool's own settings ({@code parity.*} properties, environment variables such as
 * {@code PARITY_SETTLE}, or CLI flags). Null fields take the documented defaults. Each
 * source's settings (its own prefix, e.g. {@code parity.cloudwatch.*}) travel with them
 * in {@link #sources()}, bound by the source itself.
 *
 * @param settle how far behind now the window must end: recent data still changes (the
 * settle rule)
 * @param settleRecheck the pause before a pair failing only in its newest periods is read
 * again; zero turns the re-read off
 * @param threads how many pairs are compared at once
 * @param reportsDir where HTML reports are written
 * @param textfile where each run writes its verdicts as metrics for node_exporter's
 * textfile collector (a {@code .prom} file), or null for none
 * @param pushgateway the Pushgateway each run pushes its verdicts to, or null for none
 * @param sources each source's own settings
 */
public record ParityProperties(Duration settle, Duration settleRecheck, Integer threads, Path reportsDir, Path textfile,
		java.net.URI pushgateway, SourceSettings sources) {

	public ParityProperties {
		settle = (settle != null) ? settle : Duration.ofMinutes(10);
		settleRecheck = (settleRecheck != null) ? settleRecheck : Duration.ofSeconds(60);
		threads = (threads != null && threads > 0) ? threads : 4;
		reportsDir = (reportsDir != null) ? reportsDir : Path.of("reports");
		sources = (sources != null) ? sources : SourceSettings.NONE;
	}

	/**
	 * @return the defaults, with every source on its own defaults
	 */
	public static ParityProperties defaults() {
		return new ParityProperties(null, null, null, null, null, null, null);
	}

	/**
	 * @param <T> the settings' type
	 * @param type a source's settings record
	 * @param defaults its defaults, when none were bound
	 * @return that source's settings
	 */
	public <T> T source(Class<T> type, java.util.function.Supplier<T> defaults) {
		return this.sources.get(type).orElseGet(defaults);
	}

	/**
	 * @param settings a source's settings
	 * @return these settings with that source's replaced
	 */
	public ParityProperties withSource(Object settings) {
		return new ParityProperties(this.settle, this.settleRecheck, this.threads, this.reportsDir, this.textfile,
				this.pushgateway, this.sources.with(settings));
	}

	/**
	 * @param all every source's settings
	 * @return these settings with those
	 */
	public ParityProperties withSources(SourceSettings all) {
		return new ParityProperties(this.settle, this.settleRecheck, this.threads, this.reportsDir, this.textfile,
				this.pushgateway, all);
	}

}
