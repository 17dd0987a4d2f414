package app.tandem.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import app.tandem.kpi.domain.Aggregation;
import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.BucketValue;
import app.tandem.kpi.domain.Point;
import app.tandem.kpi.domain.Series;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Series are read from days tallied at ingestion. Seeded random batches (several a day, re-sent
 * instants with new values, days touched again later) must give, for any range and bucket, what the
 * measurements themselves give: the test keeps its own copy of every value and aggregates it with
 * the domain's {@link Series}. And days tallied again from scratch (as after a restore) must agree.
 */
@TandemIntegrationTest
class MeasurementDaysConsistencyIntegrationTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeasurementDays days;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4 })
	void seriesFromTalliedDaysEqualTheMeasurements(long seed) {
		Random random = new Random(seed);
		ApiClient api = ApiClient.admin(port);
		Aggregation aggregation = Aggregation.values()[(int) (seed % Aggregation.values().length)];
		String key = "days-" + seed + "-" + System.nanoTime();
		api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of("aggregation", aggregation.name(), "frequency", "DAILY")));
		Map<Instant, Double> model = new HashMap<>();
		for (int batch = 0; batch < 12; batch++) {
			Map<Instant, Double> rows = new HashMap<>();
			int size = 1 + random.nextInt(40);
			for (int i = 0; i < size; i++) {
				// 20 days, a value at a random quarter-hour: days get several values, instants repeat across batches
				Instant at = START.plus(Duration.ofMinutes(15L * random.nextInt(20 * 96)));
				rows.put(at, Math.round((random.nextDouble() * 200 - 50) * 100) / 100.0);
			}
			List<Map<String, Object>> body = new ArrayList<>();
			rows.forEach((at, value) -> body.add(Map.of("at", at.toString(), "value", value)));
			var answer = api.post("/api/v1/kpis/" + key + "/measurements", body);
			assertThat(answer.status()).as(answer.text()).isEqualTo(200);
			model.putAll(rows);
		}
		assertSeriesMatch(api, key, aggregation, model, random);

		jdbc.update("delete from measurement_day where kpi_id = (select id from kpi where kpi_key = ?)", key);
		assertThat(days.tallyMissing()).as("as after a restore").isEqualTo(1);
		assertSeriesMatch(api, key, aggregation, model, random);

		jdbc.update("delete from measurement_day where kpi_id = (select id from kpi where kpi_key = ?)", key);
		app.tandem.JavaMigrations.run(new db.migration.common.V29__Measurement_days_and_key_result_lines(), dataSource);
		assertSeriesMatch(api, key, aggregation, model, random);
	}

	/**
	 * One request across KPIs of different frequencies and aggregations is read in groups; each KPI's
	 * stored reading must be what reading it alone gives (a definition change re-reads one KPI).
	 */
	@ParameterizedTest
	@ValueSource(longs = { 5, 6 })
	void readingsAfterAnIngestionAcrossKpisEqualEachKpiReadAlone(long seed) {
		Random random = new Random(seed);
		ApiClient api = ApiClient.admin(port);
		List<String> keys = new ArrayList<>();
		String[] frequencies = { "DAILY", "WEEKLY", "MONTHLY" };
		for (int k = 0; k < 6; k++) {
			String key = "across-" + seed + "-" + k + "-" + System.nanoTime();
			keys.add(key);
			api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of("aggregation", Aggregation.values()[k % 5].name(),
					"frequency", frequencies[k % 3], "target", 60, "warningThreshold", 40)));
		}
		StringBuilder csv = new StringBuilder("kpi,at,value\n");
		java.util.Set<String> sent = new java.util.HashSet<>();
		for (int i = 0; i < 400; i++) {
			String row = keys.get(random.nextInt(keys.size())) + "," + START.plus(Duration.ofHours(random.nextInt(24 * 120)));
			if (sent.add(row)) {
				csv.append(row).append(',').append(random.nextInt(100)).append('\n');
			}
		}
		var answer = api.postRaw("/api/v1/measurements", csv.toString(), "text/csv");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		for (String key : keys) {
			JsonNode together = api.get("/api/v1/kpis/" + key).json();
			assertThat(api.patch("/api/v1/kpis/" + key, Map.of("name", "renamed " + key)).status()).isEqualTo(200);
			JsonNode alone = api.get("/api/v1/kpis/" + key).json();
			for (String field : List.of("status", "latestValue", "latestAt", "trend")) {
				assertThat(alone.get(field)).as(key + " " + field).isEqualTo(together.get(field));
			}
			assertThat(together.get("latestValue").isNull()).as(key).isFalse();
		}
	}

	private static void assertSeriesMatch(ApiClient api, String key, Aggregation aggregation, Map<Instant, Double> model,
			Random random) {
		List<Point> points = model.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList();
		for (int probe = 0; probe < 8; probe++) {
			Bucket bucket = Bucket.values()[random.nextInt(2)];
			// Ranges that start and end inside a day as well as on midnight.
			Instant from = START.minus(Duration.ofHours(6)).plus(Duration.ofMinutes(30L * random.nextInt(48 * 8)));
			Instant to = from.plus(Duration.ofMinutes(30L * (1 + random.nextInt(48 * 16))));
			if (probe % 2 == 0) {
				from = Bucket.DAY.startOf(from);
				to = Bucket.DAY.startOf(to).plus(Duration.ofDays(1));
			}
			List<BucketValue> expected = Series.aggregate(points, bucket, from, to, aggregation);
			JsonNode items = api.get("/api/v1/kpis/" + key + "/measurements?bucket=" + bucket + "&from=" + from + "&to=" + to)
				.json()
				.get("items");
			String where = aggregation + " " + bucket + " " + from + " → " + to;
			assertThat(items).as(where).hasSize(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				BucketValue want = expected.get(i);
				JsonNode got = items.get(i);
				assertThat(got.get("start").asString()).as(where).isEqualTo(want.start().toString());
				assertThat(got.get("count").asInt()).as(where + " count of " + want.start()).isEqualTo(want.count());
				if (want.value() == null) {
					assertThat(got.get("value").isNull()).as(where + " gap at " + want.start()).isTrue();
				}
				else {
					assertThat(got.get("value").asDouble()).as(where + " value of " + want.start())
						.isCloseTo(want.value(), within(1e-9 * Math.max(1, Math.abs(want.value()))));
				}
			}
		}
	}
}
