package app.tandem.assessment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.tandem.identity.IdentityApi;
import tools.jackson.databind.JsonNode;

@RestController
class AssessmentController {

	private final Assessments assessments;

	private final IdentityApi identity;

	AssessmentController(Assessments assessments, IdentityApi identity) {
		this.assessments = assessments;
		this.identity = identity;
	}

	/** The answers by question key; each a whole number on the scale (0 … 4). */
	record Submit(Map<String, JsonNode> answers) {
	}

	@GetMapping("/api/v1/assessment/questions")
	AssessmentViews.Questions questions() {
		return assessments.questions(Locale.ENGLISH);
	}

	/** The latest submission with its scores, next steps and the history of every submission's scores. */
	@GetMapping("/api/v1/assessment")
	AssessmentViews.Report report() {
		return assessments.report(Locale.ENGLISH);
	}

	/**
	 * Answers the assessment (admins and team leads): every question with a whole number on the scale, or 400 with
	 * a problem per question ({@code answers.<key>}) and nothing stored. Answers with the report as it now stands.
	 */
	@PostMapping("/api/v1/assessment")
	@ResponseStatus(HttpStatus.CREATED)
	AssessmentViews.Report submit(@RequestBody Submit body) {
		Map<String, Integer> answers = null;
		if (body != null && body.answers() != null) {
			answers = new LinkedHashMap<>();
			for (var entry : body.answers().entrySet()) {
				answers.put(entry.getKey(), whole(entry.getValue()));
			}
		}
		assessments.submit(answers, identity.caller());
		return assessments.report(Locale.ENGLISH);
	}

	/** The number if the value is a whole number, null for none, else -1 (off the scale: refused as such). */
	private static Integer whole(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isIntegralNumber() && value.canConvertToInt() ? value.asInt() : -1;
	}
}
