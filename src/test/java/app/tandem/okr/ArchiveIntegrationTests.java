package app.tandem.okr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;

/**
 * Deleting and archiving objectives over the API: an objective with check-ins is not deleted but archived, and then
 * leaves the cycle's list, its parent's progress and its owner's inbox while staying readable; one others are
 * aligned to is neither; a restored one comes back.
 */
@TandemIntegrationTest
class ArchiveIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anObjectiveWithCheckInsIsArchivedNotDeletedAndLeavesListsProgressAndTheInbox() {
		ApiClient admin = ApiClient.admin(port);
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Archive " + System.nanoTime(), "startDate",
				today.minusDays(20).toString(), "endDate", today.plusDays(60).toString())).str("/id");
		// without key results of its own, an objective's progress is that of the objectives aligned to it
		var parent = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Parent", "level", "COMPANY"));
		var child = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Child", "level", "COMPANY",
				"parentId", parent.str("/id"), "keyResults", List.of(Map.of("title", "Done", "type", "INCREASE",
						"startValue", 0, "targetValue", 10))));
		String childId = child.str("/id");
		String childKr = child.str("/keyResults/0/id");
		assertThat(admin.post("/api/v1/key-results/" + childKr + "/check-ins", Map.of("value", 10)).status()).isEqualTo(201);
		double withChild = admin.get("/api/v1/objectives/" + parent.str("/id")).num("/progress");
		assertThat(withChild).as("its child's").isEqualTo(1.0);

		var refused = admin.delete("/api/v1/objectives/" + childId);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.str("/detail")).isEqualTo("It has check-ins; archive it instead, so that its history stays");
		var parentRefused = admin.post("/api/v1/objectives/" + parent.str("/id") + "/archive",
				Map.of("version", admin.get("/api/v1/objectives/" + parent.str("/id")).json().get("version").asLong()));
		assertThat(parentRefused.status()).as("its child would lose its parent").isEqualTo(409);

		long version = admin.get("/api/v1/objectives/" + childId).json().get("version").asLong();
		var archived = admin.post("/api/v1/objectives/" + childId + "/archive", Map.of("version", version));
		assertThat(archived.status()).as(archived.text()).isEqualTo(200);
		assertThat(archived.str("/archivedAt")).isNotBlank();
		assertThat(admin.get("/api/v1/objectives?cycleId=" + cycle).text()).contains("Parent").doesNotContain(childId);
		assertThat(admin.get("/api/v1/objectives/" + childId).status()).as("still readable").isEqualTo(200);
		assertThat(admin.get("/api/v1/objectives/" + parent.str("/id")).num("/progress")).as("the child left it")
			.isEqualTo(0.0);
		assertThat(admin.get("/api/v1/inbox").text()).as("nothing of it is due").doesNotContain(childKr);
		assertThat(admin.get("/api/v1/audit?entity=objective&id=" + childId).text()).contains("ARCHIVED");

		var restored = admin.post("/api/v1/objectives/" + childId + "/restore",
				Map.of("version", archived.json().get("version").asLong()));
		assertThat(restored.status()).as(restored.text()).isEqualTo(200);
		assertThat(restored.json().get("archivedAt").isNull()).isTrue();
		assertThat(admin.get("/api/v1/objectives?cycleId=" + cycle).text()).contains(childId);
		assertThat(admin.get("/api/v1/objectives/" + parent.str("/id")).num("/progress")).isEqualTo(1.0);

		String fresh = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Never started", "level",
				"COMPANY", "keyResults", List.of(Map.of("title", "Nothing yet", "type", "MILESTONE")))).str("/id");
		assertThat(admin.delete("/api/v1/objectives/" + fresh).status()).as("no check-ins: deleted").isEqualTo(204);
		assertThat(admin.get("/api/v1/objectives/" + fresh).status()).isEqualTo(404);
	}
}
