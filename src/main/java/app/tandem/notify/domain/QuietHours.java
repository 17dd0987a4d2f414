package app.tandem.notify.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours of a day in which a person is sent nothing (from, to in their time zone; a span over midnight such as
 * 22:00–07:00 is allowed): what falls in them waits for their end.
 */
public record QuietHours(LocalTime from, LocalTime to) {

	public static final QuietHours NONE = new QuietHours(null, null);

	public static QuietHours of(LocalTime from, LocalTime to) {
		return from == null || to == null || from.equals(to) ? NONE : new QuietHours(from, to);
	}

	/** When something due at {@code at} may be sent: then, or at the end of the quiet hours it falls in. */
	public Instant sendAt(Instant at, ZoneId zone) {
		if (from == null) {
			return at;
		}
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		boolean overMidnight = from.isAfter(to);
		boolean quiet = overMidnight ? !time.isBefore(from) || time.isBefore(to)
				: !time.isBefore(from) && time.isBefore(to);
		if (!quiet) {
			return at;
		}
		ZonedDateTime end = local.with(to);
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return end.toInstant();
	}
}
