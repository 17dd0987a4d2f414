package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import app.tandem.PostgresTestSchema;
import app.tandem.audit.AuditTrail;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.CycleReads;
import app.tandem.okr.KeyResults;
import app.tandem.okr.MeasuredKeyResult;
import app.tandem.okr.MeasuredKeyResults;
import app.tandem.okr.Objectives;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The kpi module alone, okr stood in for: an ingestion into a KPI that measures a key result publishes
 * {@link KpiValuesChanged}, and its reaction, once the ingestion has committed, checks the key result in with the
 * value the KPI shows, naming the ingestion; an ingestion into a KPI that measures none publishes nothing.
 */
@ApplicationModuleTest
@ContextConfiguration(initializers = PostgresTestSchema.class)
class KpiModuleTests {

	@MockitoBean
	MeasuredKeyResults measuredKeyResults;

	@MockitoBean
	CycleReads cycles;

	@MockitoBean
	KeyResults keyResults;

	@MockitoBean
	Objectives objectives;

	@MockitoBean
	IdentityApi identity;

	@MockitoBean
	AuditTrail audit;

	@Autowired
	KpiCatalog catalog;

	@Autowired
	Measurements measurements;

	/** Modulith stamps its publications with the application's clock, which lives outside this module. */
	@TestConfiguration
	static class SystemClock {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}

	@Test
	void anIngestionIntoAKpiThatMeasuresAKeyResultChecksItInAfterTheCommit(Scenario scenario) {
		String key = "signups-" + System.nanoTime();
		UUID kpi = catalog.create(kpi(key));
		UUID kr = UUID.randomUUID();
		given(measuredKeyResults.by(List.of(kpi))).willReturn(List.of(new MeasuredKeyResult(kpi, kr,
				LocalDate.now().minusDays(10), LocalDate.now().plusDays(80))));

		scenario.stimulate(() -> measurements.ingest(key, List.of(row(42))))
			.andWaitForEventOfType(KpiValuesChanged.class)
			.toArriveAndVerify(changed -> {
				assertThat(changed.kpiIds()).containsExactly(kpi);
				verify(keyResults).recordFromKpi(kr, 42.0, key, changed.ingestionId());
			});
	}

	@Test
	void anIngestionIntoAKpiThatMeasuresNoKeyResultPublishesNothing(Scenario scenario, PublishedEvents events) {
		String key = "visits-" + System.nanoTime();
		catalog.create(kpi(key));

		scenario.stimulate(() -> measurements.ingest(key, List.of(row(7))))
			.andWaitForStateChange(() -> catalog.latestValue(catalog.idByKey(key).orElseThrow()))
			.andVerify(latest -> {
				assertThat(latest).isEqualTo(7.0);
				assertThat(events.ofType(KpiValuesChanged.class)).isEmpty();
				verify(keyResults, never()).recordFromKpi(any(), eq(7.0), any(), any());
				verify(keyResults, never()).lockObjectivesOf(anyCollection());
			});
	}

	private static MeasurementRow row(double value) {
		return new MeasurementRow(1, null, Instant.now().minus(1, ChronoUnit.MINUTES).toString(), value, null);
	}

	private static KpiDefinition kpi(String key) {
		return new KpiDefinition(UUID.randomUUID(), key, "Sign-ups", null, null, null, null, "HIGHER_IS_BETTER", 100.0,
				null, null, null, null, "WEEKLY", null, null, "LAST", null, null, null, null, null);
	}
}
