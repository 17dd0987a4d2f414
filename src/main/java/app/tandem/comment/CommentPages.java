package app.tandem.comment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
	String thread(@PathVariable("subjects") String subjectType, @PathVariable String id,
			@RequestParam(defaultValue = "false") boolean all, Model model) {
		SubjectType type = CommentSubjects.type(subjectType);
		UUID subject = subjects.visible(type, id, identity.caller());
		return thread(subjectType, type, subject, "", all ? ALL : SHOWN, model);
	}

	/** How many comments "show all" brings at most: a conversation, not an archive. */
	static final int ALL = 5000;

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
		return thread(subjectType, type, subject, typed, SHOWN, model);
	}

	/** A stretch of a comment as the page shows it: a mention of someone who exists links to their OKRs. */
	record Shown(String text, String href) {
	}

	private String thread(String subjectType, SubjectType type, UUID subject, String typed, int limit, Model model) {
		var shown = comments.list(type, subject, null, limit + 1);
		boolean more = shown.size() > limit;
		if (more) {
			shown = shown.subList(0, limit);
		}
		Map<String, Optional<UUID>> people = new HashMap<>();
		Map<String, List<Shown>> bodies = new HashMap<>();
		for (Comments.CommentView c : shown) {
			bodies.put(c.id(), Mentions.parts(c.body()).stream().map(part -> {
				// only the mentions the comment stored: those named people who existed when it was written
				if (part.username() == null || !c.mentions().contains(part.username())) {
					return new Shown(part.text(), null);
				}
				return people.computeIfAbsent(part.username(), identity::userIdByUsername)
					.map(id -> new Shown(part.text(), "/okrs?ownerId=" + id))
					.orElseGet(() -> new Shown(part.text(), null));
			}).toList());
		}
		model.addAttribute("bodies", bodies);
		model.addAttribute("comments", shown);
		model.addAttribute("more", more);
		model.addAttribute("all", limit == ALL);
		model.addAttribute("path", "/comments/" + subjectType + "/" + subject);
		model.addAttribute("apiPath", "/api/v1/" + subjectType + "/" + subject + "/comments");
		model.addAttribute("typed", typed);
		return "comment/thread :: commentThread";
	}
}
