package dev.dualrun.parity.report;

import java.io.StringWriter;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.dualrun.parity.compare.Diagnosis;

/**
 * A run as a JUnit XML test suite, so CI systems show its pairs natively: one test case
 * per pair; FAIL, NO_DATA, INSUFFICIENT_DATA, UNSETTLED and NOT_JUDGED are failures
 * carrying the diagnoses, ERROR is an error, WARN passes with its note in system-out.
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
			xml.writeAttribute("name", "parity run " + report.run().id() + " (" + report.run().mappingSource() + ")");
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
				xml.writeAttribute("name", p.id());
				String details = p.diagnoses()
					.stream()
					.map((Diagnosis d) -> d.code() + ": " + d.message())
					.collect(Collectors.joining("\n"));
				if (failure(p.verdict()) || p.verdict().equals("ERROR")) {
					xml.writeStartElement(p.verdict().equals("ERROR") ? "error" : "failure");
					xml.writeAttribute("type", p.verdict());
					xml.writeAttribute("message", p.summary());
					xml.writeCharacters(details);
					xml.writeEndElement();
				}
				else if (p.verdict().equals("WARN")) {
					xml.writeStartElement("system-out");
					xml.writeCharacters("WARN: " + details);
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
		return !verdict.equals("PASS") && !verdict.equals("WARN") && !verdict.equals("ERROR");
	}

}
