package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * Issue 16 item 5: the OKR list shows 50 objectives at a time, in its order (the company's, then each team's by
 * name, each by title), and "Show more" brings the next 50 without repeating a group's heading; filters by status,
 * owner (of the objective or of one of its key results) and archived hold across the parts.
 */
@TandemIntegrationTest
class OkrListPagingIntegrationTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private static final Pattern OBJECTIVE_LINK = Pattern.compile("<a class=\"grow\" href=\"/okrs/objectives/([0-9a-f-]{36})\">([^<]*)</a>");

	private static final Pattern MORE = Pattern.compile("hx-get=\"([^\"]+)\"[^>]*>([^<]*)</button>");

	@LocalServerPort
	int port;

	@Test
	void aCycleOf110ObjectivesIsShownFiftyAtATimeInTheListsOrder() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String cycle = cycle(admin, "Paged " + suffix);
		// created out of order: the list orders them
		String beta = admin.post("/api/v1/teams", Map.of("name", "Beta " + suffix)).str("/id");
		String alpha = admin.post("/api/v1/teams", Map.of("name", "Alpha " + suffix)).str("/id");
		List<String> expected = new ArrayList<>();
		for (int i = 40; i >= 1; i--) {
			objective(admin, cycle, "TEAM", beta, "U%02d".formatted(i));
		}
		for (int i = 60; i >= 1; i--) {
			objective(admin, cycle, "TEAM", alpha, "T%02d".formatted(i));
		}
		for (int i = 10; i >= 1; i--) {
			objective(admin, cycle, "COMPANY", null, "C%02d".formatted(i));
		}
		for (int i = 1; i <= 10; i++) {
			expected.add("C%02d".formatted(i));
		}
		for (int i = 1; i <= 60; i++) {
			expected.add("T%02d".formatted(i));
		}
		for (int i = 1; i <= 40; i++) {
			expected.add("U%02d".formatted(i));
		}

		PageSession boss = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		String first = boss.get("/okrs?cycleId=" + cycle).body();
		assertThat(first).contains("110 objectives", "<h2><span>Company</span></h2>", heading("Alpha " + suffix))
			.doesNotContain(heading("Beta " + suffix));
		assertThat(titles(first)).containsExactlyElementsOf(expected.subList(0, 50));
		Matcher more = MORE.matcher(first);
		assertThat(more.find()).as("a Show more button").isTrue();
		assertThat(more.group(2)).isEqualTo("Show 50 more (of 60 left)");

		String second = boss.get(unescape(more.group(1))).body();
		assertThat(titles(second)).containsExactlyElementsOf(expected.subList(50, 100));
		assertThat(second).as("Alpha goes on without a second heading").doesNotContain(heading("Alpha " + suffix))
			.contains(heading("Beta " + suffix));
		more = MORE.matcher(second);
		assertThat(more.find()).isTrue();
		assertThat(more.group(2)).isEqualTo("Show 10 more (of 10 left)");

		String third = boss.get(unescape(more.group(1))).body();
		assertThat(titles(third)).containsExactlyElementsOf(expected.subList(100, 110));
		assertThat(third).doesNotContain("hx-get", heading("Beta " + suffix));

		// the review pages the same way, 25 at a time, and its close form counts the whole cycle
		String review = boss.get("/cycles/" + cycle + "/review").body();
		assertThat(titles(review)).containsExactlyElementsOf(expected.subList(0, 25));
		assertThat(review).contains("freeze the scores of 110 objectives and 110 key results");
		more = MORE.matcher(review);
		assertThat(more.find()).isTrue();
		assertThat(more.group(2)).isEqualTo("Show 25 more (of 85 left)");
		assertThat(titles(boss.get(unescape(more.group(1))).body())).containsExactlyElementsOf(expected.subList(25, 50));

		// the coach's findings too, 50 at a time; the counts above them are the whole cycle's
		String coach = boss.get("/coach?cycleId=" + cycle).body();
		assertThat(coach.split("class=\"finding finding-", -1)).hasSize(51);
		more = MORE.matcher(coach);
		assertThat(more.find()).isTrue();
		String rest = boss.get(unescape(more.group(1))).body();
		assertThat(rest).contains("class=\"finding finding-").doesNotContain("<h1");

		assertThat(boss.get("/okrs?cycleId=" + cycle + "&teamId=" + beta).body()).contains("40 objectives")
			.doesNotContain("hx-get=\"/okrs/more");
		assertThat(boss.get("/okrs?cycleId=" + cycle + "&level=NOPE").statusCode()).isEqualTo(400);
	}

	@Test
	void statusOwnerAndArchivedFiltersHoldAcrossTheParts() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String cycle = cycle(admin, "Filtered " + suffix);
		String person = admin.post("/api/v1/users", Map.of("username", "kro-" + suffix, "name", "Kro " + suffix,
				"password", "correct horse battery")).str("/id");
		List<String> done = new ArrayList<>();
		for (int i = 1; i <= 120; i++) {
			var created = objective(admin, cycle, "COMPANY", null, "O%03d".formatted(i));
			if (i % 2 == 0) {
				// every other one reaches its target: DONE
				admin.post("/api/v1/key-results/" + created.str("/keyResults/0/id") + "/check-ins", Map.of("value", 10));
				done.add("O%03d".formatted(i));
			}
		}
		PageSession boss = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		String first = boss.get("/okrs?cycleId=" + cycle + "&status=DONE").body();
		assertThat(titles(first)).containsExactlyElementsOf(done.subList(0, 50));
		Matcher more = MORE.matcher(first);
		assertThat(more.find()).isTrue();
		assertThat(more.group(2)).as("not counted ahead when filtered by status").isEqualTo("Show more");
		String second = boss.get(unescape(more.group(1))).body();
		assertThat(titles(second)).containsExactlyElementsOf(done.subList(50, 60));
		assertThat(second).doesNotContain("hx-get");

		// the alignment starts at the top and opens level by level
		String parent = objective(admin, cycle, "COMPANY", null, "Aligned parent " + suffix).str("/id");
		List<String> children = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			children.add(admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Aligned child " + i + " "
					+ suffix, "level", "COMPANY", "parentId", parent)).str("/id"));
		}
		String map = boss.get("/alignment?cycleId=" + cycle).body();
		assertThat(map).contains("3 objectives aligned to it", "hx-get=\"/alignment/part?cycleId=" + cycle + "&amp;under="
				+ parent + "\"").as("the list starts at the top").doesNotContain("href=\"/okrs/objectives/" + children.get(0));
		assertThat(boss.get("/alignment/part?cycleId=" + cycle + "&under=" + parent).body())
			.contains("Aligned child 1 " + suffix, "Aligned child 3 " + suffix).doesNotContain("Aligned parent");
		assertThat(boss.get("/alignment?cycleId=" + cycle + "&under=" + parent).body())
			.contains("Aligned to", "Aligned child 2 " + suffix);

		// a key result owned by the person puts its objective in their list; archived ones are listed apart
		var theirs = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Owned below " + suffix, "level",
				"COMPANY", "keyResults", List.of(Map.of("title", "Count", "type", "INCREASE", "startValue", 0,
						"targetValue", 10, "ownerId", person))));
		assertThat(titles(boss.get("/okrs?cycleId=" + cycle + "&ownerId=" + person).body()))
			.containsExactly("Owned below " + suffix);
		admin.post("/api/v1/objectives/" + theirs.str("/id") + "/archive", Map.of("version", theirs.json().get("version")
			.asLong()));
		assertThat(boss.get("/okrs?cycleId=" + cycle + "&ownerId=" + person).body()).doesNotContain("Owned below");
		String archived = boss.get("/okrs?cycleId=" + cycle + "&archived=yes").body();
		assertThat(titles(archived)).containsExactly("Owned below " + suffix);
		assertThat(archived).contains("1 objective");
	}

	@Test
	void aChoiceOfAPersonOffersThirtyAndFindsTheOthersByName() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String late = admin.post("/api/v1/users", Map.of("username", "zq-" + suffix, "name", "Zq Person " + suffix))
			.str("/id");
		PageSession boss = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		String found = boss.get("/people/choices?q=zq+" + suffix + "&blank=edit.noOwner").body();
		assertThat(found).contains("<option value=\"\">Nobody in particular (the team owns it)</option>",
				"<option value=\"" + late + "\">Zq Person " + suffix + "</option>");
		assertThat(found.split("<option", -1)).hasSize(3);
		String kept = boss.get("/people/choices?q=nobody-has-this-" + suffix + "&selected=" + late).body();
		assertThat(kept).as("the one chosen stays").contains("value=\"" + late + "\" selected=\"selected\"")
			.doesNotContain("Nobody in particular");
		assertThat(boss.get("/people/choices?blank=admin.title").body()).as("only a choice's own words")
			.doesNotContain("Administration");
		assertThat(boss.get("/people/choices").body().split("<option", -1).length - 1).isLessThanOrEqualTo(30);
	}

	@Test
	void aChoiceOfATeamOffersThirtyAndFindsTheOthersByName() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String late = admin.post("/api/v1/teams", Map.of("key", "zq-" + suffix, "name", "Zq Team " + suffix))
			.str("/id");
		PageSession boss = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		String found = boss.get("/teams/choices?q=zq+" + suffix + "&blank=okrs.filter.all").body();
		assertThat(found).contains("<option value=\"\">All</option>",
				"<option value=\"" + late + "\">Zq Team " + suffix + "</option>");
		assertThat(found.split("<option", -1)).hasSize(3);
		String kept = boss.get("/teams/choices?q=nobody-has-this-" + suffix + "&selected=" + late).body();
		assertThat(kept).as("the one chosen stays").contains("value=\"" + late + "\" selected=\"selected\"")
			.doesNotContain(">All<");
		assertThat(boss.get("/teams/choices?blank=admin.title").body()).as("only a choice's own words")
			.doesNotContain("Administration");
		assertThat(boss.get("/teams/choices").body().split("<option", -1).length - 1).isLessThanOrEqualTo(30);
		for (String page : List.of("/okrs", "/kpis", "/coach", "/okrs/new", "/admin/teams")) {
			assertThat(boss.get(page).body()).as(page + " offers a team through the search")
				.contains("data-choices=\"/teams/choices?blank=");
		}
	}

	private static String cycle(ApiClient admin, String name) {
		return admin.post("/api/v1/cycles", Map.of("name", name, "startDate", TODAY.minusDays(30).toString(),
				"endDate", TODAY.plusDays(60).toString())).str("/id");
	}

	private static ApiClient.Response objective(ApiClient admin, String cycle, String level, String team, String title) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("cycleId", cycle, "title", title, "level", level,
				"keyResults", List.of(Map.of("title", "Count", "type", "INCREASE", "startValue", 0, "targetValue", 10))));
		if (team != null) {
			body.put("teamId", team);
		}
		var answer = admin.post("/api/v1/objectives", body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(201);
		return answer;
	}

	private static String heading(String team) {
		return "<span> · " + team + "</span></h2>";
	}

	private static List<String> titles(String html) {
		List<String> titles = new ArrayList<>();
		Matcher m = OBJECTIVE_LINK.matcher(html);
		while (m.find()) {
			titles.add(m.group(2).trim());
		}
		return titles;
	}

	private static String unescape(String url) {
		return url.replace("&amp;", "&");
	}
}
