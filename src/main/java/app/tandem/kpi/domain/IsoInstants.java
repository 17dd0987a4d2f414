package app.tandem.kpi.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads the instants of measurements: ISO-8601 with an offset ({@code 2026-11-23T10:00:00Z},
 * {@code 2026-11-23T11:00:00.5+01:00}), or a date for the start of that UTC day, to the microsecond.
 * The usual shapes are read by hand, as {@code OffsetDateTime.parse} cost more than half of an
 * ingestion; anything else, and anything wrong, goes to the JDK's parser, so the answers and the
 * errors are the JDK's.
 */
public final class IsoInstants {

	private IsoInstants() {
	}

	/** @throws DateTimeParseException when the text is neither shape */
	public static Instant parse(String text) {
		Instant fast = fast(text);
		if (fast != null) {
			return fast;
		}
		if (text.length() == 10) {
			return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
	}

	/** Null when the text is not one of the usual shapes or not a valid instant. */
	private static Instant fast(String s) {
		int n = s.length();
		if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
			return null;
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 2);
		int day = digits(s, 8, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
			return null;
		}
		long epochDay = LocalDate.of(year, month, day).toEpochDay();
		if (n == 10) {
			return Instant.ofEpochSecond(epochDay * 86_400);
		}
		if (n < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
			return null;
		}
		int hour = digits(s, 11, 2);
		int minute = digits(s, 14, 2);
		int second = digits(s, 17, 2);
		if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int i = 19;
		long nanos = 0;
		if (s.charAt(i) == '.') {
			int start = ++i;
			while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
				nanos = nanos * 10 + (s.charAt(i) - '0');
				i++;
			}
			if (i == start || (i < n && isDigit(s.charAt(i)))) {
				return null;
			}
			for (int k = i - start; k < 9; k++) {
				nanos *= 10;
			}
		}
		int offsetSeconds = offset(s, i);
		if (offsetSeconds == Integer.MIN_VALUE) {
			return null;
		}
		long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
		return Instant.ofEpochSecond(seconds, nanos - nanos % 1000);
	}

	/** Z, or ±HH:MM ending the text; Integer.MIN_VALUE otherwise. */
	private static int offset(String s, int i) {
		int n = s.length();
		if (i == n - 1 && s.charAt(i) == 'Z') {
			return 0;
		}
		if (i != n - 6 || s.charAt(i + 3) != ':' || (s.charAt(i) != '+' && s.charAt(i) != '-')) {
			return Integer.MIN_VALUE;
		}
		int hours = digits(s, i + 1, 2);
		int minutes = digits(s, i + 4, 2);
		if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || (hours == 18 && minutes > 0)) {
			return Integer.MIN_VALUE;
		}
		int seconds = hours * 3600 + minutes * 60;
		return s.charAt(i) == '-' ? -seconds : seconds;
	}

	/** The number written by {@code count} digits from {@code from}; -1 if one is not a digit. */
	private static int digits(String s, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = s.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}
}
