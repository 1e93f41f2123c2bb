package dev.dualrun.parity.source.prometheus;

/**
 * Reads the words of a PromQL query one at a time: names, numbers, strings, durations and
 * punctuation, skipping spaces and {@code #} comments. It keeps the position, so a parser
 * can look ahead and go back, and names the column of a syntax error.
 */
final class PromQlScanner {

	private final String text;

	private int pos;

	PromQlScanner(String text) {
		this.text = text;
	}

	/**
	 * @return the position of the next character, 0-based
	 */
	int pos() {
		return this.pos;
	}

	/**
	 * Goes back (or forward) to a position a call to {@link #pos()} returned.
	 * @param pos the position
	 */
	void reset(int pos) {
		this.pos = pos;
	}

	/**
	 * @return true if the whole query has been read
	 */
	boolean atEnd() {
		return this.pos >= this.text.length();
	}

	/**
	 * @return the next character; the caller checks {@link #atEnd()} first
	 */
	char current() {
		return this.text.charAt(this.pos);
	}

	/** Steps over the next character. */
	void advance() {
		this.pos++;
	}

	/**
	 * @param from a position
	 * @return the query's text from it to the present position
	 */
	String since(int from) {
		return this.text.substring(from, this.pos);
	}

	/**
	 * Reads the first of the symbols that the query continues with.
	 * @param symbols the symbols, longer ones before their prefixes
	 * @return the symbol read, or null (nothing read)
	 */
	String acceptAny(String... symbols) {
		for (String symbol : symbols) {
			if (this.text.startsWith(symbol, this.pos)) {
				this.pos += symbol.length();
				return symbol;
			}
		}
		return null;
	}

	String string() {
		if (this.pos >= this.text.length()) {
			throw error("expected a string");
		}
		char quote = this.text.charAt(this.pos);
		if (quote != '"' && quote != '\'' && quote != '`') {
			throw error("expected a quoted string");
		}
		StringBuilder sb = new StringBuilder();
		this.pos++;
		while (this.pos < this.text.length() && this.text.charAt(this.pos) != quote) {
			char c = this.text.charAt(this.pos++);
			if (c == '\\' && quote != '`' && this.pos < this.text.length()) {
				c = this.text.charAt(this.pos++);
			}
			sb.append(c);
		}
		expect(quote);
		return sb.toString();
	}

	String duration() {
		int start = this.pos;
		while (this.pos < this.text.length() && (Character.isDigit(this.text.charAt(this.pos))
				|| "smhdwy".indexOf(this.text.charAt(this.pos)) >= 0)) {
			this.pos++;
		}
		String d = this.text.substring(start, this.pos);
		if (!d.matches("(\\d+(ms|s|m|h|d|w|y))+") && !d.matches("\\d+")) {
			throw error("expected a duration such as 5m, got '" + d + "'");
		}
		return d;
	}

	boolean number() {
		int start = this.pos;
		if (this.text.startsWith("0x", this.pos)) {
			this.pos += 2;
		}
		while (this.pos < this.text.length()
				&& (Character.isDigit(this.text.charAt(this.pos)) || this.text.charAt(this.pos) == '.')) {
			this.pos++;
		}
		if (this.pos > start && this.pos < this.text.length()
				&& (this.text.charAt(this.pos) == 'e' || this.text.charAt(this.pos) == 'E')) {
			this.pos++;
			accept('-');
			accept('+');
			while (this.pos < this.text.length() && Character.isDigit(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}
		if (this.pos > start && this.pos < this.text.length() && Character.isLetter(this.text.charAt(this.pos))) {
			this.pos = start;
			return false;
		}
		return this.pos > start;
	}

	String metricName() {
		int start = this.pos;
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			if (Character.isLetterOrDigit(c) || c == '_' || c == ':') {
				this.pos++;
			}
			else {
				break;
			}
		}
		if (this.pos == start || Character.isDigit(this.text.charAt(start))) {
			this.pos = start;
			return null;
		}
		return this.text.substring(start, this.pos);
	}

	String identifier() {
		int start = this.pos;
		while (this.pos < this.text.length()
				&& (Character.isLetterOrDigit(this.text.charAt(this.pos)) || this.text.charAt(this.pos) == '_')) {
			this.pos++;
		}
		return (this.pos > start) ? this.text.substring(start, this.pos) : null;
	}

	boolean lookingAtWord(String word) {
		int save = this.pos;
		String id = identifier();
		this.pos = save;
		return word.equals(id);
	}

	void space() {
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			if (Character.isWhitespace(c)) {
				this.pos++;
			}
			else if (c == '#') {
				while (this.pos < this.text.length() && this.text.charAt(this.pos) != '\n') {
					this.pos++;
				}
			}
			else {
				return;
			}
		}
	}

	boolean peek(char c) {
		return this.pos < this.text.length() && this.text.charAt(this.pos) == c;
	}

	boolean accept(char c) {
		if (peek(c)) {
			this.pos++;
			return true;
		}
		return false;
	}

	void expect(char c) {
		space();
		if (!accept(c)) {
			throw error("expected '" + c + "'" + ((this.pos < this.text.length())
					? " but found '" + this.text.charAt(this.pos) + "'" : " but the query ended"));
		}
	}

	PromQl.SyntaxError error(String message) {
		return new PromQl.SyntaxError(message, this.pos + 1);
	}

}
