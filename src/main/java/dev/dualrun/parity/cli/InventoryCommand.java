package dev.dualrun.parity.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.source.Inventory;
import dev.dualrun.parity.source.InventoryItem;
import dev.dualrun.parity.source.InventoryQuery;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.source.Inventoried;
import dev.dualrun.parity.source.Sources;

/** {@code inventory}: list the old side's metrics and store them as a dated inventory. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
		header = "List the old side's metrics (${parity.inventory.by}) and store them as a dated inventory.",
		description = { "Lists every metric of the account (the namespaces named with --namespace, or all) that",
				"the old side counts as active: data in the last two weeks, or with --recently-active in the last",
				"three hours. The inventory is stored; `coverage` and `signoff` compare the mapping with the",
				"latest one. Exit 0 when listed, 3 when the old side could not be read." })
final class InventoryCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--namespace", paramLabel = "NS", split = ",",
			description = "Only these namespaces (repeatable or comma-separated), e.g. FlaskApp. Default: all")
	List<String> namespaces = new ArrayList<>();

	@Option(names = "--recently-active",
			description = "Only metrics with data in the last three hours (RecentlyActive=PT3H)")
	boolean recentlyActive;

	@Option(names = "--linked-accounts",
			description = "Also the metrics of source accounts linked to this monitoring account")
	boolean linkedAccounts;

	@Mixin
	BackendOptions backends;

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		for (String ns : this.namespaces) {
			if (ns.isBlank() || ns.length() > 255) {
				return console.error(ExitCodes.CONFIGURATION, "--namespace '" + Console.oneLine(ns)
						+ "': give a namespace such as FlaskApp (1 to 255 characters)");
			}
		}
		List<String> args = new ArrayList<>(this.backends.args());
		InventoryQuery query = new InventoryQuery(this.namespaces, this.recentlyActive, this.linkedAccounts);
		return ParityApplicationContext.withStore(console, this.store, args, (context) -> {
			Inventoried lister = Sources.one(Inventoried.class, Side.OLD, "list its metrics");
			Inventory inventory = lister.inventory(context.properties(), query);
			long id = context.store().saveInventory(inventory, query);
			Map<String, Integer> byNamespace = new TreeMap<>();
			for (InventoryItem item : inventory.items()) {
				byNamespace.merge(item.namespace(), 1, Integer::sum);
			}
			console.line("inventory " + id + ": " + inventory.items().size() + " metric(s) in " + byNamespace.size()
					+ " namespace(s) of " + inventory.system() + " at " + inventory.location() + " ("
					+ inventory.calls() + " " + lister.listedBy() + " call(s)"
					+ (this.recentlyActive ? ", active in the last 3 h" : ", active in the last 2 weeks") + ")");
			byNamespace.forEach((ns, n) -> console.line(String.format(java.util.Locale.ROOT, "  %-40s %8d", ns, n)));
			return ExitCodes.PASS;
		});
	}

}
