package app.tandem.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import app.tandem.assessment.domain.Localized;
import app.tandem.assessment.domain.Practice;
import app.tandem.assessment.domain.Question;
import app.tandem.assessment.domain.Questionnaire;
import app.tandem.assessment.domain.ScaleOption;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the questionnaire shipped as {@code assessment/questions.yaml}; a file that does not fit stops the start. */
final class QuestionnaireFile {

	static final String PATH = "assessment/questions.yaml";

	private QuestionnaireFile() {
	}

	static Questionnaire read() {
		try {
			return parse(new ClassPathResource(PATH).getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Questionnaire parse(String yaml) {
		JsonNode root = YAMLMapper.builder().build().readTree(yaml);
		List<ScaleOption> scale = new ArrayList<>();
		root.path("scale").forEach(n -> scale.add(new ScaleOption(n.path("value").asInt(-1), localized(n))));
		List<Practice> practices = new ArrayList<>();
		for (JsonNode n : root.path("practices")) {
			List<Localized> steps = new ArrayList<>();
			n.path("nextSteps").forEach(s -> steps.add(localized(s)));
			practices.add(new Practice(text(n, "key"), localized(n), steps, localized(n.path("keepDoing"))));
		}
		List<Question> questions = new ArrayList<>();
		root.path("questions")
			.forEach(n -> questions.add(new Question(text(n, "key"), text(n, "practice"), localized(n))));
		return new Questionnaire(scale, practices, questions);
	}

	private static Localized localized(JsonNode node) {
		return new Localized(text(node, "en"), text(node, "de"));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new IllegalArgumentException(PATH + ": " + field + " missing in " + node);
		}
		return value.asString();
	}
}
