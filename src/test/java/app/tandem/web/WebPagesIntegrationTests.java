package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * The web app's pages over HTTP as a browser gets them: signed in with the form, in the person's language, showing
 * only what they may see, and the check-in form answering htmx in place, refusing bad input beside the field.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesIntegrationTests {

	private static final String PASSWORD = "pages-test-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String cycle;

	private String objective;

	private String keyResult;

	private String secret;

	private String team;

	private String wendyId;

	private String ottoId;

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "web-" + suffix, "name", "Web team " + suffix))
			.str("/id");
		String other = admin.post("/api/v1/teams", Map.of("key", "far-" + suffix, "name", "Far team " + suffix))
			.str("/id");
		String wendy = person("wendy", team, "MEMBER");
		wendyId = wendy;
		ottoId = person("otto", other, "MEMBER");
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Web " + suffix, "startDate",
				today.minusDays(30).toString(), "endDate", today.plusDays(60).toString())).str("/id");
		var created = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Delight new patients " + suffix,
				"level", "TEAM", "teamId", team, "ownerId", wendy, "keyResults",
				List.of(Map.of("title", "Raise activation from 40 to 55", "type", "INCREASE", "startValue", 40,
						"targetValue", 55, "ownerId", wendy),
						Map.of("title", "Cut waiting from 20 to 10 days", "type", "DECREASE", "startValue", 20,
								"targetValue", 10, "ownerId", wendy))));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		objective = created.str("/id");
		keyResult = created.str("/keyResults/0/id");
		secret = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Secret merger " + suffix, "level",
				"TEAM", "teamId", team, "visibility", "PRIVATE", "keyResults",
				List.of(Map.of("title", "Sign it", "type", "MILESTONE")))).str("/id");
	}

	private String person(String name, String team, String role) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name + " " + suffix,
				"password", PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role));
		return id;
	}

	private PageSession as(String name) {
		return PageSession.signedIn(port, name + "-" + suffix, PASSWORD);
	}

	@Test
	void withoutASessionEveryPageSendsToSignIn() {
		for (String page : List.of("/", "/okrs", "/okrs/objectives/" + objective)) {
			var answer = PageSession.anonymous(port).get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location")).get().asString().endsWith("/login");
		}
	}

	@Test
	void homeShowsMyObjectiveWithItsProgressAndWhatIOweThisWeek() {
		var home = as("wendy").get("/?cycleId=" + cycle);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Hello, wendy " + suffix, "Delight new patients " + suffix, "This week",
				"aria-current=\"page\"", "role=\"img\"");
		assertThat(home.body()).containsPattern("aria-label=\"Progress \\d+%, expected \\d+% by now\"");
	}

	@Test
	void theOkrListGroupsByLevelAndTeamAndHidesWhatIsPrivate() {
		var mine = as("wendy").get("/okrs?cycleId=" + cycle);
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("<span>Team</span><span> · Web team " + suffix, "Delight new patients " + suffix)
			.doesNotContain("Secret merger");
		assertThat(admin(PageSession.signedIn(port, "admin", "open-sesame-test-run"))).contains("Secret merger " + suffix);
		var companyOnly = as("wendy").get("/okrs?cycleId=" + cycle + "&level=COMPANY").body();
		assertThat(companyOnly).contains("<label for=\"f-level\">Level</label>", "value=\"COMPANY\" selected=\"selected\"")
			.doesNotContain("Delight new patients " + suffix);
		var hidden = as("otto").get("/okrs/objectives/" + secret);
		assertThat(hidden.statusCode()).as("a private objective does not exist for others").isEqualTo(404);
		assertThat(hidden.body()).contains("Nothing here").doesNotContain("Secret merger");
	}

	private String admin(PageSession session) {
		return session.get("/okrs?cycleId=" + cycle).body();
	}

	@Test
	void theObjectivePageShowsEachKeyResultWithItsChartAndCheckInForm() {
		var page = as("wendy").get("/okrs/objectives/" + objective);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Raise activation from 40 to 55", "Cut waiting from 20 to 10 days",
				"id=\"kr-" + keyResult + "\"", "hx-post=\"/okrs/key-results/" + keyResult + "/check-ins\"",
				"data-chart=", "<label for=\"value-" + keyResult + "\">Value</label>");
	}

	@Test
	void aCheckInWithAWordForAValueIsRefusedBesideTheFieldKeepsWhatWasTypedAndStoresNothing() {
		PageSession wendy = as("wendy");
		wendy.get("/okrs/objectives/" + objective);
		int before = admin.get("/api/v1/key-results/" + keyResult + "/check-ins").json().get("items").size();

		var refused = wendy.htmxPost("/okrs/key-results/" + keyResult + "/check-ins",
				Map.of("value", "forty-two", "confidence", "7", "note", "my note"));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Enter a number, such as 42 or 12.5.", "value=\"forty-two\"",
				"value=\"my note\"", "aria-invalid=\"true\"");
		assertThat(admin.get("/api/v1/key-results/" + keyResult + "/check-ins").json().get("items").size())
			.isEqualTo(before);
		var outOfRange = wendy.htmxPost("/okrs/key-results/" + keyResult + "/check-ins",
				Map.of("value", "45", "confidence", "11"));
		assertThat(outOfRange.statusCode()).isEqualTo(422);
		assertThat(outOfRange.body()).contains("Choose a confidence from 0 to 10.");
	}

	@Test
	void aCheckInAnswersTheKeyResultAndTheObjectiveInPlace() {
		PageSession wendy = as("wendy");
		wendy.get("/okrs/objectives/" + objective);

		var saved = wendy.htmxPost("/okrs/key-results/" + keyResult + "/check-ins",
				Map.of("value", "47,5", "confidence", "8", "note", "Onboarding emails went out"));

		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).as("the fragment, not a whole page").doesNotContain("<html")
			.contains("id=\"kr-" + keyResult + "\"", ">47.5<", "Check-in saved.", "Onboarding emails went out",
					"id=\"objective-summary\"", "hx-swap-oob=\"true\"");
		var stored = admin.get("/api/v1/key-results/" + keyResult).json();
		assertThat(stored.get("current").asDouble()).as("a decimal comma is read as a point").isEqualTo(47.5);
		assertThat(stored.get("confidence").asInt()).isEqualTo(8);
		// 7.5 of 15 is half way: the bar says so
		assertThat(saved.body()).contains("class=\"bar w-50\"");
	}

	@Test
	void theAlignmentMapShowsTheTreeAndOnlyWhatTheReaderMaySee() {
		var map = as("otto").get("/alignment?cycleId=" + cycle);
		assertThat(map.statusCode()).isEqualTo(200);
		assertThat(map.body()).contains("Alignment of Web " + suffix, "data-chart=", "&quot;type&quot;:&quot;tree&quot;",
				"/okrs/objectives/" + objective, "Delight new patients " + suffix).doesNotContain("Secret merger");
		assertThat(PageSession.signedIn(port, "admin", "open-sesame-test-run").get("/alignment?cycleId=" + cycle).body())
			.contains("Secret merger " + suffix);
	}

	@Test
	void theCoachPageListsTheCyclesFindingsWithLinksToTheirSubjects() {
		// the objective is aligned to nothing (OKR-008): a note about it, linking to it, in one of the page's parts
		assertThat(as("wendy").allParts("/coach?cycleId=" + cycle)).contains("Coach: Web " + suffix, "OKR-008",
				"href=\"/okrs/objectives/" + objective + "\"").doesNotContain("Secret merger");
		var teamsOnly = as("wendy").get("/coach?cycleId=" + cycle + "&teamId=" + team).body();
		assertThat(teamsOnly).contains("<label for=\"c-team\">Team</label>", "value=\"" + team + "\" selected=\"selected\"",
				"href=\"/okrs/objectives/" + objective + "\"");
		var keyResultLink = as("wendy").get("/okrs/key-results/" + keyResult);
		assertThat(keyResultLink.statusCode()).isEqualTo(302);
		assertThat(keyResultLink.headers().firstValue("Location")).get().asString()
			.endsWith("/okrs/objectives/" + objective + "#kr-" + keyResult);
	}

	@Test
	void aLeadCreatesAnObjectiveWithThreeKindsOfKeyResultInOneForm() {
		PageSession lead = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		assertThat(lead.get("/okrs/new?cycleId=" + cycle).body()).contains("Which kind of key result?",
				"Maintain CSAT between 70 and 80 %", "<label for=\"kr-title-0\">What will be true</label>");
		Map<String, String> form = new java.util.HashMap<>(Map.of("cycleId", cycle, "title", "Be the clinic people recommend " + suffix,
				"level", "COMPANY", "type", "ASPIRATIONAL", "visibility", "PUBLIC", "teamId", "", "parentId", ""));
		form.putAll(Map.of("keyResults[0].title", "Raise NPS", "keyResults[0].type", "INCREASE",
				"keyResults[0].startValue", "31", "keyResults[0].targetValue", "45,5",
				"keyResults[2].title", "Keep CSAT in range", "keyResults[2].type", "THRESHOLD",
				"keyResults[2].minValue", "70", "keyResults[2].maxValue", "80",
				"keyResults[3].title", "Open the patient portal", "keyResults[3].type", "MILESTONE"));

		var created = lead.post("/okrs/new", form);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		String id = location.substring(location.lastIndexOf('/') + 1);
		var stored = admin.get("/api/v1/objectives/" + id).json();
		assertThat(stored.get("title").asString()).isEqualTo("Be the clinic people recommend " + suffix);
		assertThat(stored.get("type").asString()).isEqualTo("ASPIRATIONAL");
		assertThat(stored.get("keyResults")).extracting(kr -> kr.get("type").asString())
			.containsExactly("INCREASE", "THRESHOLD", "MILESTONE");
		assertThat(stored.at("/keyResults/0/targetValue").asDouble()).isEqualTo(45.5);
	}

	@Test
	void theNewObjectiveFormNamesTheObjectivesOwnerAndEachKeyResultsOwnerWhoAreThenAskedForCheckIns() {
		PageSession lead = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		String page = lead.get("/okrs/new?cycleId=" + cycle).body();
		assertThat(page).contains("<label for=\"ownerId\">Owner</label>", "<label for=\"kr-owner-0\">Owner</label>",
				"The objective&#39;s owner (else you)", "data-choices=\"/people/choices?blank=new.kr.ownerDefault\"");
		// among the many people of the suite, the search beside the choice offers wendy
		assertThat(lead.get("/people/choices?q=wendy+" + suffix).body()).contains(">wendy " + suffix + "</option>");
		Map<String, String> form = new java.util.HashMap<>(Map.of("cycleId", cycle, "title", "Owned rows " + suffix,
				"level", "TEAM", "type", "COMMITTED", "visibility", "PUBLIC", "teamId", team, "parentId", "",
				"ownerId", wendyId));
		form.putAll(Map.of("keyResults[0].title", "Otto's part", "keyResults[0].type", "MILESTONE",
				"keyResults[0].ownerId", ottoId, "keyResults[1].title", "Wendy's part", "keyResults[1].type",
				"MILESTONE", "keyResults[1].ownerId", ""));

		var created = lead.post("/okrs/new", form);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		var stored = admin.get("/api/v1/objectives/" + location.substring(location.lastIndexOf('/') + 1)).json();
		assertThat(stored.get("ownerId").asString()).isEqualTo(wendyId);
		assertThat(stored.at("/keyResults/0/ownerId").asString()).isEqualTo(ottoId);
		assertThat(stored.at("/keyResults/1/ownerId").asString()).as("a blank row owner: the objective's")
			.isEqualTo(wendyId);
		String ottos = stored.at("/keyResults/0/id").asString();
		String wendys = stored.at("/keyResults/1/id").asString();
		assertThat(ApiClient.basic(port, "otto-" + suffix, PASSWORD).get("/api/v1/inbox").text()).contains(ottos,
				"\"objectiveTitle\":\"Owned rows " + suffix + "\"").doesNotContain(wendys);
		assertThat(ApiClient.basic(port, "wendy-" + suffix, PASSWORD).get("/api/v1/inbox").text()).contains(wendys)
			.doesNotContain(ottos);
		assertThat(lead.get(location.replaceFirst("^https?://[^/]+", "")).body())
			.containsPattern("(?s)Otto&#39;s part.{0,3000}class=\"kr-owner\">otto " + suffix);

		// the key result's own form hands it to someone else; saving other fields keeps its owner
		String edit = "/okrs/objectives/" + stored.get("id").asString() + "/edit";
		assertThat(lead.get(edit).body()).contains("id=\"kr-" + ottos + "-owner\"");
		var handed = lead.post("/okrs/key-results/" + ottos + "/edit", Map.of("title", "Otto's part", "weight", "1",
				"ownerId", wendyId, "version", "0"));
		assertThat(handed.statusCode()).as(handed.body()).isEqualTo(302);
		assertThat(admin.get("/api/v1/key-results/" + ottos).str("/ownerId")).isEqualTo(wendyId);
		var kept = lead.post("/okrs/key-results/" + ottos + "/edit", Map.of("title", "Wendy's part now", "weight", "1",
				"ownerId", wendyId, "version", admin.get("/api/v1/key-results/" + ottos).str("/version")));
		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(302);
		assertThat(admin.get("/api/v1/key-results/" + ottos).str("/ownerId")).isEqualTo(wendyId);
		assertThat(admin.get("/api/v1/audit?entity=key_result&id=" + ottos).text()).contains("ownerId");
	}

	@Test
	void aRefusedNewObjectiveComesBackWithMessagesBesideTheFieldsAndNothingIsSaved() {
		PageSession lead = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		lead.get("/okrs/new?cycleId=" + cycle);
		int before = admin.get("/api/v1/objectives?cycleId=" + cycle + "&limit=1000").json().get("items").size();
		Map<String, String> form = new java.util.HashMap<>(Map.of("cycleId", cycle, "title", "Cut waiting " + suffix,
				"level", "COMPANY", "type", "COMMITTED", "visibility", "PUBLIC", "teamId", "", "parentId", ""));
		form.putAll(Map.of("keyResults[1].title", "Waiting days", "keyResults[1].type", "DECREASE",
				"keyResults[1].startValue", "10", "keyResults[1].targetValue", "20",
				"keyResults[4].title", "Calls answered", "keyResults[4].type", "INCREASE",
				"keyResults[4].startValue", "ten", "keyResults[4].targetValue", "90"));

		var refused = lead.post("/okrs/new", form);

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Some fields need another look", "value=\"Cut waiting " + suffix + "\"",
				"value=\"ten\"", "Enter a number, such as 42 or 12.5.");
		form.put("keyResults[4].startValue", "10");
		var serviceRefused = lead.post("/okrs/new", form);
		assertThat(serviceRefused.statusCode()).isEqualTo(422);
		// the service's message about the DECREASE, shown on its row (the second), not on the first filled one
		assertThat(serviceRefused.body()).containsPattern("(?s)id=\"kr-targetValue-1\".{0,400}field-error");
		assertThat(admin.get("/api/v1/objectives?cycleId=" + cycle + "&limit=1000").json().get("items").size())
			.isEqualTo(before);
	}

	@Test
	void searchFindsObjectivesAndKeyResultsByWordsInTheirTitles() {
		var found = as("wendy").get("/search?cycleId=" + cycle + "&q=" + "activation+RAISE");
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("Raise activation from 40 to 55", "#kr-" + keyResult)
			.doesNotContain("Cut waiting from 20 to 10 days");
		assertThat(as("otto").get("/search?cycleId=" + cycle + "&q=merger").body()).contains("Nothing found")
			.doesNotContain("Secret merger");
		// a wildcard of SQL is a character like any other
		assertThat(as("wendy").get("/search?cycleId=" + cycle + "&q=%25+_").body()).contains("Nothing found");
		assertThat(as("wendy").get("/search?cycleId=" + cycle + "&q=from+40+to").body())
			.contains("Raise activation from 40 to 55");
	}

	@Test
	void anAdminOpensACycleAndAFormWithBadDatesComesBackWithTheMessages() {
		PageSession boss = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		boss.get("/cycles");
		var refused = boss.post("/cycles", Map.of("name", "Later " + suffix, "startDate", "2031-04-01", "endDate",
				"31 June"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Enter a date as YYYY-MM-DD.", "value=\"Later " + suffix + "\"");
		var created = boss.post("/cycles", Map.of("name", "Later " + suffix, "startDate", "2031-04-01", "endDate",
				"2031-06-30"));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(boss.get("/cycles").body()).contains("Later " + suffix);
		PageSession wendy = as("wendy");
		wendy.get("/cycles");
		assertThat(wendy.post("/cycles", Map.of("name", "Mine " + suffix, "startDate", "2031-04-01", "endDate",
				"2031-06-30")).statusCode()).as("only admins open cycles").isEqualTo(403);
	}

	@Test
	void aCycleIsGradedRetrospectedAndClosedInTheBrowser() {
		LocalDate today = LocalDate.now();
		String quarter = admin.post("/api/v1/cycles", Map.of("name", "Graded " + suffix, "startDate",
				today.minusDays(90).toString(), "endDate", today.minusDays(1).toString())).str("/id");
		var o = admin.post("/api/v1/objectives", Map.of("cycleId", quarter, "title", "Grow referrals " + suffix, "level",
				"COMPANY", "keyResults", List.of(Map.of("title", "Referrals from 10 to 30", "type", "INCREASE",
						"startValue", 10, "targetValue", 30))));
		String kr = o.str("/keyResults/0/id");
		long krVersion = o.json().at("/keyResults/0/version").asLong();
		PageSession boss = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		assertThat(boss.get("/cycles/" + quarter + "/review").body()).contains("Review and close Graded " + suffix,
				"Referrals from 10 to 30", "hx-post=\"/okrs/key-results/" + kr + "/grade\"");

		var bad = boss.htmxPost("/okrs/key-results/" + kr + "/grade", Map.of("grade", "1.5", "version",
				Long.toString(krVersion)));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("Grade from 0.0 to 1.0", "value=\"1.5\"");
		var graded = boss.htmxPost("/okrs/key-results/" + kr + "/grade", Map.of("grade", "0,6", "gradeNote",
				"Partner deal slipped", "version", Long.toString(krVersion)));
		assertThat(graded.statusCode()).isEqualTo(200);
		assertThat(graded.body()).contains("Saved.", "value=\"0.6\"");
		var stale = boss.htmxPost("/okrs/key-results/" + kr + "/grade", Map.of("grade", "0.9", "version",
				Long.toString(krVersion)));
		assertThat(stale.statusCode()).as("graded on an old version: not overwritten").isEqualTo(409);
		assertThat(admin.get("/api/v1/key-results/" + kr).json().get("grade").asDouble()).isEqualTo(0.6);

		long objectiveVersion = admin.get("/api/v1/objectives/" + o.str("/id")).json().get("version").asLong();
		var retro = boss.htmxPost("/okrs/objectives/" + o.str("/id") + "/retrospective", Map.of("retrospective",
				"Start partner talks earlier", "version", Long.toString(objectiveVersion)));
		assertThat(retro.statusCode()).isEqualTo(200);
		assertThat(admin.get("/api/v1/objectives/" + o.str("/id")).json().get("retrospective").asString())
			.isEqualTo("Start partner talks earlier");

		long cycleVersion = admin.get("/api/v1/cycles/" + quarter).json().get("version").asLong();
		var unconfirmed = boss.post("/cycles/" + quarter + "/close", Map.of("version", Long.toString(cycleVersion)));
		assertThat(unconfirmed.headers().firstValue("Location").orElseThrow()).endsWith("/review?unconfirmed#close");
		assertThat(admin.get("/api/v1/cycles/" + quarter).json().get("state").asString()).as("not without confirming")
			.isNotEqualTo("CLOSED");
		assertThat(boss.get("/cycles/" + quarter + "/review?unconfirmed").body()).contains(
				"Tick the box to confirm: closing cannot be undone.", "freeze the scores of 1 objective and");
		var closed = boss.post("/cycles/" + quarter + "/close", Map.of("version", Long.toString(cycleVersion),
				"confirm", "yes"));
		assertThat(closed.statusCode()).isEqualTo(302);
		assertThat(admin.get("/api/v1/cycles/" + quarter).json().get("state").asString()).isEqualTo("CLOSED");
		assertThat(boss.get("/cycles/" + quarter + "/review").body()).contains("This cycle is closed", "Partner deal slipped")
			.as("a closed cycle's grades are read, not edited").doesNotContain("name=\"grade\"");
	}

	@Test
	void aKeyResultShowsTheChangesToItsDefinitionWithTheirReasons() {
		String kr = admin.post("/api/v1/objectives/" + objective + "/key-results", Map.of("title",
				"Shorter calls " + suffix, "type", "DECREASE", "startValue", 12, "targetValue", 8)).str("/id");
		var changed = admin.patch("/api/v1/key-results/" + kr, Map.of("targetValue", 6, "reason",
				"The new script works better than planned"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);

		String page = as("wendy").get("/okrs/objectives/" + objective).body();

		assertThat(page).contains("Changes to its definition (1)", "<td>Target</td>", "The new script works better than planned");
	}

	@Test
	void aCheckInWithoutTheCsrfTokenIsRefused() {
		PageSession wendy = as("wendy");
		wendy.get("/okrs/objectives/" + objective);
		assertThat(wendy.postWithoutToken("/okrs/key-results/" + keyResult + "/check-ins", Map.of("value", "50"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void pagesSpeakGermanToAGermanBrowserAndSwitchBack() {
		PageSession wendy = as("wendy");
		assertThat(wendy.get("/?cycleId=" + cycle, Map.of("Accept-Language", "de-DE,de;q=0.9")).body())
			.contains("Hallo, wendy " + suffix, "Diese Woche", "lang=\"de\"");
		assertThat(wendy.get("/?lang=en&cycleId=" + cycle, Map.of("Accept-Language", "de-DE")).body())
			.contains("Hello, wendy " + suffix);
		assertThat(wendy.get("/?cycleId=" + cycle, Map.of("Accept-Language", "de-DE")).body())
			.as("the choice is kept").contains("Hello, wendy " + suffix);
	}
}
