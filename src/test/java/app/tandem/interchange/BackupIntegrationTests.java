package app.tandem.interchange;

import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.SecondInstance;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@TandemIntegrationTest
class BackupIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Test
	void exportImportIntoAnEmptyInstanceOnTheOtherDatabaseExportsTheSameDocument() {
		ApiClient api = ApiClient.admin(port);
		seed(api);
		String exported = api.get("/api/v1/export").text();
		assertThat(exported).contains("\"format\":\"tandem-backup\"", "Carry the load", "check_in",
				"Shipped, thank you");

		boolean suiteOnPostgres = environment.matchesProfiles("postgres");
		boolean otherIsPostgres = !suiteOnPostgres && SecondInstance.postgresReachable();
		try (SecondInstance other = SecondInstance.start(otherIsPostgres)) {
			// Basic: the restore replaces the target's tokens, and a token made again after it would be one row more
			ApiClient target = ApiClient.adminBasic(other.port());
			var restored = target.postRaw("/api/v1/import", exported, "application/json");
			assertThat(restored.status()).as(restored.text()).isEqualTo(200);
			int checkIns = ApiClient.JSON.readTree(exported).at("/tables/check_in").size();
			assertThat(checkIns).isGreaterThanOrEqualTo(3);
			assertThat(restored.json().at("/imported/check_in").asInt()).isEqualTo(checkIns);

			String again = target.get("/api/v1/export").text();
			assertThat(again).as("export from " + other.database).isEqualTo(exported);
			assertThat(target.postRaw("/api/v1/import", exported, "application/json").status())
				.as("a second restore finds the instance no longer empty").isEqualTo(409);
		}
	}

	@Test
	void aBackupFromAnOlderVersionWithoutTheColumnsAddedSinceIsRestoredWithTheirDefaults() {
		try (SecondInstance empty = SecondInstance.start(false)) {
			ApiClient target = ApiClient.admin(empty.port());
			// rows as a backup made by an older version has them: no "draft" on the objective (nor "active", "version"
			// and the second factor's columns on the person)
			String older = """
					{"format":"tandem-backup","version":1,"tables":{
					  "app_user":[{"id":"0190a000-0000-7000-8000-000000000031","username":"older-admin","name":"Older",
					    "password_hash":"{noop}older-password-1","admin":true,"created_at":"2026-01-01T00:00:00Z"}],
					  "team":[{"id":"0190a000-0000-7000-8000-000000000021","slug":"older","name":"Older team",
					    "parent_id":null,"created_at":"2026-01-01T00:00:00Z","version":0}],
					  "cycle":[{"id":"0190a000-0000-7000-8000-000000000001","name":"Q1","start_date":"2026-01-01",
					    "end_date":"2026-03-31","closed_at":null,"created_at":"2026-01-01T00:00:00Z","version":0}],
					  "objective":[{"id":"0190a000-0000-7000-8000-000000000011",
					    "cycle_id":"0190a000-0000-7000-8000-000000000001","title":"Older","level":"COMPANY",
					    "team_id":"0190a000-0000-7000-8000-000000000021","type":"COMMITTED","visibility":"PUBLIC",
					    "created_at":"2026-01-01T00:00:00Z","version":0}]}}""";
			var restored = target.postRaw("/api/v1/import", older, "application/json");
			assertThat(restored.status()).as(restored.text()).isEqualTo(200);
			var objective = ApiClient.basic(empty.port(), "older-admin", "older-password-1")
				.get("/api/v1/objectives/0190a000-0000-7000-8000-000000000011");
			assertThat(objective.str("/title")).isEqualTo("Older");
			assertThat(objective.json().get("draft").asBoolean()).as("the column's default").isFalse();
		}
	}

	@Test
	void restoreRefusesAnInstanceThatHoldsData() {
		ApiClient api = ApiClient.admin(port);
		seed(api);
		var refused = api.postRaw("/api/v1/import", "{\"format\":\"tandem-backup\",\"version\":1,\"tables\":{}}",
				"application/json");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.isProblem()).isTrue();
	}

	@Test
	void brokenBackupIsRefusedWithItsPathAndRestoresNothing() {
		try (SecondInstance empty = SecondInstance.start(false)) {
			ApiClient target = ApiClient.admin(empty.port());
			String broken = """
					{"format":"tandem-backup","version":1,"tables":{
					  "cycle":[{"id":"0190a000-0000-7000-8000-000000000001","name":"Q1","start_date":"2026-01-01",
					    "end_date":"2026-03-31","closed_at":null,"created_at":"2026-01-01T00:00:00Z","version":0},
					    {"id":"0190a000-0000-7000-8000-000000000002","name":"Q2","start_date":"not a date",
					    "end_date":"2026-06-30","closed_at":null,"created_at":"2026-01-01T00:00:00Z","version":0}]}}""";
			var refused = target.postRaw("/api/v1/import", broken, "application/json");
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.str("/errors/0/field")).isEqualTo("tables.cycle[1].start_date");
			assertThat(target.get("/api/v1/cycles").json().get("items")).isEmpty();
			assertThat(target.get("/api/v1/me").status()).as("the admin survives a failed restore").isEqualTo(200);
		}
	}

	@Test
	void malformedBackupsAreRefusedInTheirOwnTermsNotAParsersClassesOrTheDatabasesWords() {
		try (SecondInstance empty = SecondInstance.start(false)) {
			ApiClient target = ApiClient.admin(empty.port());
			String cycle = """
					{"format":"tandem-backup","version":1,"tables":{"cycle":[{"id":"0190a000-0000-7000-8000-000000000001",
					"name":"Q1","start_date":"2026-01-01","end_date":"2026-03-31","closed_at":null,
					"created_at":"2026-01-01T00:00:00Z","version":%s}]}}""";
			String[] broken = { cycle.formatted("NaN"), cycle.formatted("99999999999999999999"),
					cycle.formatted("0 /* a comment */"), cycle.formatted("[".repeat(2000) + "]".repeat(2000)),
					cycle.replace("\"2026-01-01\"", "\"" + "9".repeat(100_000) + "\""),
					"""
					{"format":"tandem-backup","version":1,"tables":{"objective":[{"id":"0190a000-0000-7000-8000-000000000009",
					"cycle_id":"0190a000-0000-7000-8000-000000000001","title":"A cycle the backup lacks"}]}}""" };
			for (String backup : broken) {
				var refused = target.postRaw("/api/v1/import", backup, "application/json");
				assertThat(refused.status()).as(refused.text()).isEqualTo(400);
				assertThat(OkrFileLimitsIntegrationTests.INTERNALS.matcher(refused.text()).find()).as(refused.text())
					.isFalse();
				assertThat(refused.text()).as("no SQL").doesNotContainIgnoringCase("insert into")
					.doesNotContainIgnoringCase("constraint");
				assertThat(refused.text().length()).as("a long value is not echoed").isLessThan(2000);
			}
			assertThat(target.get("/api/v1/cycles").json().get("items")).isEmpty();
		}
	}

	private static void seed(ApiClient api) {
		String team = api.post("/api/v1/teams", Map.of("name", "Ops " + System.nanoTime())).str("/id");
		api.post("/api/v1/teams", Map.of("name", "Ops child " + System.nanoTime(), "parentId", team));
		String cycle = api.post("/api/v1/cycles", Map.of("name", "B-" + System.nanoTime(), "startDate", "2026-01-01",
				"endDate", "2026-12-31")).str("/id");
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Carry the load",
				"level", "TEAM", "teamId", team, "keyResults",
				List.of(Map.of("title", "Lift", "type", "INCREASE", "startValue", 0.5, "targetValue", 10.25))));
		String kr = objective.str("/keyResults/0/id");
		api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Child", "level", "TEAM",
				"parentKeyResultId", kr));
		for (double value : new double[] { 1.1, 2.2, 3.3 }) {
			api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", value, "note", "=not a formula"));
		}
		api.patch("/api/v1/key-results/" + kr, Map.of("targetValue", 12, "reason", "scope grew"));
		String milestone = api.post("/api/v1/objectives/" + objective.str("/id") + "/key-results", Map.of("title", "Ship",
				"type", "MILESTONE")).str("/id");
		api.post("/api/v1/key-results/" + milestone + "/check-ins", Map.of("achieved", true));
		String win = api.get("/api/v1/wins?cycleId=" + cycle).str("/items/0/id");
		api.post("/api/v1/wins/" + win + "/kudos", Map.of("note", "Shipped, thank you"));
	}
}
