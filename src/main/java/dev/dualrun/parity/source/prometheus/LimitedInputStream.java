package dev.dualrun.parity.source.prometheus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes and fails past a limit, so a huge answer cannot exhaust the heap. */
final class LimitedInputStream extends FilterInputStream {

	private long remaining;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.remaining = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0 && --this.remaining < 0) {
			throw new TooLargeException();
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n > 0 && (this.remaining -= n) < 0) {
			throw new TooLargeException();
		}
		return n;
	}

	/** Thrown past the limit. */
	static final class TooLargeException extends IOException {

		TooLargeException() {
			super("response too large");
		}

	}

}
