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

	@GetMapping("/api/v1/objectives/{id}/comments")
	ListPage<CommentView> ofObjective(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return page(SubjectType.OBJECTIVE, objective(id), limit, cursor);
	}

	@PostMapping("/api/v1/objectives/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	CommentView onObjective(@PathVariable String id, @RequestBody NewComment comment) {
		return comments.add(SubjectType.OBJECTIVE, objective(id), comment.body(), identity.caller());
	}

	@GetMapping("/api/v1/key-results/{id}/comments")
	ListPage<CommentView> ofKeyResult(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return page(SubjectType.KEY_RESULT, keyResult(id), limit, cursor);
	}

	@PostMapping("/api/v1/key-results/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	CommentView onKeyResult(@PathVariable String id, @RequestBody NewComment comment) {
		return comments.add(SubjectType.KEY_RESULT, keyResult(id), comment.body(), identity.caller());
	}

	@GetMapping("/api/v1/kpis/{idOrKey}/comments")
	ListPage<CommentView> ofKpi(@PathVariable String idOrKey, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return page(SubjectType.KPI, kpis.get(idOrKey).id(), limit, cursor);
	}

	@PostMapping("/api/v1/kpis/{idOrKey}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	CommentView onKpi(@PathVariable String idOrKey, @RequestBody NewComment comment) {
		return comments.add(SubjectType.KPI, kpis.get(idOrKey).id(), comment.body(), identity.caller());
	}

	private ListPage<CommentView> page(SubjectType type, UUID subject, Integer limit, String cursor) {
		int max = ListPage.limit(limit);
		return ListPage.of(comments.list(type, subject, Ids.tryParse(cursor), max + 1), max, CommentView::id);
	}

	private UUID objective(String id) {
		UUID objective = Ids.parse(id, "objective");
		objectives.requireVisible(objective, identity.caller());
		return objective;
	}

	private UUID keyResult(String id) {
		UUID keyResult = Ids.parse(id, "key result");
		keyResults.requireVisible(keyResult, identity.caller());
		return keyResult;
	}
}
