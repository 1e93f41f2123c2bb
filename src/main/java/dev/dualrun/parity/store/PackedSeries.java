package dev.dualrun.parity.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import dev.dualrun.parity.source.QueryWindow;

/**
 * Packs one side's raw series compactly: one row per pair and side instead of a row per
 * point.
 * <p>
 * Layout (then deflated): version byte 1; grid start (epoch s, long); step (s, int);
 * slots (int); presence bitmap (ceil(slots/8) bytes); one IEEE double per present slot,
 * in slot order; count of off-grid points (int) and for each its epoch milliseconds
 * (long) and value (double). NaN and infinities are kept bit for bit. A day of 1,440
 * one-minute points takes at most 11.7 KB before compression.
 */
public final class PackedSeries {

	private static final byte VERSION = 1;

	private PackedSeries() {
	}

	/**
	 * @param window the grid
	 * @param timestamps epoch milliseconds, any order
	 * @param values the raw values
	 * @return the packed bytes
	 */
	public static byte[] pack(QueryWindow window, long[] timestamps, double[] values) {
		int slots = window.count();
		BitSet present = new BitSet(slots);
		double[] onGrid = new double[slots];
		List<Integer> extras = new ArrayList<>();
		for (int i = 0; i < timestamps.length; i++) {
			int k = window.indexOf(java.time.Instant.ofEpochMilli(timestamps[i]));
			if (k >= 0 && !present.get(k)) {
				present.set(k);
				onGrid[k] = values[i];
			}
			else {
				extras.add(i);
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
			out.writeByte(VERSION);
			out.writeLong(window.start().getEpochSecond());
			out.writeInt((int) window.period().toSeconds());
			out.writeInt(slots);
			out.write(Arrays.copyOf(present.toByteArray(), (slots + 7) / 8));
			for (int k = present.nextSetBit(0); k >= 0; k = present.nextSetBit(k + 1)) {
				out.writeDouble(onGrid[k]);
			}
			out.writeInt(extras.size());
			for (int i : extras) {
				out.writeLong(timestamps[i]);
				out.writeDouble(values[i]);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * @param packed bytes from {@link #pack}
	 * @return the points, on-grid first in slot order, then the off-grid ones
	 */
	public static Points unpack(byte[] packed) {
		try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(packed)))) {
			byte version = in.readByte();
			if (version != VERSION) {
				throw new IllegalArgumentException("unknown packed series version " + version);
			}
			long start = in.readLong();
			int step = in.readInt();
			int slots = in.readInt();
			byte[] bitmap = new byte[(slots + 7) / 8];
			in.readFully(bitmap);
			BitSet present = BitSet.valueOf(bitmap);
			int n = present.cardinality();
			int extras;
			long[] ts;
			double[] vs;
			ts = new long[n];
			vs = new double[n];
			int i = 0;
			for (int k = present.nextSetBit(0); k >= 0; k = present.nextSetBit(k + 1)) {
				ts[i] = (start + (long) k * step) * 1000;
				vs[i++] = in.readDouble();
			}
			extras = in.readInt();
			ts = Arrays.copyOf(ts, n + extras);
			vs = Arrays.copyOf(vs, n + extras);
			for (int e = 0; e < extras; e++) {
				ts[n + e] = in.readLong();
				vs[n + e] = in.readDouble();
			}
			return new Points(ts, vs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("corrupt packed series", ex);
		}
	}

	/**
	 * Unpacked points.
	 *
	 * @param timestamps epoch milliseconds
	 * @param values raw values
	 */
	public record Points(long[] timestamps, double[] values) {

	}

}
