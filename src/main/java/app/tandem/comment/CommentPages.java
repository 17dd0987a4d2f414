package app.tandem.comment;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.comment.Comments.SubjectType;
import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.shared.InvalidInputException;

/**
 * The conversation under an objective or a KPI on its page: loaded by htmx into the page (the OKR and KPI pages
 * know nothing of comments), and a new comment answered with the conversation again, in place.
 */
@Controller
class CommentPages {

	/** A page shows the first this many; a longer conversation is read through the API. */
	static final int SHOWN = 200;

	private final Comments comments;

	private final CommentSubjects subjects;

	private final IdentityApi identity;

	CommentPages(Comments comments, CommentSubjects subjects, IdentityApi identity) {
		this.comments = comments;
		this.subjects = subjects;
		this.identity = identity;
	}

	@GetMapping("/comments/" + CommentSubjects.PATH + "/{id}")
	String thread(@PathVariable("subjects") String subjectType, @PathVariable String id, Model model) {
		SubjectType type = CommentSubjects.type(subjectType);
		UUID subject = subjects.visible(type, id, identity.caller());
		return thread(subjectType, type, subject, "", model);
	}

	@PostMapping("/comments/" + CommentSubjects.PATH + "/{id}")
	String add(@PathVariable("subjects") String subjectType, @PathVariable String id,
			@RequestParam(required = false) String body, Model model, HttpServletResponse response) {
		Caller caller = identity.caller();
		SubjectType type = CommentSubjects.type(subjectType);
		UUID subject = subjects.visible(type, id, caller);
		String typed = body == null ? "" : body;
		try {
			comments.add(type, subject, typed.strip(), caller);
			model.addAttribute("saved", true);
			typed = "";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", typed.isBlank() ? "Write something first."
					: "Keep a comment under " + String.format("%,d", Comments.MAX_LENGTH) + " characters.");
		}
		return thread(subjectType, type, subject, typed, model);
	}

	private String thread(String subjectType, SubjectType type, UUID subject, String typed, Model model) {
		var shown = comments.list(type, subject, null, SHOWN + 1);
		model.addAttribute("comments", shown.size() > SHOWN ? shown.subList(0, SHOWN) : shown);
		model.addAttribute("more", shown.size() > SHOWN);
		model.addAttribute("path", "/comments/" + subjectType + "/" + subject);
		model.addAttribute("apiPath", "/api/v1/" + subjectType + "/" + subject + "/comments");
		model.addAttribute("typed", typed);
		return "comment/thread :: commentThread";
	}
}
