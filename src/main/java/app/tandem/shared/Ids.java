package app.tandem.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7): new rows sort after old ones, which keeps list order stable and
 * indexes compact. Within one millisecond a counter in the 12 "rand_a" bits keeps them strictly
 * increasing on this node (RFC 9562 §6.2, method 1), so things created in a row list in that order.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static long lastMillis;

	private static long sequence;

	private Ids() {
	}

	public static UUID next() {
		long millis;
		long counter;
		synchronized (Ids.class) {
			millis = Math.max(System.currentTimeMillis(), lastMillis);
			if (millis == lastMillis) {
				sequence++;
				if (sequence > 0x0fffL) {
					millis++;
					sequence = 0;
				}
			}
			else {
				sequence = 0;
			}
			lastMillis = millis;
			counter = sequence;
		}
		long high = (millis << 16) | 0x7000L | counter;
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

	/**
	 * A list's filter ({@code ?cycleId=…}): absent is no filter, an unknown id matches nothing, and a value that is
	 * no id at all is the client's mistake: 400 naming the parameter, the value quoted short.
	 */
	public static UUID filter(String value, String parameter) {
		if (value == null) {
			return null;
		}
		UUID id = tryParse(value);
		if (id == null) {
			throw InvalidInputException.of(parameter, "is not a valid id: " + Excerpt.of(value));
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
