package dev.dualrun.parity.report;

import java.io.StringWriter;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.compare.Verdict;

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
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			long failures = report.pairs().stream().filter((p) -> failure(p.verdict())).count();
			long errors = report.pairs().stream().filter((p) -> p.verdict().equals("ERROR")).count();
			xml.writeStartElement("testsuite");
			xml.writeAttribute("name",
					safe("parity run " + report.run().id() + " (" + report.run().mappingSource() + ")"));
			xml.writeAttribute("tests", Integer.toString(report.pairs().size()));
			xml.writeAttribute("failures", Long.toString(failures));
			xml.writeAttribute("errors", Long.toString(errors));
			xml.writeAttribute("skipped", "0");
			xml.writeAttribute("timestamp", String.valueOf(report.run().startedAt()));
			xml.writeCharacters("\n");
			for (RunReport.PairSection p : report.pairs()) {
				xml.writeCharacters("  ");
				xml.writeStartElement("testcase");
				xml.writeAttribute("classname", "parity");
				xml.writeAttribute("name", safe(p.id()));
				String details = p.diagnoses()
					.stream()
					.map((Diagnosis d) -> d.code() + ": " + d.message())
					.collect(Collectors.joining("\n"));
				if (!Verdict.isPassing(p.verdict())) {
					xml.writeStartElement(p.verdict().equals("ERROR") ? "error" : "failure");
					xml.writeAttribute("type", p.verdict());
					xml.writeAttribute("message", safe(p.summary()));
					xml.writeCharacters(safe(details));
					xml.writeEndElement();
				}
				xml.writeEndElement();
				xml.writeCharacters("\n");
			}
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("cannot write the JUnit XML of run " + report.run().id(), ex);
		}
		return out.toString();
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
