package app.tandem.assessment.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The readiness questionnaire: its practices, its questions (each of one practice) and the scale every question is
 * answered on, lowest first. Checks that it fits together: every question's practice exists, every practice has a
 * question, keys are unique, the scale runs 0, 1, 2, … without gaps.
 */
public record Questionnaire(List<ScaleOption> scale, List<Practice> practices, List<Question> questions) {

	public Questionnaire {
		scale = List.copyOf(scale);
		practices = List.copyOf(practices);
		questions = List.copyOf(questions);
		if (scale.size() < 2) {
			throw new IllegalArgumentException("the scale needs at least two answers");
		}
		for (int i = 0; i < scale.size(); i++) {
			if (scale.get(i).value() != i) {
				throw new IllegalArgumentException("the scale runs 0, 1, 2, …: answer " + i + " is " + scale.get(i).value());
			}
		}
		Set<String> practiceKeys = new HashSet<>();
		practices.forEach(p -> {
			if (!practiceKeys.add(p.key())) {
				throw new IllegalArgumentException("practice " + p.key() + " twice");
			}
		});
		Set<String> questionKeys = new HashSet<>();
		Set<String> asked = new HashSet<>();
		for (Question q : questions) {
			if (!questionKeys.add(q.key())) {
				throw new IllegalArgumentException("question " + q.key() + " twice");
			}
			if (!practiceKeys.contains(q.practice())) {
				throw new IllegalArgumentException("question " + q.key() + " names no known practice: " + q.practice());
			}
			asked.add(q.practice());
		}
		practiceKeys.removeAll(asked);
		if (!practiceKeys.isEmpty()) {
			throw new IllegalArgumentException("practices without a question: " + practiceKeys);
		}
	}

	/** The highest answer (the scale's last). */
	public int maxAnswer() {
		return scale.size() - 1;
	}

	public Optional<Practice> practice(String key) {
		return practices.stream().filter(p -> p.key().equals(key)).findFirst();
	}

	public List<Question> questionsOf(String practice) {
		return questions.stream().filter(q -> q.practice().equals(practice)).toList();
	}

	/** What is wrong with a submission, by question key (or {@code answers} for the submission as a whole). */
	public Map<String, Problem> problems(Map<String, Integer> answers) {
		Map<String, Problem> problems = new LinkedHashMap<>();
		if (answers == null) {
			problems.put("answers", Problem.MISSING);
			return problems;
		}
		for (Question q : questions) {
			Integer answer = answers.get(q.key());
			if (answer == null) {
				problems.put(q.key(), Problem.MISSING);
			}
			else if (answer < 0 || answer > maxAnswer()) {
				problems.put(q.key(), Problem.OUT_OF_SCALE);
			}
		}
		List<String> unknown = new ArrayList<>(answers.keySet());
		unknown.removeIf(key -> questions.stream().anyMatch(q -> q.key().equals(key)));
		unknown.forEach(key -> problems.put(key, Problem.UNKNOWN_QUESTION));
		return problems;
	}

	public enum Problem {
		MISSING, OUT_OF_SCALE, UNKNOWN_QUESTION
	}
}
