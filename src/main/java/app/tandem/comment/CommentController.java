package app.tandem.comment;

import java.util.UUID;

import app.tandem.comment.Comments.CommentView;
import app.tandem.comment.Comments.SubjectType;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiCatalog;
import app.tandem.okr.KeyResults;
import app.tandem.okr.Objectives;
import app.tandem.shared.Ids;
import app.tandem.shared.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/POST /api/v1/{objectives|key-results|kpis}/{id}/comments}; a subject that does not exist is a 404. */
@RestController
class CommentController {

	private final Comments comments;

	private final Objectives objectives;

	private final KeyResults keyResults;

	private final KpiCatalog kpis;

	private final IdentityApi identity;

	CommentController(Comments comments, Objectives objectives, KeyResults keyResults, KpiCatalog kpis,
			IdentityApi identity) {
		this.comments = comments;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.kpis = kpis;
		this.identity = identity;
	}

	record NewComment(String body) {
	}

	/** {@code subjects}: objectives, key-results or kpis (a KPI by id or key). */
	@GetMapping("/api/v1/{subjects:objectives|key-results|kpis}/{id}/comments")
	ListPage<CommentView> list(@PathVariable String subjects, @PathVariable String id,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		SubjectType type = type(subjects);
		int max = ListPage.limit(limit);
		return ListPage.of(comments.list(type, subject(type, id), Ids.tryParse(cursor), max + 1), max, CommentView::id);
	}

	@PostMapping("/api/v1/{subjects:objectives|key-results|kpis}/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	CommentView add(@PathVariable String subjects, @PathVariable String id, @RequestBody NewComment comment) {
		SubjectType type = type(subjects);
		return comments.add(type, subject(type, id), comment.body(), identity.caller());
	}

	private static SubjectType type(String subjects) {
		return switch (subjects) {
			case "objectives" -> SubjectType.OBJECTIVE;
			case "key-results" -> SubjectType.KEY_RESULT;
			default -> SubjectType.KPI;
		};
	}

	/** The subject's id, once it is known to exist and be visible to the caller (else a 404). */
	private UUID subject(SubjectType type, String id) {
		return switch (type) {
			case OBJECTIVE -> {
				UUID objective = Ids.parse(id, "objective");
				objectives.requireVisible(objective, identity.caller());
				yield objective;
			}
			case KEY_RESULT -> {
				UUID keyResult = Ids.parse(id, "key result");
				keyResults.requireVisible(keyResult, identity.caller());
				yield keyResult;
			}
			case KPI -> kpis.get(id).id();
		};
	}
}
