package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * The KPI library page as a browser gets it: filtered and searched, vanity metrics marked with their alternative,
 * an adoption that opens the new KPI with a notice, and bad input refused beside its field with what was typed.
 */
@TandemIntegrationTest
class LibraryPagesIntegrationTests {

	private static final String PASSWORD = "library-pages-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String team;

	@BeforeEach
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "libp-" + suffix, "name", "Library pages " + suffix))
			.str("/id");
	}

	private PageSession admin() {
		return PageSession.signedIn(port, "admin", "open-sesame-test-run");
	}

	@Test
	void theLibraryIsFilteredSearchedAndMarksVanityMetricsWithTheirAlternative() {
		PageSession admin = admin();
		var all = admin.get("/library/kpis");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains("KPI library", "Conversion rate", "Employee turnover rate", "Vanity metric",
				"href=\"/library/kpis#kpi-conversion-rate\"", "id=\"kpi-total-page-views\"",
				"hx-get=\"/library/kpis/conversion-rate/adopt-form").doesNotContain("action=\"/library/kpis/conversion-rate/adopt\"");
		// each card's adopt form, with every team to choose, comes when the card opens, or with ?open= without script
		assertThat(admin.get("/library/kpis/conversion-rate/adopt-form").body()).startsWith("<div")
			.contains("action=\"/library/kpis/conversion-rate/adopt\"", "Library pages " + suffix);
		assertThat(admin.get("/library/kpis?open=conversion-rate").body())
			.contains("action=\"/library/kpis/conversion-rate/adopt\"", "Library pages " + suffix);

		var people = admin.get("/library/kpis?function=PEOPLE&perspective=LEARNING_AND_GROWTH");
		assertThat(people.body()).contains("Employee turnover rate").doesNotContain("id=\"kpi-conversion-rate\"");
		assertThat(people.body()).contains("<label for=\"f-perspective\">Perspective</label>",
				"value=\"PEOPLE\" selected=\"selected\"", "value=\"LEARNING_AND_GROWTH\" selected=\"selected\"");
		var churn = admin.get("/library/kpis?q=churn");
		assertThat(churn.body()).contains("id=\"kpi-churn-rate\"").doesNotContain("id=\"kpi-uptime\"");
		var nothing = admin.get("/library/kpis?q=astrology");
		assertThat(nothing.body()).contains("No KPI of the library matches");

		var german = admin.get("/library/kpis?lang=de");
		assertThat(german.body()).contains("KPI-Bibliothek", "Konversionsrate", "Vanity-Metrik", "Für ein Team übernehmen");
	}

	@Test
	void adoptingAFormulaKpiOpensItsPageWithANoticeAndItsInputsExist() {
		PageSession admin = admin();
		admin.get("/library/kpis");
		String key = "active-" + suffix;
		var adopted = admin.post("/library/kpis/active-user-rate/adopt", form("key", key, "target", "45",
				"warningThreshold", "35"));
		assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(302);
		assertThat(adopted.headers().firstValue("Location").orElseThrow()).endsWith("/kpis/" + key);

		var page = admin.get("/kpis/" + key);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Adopted Active user rate");
		assertThat(admin.get("/kpis/monthly-active-users").statusCode()).isEqualTo(200);
		assertThat(admin.get("/kpis/registered-users").statusCode()).isEqualTo(200);
		assertThat(ApiClient.admin(port).get("/api/v1/kpis/" + key).num("/target")).isEqualTo(45);
	}

	@Test
	void badInputComesBackBesideItsFieldWithWhatWasTypedAndCreatesNothing() {
		PageSession admin = admin();
		admin.get("/library/kpis");
		String key = "engagement-" + suffix;
		var notANumber = admin.post("/library/kpis/employee-engagement/adopt", form("key", key, "target", "lots",
				"warningThreshold", "65"));
		assertThat(notANumber.statusCode()).isEqualTo(422);
		assertThat(notANumber.body()).contains("Enter a number", "value=\"lots\"",
				"aria-describedby=\"adopt-employee-engagement-target-error\"");
		assertThat(notANumber.body()).containsPattern("<details class=\"library-adopt\"[^>]* open");

		var inconsistent = admin.post("/library/kpis/employee-engagement/adopt", form("key", key, "target", "60",
				"warningThreshold", "70"));
		assertThat(inconsistent.statusCode()).isEqualTo(422);
		assertThat(inconsistent.body()).contains("The warning threshold must lie on the bad side of the target",
				"value=\"70\"");

		var noTeam = admin.post("/library/kpis/employee-engagement/adopt", Map.of("key", key, "target", "80"));
		assertThat(noTeam.statusCode()).isEqualTo(422);
		assertThat(noTeam.body()).contains("Choose the team the KPI is for.");
		assertThat(ApiClient.admin(port).get("/api/v1/kpis/" + key).status()).isEqualTo(404);

		admin.post("/library/kpis/employee-engagement/adopt", form("key", key));
		var taken = admin.post("/library/kpis/employee-engagement/adopt", form("key", key));
		assertThat(taken.statusCode()).isEqualTo(422);
		assertThat(taken.body()).contains("has a KPI with the key " + key + " already");
	}

	@Test
	void aMemberWithoutRightsSeesNoAdoptFormAndIsRefused() {
		String user = "libm-" + suffix;
		String id = admin.post("/api/v1/users", Map.of("username", user, "name", "Member", "password", PASSWORD))
			.str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", "MEMBER"));
		PageSession member = PageSession.signedIn(port, user, PASSWORD);
		var page = member.get("/library/kpis");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("there is no team you can adopt a KPI for").doesNotContain("class=\"library-adopt\"");
		var refused = member.post("/library/kpis/time-to-hire/adopt", form("key", "hire-" + suffix));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(admin.get("/api/v1/kpis/hire-" + suffix).status()).isEqualTo(404);
		assertThat(member.postWithoutToken("/library/kpis/time-to-hire/adopt", form("key", "hire-" + suffix))
			.statusCode()).isEqualTo(403);
	}

	private Map<String, String> form(String... pairs) {
		Map<String, String> form = new HashMap<>(Map.of("teamId", team));
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}
}
