package app.tandem.kpi.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written reader must answer exactly what the JDK's parsers answer, errors included. */
class IsoInstantsTests {

	/** What ingestion did before: the JDK's parsers. */
	private static Instant reference(String text) {
		if (text.length() == 10) {
			return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
	}

	@Test
	void readsTheUsualShapes() {
		assertThat(IsoInstants.parse("2026-11-23")).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
		assertThat(IsoInstants.parse("2026-11-23T10:00:00Z")).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(IsoInstants.parse("2026-11-23T11:30:00+01:30")).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(IsoInstants.parse("2026-11-23T10:00:00.1234567-02:00"))
			.isEqualTo(Instant.parse("2026-11-23T12:00:00.123456Z"));
		assertThat(IsoInstants.parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
	}

	@Test
	void refusesWhatIsNotAnInstantAsTheJdkDoes() {
		for (String text : new String[] { "2026-02-29", "2026-13-01", "2026-11-23T24:00:00Z", "2026-11-23T10:00:00",
				"2026-11-23 10:00:00Z", "2026-11-23T10:00:00+19:00", "yesterday", "" }) {
			assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
		}
	}

	static LongStream seeds() {
		return LongStream.range(1, 21);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void agreesWithTheJdkOnRandomAndMangledText(long seed) {
		Random random = new Random(seed);
		for (int i = 0; i < 2_000; i++) {
			String text = mangle(random, candidate(random));
			Object expected;
			try {
				expected = reference(text);
			}
			catch (DateTimeParseException e) {
				expected = DateTimeParseException.class;
			}
			Object actual;
			try {
				actual = IsoInstants.parse(text);
			}
			catch (DateTimeParseException e) {
				actual = DateTimeParseException.class;
			}
			assertThat(actual).as("seed %d: %s", seed, text).isEqualTo(expected);
		}
	}

	private static String candidate(Random random) {
		String date = String.format("%04d-%02d-%02d", random.nextInt(10_000), 1 + random.nextInt(13), 1 + random.nextInt(31));
		if (random.nextInt(4) == 0) {
			return date;
		}
		String time = String.format("T%02d:%02d:%02d", random.nextInt(25), random.nextInt(61), random.nextInt(61));
		String fraction = switch (random.nextInt(4)) {
			case 0 -> "";
			case 1 -> "." + (random.nextInt(9) + 1);
			case 2 -> "." + String.format("%09d", random.nextInt(1_000_000_000));
			default -> "." + "1234567890".substring(0, 1 + random.nextInt(10));
		};
		String offset = switch (random.nextInt(4)) {
			case 0, 1 -> "Z";
			case 2 -> String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(61));
			default -> "";
		};
		return date + time + fraction + offset;
	}

	/** Now and then one character changed, dropped or doubled. */
	private static String mangle(Random random, String text) {
		if (text.isEmpty() || random.nextInt(3) != 0) {
			return text;
		}
		int at = random.nextInt(text.length());
		String noise = "0123456789-:.TZtz+ x";
		return switch (random.nextInt(3)) {
			case 0 -> text.substring(0, at) + noise.charAt(random.nextInt(noise.length())) + text.substring(at + 1);
			case 1 -> text.substring(0, at) + text.substring(at + 1);
			default -> text.substring(0, at) + text.charAt(at) + text.substring(at);
		};
	}
}
