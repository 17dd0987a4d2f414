package app.tandem.corpus;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import app.tandem.ApiClient;
import app.tandem.SecondInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14's acceptance: a backup of the instance the corpus went through restores into a fresh
 * PostgreSQL instance, and that instance exports the same document, derived columns aside (they are
 * recomputed by the restore, CONTRIBUTING.md "Derived state").
 */
final class BackupRoundTrip {

	static final Map<String, Set<String>> DERIVED = Map.of(
			"key_result", Set.of("current_value", "current_achieved", "current_confidence", "last_check_in_at",
					"check_in_count", "in_range_count", "fit_n", "fit_mean_x", "fit_mean_y", "fit_sxx", "fit_sxy", "fit_syy",
					"fit_sse", "fit_min_x", "fit_max_x"),
			"objective", Set.of("rollup_progress", "rollup_score", "rollup_window_end", "rollup_has_threshold",
					"rollup_key_results"),
			"kpi", Set.of("latest_value", "latest_at", "trend", "last_status", "forecast_reason", "forecast_periods",
					"forecast_at", "forecast_value", "forecast_low", "forecast_high", "forecast_warning_at",
					"forecast_target_at"));

	private BackupRoundTrip() {
	}

	/** What went wrong: the step (the kind of the finding) and how. */
	record Failure(String step, String how) {
	}

	/** Null when the round trip held. */
	static Failure check(ApiClient source) {
		ApiClient.Response exported = source.get("/api/v1/export");
		if (exported.status() != 200) {
			return new Failure("backup: the export fails", exported.status() + " " + Runner.excerpt(exported.text()));
		}
		try (SecondInstance fresh = SecondInstance.start(true)) {
			// Basic: the restore replaces the target's tokens, and a token made again after it would be one row more
			ApiClient target = ApiClient.adminBasic(fresh.port());
			ApiClient.Response restored = target.postRaw("/api/v1/import", exported.text(), "application/json");
			if (restored.status() != 200) {
				return new Failure("backup: a fresh PostgreSQL instance refuses it",
						restored.status() + " " + Runner.excerpt(restored.text()));
			}
			JsonNode before = withoutDerived(exported.json());
			JsonNode after = withoutDerived(target.get("/api/v1/export").json());
			return before.equals(after) ? null
					: new Failure("backup: restored, it exports another document", firstDifference(before, after));
		}
	}

	private static JsonNode withoutDerived(JsonNode backup) {
		DERIVED.forEach((table, columns) -> backup.at("/tables/" + table)
			.forEach(row -> ((ObjectNode) row).remove(columns)));
		return backup;
	}

	private static String firstDifference(JsonNode before, JsonNode after) {
		for (Iterator<Map.Entry<String, JsonNode>> tables = before.get("tables").properties().iterator(); tables.hasNext();) {
			var table = tables.next();
			JsonNode other = after.at("/tables/" + table.getKey());
			if (other.size() != table.getValue().size()) {
				return table.getKey() + " has " + table.getValue().size() + " rows, restored " + other.size();
			}
			for (int i = 0; i < other.size(); i++) {
				JsonNode row = table.getValue().get(i);
				for (var column : row.properties()) {
					if (!column.getValue().equals(other.get(i).get(column.getKey()))) {
						return table.getKey() + "[" + i + "]." + column.getKey() + ": " + Runner.excerpt(column.getValue().toString())
								+ " → " + Runner.excerpt(String.valueOf(other.get(i).get(column.getKey())));
					}
				}
			}
		}
		return "(the documents differ outside the tables)";
	}
}
