package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * The KPIs a person owes on their home page, each linking to its KPI with why it is due; and the KPI page's "Mark
 * reviewed" button, shown to those who may press it, which clears the review from the home page.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiInboxPagesIntegrationTests {

	private static final String PASSWORD = "kpi-inbox-pages-password-1";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String team;

	private String ida;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "kip-" + suffix, "name", "Inbox page team " + suffix))
			.str("/id");
		ida = member("ida");
		member("joe");
	}

	private String member(String name) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name + " " + suffix,
				"password", PASSWORD)).str("/id");
		assertThat(admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", "MEMBER")).status())
			.isEqualTo(200);
		return id;
	}

	private String kpi(String name, Map<String, Object> extra) {
		String key = name + "-" + suffix;
		Map<String, Object> kpi = new HashMap<>(Map.of("key", key, "name", "Page " + name + " " + suffix, "direction",
				"HIGHER_IS_BETTER", "target", 100, "frequency", "WEEKLY", "aggregation", "LAST", "teamId", team,
				"ownerId", ida));
		kpi.putAll(extra);
		var created = admin.post("/api/v1/kpis", kpi);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return key;
	}

	/** On target, so green: a red KPI would be due a review of its own. */
	private void measure(String key, Instant at) {
		var answer = admin.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", at.toString(), "value",
				100)));
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
	}

	private PageSession as(String name) {
		return PageSession.signedIn(port, name + "-" + suffix, PASSWORD);
	}

	private static String day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC).format(DAY);
	}

	/** The inbox's entry of one KPI, or null. */
	private static String entry(String home, String key) {
		int inbox = home.indexOf("id=\"inbox\"");
		int link = home.indexOf("href=\"/kpis/" + key + "\"", inbox);
		if (inbox < 0 || link < 0 || link > home.indexOf("</ul>", inbox)) {
			return null;
		}
		return home.substring(home.lastIndexOf("<li", link), home.indexOf("</li>", link));
	}

	@Test
	void homeListsTheKpisIOweWithWhyEachIsDue() {
		String quiet = kpi("quiet", Map.of());
		Instant lastValue = now.minus(Duration.ofDays(12));
		measure(quiet, lastValue);
		String unread = kpi("unread", Map.of("reviewEveryDays", 30, "lastReviewedAt",
				now.minus(Duration.ofDays(31)).toString()));
		measure(unread, now.minus(Duration.ofDays(1)));
		String empty = kpi("empty", Map.of("frequency", "MONTHLY"));
		String fine = kpi("fine", Map.of());
		measure(fine, now.minus(Duration.ofDays(1)));

		var home = as("ida").get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(entry(home.body(), quiet)).contains("Add a value to Page quiet " + suffix,
				"No value since " + day(lastValue) + " — weekly");
		assertThat(entry(home.body(), unread)).contains("Review Page unread " + suffix,
				"Review due since " + day(now.minus(Duration.ofDays(1))))
			.doesNotContain("No value");
		assertThat(entry(home.body(), empty)).contains("No value yet — monthly");
		assertThat(entry(home.body(), fine)).as("a fresh value, no review").isNull();
		assertThat(home.body()).doesNotContain("Nothing due");
		assertThat(entry(as("joe").get("/").body(), quiet)).as("not joe's").isNull();

		var german = as("ida").get("/", Map.of("Accept-Language", "de-DE,de;q=0.9"));
		assertThat(entry(german.body(), quiet)).contains("Wert für Page quiet " + suffix + " eintragen",
				"Kein Wert seit", "wöchentlich");
		assertThat(entry(german.body(), unread)).contains("Überprüfung fällig seit");
	}

	@Test
	void theKpiPagesButtonMarksItReviewedAndClearsItFromHome() {
		String key = kpi("weekly-review", Map.of("reviewEveryDays", 7));
		measure(key, now.minus(Duration.ofDays(1)));
		PageSession ida = as("ida");
		assertThat(entry(ida.get("/").body(), key)).contains("Review Page weekly-review " + suffix,
				"Review due, never reviewed");

		var page = ida.get("/kpis/" + key);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("href=\"#kpi-review\">Review due</a>", "every 7 days, not reviewed yet",
				"class=\"stale\">Review due since",
				"action=\"/kpis/" + key + "/review\"", ">Mark reviewed</button>");

		var reviewed = ida.post("/kpis/" + key + "/review", Map.of());
		assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(302);
		assertThat(reviewed.headers().firstValue("Location")).get().asString().endsWith("/kpis/" + key + "?reviewed");
		var after = ida.get("/kpis/" + key + "?reviewed");
		assertThat(after.body()).contains("Marked reviewed.", "every 7 days, last on " + day(Instant.now()))
			.doesNotContain("Review due");
		assertThat(entry(ida.get("/").body(), key)).isNull();
		assertThat(admin.get("/api/v1/kpis/" + key).json().get("lastReviewedAt").isNull()).isFalse();

		var german = ida.get("/kpis/" + key, Map.of("Accept-Language", "de-DE,de;q=0.9"));
		assertThat(german.body()).contains("Als überprüft markieren", "alle 7 Tage, zuletzt am");
	}

	@Test
	void aMemberWhoDoesNotOwnTheKpiSeesNoButtonAndIsRefused() {
		String key = kpi("guarded-review", Map.of("reviewEveryDays", 7));
		PageSession joe = as("joe");
		var page = joe.get("/kpis/" + key);
		assertThat(page.body()).contains("Review due since").doesNotContain("Mark reviewed");
		var refused = joe.post("/kpis/" + key + "/review", Map.of());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(admin.get("/api/v1/kpis/" + key).json().get("lastReviewedAt").isNull()).isTrue();
		assertThat(joe.postWithoutToken("/kpis/" + key + "/review", Map.of()).statusCode()).isEqualTo(403);
	}
}
