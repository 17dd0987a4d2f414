package app.tandem.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;
import app.tandem.comment.CommentPosted;
import app.tandem.comment.Comments;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: people are told of mentions, comments on what they own, being made owner, and KPIs that change status;
 * each once, in their language, marked read one by one or all at once, and never of what they may not see.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIntegrationTests {

	private static final String PASSWORD = "notify-password-1";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	private ApiClient admin;

	private String suffix;

	private String team;

	private String cycle;

	private final Map<String, String> ids = new HashMap<>();

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "nt-" + suffix, "name", "Told team " + suffix)).str("/id");
		for (String name : List.of("ann", "bob", "cid", "dan", "eve", "fay")) {
			String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name",
					capital(name) + " " + suffix, "password", PASSWORD)).str("/id");
			admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", name.equals("fay") ? "LEAD" : "MEMBER"));
			ids.put(name, id);
		}
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Told " + suffix, "startDate", today.minusDays(10).toString(),
				"endDate", today.plusDays(80).toString())).str("/id");
	}

	private static String capital(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private ApiClient as(String name) {
		return ApiClient.user(port, name + "-" + suffix, PASSWORD);
	}

	private String objective(String title, String owner, String visibility, Map<String, Object> keyResult) {
		Map<String, Object> body = new HashMap<>(Map.of("cycleId", cycle, "title", title + " " + suffix, "level", "TEAM",
				"teamId", team, "ownerId", ids.get(owner), "visibility", visibility, "keyResults", List.of(keyResult)));
		var made = admin.post("/api/v1/objectives", body);
		assertThat(made.status()).as(made.text()).isEqualTo(201);
		return made.str("/id");
	}

	private static Map<String, Object> keyResult(String title, String ownerId) {
		Map<String, Object> kr = new HashMap<>(Map.of("title", title, "type", "INCREASE", "startValue", 0, "targetValue",
				10));
		if (ownerId != null) {
			kr.put("ownerId", ownerId);
		}
		return kr;
	}

	private List<JsonNode> notifications(String name) {
		var answer = as(name).get("/api/v1/notifications");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		answer.json().get("items").forEach(items::add);
		return items;
	}

	private List<JsonNode> about(String name, String subjectId) {
		return notifications(name).stream().filter(n -> n.get("subjectId").asString().equals(subjectId)).toList();
	}

	@Test
	void aMentionTellsTheMentionedOnceAndACommentTellsTheOwnersButNeverTheAuthor() {
		String objective = objective("Delight patients", "ann", "PUBLIC", keyResult("Calls answered", ids.get("cid")));
		String title = "Delight patients " + suffix;
		var comment = as("bob").post("/api/v1/objectives/" + objective + "/comments",
				Map.of("body", "What do you think, @ann-" + suffix + " and @dan-" + suffix + "?"));
		assertThat(comment.status()).as(comment.text()).isEqualTo(201);
		String commentId = comment.str("/id");

		List<JsonNode> ann = about("ann", objective).stream().filter(n -> !n.get("kind").asString().equals("OWNER"))
			.toList();
		assertThat(ann).as("the owner, mentioned, is told once: of the mention").hasSize(1);
		assertThat(ann.get(0).get("kind").asString()).isEqualTo("MENTION");
		assertThat(ann.get(0).get("text").asString()).isEqualTo("Bob " + suffix + " mentioned you on " + title);
		assertThat(ann.get(0).get("url").asString()).isEqualTo("/okrs/objectives/" + objective + "#comment-" + commentId);
		assertThat(ann.get(0).get("read").asBoolean()).isFalse();
		assertThat(about("dan", objective)).extracting(n -> n.get("kind").asString()).containsExactly("MENTION");
		assertThat(about("bob", objective)).as("the author is not told of their own comment").isEmpty();

		// on the key result: its owner and the objective's owner are told; the author, an owner, is not
		String kr = admin.get("/api/v1/objectives/" + objective).str("/keyResults/0/id");
		assertThat(as("cid").post("/api/v1/key-results/" + kr + "/comments", Map.of("body", "Ten a day now")).status())
			.isEqualTo(201);
		assertThat(about("ann", kr)).extracting(n -> n.get("text").asString())
			.containsExactly("Cid " + suffix + " commented on Calls answered");
		assertThat(about("cid", kr)).extracting(n -> n.get("kind").asString()).as("made owner, not told of their comment")
			.containsExactly("OWNER");
	}

	@Test
	void aPrivateObjectivesMentionIsNotToldToWhoMayNotSeeIt() {
		String objective = objective("Quiet plan", "ann", "PRIVATE", keyResult("Steps", null));
		assertThat(as("ann").post("/api/v1/objectives/" + objective + "/comments",
				Map.of("body", "Not yet, @eve-" + suffix)).status()).isEqualTo(201);
		assertThat(about("eve", objective)).isEmpty();
	}

	@Test
	void beingMadeOwnerBySomebodyElseIsNewsAndOwningOnesOwnIsNot() {
		String objective = objective("Faster onboarding", "ann", "PUBLIC", keyResult("Days to first value", ids.get("dan")));
		String kr = admin.get("/api/v1/objectives/" + objective).str("/keyResults/0/id");
		assertThat(about("ann", objective)).extracting(n -> n.get("text").asString())
			.containsExactly("Administrator made you owner of the objective Faster onboarding " + suffix);
		assertThat(about("dan", kr)).extracting(n -> n.get("text").asString())
			.containsExactly("Administrator made you owner of the key result Days to first value");

		var own = as("eve").post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Mine " + suffix, "level",
				"INDIVIDUAL", "teamId", team, "keyResults", List.of(keyResult("Books", null))));
		assertThat(own.status()).as(own.text()).isEqualTo(201);
		assertThat(about("eve", own.str("/id"))).isEmpty();
	}

	@Test
	void aKpiTurningRedAndBackTellsItsOwnerAndTheTeamsLeads() {
		String key = "told-" + suffix;
		var made = admin.post("/api/v1/kpis", Map.of("key", key, "name", "Wait time " + suffix, "direction",
				"LOWER_IS_BETTER", "target", 5, "warningThreshold", 10, "frequency", "DAILY", "aggregation", "LAST",
				"teamId", team, "ownerId", ids.get("eve")));
		assertThat(made.status()).as(made.text()).isEqualTo(201);
		String kpi = made.str("/id");
		Instant now = Instant.now();
		admin.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", now.minusSeconds(120).toString(),
				"value", 4)));
		assertThat(about("eve", kpi)).as("its first value, green, is no news").isEmpty();
		admin.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", now.minusSeconds(60).toString(),
				"value", 14.5)));
		admin.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", now.toString(), "value", 3)));
		for (String told : List.of("eve", "fay")) {
			assertThat(about(told, kpi)).extracting(n -> n.get("text").asString()).as(told)
				.containsExactly("Wait time " + suffix + " is back to green at 3",
						"Wait time " + suffix + " turned red at 14.5");
			assertThat(about(told, kpi).get(0).get("url").asString()).isEqualTo("/kpis/" + key);
		}
		assertThat(about("ann", kpi)).as("a member who neither owns nor leads").isEmpty();
	}

	@Test
	void notificationsAreMarkedReadOneByOneOrAllAndAnothersAreUnknown() {
		String objective = objective("Read them", "bob", "PUBLIC", keyResult("One", null));
		// besides these: being made owner of it
		as("ann").post("/api/v1/objectives/" + objective + "/comments", Map.of("body", "First, @bob-" + suffix));
		as("ann").post("/api/v1/objectives/" + objective + "/comments", Map.of("body", "Second, @bob-" + suffix));
		long unread = as("bob").get("/api/v1/notifications").json().get("unread").asLong();
		assertThat(unread).isGreaterThanOrEqualTo(3);
		String first = about("bob", objective).get(0).get("id").asString();
		assertThat(as("ann").post("/api/v1/notifications/" + first + "/read", Map.of()).status()).isEqualTo(404);
		assertThat(as("bob").post("/api/v1/notifications/" + first + "/read", Map.of()).status()).isEqualTo(204);
		assertThat(as("bob").get("/api/v1/notifications").json().get("unread").asLong()).isEqualTo(unread - 1);
		assertThat(as("bob").get("/api/v1/notifications?unread=true").json().get("items").size()).isEqualTo((int) unread - 1);
		assertThat(as("bob").post("/api/v1/notifications/not-an-id/read", Map.of()).status()).isEqualTo(404);
		assertThat(as("bob").post("/api/v1/notifications/read", Map.of()).num("/marked")).isEqualTo(unread - 1);
		assertThat(as("bob").get("/api/v1/notifications").json().get("unread").asLong()).isZero();
	}

	@Test
	void aReactionRunTwiceWritesOnce() {
		String objective = objective("Twice", "ann", "PUBLIC", keyResult("One", null));
		CommentPosted posted = new CommentPosted(UUID.randomUUID(), Comments.SubjectType.OBJECTIVE,
				UUID.fromString(objective), UUID.fromString(ids.get("bob")), List.of(UUID.fromString(ids.get("dan"))),
				Instant.now());
		events.publishEvent(posted);
		events.publishEvent(posted);
		assertThat(about("dan", objective)).hasSize(1);
	}

	@Test
	void theBellCountsAndThePageSpeaksThePersonsLanguage() {
		String objective = objective("Bell rings", "cid", "PUBLIC", keyResult("One", null));
		as("ann").post("/api/v1/objectives/" + objective + "/comments", Map.of("body", "Look, @fay-" + suffix));
		PageSession fay = PageSession.signedIn(port, "fay-" + suffix, PASSWORD);
		long unread = as("fay").get("/api/v1/notifications").json().get("unread").asLong();
		assertThat(fay.get("/").body()).contains("aria-label=\"Notifications: " + unread + " unread\"");
		String german = fay.get("/notifications?lang=de").body();
		assertThat(german).contains("Ann " + suffix + " hat Sie bei Bell rings " + suffix + " erwähnt");
		String id = about("fay", objective).get(0).get("id").asString();
		var opened = fay.get("/notifications/" + id);
		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(opened.headers().firstValue("Location")).get().asString().contains("/okrs/objectives/" + objective
				+ "#comment-");
		assertThat(about("fay", objective).get(0).get("read").asBoolean()).isTrue();
	}
}
