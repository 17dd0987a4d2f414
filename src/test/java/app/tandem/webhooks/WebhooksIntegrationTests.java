package app.tandem.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, outgoing webhooks: registration refuses what the outbound guard refuses and what the caller may not
 * register; a check-in reaches a local receiver as a signed {@code {id, type, at, data}} body (the signature checked
 * here with the secret); a failing receiver is tried again until it answers, and one that fails for the whole
 * give-up time is turned off and its maker told; a team's webhook hears only its team.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = { "tandem.outbound.allowed-hosts=127.0.0.1", "tandem.webhooks.first-retry=PT0.05S",
		"tandem.webhooks.give-up-after=PT3S" })
class WebhooksIntegrationTests {

	private static final String SECRET = "a-secret-of-twenty-chars";

	private static final String PASSWORD = "hook-password-1";

	@LocalServerPort
	int port;

	@Autowired
	DeliverWebhooks deliverer;

	private HttpServer receiver;

	/** What the receiver heard: path, headers, body. */
	private final List<Map<String, String>> heard = new CopyOnWriteArrayList<>();

	/** Answers to give before 200, per path. */
	private final Map<String, AtomicInteger> failuresLeft = new java.util.concurrent.ConcurrentHashMap<>();

	private ApiClient admin;

	private String suffix;

	private String team;

	private String cycle;

	@BeforeAll
	void start() throws Exception {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().getPath();
			heard.add(Map.of("path", path, "body", body,
					"signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tandem-Signature")),
					"delivery", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tandem-Delivery")),
					"event", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tandem-Event"))));
			AtomicInteger left = failuresLeft.get(path);
			int status = left != null && left.getAndDecrement() > 0 ? 500 : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		receiver.start();
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "wh-" + suffix, "name", "Hook team " + suffix)).str("/id");
		for (String name : List.of("lee", "mo")) {
			String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name + " " + suffix,
					"password", PASSWORD)).str("/id");
			admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", name.equals("lee") ? "LEAD" : "MEMBER"));
		}
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Hooks " + suffix, "startDate", today.minusDays(10).toString(),
				"endDate", today.plusDays(80).toString())).str("/id");
	}

	@AfterAll
	void stop() {
		receiver.stop(0);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
	}

	private ApiClient as(String name) {
		return ApiClient.user(port, name + "-" + suffix, PASSWORD);
	}

	private String register(ApiClient who, String path, List<String> events, String teamId) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("url", url(path), "secret", SECRET, "events", events));
		if (teamId != null) {
			body.put("teamId", teamId);
		}
		var made = who.post("/api/v1/webhooks", body);
		assertThat(made.status()).as(made.text()).isEqualTo(201);
		assertThat(made.text()).doesNotContain(SECRET);
		return made.str("/id");
	}

	private String objective(String title, String teamId) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("cycleId", cycle, "title", title + " " + suffix,
				"level", teamId == null ? "COMPANY" : "TEAM", "keyResults", List.of(Map.of("title", "Count", "type",
						"INCREASE", "startValue", 0, "targetValue", 10))));
		if (teamId != null) {
			body.put("teamId", teamId);
		}
		var made = admin.post("/api/v1/objectives", body);
		assertThat(made.status()).as(made.text()).isEqualTo(201);
		return made.str("/id");
	}

	/** Runs the sender until the condition holds (the reactions queue deliveries on a thread of their own). */
	private <T> T until(Supplier<T> value, java.util.function.Predicate<T> done) throws InterruptedException {
		T last = value.get();
		for (int i = 0; i < 100 && !done.test(last); i++) {
			deliverer.deliverNow();
			Thread.sleep(60);
			last = value.get();
		}
		return last;
	}

	private List<Map<String, String>> heardAt(String path) {
		return heard.stream().filter(h -> h.get("path").equals(path)).toList();
	}

	private static String hmac(String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void registrationRefusesWhatTheGuardAndTheRulesRefuseAndStoresNothing() {
		int before = admin.get("/api/v1/webhooks").json().get("items").size();
		var privateUrl = admin.post("/api/v1/webhooks", Map.of("url", "http://10.1.2.3/hook", "secret", SECRET, "events",
				List.of("checkin.created")));
		assertThat(privateUrl.status()).isEqualTo(400);
		assertThat(privateUrl.text()).contains("url", "10.1.2.3", "private").doesNotContain("Exception");
		var bad = admin.post("/api/v1/webhooks", Map.of("url", "ftp://example.com/x", "secret", "short", "events",
				List.of("checkin.created", "gossip.spread")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("secret", "gossip.spread", "ftp");
		assertThat(as("mo").post("/api/v1/webhooks", Map.of("url", url("/mo"), "secret", SECRET, "events",
				List.of("checkin.created"), "teamId", team)).status()).as("a member is no lead").isEqualTo(403);
		assertThat(as("lee").post("/api/v1/webhooks", Map.of("url", url("/lee"), "secret", SECRET, "events",
				List.of("checkin.created"))).status()).as("a lead registers for their team only").isEqualTo(403);
		assertThat(admin.get("/api/v1/webhooks").json().get("items").size()).isEqualTo(before);
	}

	@Test
	void aCheckInReachesTheReceiverSignedWithTheSecret() throws Exception {
		String hook = register(admin, "/signed", List.of("checkin.created", "objective.created"), null);
		String objective = objective("Signed", null);
		String kr = admin.get("/api/v1/objectives/" + objective).str("/keyResults/0/id");
		var checkIn = admin.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 4, "confidence", 7));
		assertThat(checkIn.status()).as(checkIn.text()).isEqualTo(201);

		List<Map<String, String>> got = until(() -> heardAt("/signed"), h -> h.stream()
			.anyMatch(x -> x.get("event").equals("checkin.created")));
		Map<String, String> delivery = got.stream().filter(h -> h.get("event").equals("checkin.created")).findFirst()
			.orElseThrow();
		assertThat(delivery.get("signature")).isEqualTo(hmac(delivery.get("body")));
		JsonNode body = ApiClient.JSON.readTree(delivery.get("body"));
		assertThat(body.get("type").asString()).isEqualTo("checkin.created");
		assertThat(body.get("data").get("checkInId").asString()).isEqualTo(checkIn.str("/id"));
		assertThat(body.get("data").get("keyResultId").asString()).isEqualTo(kr);
		assertThat(body.has("id") && body.has("at")).isTrue();
		assertThat(got).anyMatch(h -> h.get("event").equals("objective.created"));

		JsonNode log = admin.get("/api/v1/webhooks/" + hook + "/deliveries").json().get("items");
		JsonNode logged = null;
		for (JsonNode entry : log) {
			if (entry.get("id").asString().equals(delivery.get("delivery"))) {
				logged = entry;
			}
		}
		assertThat(logged).as("the X-Tandem-Delivery names the logged delivery").isNotNull();
		assertThat(logged.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(logged.get("attempts").asInt()).isEqualTo(1);
		assertThat(logged.get("lastStatus").asInt()).isEqualTo(200);
	}

	@Test
	void aFailingReceiverIsTriedAgainUntilItAnswers() throws Exception {
		failuresLeft.put("/flaky", new AtomicInteger(2));
		String hook = register(admin, "/flaky", List.of("objective.created"), null);
		objective("Flaky", null);
		JsonNode entry = until(() -> admin.get("/api/v1/webhooks/" + hook + "/deliveries").json().get("items"),
				items -> items.size() == 1 && items.get(0).get("status").asString().equals("DELIVERED")).get(0);
		assertThat(entry.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(entry.get("attempts").asInt()).isEqualTo(3);
		assertThat(heardAt("/flaky")).hasSize(3);
		assertThat(admin.get("/api/v1/webhooks/" + hook).json().get("active").asBoolean()).isTrue();
	}

	@Test
	void aWebhookFailingForTheWholeGiveUpTimeIsTurnedOffAndItsMakerTold() throws Exception {
		failuresLeft.put("/down", new AtomicInteger(1_000_000));
		String hook = register(as("lee"), "/down", List.of("objective.created"), team);
		objective("Down", team);
		JsonNode webhook = until(() -> admin.get("/api/v1/webhooks/" + hook).json(),
				w -> !w.get("active").asBoolean());
		assertThat(webhook.get("active").asBoolean()).isFalse();
		assertThat(webhook.get("disabledReason").asString()).contains("answered 500");
		JsonNode told = until(() -> as("lee").get("/api/v1/notifications").json().get("items"),
				items -> items.size() > 0);
		assertThat(told.get(0).get("kind").asString()).isEqualTo("WEBHOOK_DISABLED");
		assertThat(told.get(0).get("text").asString()).contains(url("/down"), "turned off");
		int calls = heardAt("/down").size();
		objective("Down again", team);
		Thread.sleep(300);
		deliverer.deliverNow();
		assertThat(heardAt("/down")).as("a turned-off webhook is not called").hasSize(calls);
	}

	@Test
	void aTeamsWebhookHearsOnlyItsTeam() throws Exception {
		String hook = register(as("lee"), "/team", List.of("objective.created"), team);
		objective("Elsewhere", null);
		String ours = objective("Ours", team);
		List<Map<String, String>> got = until(() -> heardAt("/team"), h -> !h.isEmpty());
		Thread.sleep(300);
		deliverer.deliverNow();
		assertThat(heardAt("/team")).hasSize(1);
		assertThat(got.get(0).get("body")).contains(ours);
		assertThat(as("mo").get("/api/v1/webhooks/" + hook).status()).as("not the member's to see").isEqualTo(404);
		assertThat(as("lee").get("/api/v1/webhooks/" + hook).status()).isEqualTo(200);
	}
}
