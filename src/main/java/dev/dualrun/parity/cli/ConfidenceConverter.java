package dev.dualrun.parity.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@code --threshold} of confidence: a number from 0 to 1. */
final class ConfidenceConverter implements ITypeConverter<Double> {

	@Override
	public Double convert(String value) {
		double v;
		try {
			v = Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			v = Double.NaN;
		}
		if (!(v >= 0 && v <= 1)) {
			throw new TypeConversionException("'" + Console.oneLine(value) + "': give a number from 0 to 1");
		}
		return v;
	}

}
