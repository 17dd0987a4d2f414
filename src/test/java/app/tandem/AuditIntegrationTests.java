package app.tandem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every change leaves who, when, what (old → new), node and request id; failed changes leave nothing. */
@TandemIntegrationTest
class AuditIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void changesAreTracedWithTheirActorRequestAndOldAndNewValues() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		Instant before = Instant.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Audit " + suffix, "startDate",
				LocalDate.now().toString(), "endDate", LocalDate.now().plusDays(60).toString())).str("/id");
		var created = admin.requestId("req-create-" + suffix).post("/api/v1/objectives", Map.of("cycleId", cycle,
				"title", "Traceable", "level", "INDIVIDUAL", "keyResults", List.of(Map.of("title", "Done", "type",
						"MILESTONE"))));
		String objective = created.str("/id");
		assertThat(admin.requestId("req-rename-" + suffix).patch("/api/v1/objectives/" + objective,
				Map.of("title", "Traced")).status()).isEqualTo(200);
		assertThat(admin.patch("/api/v1/objectives/" + objective, Map.of("title", "")).status())
			.as("a refused change").isEqualTo(400);
		String kr = created.str("/keyResults/0/id");
		admin.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("achieved", true, "confidence", 9));

		JsonNode trail = admin.get("/api/v1/audit?entity=objective&id=" + objective).json().get("items");
		assertThat(trail).hasSize(2);
		JsonNode renamed = trail.get(0);
		assertThat(renamed.get("action").asString()).isEqualTo("UPDATED");
		assertThat(renamed.get("actor").asString()).isEqualTo("admin");
		assertThat(renamed.get("requestId").asString()).isEqualTo("req-rename-" + suffix);
		assertThat(renamed.get("node").asString()).isNotBlank();
		assertThat(renamed.at("/changes/title").toString()).isEqualTo("[\"Traceable\",\"Traced\"]");
		assertThat(renamed.get("changes").size()).as("only what changed").isEqualTo(1);
		JsonNode createdEvent = trail.get(1);
		assertThat(createdEvent.get("action").asString()).isEqualTo("CREATED");
		assertThat(createdEvent.get("requestId").asString()).isEqualTo("req-create-" + suffix);
		assertThat(createdEvent.at("/changes/title/1").asString()).isEqualTo("Traceable");

		assertThat(admin.get("/api/v1/audit?entity=key_result&id=" + kr).json().at("/items/0/action").asString())
			.isEqualTo("CREATED");
		assertThat(admin.get("/api/v1/audit?entity=check_in").text()).contains(kr);
		assertThat(admin.get("/api/v1/audit?entity=cycle&id=" + cycle).json().get("items")).hasSize(1);

		JsonNode history = admin.get("/api/v1/objectives/" + objective + "/history").json().get("items");
		assertThat(history).hasSize(3);
		assertThat(history.toString()).contains("\"key_result\"").contains("Traced");

		String window = "&from=" + before + "&to=" + Instant.now().plusSeconds(1);
		assertThat(admin.get("/api/v1/audit?entity=objective&id=" + objective + window).json().get("items")).hasSize(2);
		assertThat(admin.get("/api/v1/audit?entity=objective&id=" + objective + "&to=" + before).json().get("items"))
			.isEmpty();
		assertThat(admin.get("/api/v1/audit?from=" + Instant.now() + "&to=" + before).status()).isEqualTo(400);
	}

	@Test
	void onlyAdminsReadTheTrailAndSecretsNeverEnterIt() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		admin.post("/api/v1/users", Map.of("username", "ida-" + suffix, "name", "Ida", "password", "correct horse battery"));
		ApiClient ida = ApiClient.basic(port, "ida-" + suffix, "correct horse battery");
		assertThat(ida.get("/api/v1/audit").status()).isEqualTo(403);
		var token = ida.post("/api/v1/tokens", Map.of("name", "laptop", "scopes", List.of("read")));
		String text = admin.get("/api/v1/audit?entity=api_token&id=" + token.str("/id")).text();
		assertThat(text).contains("laptop").doesNotContain(token.str("/token"));
		assertThat(admin.get("/api/v1/audit?entity=user").text()).contains("ida-" + suffix)
			.doesNotContain("correct horse battery");
	}
}
