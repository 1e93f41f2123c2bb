package dev.dualrun.parity.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Grafana's own dashboard schema, as {@code @grafana/schema} publishes it (the TypeScript
 * types generated from Grafana's CUE kinds, {@code raw/dashboard/x/types.gen.d.ts},
 * Apache-2.0), read into a structural checker: every key of a JSON object must be a field
 * of its interface, every field not marked optional must be there, and strings, numbers,
 * booleans, arrays, string-literal unions and nested interfaces must have their type.
 */
final class GrafanaSchema {

	/** A field: its TypeScript type and whether it may be left out. */
	record Field(String type, boolean optional) {

	}

	private final Map<String, Map<String, Field>> interfaces = new HashMap<>();

	private final Map<String, String> aliases = new HashMap<>();

	private static final Pattern INTERFACE = Pattern.compile("^export interface (\\w+)(?: extends ([\\w, ]+))? \\{$");

	private static final Pattern ALIAS = Pattern.compile("^export type (\\w+) = (.+);$");

	private static final Pattern FIELD = Pattern.compile("^\\s+(\\w+)(\\??): (.*)$");

	private int anonymous;

	GrafanaSchema(String typescript) {
		String text = typescript.replaceAll("(?s)/\\*.*?\\*/", "");
		List<String> lines = text.lines().map(String::stripTrailing).filter((l) -> !l.isBlank()).toList();
		Map<String, String> parents = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher a = ALIAS.matcher(lines.get(i));
			if (a.matches()) {
				this.aliases.put(a.group(1), a.group(2).strip());
				continue;
			}
			Matcher m = INTERFACE.matcher(lines.get(i));
			if (m.matches()) {
				Map<String, Field> fields = new LinkedHashMap<>();
				i = body(lines, i + 1, fields);
				this.interfaces.put(m.group(1), fields);
				if (m.group(2) != null) {
					parents.put(m.group(1), m.group(2).split(",")[0].strip());
				}
			}
		}
		parents.forEach((child, parent) -> {
			Map<String, Field> inherited = this.interfaces.get(parent);
			if (inherited != null) {
				inherited.forEach(this.interfaces.get(child)::putIfAbsent);
			}
		});
	}

	/** Reads fields up to the closing brace; inline object types become interfaces. */
	private int body(List<String> lines, int from, Map<String, Field> fields) {
		int i = from;
		while (i < lines.size() && !lines.get(i).strip().startsWith("}")) {
			Matcher f = FIELD.matcher(lines.get(i));
			if (f.matches()) {
				String type = f.group(3);
				if (type.equals("{") || type.equals("Array<{")) {
					String name = "$inline" + (this.anonymous++);
					Map<String, Field> inner = new LinkedHashMap<>();
					i = body(lines, i + 1, inner);
					this.interfaces.put(name, inner);
					type = type.equals("{") ? name : "Array<" + name + ">";
				}
				else {
					type = type.replaceAll(";$", "");
				}
				fields.put(f.group(1), new Field(type, !f.group(2).isEmpty()));
			}
			i++;
		}
		return i;
	}

	boolean knows(String name) {
		return this.interfaces.containsKey(name);
	}

	/**
	 * @param node a JSON value
	 * @param type a TypeScript type of the schema
	 * @return what does not fit, each with its JSON path; empty when it fits
	 */
	List<String> check(JsonNode node, String type) {
		List<String> problems = new ArrayList<>();
		check(node, type, "$", problems);
		return problems;
	}

	private void check(JsonNode node, String type, String at, List<String> problems) {
		String t = type.strip();
		while (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
			t = t.substring(1, t.length() - 1).strip();
		}
		if (this.aliases.containsKey(t)) {
			check(node, this.aliases.get(t), at, problems);
			return;
		}
		List<String> union = split(t, '|');
		if (union.size() > 1) {
			List<String> best = null;
			for (String alternative : union) {
				List<String> p = new ArrayList<>();
				check(node, alternative, at, p);
				if (p.isEmpty()) {
					return;
				}
				best = (best == null || p.size() < best.size()) ? p : best;
			}
			problems.addAll(best);
			return;
		}
		if (t.startsWith("'") && t.endsWith("'")) {
			if (!node.isString() || !node.asString().equals(t.substring(1, t.length() - 1))) {
				problems.add(at + ": expected " + t + ", got " + node);
			}
			return;
		}
		switch (t) {
			case "string" -> expect(node.isString(), at, t, node, problems);
			case "number" -> expect(node.isNumber(), at, t, node, problems);
			case "boolean" -> expect(node.isBoolean(), at, t, node, problems);
			case "null" -> expect(node.isNull(), at, t, node, problems);
			case "unknown", "any" -> {
			}
			default -> {
				if (t.startsWith("Array<") && t.endsWith(">")) {
					if (!node.isArray()) {
						problems.add(at + ": expected an array, got " + node.getNodeType());
						return;
					}
					String element = t.substring(6, t.length() - 1);
					for (int i = 0; i < node.size(); i++) {
						check(node.get(i), element, at + "[" + i + "]", problems);
					}
				}
				else if (t.startsWith("Record<")) {
					expect(node.isObject(), at, t, node, problems);
				}
				else if (this.interfaces.containsKey(t)) {
					object(node, this.interfaces.get(t), t, at, problems);
				}
				// any other type of the schema (a generic, a function) is not checked
			}
		}
	}

	private void object(JsonNode node, Map<String, Field> fields, String type, String at, List<String> problems) {
		if (!node.isObject()) {
			problems.add(at + ": expected an object (" + type + "), got " + node.getNodeType());
			return;
		}
		for (String key : node.propertyNames()) {
			Field f = fields.get(key);
			if (f == null) {
				problems.add(at + "." + key + ": not a field of " + (type.startsWith("$") ? "its object" : type));
			}
			else {
				check(node.get(key), f.type(), at + "." + key, problems);
			}
		}
		fields.forEach((name, f) -> {
			if (!f.optional() && !node.has(name)) {
				problems
					.add(at + "." + name + ": missing, required by " + (type.startsWith("$") ? "its object" : type));
			}
		});
	}

	private static void expect(boolean ok, String at, String type, JsonNode node, List<String> problems) {
		if (!ok) {
			problems.add(at + ": expected " + type + ", got " + node);
		}
	}

	private static boolean balanced(String s) {
		int depth = 0;
		for (char c : s.toCharArray()) {
			depth += (c == '(' || c == '<' || c == '{') ? 1 : (c == ')' || c == '>' || c == '}') ? -1 : 0;
			if (depth < 0) {
				return false;
			}
		}
		return depth == 0;
	}

	private static List<String> split(String s, char on) {
		List<String> out = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			depth += (c == '(' || c == '<' || c == '{') ? 1 : (c == ')' || c == '>' || c == '}') ? -1 : 0;
			if (c == on && depth == 0) {
				out.add(s.substring(start, i).strip());
				start = i + 1;
			}
		}
		out.add(s.substring(start).strip());
		return out;
	}

}
