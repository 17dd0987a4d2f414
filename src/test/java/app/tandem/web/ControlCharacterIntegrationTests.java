package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * Text with a control character (other than tab, line feed and carriage return) is refused with 400 naming its
 * field, the same on H2 (which would store U+0000) and PostgreSQL (which cannot), and nothing is stored: in JSON and
 * YAML bodies, query parameters, the pages' forms and OKRs-as-code files.
 */
@TandemIntegrationTest
class ControlCharacterIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	String cycle;

	String title;

	@BeforeEach
	void setUp() {
		api = ApiClient.admin(port);
		title = "Control " + System.nanoTime();
		cycle = api.post("/api/v1/cycles", Map.of("name", title, "startDate", "2026-01-01", "endDate", "2026-12-31"))
			.str("/id");
	}

	@Test
	void nulInAnObjectiveTitleIsRefusedNamingTitle() {
		var response = api.post("/api/v1/objectives",
				Map.of("cycleId", cycle, "title", "Grow\u0000revenue", "level", "COMPANY"));

		assertRefused(response, "title");
		assertThat(response.str("/errors/0/message")).contains("U+0000");
		assertThat(objectivesOfTheCycle()).isEmpty();
	}

	@Test
	void aControlCharacterInAKeyResultIsNamedByItsPlaceInTheList() {
		var response = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Grow revenue", "level",
				"COMPANY", "keyResults", List.of(Map.of("title", "Fine", "type", "MILESTONE"),
						Map.of("title", "Bell\u0007", "type", "MILESTONE"))));

		assertRefused(response, "keyResults[1].title");
		assertThat(objectivesOfTheCycle()).isEmpty();
	}

	@Test
	void tabsAndLineBreaksAreText() {
		var response = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Grow\trevenue", "description",
				"First line\r\nsecond line\n", "level", "COMPANY"));

		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.str("/description")).isEqualTo("First line\r\nsecond line\n");
	}

	@Test
	void aYamlBodyIsCheckedLikeJson() {
		var response = api.postRaw("/api/v1/objectives", "cycleId: " + cycle + "\ntitle: \"Grow\\0revenue\"\nlevel: COMPANY\n",
				"application/yaml");

		assertRefused(response, "title");
		assertThat(objectivesOfTheCycle()).isEmpty();
	}

	@Test
	void aPatchIsCheckedToo() {
		String objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Grow revenue", "level",
				"COMPANY")).str("/id");

		var response = api.patch("/api/v1/objectives/" + objective, Map.of("description", "x\u001by"));

		assertRefused(response, "description");
		assertThat(api.get("/api/v1/objectives/" + objective).json().get("description").isNull()).isTrue();
	}

	@Test
	void halfACharacterIsRefused() {
		var response = api.postRaw("/api/v1/objectives", "{\"cycleId\": \"" + cycle
				+ "\", \"title\": \"Grow \\ud800 revenue\", \"level\": \"COMPANY\"}", "application/json");

		assertRefused(response, "title");
		assertThat(objectivesOfTheCycle()).isEmpty();
	}

	@Test
	void aQueryParameterIsRefusedNamingIt() {
		assertRefused(api.get("/api/v1/library/kpis?q=churn%00"), "q");
		assertRefused(api.get("/api/v1/objectives?cycleId=" + cycle + "%01"), "cycleId");
	}

	@Test
	void aPageAddressIsRefusedNamingTheParameterAndAStaticFileIgnoresIt() {
		PageSession session = PageSession.signedIn(port, "admin", "open-sesame-test-run");

		var search = session.get("/search?q=churn%00");
		assertThat(search.statusCode()).isEqualTo(400);
		assertThat(search.body()).contains("<code>q</code>");
		assertThat(session.get("/css/tandem.css?v=%00").statusCode()).isEqualTo(200);
	}

	@Test
	void aPageFormIsRefusedNamingTheField() {
		PageSession session = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		session.get("/okrs/new?cycleId=" + cycle);

		var answer = session.post("/okrs/new", Map.of("cycleId", cycle, "title", "Grow\u0000revenue", "level",
				"COMPANY", "type", "COMMITTED", "visibility", "PUBLIC"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("<code>title</code>", "U+0000");
		assertThat(objectivesOfTheCycle()).isEmpty();
	}

	@Test
	void anOkrsAsCodeFileIsRefusedNamingTheField() {
		String file = "cycles:\n- name: \"Q\\0 " + title + "\"\n  start: 2027-04-01\n  end: 2027-06-30\n";

		var response = api.postRaw("/api/v1/okrs.yaml", file, "application/yaml");

		assertRefused(response, "cycles[0].name");
		assertThat(api.get("/api/v1/cycles?limit=1000").text()).doesNotContain("Q\\u0000");
	}

	private List<?> objectivesOfTheCycle() {
		var items = api.get("/api/v1/objectives?cycleId=" + cycle).json().get("items");
		return ApiClient.JSON.convertValue(items, List.class);
	}

	private static void assertRefused(ApiClient.Response response, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		assertThat(response.json().at("/errors/0/field").asString()).as(response.text()).isEqualTo(field);
	}
}
