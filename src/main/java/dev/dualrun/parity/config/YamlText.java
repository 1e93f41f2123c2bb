package dev.dualrun.parity.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks that a file meant for the YAML parser is one document of UTF-8 text, and says
 * where it is not: the parser reports bytes it cannot decode, control characters and a
 * second document at the wrong place or in its own words.
 */
final class YamlText {

	private YamlText() {
	}

	/**
	 * @param source the file's name, for messages
	 * @param bytes its content
	 * @throws MappingException naming the line and the column of the first problem
	 */
	static void check(String source, byte[] bytes) {
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		int offset = 0;
		ByteBuffer in = ByteBuffer.wrap(bytes);
		String text;
		try {
			text = utf8.decode(in).toString();
		}
		catch (CharacterCodingException ex) {
			offset = firstMalformed(bytes);
			int[] at = lineAndColumn(bytes, offset);
			throw MappingException.at(source, at[0], "", String.format(Locale.ROOT,
					"not UTF-8 text (byte 0x%02X at column %d): save the file as UTF-8", bytes[offset] & 0xff, at[1]));
		}
		int line = 1;
		int column = 1;
		boolean content = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				line++;
				column = 1;
				continue;
			}
			if (column == 1 && content && text.startsWith("---", i)
					&& (i + 3 == text.length() || Character.isWhitespace(text.charAt(i + 3)))) {
				throw MappingException.at(source, line, "",
						"a second YAML document (---): the file holds one document; split it into files");
			}
			if (Character.isISOControl(c) && c != '\t' && c != '\r' || c == '\uFEFF' && i > 0) {
				throw MappingException.at(source, line, "", String.format(Locale.ROOT,
						"a control character (\\x%02x) at column %d: the file must be plain text", (int) c, column));
			}
			if (column == 1 && c != '#' && !Character.isWhitespace(c) && !text.startsWith("---", i)) {
				content = true;
			}
			column++;
		}
	}

	/**
	 * A YAML syntax error in words, from the parser's problem and context (its own
	 * message quotes the text with markers across several lines).
	 * @param failure what the YAML parser or Jackson threw
	 * @return e.g. {@code YAML syntax: found unexpected end of stream while scanning a
	 * quoted scalar that starts at line 3, column 9}, or null if it is no syntax error
	 */
	static String syntaxError(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException yaml) {
				String context = (yaml.getContext() != null) ? " " + yaml.getContext()
						+ yaml.getContextMark()
							.map((m) -> " that starts at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
							.orElse("")
						: "";
				String problem = String.valueOf(yaml.getProblem())
					.replace("'<stream end>'", "the end of the file")
					.replace("<stream end>", "the end of the file")
					.replace("end of stream", "end of the file");
				return "YAML syntax: " + Text.oneLine(problem + context);
			}
		}
		return null;
	}

	private static int firstMalformed(byte[] bytes) {
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
		utf8.decode(in, out, true);
		return Math.min(in.position(), bytes.length - 1);
	}

	private static int[] lineAndColumn(byte[] bytes, int offset) {
		int line = 1;
		int column = 1;
		for (int i = 0; i < offset; i++) {
			if (bytes[i] == '\n') {
				line++;
				column = 1;
			}
			else if ((bytes[i] & 0xC0) != 0x80) {
				column++;
			}
		}
		return new int[] { line, column };
	}

}
