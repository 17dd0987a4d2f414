package app.tandem.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/** A conversation longer than the page shows at first is shown whole on the page itself, not sent to the API. */
@TandemIntegrationTest
class LongConversationIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theRestOfALongConversationComesInPlace() {
		ApiClient admin = ApiClient.admin(port);
		String s = Long.toString(System.nanoTime(), 36);
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Talk " + s, "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(60).toString())).str("/id");
		String objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Talk " + s, "level",
				"COMPANY", "keyResults", List.of(Map.of("title", "Count", "type", "INCREASE", "startValue", 0,
						"targetValue", 10)))).str("/id");
		for (int i = 1; i <= CommentPages.SHOWN + 3; i++) {
			admin.post("/api/v1/objectives/" + objective + "/comments", Map.of("body", "Remark " + i + " " + s));
		}
		PageSession page = PageSession.signedIn(port, "admin", ApiClient.ADMIN_PASSWORD);
		String first = page.get("/comments/objectives/" + objective).body();
		assertThat(count(first, s)).isEqualTo(CommentPages.SHOWN);
		assertThat(first).contains("The conversation goes on: show all of it",
				"hx-get=\"/comments/objectives/" + objective + "?all=true\"").doesNotContain("/api/v1/");
		String all = page.get("/comments/objectives/" + objective + "?all=true").body();
		assertThat(count(all, s)).isEqualTo(CommentPages.SHOWN + 3);
		assertThat(all).doesNotContain("show all of it");
	}

	private static long count(String html, String suffix) {
		return Pattern.compile("Remark \\d+ " + suffix).matcher(html).results().count();
	}
}
