package dev.dualrun.parity.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The help of a command with the options' descriptions wrapped at spaces only. picocli
 * wraps them with the JDK's line breaking, which also breaks after '.', ':' and '-' and
 * so cut URLs, settings and dates in two ({@code http:} / {@code //localhost:9090}).
 */
final class SpaceWrappedHelp extends Help {

	SpaceWrappedHelp(CommandSpec spec, Help.ColorScheme scheme) {
		super(spec, scheme);
	}

	/**
	 * @return the factory of this help, for {@link CommandLine#setHelpFactory}
	 */
	static CommandLine.IHelpFactory factory() {
		return SpaceWrappedHelp::new;
	}

	/**
	 * The command's description, its paragraphs wrapped at spaces to the help's width.
	 */
	@Override
	public String description(Object... params) {
		StringBuilder out = new StringBuilder();
		int width = commandSpec().usageMessage().width();
		for (String paragraph : commandSpec().usageMessage().description()) {
			for (String line : String.format(paragraph, params).split("\\R", -1)) {
				for (String wrapped : Table.lines(line, width, width)) {
					out.append(wrapped).append(System.lineSeparator());
				}
			}
		}
		return out.toString();
	}

	@Override
	public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> parameters,
			Help.ColorScheme scheme) {
		Layout layout = super.createDefaultLayout(options, parameters, scheme);
		return new Layout(scheme, new Table(scheme, layout.textTable().columns()), layout.optionRenderer(),
				layout.parameterRenderer());
	}

	/** A text table whose wrapped columns break lines at spaces. */
	private static final class Table extends TextTable {

		private final Help.ColorScheme scheme;

		Table(Help.ColorScheme scheme, Column[] columns) {
			super(scheme, columns);
			this.scheme = scheme;
		}

		@Override
		public Cell putValue(int row, int col, Text value) {
			Column column = columns()[col];
			String plain = value.plainString();
			// picocli indents a wrapped cell's later lines by two
			int first = column.width - column.indent;
			if (column.overflow != Column.Overflow.WRAP || plain.length() <= first || plain.contains("\n")) {
				return super.putValue(row, col, value);
			}
			List<String> lines = lines(plain, first, first - 2);
			Cell cell = super.putValue(row, col, this.scheme.text(lines.get(0)));
			for (String line : lines.subList(1, lines.size())) {
				addEmptyRow();
				cell = super.putValue(rowCount() - 1, col, this.scheme.text("  " + line));
			}
			return cell;
		}

		/**
		 * Words onto lines of the widths given. A word longer than a line is put on a
		 * line of its own, where picocli breaks it as it must.
		 */
		static List<String> lines(String text, int firstWidth, int width) {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : text.strip().split(" +")) {
				int limit = lines.isEmpty() ? firstWidth : width;
				if (line.length() > 0 && line.length() + 1 + word.length() > limit) {
					lines.add(line.toString());
					line.setLength(0);
				}
				line.append((line.length() > 0) ? " " : "").append(word);
			}
			lines.add(line.toString());
			return lines;
		}

	}

}
