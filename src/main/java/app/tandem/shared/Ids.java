package app.tandem.shared;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7): new rows sort after old ones, which keeps list order stable and indexes compact. */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static UUID next() {
		long millis = System.currentTimeMillis();
		long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
		long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	/** An id from a path or a body; anything that is not one names nothing, so it is "not found". */
	public static UUID parse(String value, String what) {
		UUID id = tryParse(value);
		if (id == null) {
			throw new NotFoundException(what, value);
		}
		return id;
	}

	public static UUID tryParse(String value) {
		if (value == null || value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	public static String str(UUID id) {
		return id == null ? null : id.toString();
	}
}
