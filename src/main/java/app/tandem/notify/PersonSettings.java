package app.tandem.notify;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import app.tandem.notify.domain.QuietHours;
import app.tandem.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's language, time zone and quiet hours for what is sent to them: the instance's defaults until set. */
@Component
class PersonSettings {

	/** What a person set (or the defaults). */
	record Settings(String language, ZoneId zone, QuietHours quiet) {

		Locale locale() {
			return Locale.forLanguageTag(language);
		}
	}

	static final java.util.List<String> LANGUAGES = java.util.List.of("en", "de");

	private final JdbcClient jdbc;

	private final NotificationProperties properties;

	PersonSettings(JdbcClient jdbc, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	Settings of(UUID person) {
		return jdbc.sql("select language, time_zone, quiet_from, quiet_to from notification_setting where user_id = ?")
			.param(person)
			.query((rs, i) -> new Settings(rs.getString(1), zone(rs.getString(2)),
					QuietHours.of(time(rs.getString(3)), time(rs.getString(4)))))
			.optional()
			.orElseGet(() -> new Settings(properties.defaultLanguage(), properties.defaultTimeZone(), QuietHours.NONE));
	}

	/** Refuses what {@link #set} would refuse, storing nothing. */
	void check(String language, String timeZone, String quietFrom, String quietTo) {
		problems(language, timeZone, quietFrom, quietTo).throwIfAny();
	}

	/** Checks every value first: a refused one changes nothing. */
	void set(UUID person, String language, String timeZone, String quietFrom, String quietTo) {
		problems(language, timeZone, quietFrom, quietTo).throwIfAny();
		LocalTime from = parse("quietFrom", quietFrom, new InvalidInputException.Collector());
		LocalTime to = parse("quietTo", quietTo, new InvalidInputException.Collector());
		String fromText = from == null ? null : from.toString();
		String toText = to == null ? null : to.toString();
		if (jdbc.sql("update notification_setting set language = ?, time_zone = ?, quiet_from = ?, quiet_to = ? where user_id = ?")
			.params(language, timeZone, fromText, toText, person)
			.update() == 0) {
			jdbc.sql("insert into notification_setting (user_id, language, time_zone, quiet_from, quiet_to) values (?, ?, ?, ?, ?)")
				.params(person, language, timeZone, fromText, toText)
				.update();
		}
	}

	private static InvalidInputException.Collector problems(String language, String timeZone, String quietFrom,
			String quietTo) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (language == null || !LANGUAGES.contains(language)) {
			problems.add("language", "must be one of " + String.join(", ", LANGUAGES));
		}
		if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
			problems.add("timeZone", "must be a time zone such as Europe/Berlin");
		}
		LocalTime from = parse("quietFrom", quietFrom, problems);
		LocalTime to = parse("quietTo", quietTo, problems);
		boolean fromGiven = quietFrom != null && !quietFrom.isBlank();
		boolean toGiven = quietTo != null && !quietTo.isBlank();
		if (fromGiven != toGiven) {
			problems.add(fromGiven ? "quietTo" : "quietFrom", "must be given with the other end of the quiet hours");
		}
		return problems;
	}

	private static LocalTime parse(String field, String value, InvalidInputException.Collector problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(value.strip()).withSecond(0).withNano(0);
		}
		catch (java.time.format.DateTimeParseException e) {
			problems.add(field, "must be a time of day such as 22:00");
			return null;
		}
	}

	private static LocalTime time(String stored) {
		return stored == null ? null : LocalTime.parse(stored);
	}

	private static ZoneId zone(String stored) {
		return ZoneId.of(stored);
	}
}
