package app.tandem.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;

/**
 * Dates and instants of a request body lie in the years 1 to 9999, the years ISO 8601 writes with four digits.
 * Java reads years up to ±999,999,999, which PostgreSQL stores as infinity or refuses, H2 keeps, and a backup
 * then cannot carry: refused while read, so the answer names the field.
 */
final class CalendarDates {

	private static final int FIRST_YEAR = 1;

	private static final int LAST_YEAR = 9999;

	private CalendarDates() {
	}

	static final class Dates extends ValueDeserializer<LocalDate> {

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
			plain(p);
			LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
			return date == null ? null : within(p, date.getYear(), date);
		}
	}

	static final class Instants extends ValueDeserializer<Instant> {

		@Override
		public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
			plain(p);
			Instant instant = InstantDeserializer.INSTANT.deserialize(p, ctxt);
			return instant == null ? null : within(p, instant.atOffset(ZoneOffset.UTC).getYear(), instant);
		}
	}

	/** Java's readers trim a date's text, a NUL with it: a control character is refused as in any text. */
	private static void plain(JsonParser p) {
		if (p.currentToken() == tools.jackson.core.JsonToken.VALUE_STRING) {
			String problem = app.tandem.shared.ControlCharacters.problemIn(p.getString());
			if (problem != null) {
				throw new RefusedValue(p, problem, String.class);
			}
		}
	}

	private static <T> T within(JsonParser p, int year, T value) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new RefusedValue(p, "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR, value.getClass());
		}
		return value;
	}
}
