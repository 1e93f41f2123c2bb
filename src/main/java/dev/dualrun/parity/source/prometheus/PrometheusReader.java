package dev.dualrun.parity.source.prometheus;

import java.time.Duration;

import dev.dualrun.parity.config.AlertChange;
import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.MappingBlock;
import dev.dualrun.parity.config.QueryChange;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.SideReader;

/**
 * The {@code prometheus:} block of the mapping file: the PromQL that should reproduce the
 * old side, with {@code ${period}} for the pair's period; the period must hold at least
 * four scrapes (the period rule). In an alert pair, {@code prometheus: {alert: NAME,
 * group: GROUP}}.
 */
final class PrometheusReader implements SideReader {

	/** The block's key in the mapping file, and the source's type. */
	static final String TYPE = "prometheus";

	/** The block as written. */
	record Block(String query) {

	}

	/** An alert pair's alerting rule, by name, in a group if the name is not unique. */
	record RuleRef(String alert, String group) {

	}

	@Override
	public String key() {
		return TYPE;
	}

	@Override
	public Side side() {
		return Side.NEW;
	}

	@Override
	public Class<? extends SideQuery> queryType() {
		return PrometheusQuery.class;
	}

	@Override
	public SideQuery readPair(MappingBlock block) {
		Block raw = block.bind(Block.class);
		return new PrometheusQuery(PromQlBlock.promql(block, raw.query()), block.scrapeInterval());
	}

	@Override
	public String queryField() {
		return "query";
	}

	@Override
	public String rewrite(String text, QueryChange change, Duration period) {
		return PromQlRewrite.of(text, change, period);
	}

	@Override
	public String rewriteAlert(String ruleFile, AlertMapping.Ref alert, AlertChange change) {
		return RuleFileText.rewrite(ruleFile, alert, change);
	}

	@Override
	public String alertExample() {
		return TYPE + ": {alert: NAME}";
	}

	@Override
	public String alertYaml(String name, String group) {
		return TYPE + ": { alert: " + name + ((group != null) ? ", group: " + SideReader.quoted(group) : "") + " }";
	}

	@Override
	public AlertMapping.Ref readAlert(MappingBlock block) {
		RuleRef raw = block.bind(RuleRef.class);
		String rule = block.required(raw.alert(), "alert").strip();
		if (!rule.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
			throw block.error("alert",
					"'" + rule + "' is not an alert name Prometheus accepts (letters, digits, '_' and ':')");
		}
		String group = raw.group();
		return new AlertMapping.Ref(TYPE, rule, (group != null && !group.isBlank()) ? group.strip() : null);
	}

}
