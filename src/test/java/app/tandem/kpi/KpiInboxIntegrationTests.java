package app.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The inbox's KPI part over the API: the caller's own KPIs due a value (none yet, or none for a period of their
 * frequency) or a review, most overdue first; never a formula KPI's value, never someone else's KPI. Marking a
 * KPI reviewed clears its review, for its owner, and is refused to a member who does not own it.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiInboxIntegrationTests {

	private static final String PASSWORD = "kpi-inbox-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private ApiClient ada;

	private ApiClient ben;

	private String suffix;

	private String team;

	private String adaId;

	private String benId;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "ki-" + suffix, "name", "Inbox team " + suffix)).str("/id");
		adaId = member("ada");
		benId = member("ben");
		ada = ApiClient.basic(port, "ada-" + suffix, PASSWORD);
		ben = ApiClient.basic(port, "ben-" + suffix, PASSWORD);
		// ada's: a weekly value 10 days old, none at all, a fresh one, a formula, reviews overdue and not, both due
		kpi("old", adaId, "WEEKLY", Map.of());
		measure("old", now.minus(Duration.ofDays(10)));
		kpi("none", adaId, "WEEKLY", Map.of());
		kpi("fresh", adaId, "WEEKLY", Map.of());
		measure("fresh", now.minus(Duration.ofDays(1)));
		kpi("formula", adaId, "WEEKLY", Map.of("formula", "{fresh-" + suffix + "} * 2"));
		kpi("review", adaId, "WEEKLY", Map.of("reviewEveryDays", 30, "lastReviewedAt",
				now.minus(Duration.ofDays(40)).toString()));
		measure("review", now.minus(Duration.ofDays(1)));
		kpi("reviewed", adaId, "WEEKLY", Map.of("reviewEveryDays", 30, "lastReviewedAt",
				now.minus(Duration.ofDays(5)).toString()));
		measure("reviewed", now.minus(Duration.ofDays(1)));
		kpi("both", adaId, "MONTHLY", Map.of("reviewEveryDays", 7));
		measure("both", now.minus(Duration.ofDays(45)));
		// ben's, without a value: due for him, not for ada
		kpi("bens", benId, "DAILY", Map.of());
	}

	private String member(String name) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name + " " + suffix,
				"password", PASSWORD)).str("/id");
		assertThat(admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", "MEMBER")).status())
			.isEqualTo(200);
		return id;
	}

	private void kpi(String name, String owner, String frequency, Map<String, Object> extra) {
		Map<String, Object> kpi = new HashMap<>(Map.of("key", key(name), "name", "Inbox " + name + " " + suffix,
				"direction", "HIGHER_IS_BETTER", "target", 100, "frequency", frequency, "aggregation", "LAST", "teamId",
				team, "ownerId", owner));
		kpi.putAll(extra);
		var created = admin.post("/api/v1/kpis", kpi);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
	}

	/** On target (100), so green: a red KPI is due a review of its own. */
	private void measure(String name, Instant at) {
		measure(name, at, 100);
	}

	private void measure(String name, Instant at, double value) {
		var answer = admin.post("/api/v1/kpis/" + key(name) + "/measurements", List.of(Map.of("at", at.toString(),
				"value", value)));
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
	}

	private String key(String name) {
		return name + "-" + suffix;
	}

	/** The caller's due KPIs of this test, by key, in the inbox's order. */
	private Map<String, JsonNode> due(ApiClient as) {
		var inbox = as.get("/api/v1/inbox");
		assertThat(inbox.status()).as(inbox.text()).isEqualTo(200);
		Map<String, JsonNode> due = new java.util.LinkedHashMap<>();
		for (JsonNode item : inbox.json().get("kpisDue")) {
			if (item.get("key").asString().endsWith("-" + suffix)) {
				due.put(item.get("key").asString(), item);
			}
		}
		return due;
	}

	@Test
	void theInboxListsOwnKpisDueAValueOrAReviewMostOverdueFirst() {
		Map<String, JsonNode> due = due(ada);
		// both: its value fell due 15 days ago; review: 10 days ago; old: 3 days ago; none: since it was created
		assertThat(new ArrayList<>(due.keySet())).containsSubsequence(key("both"), key("review"), key("old"), key("none"));
		JsonNode old = due.get(key("old"));
		assertThat(old.get("reasons").toString()).isEqualTo("[\"VALUE\"]");
		assertThat(Instant.parse(old.get("latestAt").asString())).isEqualTo(now.minus(Duration.ofDays(10)));
		assertThat(Instant.parse(old.get("valueDueSince").asString())).isEqualTo(now.minus(Duration.ofDays(3)));
		assertThat(old.get("dueSince").asString()).isEqualTo(old.get("valueDueSince").asString());
		assertThat(old.get("reviewDueSince").isNull()).isTrue();
		assertThat(old.get("kpiId").asString()).isEqualTo(admin.get("/api/v1/kpis/" + key("old")).str("/id"));
		assertThat(old.get("teamId").asString()).isEqualTo(team);
		assertThat(old.get("name").asString()).isEqualTo("Inbox old " + suffix);
		assertThat(old.get("frequency").asString()).isEqualTo("WEEKLY");

		JsonNode none = due.get(key("none"));
		assertThat(none.get("reasons").toString()).isEqualTo("[\"VALUE\"]");
		assertThat(none.get("latestAt").isNull()).isTrue();
		assertThat(none.get("dueSince").asString()).as("since it exists")
			.isEqualTo(admin.get("/api/v1/kpis/" + key("none")).str("/createdAt"));

		JsonNode review = due.get(key("review"));
		assertThat(review.get("reasons").toString()).isEqualTo("[\"REVIEW\"]");
		assertThat(Instant.parse(review.get("reviewDueSince").asString())).isEqualTo(now.minus(Duration.ofDays(10)));
		assertThat(review.get("reviewEveryDays").asInt()).isEqualTo(30);

		JsonNode both = due.get(key("both"));
		assertThat(both.get("reasons").toString()).isEqualTo("[\"VALUE\",\"REVIEW\"]");
		assertThat(Instant.parse(both.get("dueSince").asString())).as("a month (30 days) after the value")
			.isEqualTo(now.minus(Duration.ofDays(15)));
	}

	@Test
	void freshValuesRecentReviewsFormulasAndOtherPeoplesKpisAreNotListed() {
		Map<String, JsonNode> due = due(ada);
		assertThat(due).doesNotContainKeys(key("fresh"), key("reviewed"), key("formula"), key("bens"));
		assertThat(due(ben)).as("ben owes his own KPI").containsOnlyKeys(key("bens"));
		assertThat(due(admin)).as("the admin owns none of them").isEmpty();
	}

	@Test
	void markingAKpiReviewedClearsItsReviewAndIsAudited() {
		String key = key("to-review");
		kpi("to-review", adaId, "WEEKLY", Map.of("reviewEveryDays", 14));
		measure("to-review", now.minus(Duration.ofDays(1)));
		assertThat(due(ada).get(key).get("reasons").toString()).isEqualTo("[\"REVIEW\"]");
		var kpi = admin.get("/api/v1/kpis/" + key);
		long version = kpi.json().get("version").asLong();

		var reviewed = ada.post("/api/v1/kpis/" + key + "/review", Map.of());
		assertThat(reviewed.status()).as(reviewed.text()).isEqualTo(200);
		assertThat(reviewed.str("/key")).isEqualTo(key);
		Instant at = Instant.parse(reviewed.str("/lastReviewedAt"));
		assertThat(at).isBetween(now.minusSeconds(1), Instant.now().plusSeconds(1));
		assertThat(reviewed.json().get("version").asLong()).isEqualTo(version + 1);
		assertThat(reviewed.etag()).isEqualTo("\"" + (version + 1) + "\"");
		assertThat(due(ada)).doesNotContainKey(key).containsKey(key("old"));
		var audit = admin.get("/api/v1/audit?entity=kpi&id=" + kpi.str("/id"));
		assertThat(audit.text()).contains("\"REVIEWED\"", "lastReviewedAt");
	}

	@Test
	void aMemberWhoDoesNotOwnTheKpiMayNotMarkItReviewedAndNothingChanges() {
		String key = key("both");
		var before = admin.get("/api/v1/kpis/" + key).json();
		var refused = ben.post("/api/v1/kpis/" + key + "/review", Map.of());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
		var after = admin.get("/api/v1/kpis/" + key).json();
		assertThat(after.get("lastReviewedAt").isNull()).isTrue();
		assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
		assertThat(due(ada).get(key).get("reasons").toString()).isEqualTo("[\"VALUE\",\"REVIEW\"]");
	}

	@Test
	void reviewingAnUnknownKpiIs404() {
		var answer = ada.post("/api/v1/kpis/no-such-kpi-" + suffix + "/review", Map.of());
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.isProblem()).isTrue();
	}

	@Test
	void aNewValueClearsAValueDue() {
		String key = key("new-value");
		kpi("new-value", adaId, "DAILY", Map.of());
		assertThat(due(ada)).containsKey(key);
		measure("new-value", now.minus(Duration.ofHours(2)));
		assertThat(due(ada)).doesNotContainKey(key);
	}

	@Test
	void aKpiThatTurnsRedIsDueAReviewUntilItsOwnerReviewsIt() {
		String key = key("turns-red");
		kpi("turns-red", adaId, "WEEKLY", Map.of());
		measure("turns-red", now.minus(Duration.ofHours(3)));
		assertThat(due(ada)).as("green, a fresh value, no review interval").doesNotContainKey(key);

		Instant before = Instant.now();
		measure("turns-red", now.minus(Duration.ofHours(1)), 20);
		assertThat(admin.get("/api/v1/kpis/" + key).str("/status")).isEqualTo("RED");
		JsonNode due = due(ada).get(key);
		assertThat(due).as("red and never reviewed").isNotNull();
		assertThat(due.get("reasons").toString()).isEqualTo("[\"REVIEW\"]");
		assertThat(Instant.parse(due.get("reviewDueSince").asString())).as("since it turned red")
			.isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
		assertThat(due(ben)).as("only its owner is asked").doesNotContainKey(key);

		assertThat(ada.post("/api/v1/kpis/" + key + "/review", Map.of()).status()).isEqualTo(200);
		assertThat(due(ada)).as("reviewed since it turned red").doesNotContainKey(key);
	}
}
