package dev.dualrun.parity;

import java.util.ArrayList;
import java.util.List;

/**
 * The identifiers and string constants of a Java source file, comments left out: what a
 * reader of the code sees named. Enough of Java's lexical grammar for that (comments,
 * string and text-block literals with escapes, character literals, identifiers).
 */
final class JavaTokens {

	/**
	 * A name or a constant.
	 *
	 * @param line its line, from 1
	 * @param text an identifier, or a string constant in quotes
	 * @param string whether it is a string constant
	 */
	record Token(int line, String text, boolean string) {

	}

	private JavaTokens() {
	}

	static List<Token> of(String source) {
		List<Token> out = new ArrayList<>();
		int line = 1;
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			}
			else if (source.startsWith("//", i)) {
				i = source.indexOf('\n', i);
				i = (i < 0) ? n : i;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				end = (end < 0) ? n : end + 2;
				line += count(source, i, end);
				i = end;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				end = (end < 0) ? n : end + 3;
				out.add(new Token(line, source.substring(i, end), true));
				line += count(source, i, end);
				i = end;
			}
			else if (c == '"' || c == '\'') {
				int end = i + 1;
				while (end < n && source.charAt(end) != c) {
					end += (source.charAt(end) == '\\') ? 2 : 1;
				}
				if (c == '"') {
					out.add(new Token(line, source.substring(i, Math.min(end + 1, n)), true));
				}
				i = end + 1;
			}
			else if (Character.isJavaIdentifierStart(c)) {
				int end = i;
				while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
					end++;
				}
				out.add(new Token(line, source.substring(i, end), false));
				i = end;
			}
			else {
				i++;
			}
		}
		return out;
	}

	private static int count(String s, int from, int to) {
		int lines = 0;
		for (int k = from; k < to; k++) {
			lines += (s.charAt(k) == '\n') ? 1 : 0;
		}
		return lines;
	}

}
