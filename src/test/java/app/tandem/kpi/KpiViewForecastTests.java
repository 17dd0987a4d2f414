package app.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class KpiViewForecastTests {

	private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

	@Test
	void daysUntilACrossingAreWholeDaysRoundedUpFromNow() {
		assertThat(KpiView.Forecast.daysUntil(Instant.parse("2026-11-20T12:00:00.000001Z"), NOW)).isEqualTo(1);
		assertThat(KpiView.Forecast.daysUntil(Instant.parse("2026-11-21T12:00:00Z"), NOW)).isEqualTo(1);
		assertThat(KpiView.Forecast.daysUntil(Instant.parse("2026-11-21T12:00:01Z"), NOW)).isEqualTo(2);
		assertThat(KpiView.Forecast.daysUntil(Instant.parse("2026-12-02T23:24:09Z"), NOW)).isEqualTo(13);
	}

	@Test
	void aCrossingNowOrPastIsZeroDaysAway() {
		assertThat(KpiView.Forecast.daysUntil(NOW, NOW)).isZero();
		assertThat(KpiView.Forecast.daysUntil(Instant.parse("2026-11-01T00:00:00Z"), NOW)).isZero();
	}

	@Test
	void noCrossingNoDays() {
		assertThat(KpiView.Forecast.daysUntil(null, NOW)).isNull();
	}
}
