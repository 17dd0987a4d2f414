package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * A cycle's name and dates changed in the browser (dates that would leave check-ins outside refused, and said
 * why), a cycle past its end saying so where check-ins are made, and a closed cycle's objective read-only.
 */
@TandemIntegrationTest
class CyclePagesIntegrationTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Test
	void anAdminRenamesACycleAndMovesItsDatesButNotPastItsCheckIns() {
		ApiClient admin = ApiClient.admin(port);
		String name = "Edited " + System.nanoTime();
		var cycle = admin.post("/api/v1/cycles", Map.of("name", name, "startDate", TODAY.minusDays(10).toString(),
				"endDate", TODAY.plusDays(50).toString()));
		String id = cycle.str("/id");
		String kr = admin.post("/api/v1/objectives", Map.of("cycleId", id, "title", "Dated", "level", "COMPANY",
				"keyResults", List.of(Map.of("title", "Count", "type", "INCREASE", "startValue", 0, "targetValue", 10))))
			.str("/keyResults/0/id");
		admin.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("at", TODAY.minusDays(4) + "T10:00:00Z", "value", 3));
		PageSession boss = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		assertThat(boss.get("/cycles").body()).contains("Change " + name, "id=\"cycle-" + id + "-start\"");

		var refused = boss.post("/cycles/" + id, Map.of("name", name, "startDate", TODAY.minusDays(2).toString(),
				"endDate", TODAY.plusDays(50).toString(), "version", "0"));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("1 check-in would fall outside the new dates (" + TODAY.minusDays(4)
				+ "); choose dates that keep them.", "value=\"" + TODAY.minusDays(2) + "\"", "<details open");
		assertThat(admin.get("/api/v1/cycles/" + id).str("/startDate")).isEqualTo(TODAY.minusDays(10).toString());

		var saved = boss.post("/cycles/" + id, Map.of("name", name + " (renamed)", "startDate",
				TODAY.minusDays(10).toString(), "endDate", TODAY.plusDays(60).toString(), "version", "0"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		var after = admin.get("/api/v1/cycles/" + id).json();
		assertThat(after.get("name").asString()).isEqualTo(name + " (renamed)");
		assertThat(after.get("endDate").asString()).isEqualTo(TODAY.plusDays(60).toString());
	}

	@Test
	void aCyclePastItsEndSaysSoAndAClosedOnesObjectiveIsReadOnly() {
		ApiClient admin = ApiClient.admin(port);
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Past " + System.nanoTime(), "startDate",
				TODAY.minusDays(40).toString(), "endDate", TODAY.minusDays(5).toString())).str("/id");
		String objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Ended", "level", "COMPANY",
				"keyResults", List.of(Map.of("title", "Count", "type", "INCREASE", "startValue", 0, "targetValue", 10))))
			.str("/id");
		PageSession boss = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		String ended = boss.get("/okrs/objectives/" + objective).body();
		assertThat(ended).contains("and is not closed yet: a check-in now is dated after its end.",
				"This check-in is dated today, after the cycle ended on", "/edit\"");

		long version = admin.get("/api/v1/cycles/" + cycle).json().get("version").asLong();
		assertThat(admin.post("/api/v1/cycles/" + cycle + "/close", Map.of("version", version)).status()).isEqualTo(200);
		String closed = boss.get("/okrs/objectives/" + objective).body();
		assertThat(closed).contains("is closed: its objectives, scores and check-ins are kept as they were.")
			.doesNotContain("/okrs/objectives/" + objective + "/edit").doesNotContain("name=\"value\"")
			.doesNotContain("dated after its end");
	}
}
