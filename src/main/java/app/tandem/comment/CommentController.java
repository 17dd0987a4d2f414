package app.tandem.comment;

import app.tandem.comment.Comments.CommentView;
import app.tandem.comment.Comments.SubjectType;
import app.tandem.identity.IdentityApi;
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

	private final CommentSubjects subjects;

	private final IdentityApi identity;

	CommentController(Comments comments, CommentSubjects subjects, IdentityApi identity) {
		this.comments = comments;
		this.subjects = subjects;
		this.identity = identity;
	}

	record NewComment(String body) {
	}

	@GetMapping("/api/v1/" + CommentSubjects.PATH + "/{id}/comments")
	ListPage<CommentView> list(@PathVariable("subjects") String subjectType, @PathVariable String id,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		SubjectType type = CommentSubjects.type(subjectType);
		int max = ListPage.limit(limit);
		return ListPage.of(comments.list(type, subjects.visible(type, id, identity.caller()), Ids.tryParse(cursor),
				max + 1), max, CommentView::id);
	}

	@PostMapping("/api/v1/" + CommentSubjects.PATH + "/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	CommentView add(@PathVariable("subjects") String subjectType, @PathVariable String id,
			@RequestBody NewComment comment) {
		SubjectType type = CommentSubjects.type(subjectType);
		var caller = identity.caller();
		return comments.add(type, subjects.visible(type, id, caller), comment.body(), caller);
	}
}
