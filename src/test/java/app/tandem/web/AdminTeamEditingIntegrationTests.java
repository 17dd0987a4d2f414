package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import app.tandem.ApiClient;
import app.tandem.PageSession;

/**
 * The admin pages that change what exists: a team's members and their roles, renaming and moving a team in the tree
 * (never below itself), deleting one, a person's details and a new password. Refused input comes back beside its
 * field with what was typed, a stale page gets 409, and in each case nothing changed; nobody but an admin gets
 * anywhere.
 */
@AdminPagesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminTeamEditingIntegrationTests {

	private static final String PASSWORD = "team-editing-password-1";

	@LocalServerPort
	int port;

	private ApiClient api;

	private String suffix;

	private String rita;

	@BeforeAll
	void organisation() {
		api = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		rita = api.post("/api/v1/users", Map.of("username", "rita-" + suffix, "name", "Rita " + suffix, "password",
				PASSWORD)).str("/id");
	}

	private PageSession admin() {
		PageSession admin = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		admin.get("/admin/teams");
		return admin;
	}

	private String team(String name, String parent) {
		Map<String, Object> body = parent == null ? Map.of("name", name + " " + suffix)
				: Map.of("name", name + " " + suffix, "parentId", parent);
		return api.post("/api/v1/teams", body).str("/id");
	}

	private JsonNode teamNow(String id) {
		return api.get("/api/v1/teams/" + id).json();
	}

	private String version(String team) {
		return Long.toString(teamNow(team).get("version").asLong());
	}

	private void member(String team, String user, String role) {
		assertThat(api.put("/api/v1/teams/" + team + "/members/" + user, Map.of("role", role)).status()).isEqualTo(200);
	}

	/** The role the select of a member's row shows as chosen. */
	private static String shownRole(String page, String team, String user) {
		Matcher select = Pattern.compile("id=\"role-" + team + "-" + user + "\">(.*?)</select>", Pattern.DOTALL)
			.matcher(page);
		assertThat(select.find()).as("a role select for the member").isTrue();
		Matcher chosen = Pattern.compile("value=\"(\\w+)\" selected=\"selected\"").matcher(select.group(1));
		assertThat(chosen.find()).isTrue();
		return chosen.group(1);
	}

	// -- memberships -------------------------------------------------------------------------------

	@Test
	void anAdminRemovesAMemberWithAButtonNamingThemAndTheTeam() {
		String team = team("Removal", null);
		member(team, rita, "MEMBER");
		PageSession admin = admin();
		assertThat(admin.get("/admin/teams").body()).as("a closed row names its members and their roles")
			.contains("<span>Rita " + suffix + "</span>", "· member").doesNotContain("Remove Rita " + suffix);
		String page = admin.get("/admin/teams?open=" + team).body();
		assertThat(page).contains("aria-label=\"Remove Rita " + suffix + " from Removal " + suffix + "\"",
				"action=\"/admin/teams/" + team + "/members/" + rita + "/remove\"");

		var removed = admin.post("/admin/teams/" + team + "/members/" + rita + "/remove", Map.of("version", version(team)));
		assertThat(removed.statusCode()).isEqualTo(302);
		assertThat(teamNow(team).get("members").isEmpty()).isTrue();
		assertThat(api.get("/api/v1/users/" + rita).status()).as("the person stays").isEqualTo(200);
		assertThat(admin.get("/admin/teams").body())
			.contains("Rita " + suffix + " was removed from Removal " + suffix + ".");
	}

	@Test
	void htmxRemovesAMemberAndGetsTheTeamsRowBack() {
		String team = team("Row removal", null);
		member(team, rita, "LEAD");
		PageSession admin = admin();
		var row = admin.htmxPost("/admin/teams/" + team + "/members/" + rita + "/remove", Map.of("version", version(team)));
		assertThat(row.statusCode()).isEqualTo(200);
		assertThat(row.body()).startsWith("<tr").contains("id=\"team-" + team + "\"",
				"Rita " + suffix + " was removed from Row removal " + suffix + ".", "nobody yet").doesNotContain("<html");
		assertThat(teamNow(team).get("members").isEmpty()).isTrue();
	}

	@Test
	void aStaleRemovalIsRefusedWith409AndTheMemberStays() {
		String team = team("Stale removal", null);
		member(team, rita, "MEMBER");
		String seen = version(team);
		member(team, rita, "VIEWER");
		PageSession admin = admin();
		var stale = admin.post("/admin/teams/" + team + "/members/" + rita + "/remove", Map.of("version", seen));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("Someone changed the team Stale removal " + suffix + " meanwhile");
		assertThat(teamNow(team).get("members").get(0).get("role").asString()).isEqualTo("VIEWER");
		// htmx does not swap a 409: it is sent to the page as it is now, which tells why
		var htmx = admin.htmxPost("/admin/teams/" + team + "/members/" + rita + "/remove", Map.of("version", seen));
		assertThat(htmx.statusCode()).isEqualTo(409);
		assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/admin/teams");
		assertThat(admin.get("/admin/teams").body()).contains("Someone changed the team Stale removal " + suffix);
		assertThat(teamNow(team).get("members")).hasSize(1);
	}

	@Test
	void anAdminChangesAMembersRoleInTheirRow() {
		String team = team("Roles", null);
		member(team, rita, "MEMBER");
		PageSession admin = admin();
		assertThat(shownRole(admin.get("/admin/teams?open=" + team).body(), team, rita)).isEqualTo("MEMBER");
		var row = admin.htmxPost("/admin/teams/" + team + "/members",
				Map.of("user", rita, "role", "LEAD", "version", version(team)));
		assertThat(row.statusCode()).isEqualTo(200);
		assertThat(row.body()).startsWith("<tr").contains("The membership in Roles " + suffix + " was saved.");
		assertThat(shownRole(row.body(), team, rita)).isEqualTo("LEAD");
		assertThat(teamNow(team).get("members").get(0).get("role").asString()).isEqualTo("LEAD");

		var noRole = admin.htmxPost("/admin/teams/" + team + "/members",
				Map.of("user", rita, "role", "CAPTAIN", "version", version(team)));
		assertThat(noRole.statusCode()).isEqualTo(422);
		assertThat(noRole.body()).startsWith("<tr").contains("Choose a role.");
		assertThat(teamNow(team).get("members").get(0).get("role").asString()).isEqualTo("LEAD");
	}

	// -- the tree ----------------------------------------------------------------------------------

	@Test
	void anAdminRenamesATeamAndMovesItUnderAnother() {
		String top = team("Move top", null);
		String other = team("Move other", null);
		String child = team("Move child", top);
		PageSession admin = admin();
		String closed = admin.get("/admin/teams").body();
		assertThat(closed).as("each row's forms open on demand").contains("hx-get=\"/admin/teams/" + child + "/row\"")
			.doesNotContain("action=\"/admin/teams/" + child + "\"");
		String row = admin.get("/admin/teams/" + child + "/row", Map.of("HX-Request", "true")).body();
		assertThat(row).startsWith("<tr").contains("action=\"/admin/teams/" + child + "\"",
				"aria-label=\"Edit or delete Move child " + suffix, "name=\"user\"");
		assertThat(admin.get("/admin/teams?open=" + child).body()).contains("action=\"/admin/teams/" + child + "\"");

		var saved = admin.post("/admin/teams/" + child,
				Map.of("name", "Moved child " + suffix, "parent", other, "version", version(child)));
		assertThat(saved.statusCode()).isEqualTo(302);
		JsonNode now = teamNow(child);
		assertThat(now.get("name").asString()).isEqualTo("Moved child " + suffix);
		assertThat(now.get("parentId").asString()).isEqualTo(other);
		assertThat(admin.get("/admin/teams").body()).contains("The team Moved child " + suffix + " was saved.");

		var toTop = admin.htmxPost("/admin/teams/" + child,
				Map.of("name", "Moved child " + suffix, "parent", "", "version", version(child)));
		assertThat(toTop.statusCode()).isEqualTo(200);
		assertThat(toTop.headers().firstValue("HX-Redirect")).hasValue("/admin/teams");
		assertThat(teamNow(child).get("parentId").isNull()).isTrue();
	}

	@Test
	void theEditFormOffersNeitherTheTeamItselfNorATeamBelowItAsParent() {
		String top = team("Offer top", null);
		String middle = team("Offer middle", top);
		String bottom = team("Offer bottom", middle);
		String page = admin().get("/admin/teams?open=" + top).body();
		Matcher select = Pattern.compile("id=\"parent-" + top + "\".*?</select>", Pattern.DOTALL).matcher(page);
		assertThat(select.find()).isTrue();
		assertThat(select.group()).doesNotContain("value=\"" + top + "\"", "value=\"" + middle + "\"",
				"value=\"" + bottom + "\"");
		Matcher ofBottom = Pattern.compile("id=\"parent-" + bottom + "\".*?</select>", Pattern.DOTALL)
			.matcher(admin().get("/admin/teams?open=" + bottom).body());
		assertThat(ofBottom.find()).isTrue();
		assertThat(ofBottom.group()).contains("value=\"" + top + "\"", "value=\"" + middle + "\" selected=\"selected\"");
	}

	@Test
	void aMoveBelowItsOwnSubTeamIsRefusedBesideTheFieldKeepingTheInputAndChangingNothing() {
		String top = team("Cycle top", null);
		String below = team("Cycle below", top);
		JsonNode before = teamNow(top);
		PageSession admin = admin();
		var refused = admin.post("/admin/teams/" + top,
				Map.of("name", "Typed name " + suffix, "parent", below, "version", version(top)));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains(
				"The team Cycle top " + suffix + " cannot sit below itself or one of its own sub-teams",
				"value=\"Typed name " + suffix + "\"", "aria-describedby=\"parent-error-" + top + "\"",
				"value=\"" + below + "\" selected=\"selected\"", "<details class=\"team-edit\" open=\"open\"");
		JsonNode after = teamNow(top);
		assertThat(after.get("name").asString()).isEqualTo("Cycle top " + suffix);
		assertThat(after.get("parentId").isNull()).isTrue();
		assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());

		var itself = admin.htmxPost("/admin/teams/" + top, Map.of("name", "", "parent", top, "version", version(top)));
		assertThat(itself.statusCode()).isEqualTo(422);
		assertThat(itself.body()).startsWith("<tr").doesNotContain("<html")
			.contains("Enter the team&#39;s name", "id=\"name-error-" + top + "\"");
		var cycle = admin.htmxPost("/admin/teams/" + top, Map.of("name", "Typed", "parent", top, "version", version(top)));
		assertThat(cycle.statusCode()).isEqualTo(422);
		assertThat(cycle.body()).startsWith("<tr").contains("cannot sit below itself");
		assertThat(teamNow(top).get("version").asLong()).isEqualTo(before.get("version").asLong());
	}

	@Test
	void aStaleEditIsRefusedWith409AndChangesNothing() {
		String team = team("Stale edit", null);
		String seen = version(team);
		assertThat(api.patch("/api/v1/teams/" + team, Map.of("name", "Changed meanwhile " + suffix)).status())
			.isEqualTo(200);
		PageSession admin = admin();
		var stale = admin.post("/admin/teams/" + team, Map.of("name", "Mine " + suffix, "parent", "", "version", seen));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("Someone changed the team Changed meanwhile " + suffix + " meanwhile");
		assertThat(teamNow(team).get("name").asString()).isEqualTo("Changed meanwhile " + suffix);
	}

	@Test
	void anAdminDeletesATeamAndIsToldWhyOneWithSubTeamsOrKpisStays() {
		String parent = team("Delete parent", null);
		String child = team("Delete child", parent);
		member(child, rita, "MEMBER");
		String measured = team("Delete measured", null);
		assertThat(api.post("/api/v1/kpis", Map.of("key", "del-" + suffix, "name", "Deletion KPI " + suffix, "direction",
				"HIGHER_IS_BETTER", "target", 100, "warningThreshold", 80, "frequency", "WEEKLY", "aggregation", "LAST", "unit", "points",
				"teamId", measured)).status()).isEqualTo(201);
		PageSession admin = admin();
		assertThat(admin.get("/admin/teams?open=" + child).body())
			.contains("aria-label=\"Delete the team Delete child " + suffix + "\"");

		var withChildren = admin.post("/admin/teams/" + parent + "/delete", Map.of());
		assertThat(withChildren.statusCode()).isEqualTo(409);
		assertThat(withChildren.body()).contains("The team Delete parent " + suffix + " has sub-teams, so it was not deleted");
		var withKpi = admin.post("/admin/teams/" + measured + "/delete", Map.of());
		assertThat(withKpi.statusCode()).isEqualTo(409);
		assertThat(withKpi.body()).contains("Objectives or KPIs belong to the team Delete measured " + suffix);
		assertThat(api.get("/api/v1/teams/" + parent).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/teams/" + measured).status()).isEqualTo(200);

		var deleted = admin.post("/admin/teams/" + child + "/delete", Map.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/teams/" + child).status()).isEqualTo(404);
		assertThat(admin.get("/admin/teams").body()).contains("The team Delete child " + suffix + " was deleted.")
			.doesNotContain("id=\"team-" + child + "\"");
		assertThat(admin.post("/admin/teams/" + parent + "/delete", Map.of()).statusCode()).isEqualTo(302);
	}

	// -- people ------------------------------------------------------------------------------------

	@Test
	void anAdminSetsANewPasswordWithWhichThePersonSignsInAndTheOldOneFails() {
		String old = "reset-old-password-1";
		String id = api.post("/api/v1/users", Map.of("username", "reset-" + suffix, "name", "Reset " + suffix,
				"password", old)).str("/id");
		PageSession admin = admin();
		assertThat(admin.get("/admin/users").body()).contains("href=\"/admin/users/" + id + "\"");
		var page = admin.get("/admin/users/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Reset " + suffix + " (reset-" + suffix + ")", "Set a new password",
				"autocomplete=\"new-password\"");

		var tooShort = admin.post("/admin/users/" + id + "/password", Map.of("password", "short7!"));
		assertThat(tooShort.statusCode()).isEqualTo(422);
		assertThat(tooShort.body()).contains("Choose a password of 8 to 128 characters.").doesNotContain("short7!");
		var common = admin.post("/admin/users/" + id + "/password", Map.of("password", "password"));
		assertThat(common.statusCode()).isEqualTo(422);
		assertThat(common.body()).contains("one of the most common passwords").doesNotContain("value=\"password\"");
		var empty = admin.post("/admin/users/" + id + "/password", Map.of("password", ""));
		assertThat(empty.statusCode()).isEqualTo(422);
		PageSession.signedIn(port, "reset-" + suffix, old);

		String fresh = "reset-new-password-" + suffix;
		var changed = admin.post("/admin/users/" + id + "/password", Map.of("password", fresh));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/admin/users/" + id);
		var told = admin.get("/admin/users/" + id);
		assertThat(told.body()).contains("The password of reset-" + suffix + " was changed.").doesNotContain(fresh);
		assertThat(PageSession.signedIn(port, "reset-" + suffix, fresh).get("/").statusCode()).isEqualTo(200);
		assertThatThrownBy(() -> PageSession.signedIn(port, "reset-" + suffix, old))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void anAdminEditsAPersonsNameEmailAndAdminFlagFromTheVersionShown() {
		String id = api.post("/api/v1/users", Map.of("username", "edit-" + suffix, "name", "Edit " + suffix,
				"email", "edit@example.com")).str("/id");
		PageSession admin = admin();
		String seen = Long.toString(api.get("/api/v1/users/" + id).json().get("version").asLong());
		var refused = admin.post("/admin/users/" + id, Map.of("name", "", "email", "nope", "version", seen));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Enter the person&#39;s name", "Enter an email address", "value=\"nope\"",
				"aria-describedby=\"email-error\"");

		var saved = admin.post("/admin/users/" + id, Map.of("name", "Edited " + suffix, "email", "",
				"admin", "true", "version", seen));
		assertThat(saved.statusCode()).isEqualTo(302);
		JsonNode now = api.get("/api/v1/users/" + id).json();
		assertThat(now.get("name").asString()).isEqualTo("Edited " + suffix);
		assertThat(now.get("email").asString("")).isEmpty();
		assertThat(now.get("admin").asBoolean()).isTrue();
		assertThat(admin.get("/admin/users/" + id).body()).contains("edit-" + suffix + " was saved.");

		var stale = admin.post("/admin/users/" + id, Map.of("name", "Stale " + suffix, "version", seen));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("Someone changed edit-" + suffix + " meanwhile", "value=\"Edited " + suffix + "\"");
		assertThat(api.get("/api/v1/users/" + id).json().get("name").asString()).isEqualTo("Edited " + suffix);
	}

	@Test
	void anAdminCannotTakeAwayTheirOwnAdminFlag() {
		PageSession admin = admin();
		String me = api.get("/api/v1/me").str("/id");
		var page = admin.get("/admin/users/" + me);
		assertThat(page.body()).contains("You cannot take away your own admin rights", "disabled=\"disabled\"");
		JsonNode before = api.get("/api/v1/users/" + me).json();
		// the checkbox is disabled, so the form arrives without it, as if unticked
		var saved = admin.post("/admin/users/" + me, Map.of("name", before.get("name").asString(), "email",
				before.get("email").asString(""), "version", Long.toString(before.get("version").asLong())));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/users/" + me).json().get("admin").asBoolean()).isTrue();
	}

	@Test
	void theNewControlsSpeakGerman() {
		String team = team("Deutsch", null);
		member(team, rita, "MEMBER");
		PageSession admin = admin();
		Map<String, String> german = Map.of("Accept-Language", "de-DE,de;q=0.9");
		assertThat(admin.get("/admin/teams", german).body()).contains("Bearbeiten, Personen hinzufügen");
		assertThat(admin.get("/admin/teams?open=" + team, german).body()).contains("Team löschen", "Team speichern",
				"Rita " + suffix + " aus Deutsch " + suffix + " entfernen");
		assertThat(admin.get("/admin/users/" + rita, german).body()).contains("Neues Passwort setzen",
				"Name, E-Mail und Rechte");
	}

	// -- nobody else -------------------------------------------------------------------------------

	@Test
	void someoneWhoIsNoAdminIsRefusedEveryChangeAndNothingChanges() {
		String team = team("Guarded", null);
		String child = team("Guarded child", team);
		member(team, rita, "LEAD");
		String version = version(team);
		PageSession rita = PageSession.signedIn(port, "rita-" + suffix, PASSWORD);
		rita.get("/tokens");
		Map<String, Map<String, String>> posts = Map.of(
				"/admin/teams/" + team + "/members/" + this.rita + "/remove", Map.of("version", version),
				"/admin/teams/" + team + "/members", Map.of("user", this.rita, "role", "ADMIN", "version", version),
				"/admin/teams/" + child, Map.of("name", "Taken over", "parent", "", "version", version(child)),
				"/admin/teams/" + child + "/delete", Map.of(),
				"/admin/users/" + this.rita, Map.of("name", "Rita", "admin", "true"),
				"/admin/users/" + this.rita + "/password", Map.of("password", "rita-sets-her-own-1"));
		posts.forEach((path, fields) -> {
			HttpResponse<String> refused = rita.post(path, fields);
			assertThat(refused.statusCode()).as(path).isEqualTo(403);
			assertThat(refused.body()).as(path).contains("Not for you");
		});
		assertThat(rita.get("/admin/users/" + this.rita).statusCode()).isEqualTo(403);
		assertThat(version(team)).isEqualTo(version);
		assertThat(teamNow(child).get("name").asString()).isEqualTo("Guarded child " + suffix);
		assertThat(api.get("/api/v1/users/" + this.rita).json().get("admin").asBoolean()).isFalse();
		PageSession.signedIn(port, "rita-" + suffix, PASSWORD);
		for (String path : List.of("/admin/teams/" + child + "/delete")) {
			assertThat(rita.htmxPost(path, Map.of()).statusCode()).as(path).isEqualTo(403);
		}
	}
}
