package dev.dualrun.parity.report;

import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.compare.Verdict;
import dev.dualrun.parity.store.RunRow;

/**
 * A run as a JUnit XML test suite, so CI systems show its pairs natively: one test case
 * per pair; PASS passes ({@link Verdict#isPassing(String)}, the one definition of
 * passing); ERROR is an error; every other verdict (WARN, FAIL, NO_DATA,
 * INSUFFICIENT_DATA, UNSETTLED, NOT_JUDGED) is a failure carrying its diagnoses. Text is
 * made XML-safe: characters XML 1.0 cannot carry are escaped as {@code \xNN}, so the file
 * is well-formed whatever a backend said.
 */
final class JUnitXml {

	private JUnitXml() {
	}

	static String of(RunReport report) {
		StringWriter out = new StringWriter();
		Map<String, Integer> counts = new java.util.HashMap<>();
		report.pairs().forEach((p) -> counts.merge(p.verdict(), 1, Integer::sum));
		try (Stream stream = new Stream(out, report.run(), counts, report.pairs().size(), report.alerts())) {
			report.pairs().forEach(stream::testcase);
		}
		return out.toString();
	}

	/**
	 * Writes the suite test case by test case as the store is read: the counts come first
	 * (they are attributes of the suite), then {@link #testcase} for each pair, then
	 * close.
	 */
	static final class Stream implements AutoCloseable {

		private final XMLStreamWriter xml;

		private final long runId;

		private final java.util.List<AlertView> alerts;

		Stream(java.io.Writer out, RunRow run, Map<String, Integer> counts, int total,
				java.util.List<AlertView> alerts) {
			this.runId = run.id();
			this.alerts = alerts;
			try {
				this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
				this.xml.writeStartDocument("UTF-8", "1.0");
				this.xml.writeCharacters("\n");
				long errors = counts.getOrDefault("ERROR", 0);
				long failures = counts.entrySet()
					.stream()
					.filter((e) -> failure(e.getKey()))
					.mapToLong(Map.Entry::getValue)
					.sum();
				this.xml.writeStartElement("testsuite");
				this.xml.writeAttribute("name", safe("parity run " + run.id() + " (" + run.mappingSource() + ")"));
				long alertFailures = alerts.stream().filter((a) -> a.verdict().equals("FAIL")).count();
				long alertErrors = alerts.stream().filter((a) -> a.verdict().equals("ERROR")).count();
				long skipped = alerts.stream().filter((a) -> a.verdict().equals("NO_EPISODES")).count();
				this.xml.writeAttribute("tests", Integer.toString(total + alerts.size()));
				this.xml.writeAttribute("failures", Long.toString(failures + alertFailures));
				this.xml.writeAttribute("errors", Long.toString(errors + alertErrors));
				this.xml.writeAttribute("skipped", Long.toString(skipped));
				this.xml.writeAttribute("timestamp", String.valueOf(run.startedAt()));
				this.xml.writeCharacters("\n");
			}
			catch (XMLStreamException ex) {
				throw failed(ex);
			}
		}

		void testcase(RunReport.PairSection p) {
			try {
				this.xml.writeCharacters("  ");
				this.xml.writeStartElement("testcase");
				this.xml.writeAttribute("classname", "parity");
				this.xml.writeAttribute("name", safe(p.id()));
				String details = p.diagnoses()
					.stream()
					.map((Diagnosis d) -> d.code() + ": " + d.message())
					.collect(Collectors.joining("\n"));
				if (!Verdict.isPassing(p.verdict())) {
					this.xml.writeStartElement(p.verdict().equals("ERROR") ? "error" : "failure");
					this.xml.writeAttribute("type", p.verdict());
					this.xml.writeAttribute("message", safe(p.summary()));
					this.xml.writeCharacters(safe(details));
					this.xml.writeEndElement();
				}
				this.xml.writeEndElement();
				this.xml.writeCharacters("\n");
			}
			catch (XMLStreamException ex) {
				throw failed(ex);
			}
		}

		/**
		 * An alert pair: FAIL a failure, ERROR an error, NO_EPISODES skipped (nothing was
		 * shown either way).
		 */
		private void alert(AlertView a) throws XMLStreamException {
			this.xml.writeCharacters("  ");
			this.xml.writeStartElement("testcase");
			this.xml.writeAttribute("classname", "parity.alerts");
			this.xml.writeAttribute("name", safe(a.id()));
			String details = a.findings()
				.stream()
				.map((f) -> f.code() + ": " + f.message())
				.collect(Collectors.joining("\n"));
			String element = switch (a.verdict()) {
				case "PASS" -> null;
				case "ERROR" -> "error";
				case "NO_EPISODES" -> "skipped";
				default -> "failure";
			};
			if (element != null) {
				this.xml.writeStartElement(element);
				this.xml.writeAttribute("type", a.verdict());
				this.xml.writeAttribute("message", safe(a.summary()));
				this.xml.writeCharacters(safe(details));
				this.xml.writeEndElement();
			}
			this.xml.writeEndElement();
			this.xml.writeCharacters("\n");
		}

		@Override
		public void close() {
			try {
				for (AlertView a : this.alerts) {
					alert(a);
				}
				this.xml.writeEndElement();
				this.xml.writeCharacters("\n");
				this.xml.writeEndDocument();
				this.xml.close();
			}
			catch (XMLStreamException ex) {
				throw failed(ex);
			}
		}

		private IllegalStateException failed(XMLStreamException ex) {
			return new IllegalStateException("cannot write the JUnit XML of run " + this.runId, ex);
		}

	}

	private static boolean failure(String verdict) {
		return !Verdict.isPassing(verdict) && !verdict.equals("ERROR");
	}

	/**
	 * @param text any text
	 * @return it with every character XML 1.0 cannot carry escaped as {@code \xNN} or
	 * {@code \\uNNNN} (tab and newline kept)
	 */
	static String safe(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean legal = c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else if (!legal || (c >= 0x7f && c <= 0x9f)) {
				out.append((c <= 0xff) ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
