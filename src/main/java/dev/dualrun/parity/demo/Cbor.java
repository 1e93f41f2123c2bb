package dev.dualrun.parity.demo;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.cbor.CBORWriteFeature;

/**
 * CBOR as the Smithy RPC v2 CBOR protocol uses it: maps keyed by member name, timestamps
 * as tag 1 around epoch seconds. Reading accepts definite and indefinite lengths,
 * integers and half, single or double floats (the SDK sends timestamps as the shortest
 * exact float).
 */
final class Cbor {

	static final CBORMapper MAPPER = CBORMapper.builder()
		.enable(CBORWriteFeature.WRITE_MINIMAL_INTS)
		.enable(CBORWriteFeature.WRITE_MINIMAL_DOUBLES)
		.build();

	private Cbor() {
	}

	static JsonNode read(byte[] body) {
		if (body.length == 0) {
			return MAPPER.createObjectNode();
		}
		return MAPPER.readTree(body);
	}

	static byte[] write(Consumer<JsonGenerator> body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator gen = MAPPER.createGenerator(out)) {
			body.accept(gen);
		}
		return out.toByteArray();
	}

	/** Writes an instant as tag 1 around epoch seconds (fractional for milliseconds). */
	static void timestamp(JsonGenerator gen, long epochMillis) {
		((CBORGenerator) gen).writeTag(1);
		if (epochMillis % 1000 == 0) {
			gen.writeNumber((double) (epochMillis / 1000));
		}
		else {
			gen.writeNumber(epochMillis / 1000.0);
		}
	}

	/**
	 * Reads a timestamp member (any number under tag 1, or untagged) as epoch
	 * milliseconds.
	 */
	static long millis(JsonNode node) {
		return Math.round(node.asDouble() * 1000.0);
	}

}
