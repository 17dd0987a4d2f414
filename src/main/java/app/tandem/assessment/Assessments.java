package app.tandem.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import app.tandem.assessment.domain.Practice;
import app.tandem.assessment.domain.Questionnaire;
import app.tandem.assessment.domain.Readiness;
import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.identity.Rights;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The readiness assessment: the questionnaire, answering it (admins and team leads: those who shape how the
 * organisation works with OKRs; everyone signed in reads the results), and the latest scores with their history.
 */
@Service
class Assessments {

	private final Questionnaire questionnaire = QuestionnaireFile.read();

	private final AssessmentStore store;

	private final IdentityApi identity;

	private final Clock clock;

	Assessments(AssessmentStore store, IdentityApi identity, Clock clock) {
		this.store = store;
		this.identity = identity;
		this.clock = clock;
	}

	Questionnaire questionnaire() {
		return questionnaire;
	}

	AssessmentViews.Questions questions(Locale locale) {
		return new AssessmentViews.Questions(
				questionnaire.scale().stream().map(o -> new AssessmentViews.Option(o.value(), o.label().in(locale))).toList(),
				questionnaire.practices().stream()
					.map(p -> new AssessmentViews.PracticeName(p.key(), p.name().in(locale))).toList(),
				questionnaire.questions().stream()
					.map(q -> new AssessmentViews.QuestionText(q.key(), q.practice(), q.text().in(locale))).toList());
	}

	/** Admins, and leads of any team. */
	boolean mayAnswer(Caller caller) {
		Rights rights = identity.rightsOf(caller);
		return rights.admin() || !rights.ledTeams().isEmpty();
	}

	/**
	 * Stores the answers as the caller's, now. Every question needs an answer on the scale (a value that is not a
	 * whole number comes here as -1); otherwise nothing is stored and each problem names its question as
	 * {@code answers.<key>}.
	 */
	@Transactional
	AssessmentStore.Submission submit(Map<String, Integer> answers, Caller caller) {
		if (!mayAnswer(caller)) {
			throw new AccessDeniedException("Only administrators and team leads may answer the assessment");
		}
		return submit(answers, caller.id(), Instant.now(clock));
	}

	/** As the caller's at a given instant (the demo's history); the rights are the caller's to check. */
	@Transactional
	AssessmentStore.Submission submit(Map<String, Integer> answers, UUID by, Instant at) {
		var problems = questionnaire.problems(answers);
		if (!problems.isEmpty()) {
			InvalidInputException.Collector errors = new InvalidInputException.Collector();
			problems.forEach((key, problem) -> errors.add(key.equals("answers") ? key : "answers." + key,
					message(problem)));
			errors.throwIfAny();
		}
		var submission = new AssessmentStore.Submission(Ids.next(), by, at, Map.copyOf(answers));
		store.insert(submission);
		return submission;
	}

	private String message(Questionnaire.Problem problem) {
		return switch (problem) {
			case MISSING -> "needs an answer from 0 to " + questionnaire.maxAnswer();
			case OUT_OF_SCALE -> "must be a whole number from 0 to " + questionnaire.maxAnswer();
			case UNKNOWN_QUESTION -> "is not a question of the assessment";
		};
	}

	boolean answered() {
		return store.count() > 0;
	}

	@Transactional(readOnly = true)
	AssessmentViews.Report report(Locale locale) {
		List<AssessmentStore.Submission> all = store.all();
		List<AssessmentViews.HistoryPoint> history = new ArrayList<>(all.size());
		for (AssessmentStore.Submission s : all) {
			Readiness.Score score = Readiness.of(questionnaire, s.answers());
			Map<String, Double> practices = new LinkedHashMap<>();
			score.practices().forEach(p -> practices.put(p.practice(), AssessmentViews.oneDecimal(p.score())));
			history.add(new AssessmentViews.HistoryPoint(s.id().toString(), s.submittedAt(),
					AssessmentViews.oneDecimal(score.overall()), practices));
		}
		if (all.isEmpty()) {
			return new AssessmentViews.Report(null, history);
		}
		AssessmentStore.Submission last = all.get(all.size() - 1);
		Readiness.Score score = Readiness.of(questionnaire, last.answers());
		List<AssessmentViews.PracticeResult> results = new ArrayList<>();
		for (Readiness.PracticeScore p : score.practices()) {
			Practice practice = questionnaire.practice(p.practice()).orElseThrow();
			boolean steps = p.band().needsSteps();
			results.add(new AssessmentViews.PracticeResult(p.practice(), practice.name().in(locale),
					AssessmentViews.oneDecimal(p.score()), p.band().name(),
					steps ? practice.nextSteps().stream().map(s -> s.in(locale)).toList() : List.of(),
					steps ? null : practice.keepDoing().in(locale)));
		}
		Map<String, Integer> answers = new LinkedHashMap<>();
		questionnaire.questions().forEach(q -> {
			if (last.answers().containsKey(q.key())) {
				answers.put(q.key(), last.answers().get(q.key()));
			}
		});
		return new AssessmentViews.Report(new AssessmentViews.Latest(last.id().toString(), Ids.str(last.submittedBy()),
				last.submittedAt(), answers, AssessmentViews.oneDecimal(score.overall()), results), history);
	}
}
