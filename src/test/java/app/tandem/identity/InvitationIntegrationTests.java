package app.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * A person joins through the one-time link an admin made: they choose their own password there, without signing
 * in; the link works once, for seven days, and a new one ends the earlier; Tandem keeps only its hash.
 */
@TandemIntegrationTest
class InvitationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final String suffix = Long.toString(System.nanoTime(), 36);

	private String person(String name) {
		return ApiClient.admin(port).post("/api/v1/users", Map.of("username", name + "-" + suffix, "name",
				"Joiner " + name + " " + suffix)).str("/id");
	}

	private String path(ApiClient.Response invitation) {
		return URI.create(invitation.str("/url")).getPath();
	}

	@Test
	void theInvitedPersonChoosesTheirPasswordOnceAndSignsInWithIt() {
		String id = person("ines");
		var invitation = ApiClient.admin(port).post("/api/v1/users/" + id + "/invitation", Map.of());
		assertThat(invitation.status()).isEqualTo(201);
		assertThat(invitation.str("/url")).startsWith("http://localhost:" + port + "/join/");
		assertThat(Duration.between(Instant.now(), Instant.parse(invitation.str("/expiresAt"))))
			.isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));
		String token = path(invitation).substring("/join/".length());
		assertThat(jdbc.sql("select token_hash from invitation where user_id = ?").param(java.util.UUID.fromString(id))
			.query(String.class).single()).isEqualTo(ApiTokens.hash(token)).isNotEqualTo(token);

		PageSession stranger = PageSession.anonymous(port);
		var page = stranger.get(path(invitation));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Welcome, Joiner ines " + suffix, "ines-" + suffix);

		var weak = stranger.post(path(invitation), Map.of("password", "ines-" + suffix + "-pass"));
		assertThat(weak.statusCode()).isEqualTo(422);
		assertThat(weak.body()).contains("contains the username");
		assertThat(stranger.get(path(invitation)).statusCode()).as("a refused password leaves the link usable")
			.isEqualTo(200);

		var joined = stranger.post(path(invitation), Map.of("password", "a river of quiet lamps"));
		assertThat(joined.statusCode()).isEqualTo(302);
		assertThat(joined.headers().firstValue("Location").orElseThrow()).endsWith("/login?joined=ines-" + suffix);
		assertThat(ApiClient.basic(port, "ines-" + suffix, "a river of quiet lamps").get("/api/v1/me").status())
			.isEqualTo(200);
		assertThat(stranger.get("/login?joined=ines-" + suffix).body()).contains("Your password is set",
				"value=\"ines-" + suffix + "\"");

		var again = stranger.get(path(invitation));
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("This link no longer works");
		assertThat(stranger.post(path(invitation), Map.of("password", "another quiet river")).statusCode())
			.isEqualTo(410);
		assertThat(ApiClient.basic(port, "ines-" + suffix, "another quiet river").get("/api/v1/me").status())
			.as("a used link changes nothing").isEqualTo(401);
		assertThat(ApiClient.admin(port).get("/api/v1/audit?entity=user&id=" + id).text())
			.contains("INVITED", "JOINED").doesNotContain(token);
	}

	@Test
	void aNewLinkEndsTheEarlierOneAndAnExpiredLinkSaysSo() {
		String id = person("jon");
		String first = path(ApiClient.admin(port).post("/api/v1/users/" + id + "/invitation", Map.of()));
		String second = path(ApiClient.admin(port).post("/api/v1/users/" + id + "/invitation", Map.of()));
		PageSession stranger = PageSession.anonymous(port);
		assertThat(stranger.get(first).statusCode()).isEqualTo(410);
		assertThat(stranger.get(second).statusCode()).isEqualTo(200);

		jdbc.sql("update invitation set expires_at = ? where token_hash = ?")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), ApiTokens.hash(second.substring(6)))
			.update();
		assertThat(stranger.get(second).body()).contains("has expired");
		assertThat(stranger.get("/join/not-a-link").statusCode()).isEqualTo(410);
	}

	@Test
	void onlyAnAdminInvitesAndADeactivatedPersonIsNotInvited() {
		String id = person("kim");
		ApiClient.admin(port).post("/api/v1/users", Map.of("username", "plain-" + suffix, "name", "Plain " + suffix,
				"password", "correct horse battery"));
		assertThat(ApiClient.basic(port, "plain-" + suffix, "correct horse battery")
			.post("/api/v1/users/" + id + "/invitation", Map.of()).status()).isEqualTo(403);
		long version = ApiClient.admin(port).get("/api/v1/users/" + id).json().get("version").asLong();
		ApiClient.admin(port).patch("/api/v1/users/" + id, Map.of("active", false, "version", version));
		var refused = ApiClient.admin(port).post("/api/v1/users/" + id + "/invitation", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.str("/detail")).contains("deactivated");
	}

	@Test
	void anAdminWhoAddsAPersonOnThePageIsShownTheirLink() {
		PageSession admin = PageSession.signedIn(port, "admin", ApiClient.ADMIN_PASSWORD);
		admin.get("/admin/users");
		var added = admin.post("/admin/users", Map.of("username", "lea-" + suffix, "name", "Lea " + suffix));
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).contains("Lea " + suffix + " (lea-" + suffix + ") was added", "Send Lea " + suffix
				+ " this link", "http://localhost:" + port + "/join/");
		var link = java.util.regex.Pattern.compile("value=\"http://localhost:\\d+(/join/[^\"]+)\"").matcher(added.body());
		assertThat(link.find()).isTrue();
		assertThat(PageSession.anonymous(port).get(link.group(1)).body()).contains("Welcome, Lea " + suffix);

		String id = jdbc.sql("select id from app_user where username = ?").param("lea-" + suffix)
			.query((rs, i) -> rs.getObject(1).toString()).single();
		assertThat(admin.get("/admin/users/" + id).body()).contains("Make a new invitation link");
		var renewed = admin.post("/admin/users/" + id + "/invitation", Map.of());
		assertThat(renewed.statusCode()).isEqualTo(200);
		assertThat(renewed.body()).contains("Send Lea " + suffix + " this link").doesNotContain("was added");
		assertThat(PageSession.anonymous(port).get(link.group(1)).statusCode()).as("the first link ended").isEqualTo(410);
	}
}
