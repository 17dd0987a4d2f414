package app.tandem.kpi.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeasurementInstantsTests {

	private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

	private static String problem(String at) {
		return MeasurementInstants.problem(IsoInstants.parse(at), NOW);
	}

	@Test
	void fiveMinutesOfClockSkewAreAllowedAndNoMore() {
		assertThat(problem("2026-11-20T08:05:00Z")).isNull();
		assertThat(problem("2026-11-20T08:05:00.000001Z")).isEqualTo(
				"lies in the future (more than 5 minutes after 2026-11-20T08:00:00Z)");
		assertThat(problem("+99999-01-01T00:00:00Z")).startsWith("lies in the future");
	}

	@Test
	void nothingBefore1900IsAMeasurement() {
		assertThat(problem("1900-01-01T00:00:00Z")).isNull();
		assertThat(problem("1899-12-31T23:59:59.999999Z")).isEqualTo("lies before 1900-01-01");
		assertThat(problem("-999999999-01-01T00:00:00Z")).isEqualTo("lies before 1900-01-01");
	}
}
