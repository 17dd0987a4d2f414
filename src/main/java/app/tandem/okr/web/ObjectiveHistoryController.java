package app.tandem.okr.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import app.tandem.audit.AuditEntry;
import app.tandem.audit.AuditLog;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;
import app.tandem.shared.ListPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code GET /api/v1/objectives/{id}/history}: the changes of an objective and of its key results, newest first, for
 * anyone who may see the objective (a private one they may not see is a 404).
 */
@RestController
class ObjectiveHistoryController {

	/** What names objectives in an objective's history: its alignment, and where its key results moved from. */
	private static final List<String> OBJECTIVE_REFERENCES = List.of("parentId", "parentKeyResultId", "objectiveId");

	private final AuditLog log;

	private final Objectives objectives;

	private final IdentityApi identity;

	ObjectiveHistoryController(AuditLog log, Objectives objectives, IdentityApi identity) {
		this.log = log;
		this.objectives = objectives;
		this.identity = identity;
	}

	@GetMapping("/api/v1/objectives/{id}/history")
	ListPage<AuditEntry> history(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		OkrViews.ObjectiveView objective = objectives.get(Ids.parse(id, "objective"), null, identity.caller());
		List<String> keyResults = objective.keyResults().stream().map(OkrViews.KeyResultView::id).toList();
		int max = ListPage.limit(limit);
		List<AuditEntry> entries = log.ofObjective(objective.id(), keyResults, Ids.tryParse(cursor), max + 1);
		return ListPage.of(withoutHiddenAlignment(entries), max, AuditEntry::id);
	}

	/**
	 * The history as the caller may read it: an objective they may not see (a private parent, a private objective a
	 * key result moved from) is named by no id, as the objective's own reads leave it out.
	 */
	private List<AuditEntry> withoutHiddenAlignment(List<AuditEntry> entries) {
		List<String> named = new ArrayList<>();
		for (AuditEntry entry : entries) {
			for (String field : OBJECTIVE_REFERENCES) {
				entry.changes().path(field).forEach(value -> named.add(value.asString(null)));
			}
		}
		Set<String> hidden = objectives.hiddenFrom(identity.caller(), named);
		if (!hidden.isEmpty()) {
			for (AuditEntry entry : entries) {
				for (String field : OBJECTIVE_REFERENCES) {
					if (entry.changes().path(field) instanceof ArrayNode values) {
						for (int i = 0; i < values.size(); i++) {
							if (hidden.contains(values.get(i).asString(null))) {
								values.set(i, values.nullNode());
							}
						}
					}
				}
			}
		}
		return entries;
	}
}
