package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;

/**
 * The API-token page and the admin pages as a browser gets them: a token's secret shown once and working until it is
 * revoked; people, teams and memberships managed by admins only, bad input refused beside the field; the audit log.
 */
@AdminPagesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesIntegrationTests {

	private static final String PASSWORD = "admin-pages-password-1";

	private static final Pattern SECRET = Pattern.compile("tdm_[A-Za-z0-9_-]{20,}");

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String team;

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "adm-" + suffix, "name", "Admin team " + suffix)).str("/id");
		admin.post("/api/v1/users", Map.of("username", "nora-" + suffix, "name", "Nora " + suffix, "password", PASSWORD));
	}

	private PageSession nora() {
		return PageSession.signedIn(port, "nora-" + suffix, PASSWORD);
	}

	private PageSession admin() {
		return PageSession.signedIn(port, "admin", "open-sesame-test-run");
	}

	@Test
	void thePeopleAreListedFiftyAtATimeByUserNameAndShowMoreBringsTheRest() {
		for (int i = 0; i < 60; i++) {
			admin.post("/api/v1/users", Map.of("username", "zz-many-%02d-%s".formatted(i, suffix), "name", "Many " + i));
		}
		java.util.Set<String> everybody = new java.util.TreeSet<>();
		String cursor = "";
		do {
			var page = admin.get("/api/v1/users?limit=200" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).json();
			page.get("items").forEach(u -> everybody.add(u.get("username").asString()));
			cursor = page.path("next").isNull() || page.path("next").isMissingNode() ? "" : page.get("next").asString();
		}
		while (!cursor.isEmpty());

		PageSession boss = admin();
		java.util.List<String> listed = new java.util.ArrayList<>();
		String part = boss.get("/admin/users").body();
		int parts = 0;
		while (true) {
			parts++;
			Matcher names = Pattern.compile("aria-label=\"Edit ([^\"]+)\"").matcher(part);
			int before = listed.size();
			while (names.find()) {
				listed.add(names.group(1));
			}
			assertThat(listed.size() - before).as("a part holds at most 50").isLessThanOrEqualTo(50);
			Matcher more = Pattern.compile("hx-get=\"(/admin/users/more[^\"]+)\"").matcher(part);
			if (!more.find()) {
				break;
			}
			assertThat(listed.size() - before).isEqualTo(50);
			part = boss.get(more.group(1).replace("&amp;", "&")).body();
		}
		assertThat(parts).isGreaterThanOrEqualTo(2);
		assertThat(listed).as("everybody once").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(everybody);
		assertThat(listed.stream().filter(u -> u.startsWith("zz-many-")).toList()).as("by user name")
			.hasSize(60).isSorted();
	}

	@Test
	void theTeamTreeShowsAHundredRowsAtATimeAndShowMoreBringsTheRest() {
		for (int i = 0; i < 105; i++) {
			admin.post("/api/v1/teams", Map.of("name", "Tree %03d %s".formatted(i, suffix)));
		}
		PageSession boss = admin();
		String all = boss.allParts("/admin/teams");
		String first = boss.get("/admin/teams").body();
		assertThat(first.split("<tr id=\"team-", -1).length - 1).isEqualTo(100);
		for (int i = 0; i < 105; i++) {
			assertThat(all).contains("<strong>Tree %03d %s</strong>".formatted(i, suffix));
		}
		assertThat(all.indexOf("Tree 000 " + suffix)).isLessThan(all.indexOf("Tree 104 " + suffix));
	}

	@Test
	void aTokenIsShownOnceWorksAsABearerTokenAndFailsOnceRevoked() {
		PageSession nora = nora();
		var list = nora.get("/tokens");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("API tokens", "name=\"scopes\" value=\"write\"");

		var created = nora.post("/tokens", Map.of("name", "Nightly sync " + suffix, "scopes", "read"));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.body()).contains("it will not be shown again");
		Matcher secret = SECRET.matcher(created.body());
		assertThat(secret.find()).isTrue();
		String token = secret.group();

		var me = ApiClient.anonymous(port).bearer(token).get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.str("/username")).isEqualTo("nora-" + suffix);

		var after = nora.get("/tokens");
		assertThat(after.body()).contains("Nightly sync " + suffix).doesNotContain(token);
		Matcher revoke = Pattern.compile("action=\"/tokens/([0-9a-f-]{36})/revoke\"").matcher(after.body());
		assertThat(revoke.find()).isTrue();
		var revoked = nora.post("/tokens/" + revoke.group(1) + "/revoke", Map.of());
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(nora.get("/tokens").body()).doesNotContain("Nightly sync " + suffix);
		assertThat(ApiClient.anonymous(port).bearer(token).get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aTokenWithoutNameOrScopeIsRefusedBesideTheField() {
		PageSession nora = nora();
		nora.get("/tokens");
		var refused = nora.post("/tokens", Map.of("name", "", "expires", "2001-01-01"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Name the token", "Choose at least one scope.", "Choose a day after today",
				"value=\"2001-01-01\"").doesNotContain("tdm_");
	}

	@Test
	void someoneWhoIsNoAdminIsRefusedTheAdminPages() {
		PageSession nora = nora();
		for (String page : java.util.List.of("/admin/users", "/admin/teams", "/admin/audit")) {
			var refused = nora.get(page);
			assertThat(refused.statusCode()).as(page).isEqualTo(403);
			assertThat(refused.body()).as(page).contains("Not for you").doesNotContain("Add a person");
		}
		assertThat(nora.get("/tokens").body()).doesNotContain("href=\"/admin/users\"");
		assertThat(admin().get("/tokens").body()).contains("href=\"/admin/users\"");
	}

	@Test
	void anAdminAddsAPersonAfterBadInputIsRefusedBesideTheField() {
		PageSession admin = admin();
		var list = admin.get("/admin/users");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Nora " + suffix, "nora-" + suffix, "Add a person", "aria-current=\"page\"");

		var refused = admin.post("/admin/users",
				Map.of("username", "has space " + suffix, "name", "", "email", "not-an-address", "password", ""));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Choose a username of letters", "Enter the person&#39;s name",
				"Enter an email address", "value=\"has space " + suffix + "\"", "value=\"not-an-address\"",
				"aria-invalid=\"true\"");
		var added = admin.post("/admin/users", Map.of("username", "petra-" + suffix, "name", "Petra " + suffix,
				"email", "petra@example.com", "password", "an-admin-chosen-password"));
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).contains("Petra " + suffix + " (petra-" + suffix + ") was added.", "/join/");
		assertThat(admin.get("/admin/users").body()).contains("Petra " + suffix, "petra@example.com");
		assertThatThrownBy(() -> PageSession.signedIn(port, "petra-" + suffix, "an-admin-chosen-password"))
			.as("the page sets no password: the person chooses theirs through the link").isInstanceOf(IllegalStateException.class);
		var twice = admin.post("/admin/users", Map.of("username", "petra-" + suffix, "name", "Petra again"));
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("There is already someone named petra-" + suffix);
	}

	@Test
	void anAdminDeactivatesAndReactivatesAPerson() {
		String id = admin.post("/api/v1/users", Map.of("username", "dora-" + suffix, "name", "Dora " + suffix,
				"password", PASSWORD)).str("/id");
		PageSession admin = admin();
		admin.get("/admin/users");
		long version = this.admin.get("/api/v1/users/" + id).json().get("version").asLong();
		assertThat(admin.post("/admin/users/" + id + "/active", Map.of("active", "false", "version", "" + version))
			.statusCode()).isEqualTo(302);
		assertThat(this.admin.get("/api/v1/users/" + id).json().get("active").asBoolean()).isFalse();
		assertThat(admin.get("/admin/users").body()).contains("dora-" + suffix + " was deactivated");
		var stale = admin.post("/admin/users/" + id + "/active", Map.of("active", "true", "version", "" + version));
		assertThat(stale.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/users").body()).contains("Someone changed dora-" + suffix + " meanwhile");
		admin.post("/admin/users/" + id + "/active", Map.of("active", "true", "version", "" + (version + 1)));
		assertThat(this.admin.get("/api/v1/users/" + id).json().get("active").asBoolean()).isTrue();
	}

	@Test
	void anAdminAddsATeamAndAMembershipAndIsToldOfAStaleTeam() {
		PageSession admin = admin();
		var page = admin.get("/admin/teams");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Admin team " + suffix);

		var refused = admin.post("/admin/teams", Map.of("key", "Not A Slug", "name", "Sub " + suffix, "parent", team));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Choose a key of lower-case letters", "value=\"Not A Slug\"");
		assertThat(admin.post("/admin/teams", Map.of("key", "sub-" + suffix, "name", "Sub " + suffix, "parent", team))
			.statusCode()).isEqualTo(302);
		var sub = this.admin.get("/api/v1/teams?limit=1000").json().get("items").valueStream()
			.filter(t -> t.get("key").asString().equals("sub-" + suffix)).findFirst().orElseThrow();
		assertThat(sub.get("parentId").asString()).isEqualTo(team);
		assertThat(admin.get("/admin/teams").body()).contains("Sub " + suffix, "The team Sub " + suffix + " was added.");

		String nora = this.admin.get("/api/v1/users?limit=1000").json().get("items").valueStream()
			.filter(u -> u.get("username").asString().equals("nora-" + suffix)).findFirst().orElseThrow().get("id")
			.asString();
		long version = this.admin.get("/api/v1/teams/" + team).json().get("version").asLong();
		var noPerson = admin.post("/admin/teams/" + team + "/members",
				Map.of("user", "", "role", "LEAD", "version", "" + version));
		assertThat(noPerson.statusCode()).isEqualTo(422);
		assertThat(noPerson.body()).contains("Choose a person.");
		assertThat(admin.post("/admin/teams/" + team + "/members",
				Map.of("user", nora, "role", "LEAD", "version", "" + version)).statusCode()).isEqualTo(302);
		assertThat(this.admin.get("/api/v1/teams/" + team).json().get("members").get(0).get("role").asString())
			.isEqualTo("LEAD");
		assertThat(admin.get("/admin/teams?open=" + team).body()).containsPattern("id=\"role-" + team + "-" + nora
				+ "\">\\s*<option value=\"ADMIN\">admin</option>\\s*<option value=\"LEAD\" selected=\"selected\">");

		var stale = admin.post("/admin/teams/" + team + "/members",
				Map.of("user", nora, "role", "VIEWER", "version", "" + version));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("Someone changed the team Admin team " + suffix + " meanwhile");
		assertThat(this.admin.get("/api/v1/teams/" + team).json().get("members").get(0).get("role").asString())
			.isEqualTo("LEAD");
	}

	@Test
	void theAuditPageListsARecentChangeAndFiltersByKind() {
		String renamed = "Renamed team " + suffix;
		String other = this.admin.post("/api/v1/teams", Map.of("key", "aud-" + suffix, "name", "Audited " + suffix))
			.str("/id");
		assertThat(this.admin.patch("/api/v1/teams/" + other, Map.of("name", renamed)).status()).isEqualTo(200);
		PageSession admin = admin();
		var page = admin.get("/admin/audit");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(renamed, other);
		var teams = admin.get("/admin/audit?entity=team");
		assertThat(teams.body()).contains(renamed, "<option value=\"team\" selected=\"selected\">")
			.doesNotContain("<span>person</span>");
		var users = admin.get("/admin/audit?entity=user");
		assertThat(users.body()).doesNotContain(renamed);
	}

	@Test
	void theAuditPageSaysWhatHappenedInWordsNotNames() {
		String cycle = this.admin.post("/api/v1/cycles", Map.of("name", "Audit words " + suffix, "startDate",
				java.time.LocalDate.now().minusDays(5).toString(), "endDate", java.time.LocalDate.now().plusDays(60)
					.toString())).str("/id");
		var created = this.admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Worded audit " + suffix,
				"level", "COMPANY", "type", "ASPIRATIONAL", "keyResults", List.of(Map.of("title", "Keep CSAT between 70 and 80",
						"type", "THRESHOLD", "minValue", 70, "maxValue", 80))));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String english = admin().get("/admin/audit?entity=key_result").body();
		assertThat(english).contains("created", "type: Keep within", "minimum: 70")
			.doesNotContain(">CREATED<", "THRESHOLD", "minValue");
		String objectives = admin().get("/admin/audit?entity=objective").body();
		assertThat(objectives).contains("level: Company", "type: Aspirational").doesNotContain("ASPIRATIONAL", "COMPANY");
		String german = admin().get("/admin/audit?entity=key_result&lang=de").body();
		assertThat(german).contains("angelegt", "Art: Im Bereich halten", "Minimum: 70").doesNotContain("THRESHOLD");
	}
}
