package app.tandem.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import app.tandem.identity.IdentityApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code tandem.demo=true}: the demo organisation (Acme Health, imported just before by the interchange module's
 * demo) has answered the readiness assessment twice, six weeks and one week ago, so its history shows progress.
 * Only on an instance holding the demo and no assessment yet.
 */
@Component
@Order(20)
@EnableConfigurationProperties(AssessmentProperties.class)
class DemoAssessment implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAssessment.class);

	static final String DEMO_ORGANISATION = "Acme Health";

	private final boolean enabled;

	private final Assessments assessments;

	private final IdentityApi identity;

	private final Clock clock;

	DemoAssessment(AssessmentProperties properties, Assessments assessments, IdentityApi identity, Clock clock) {
		this.enabled = properties.demo();
		this.assessments = assessments;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || !identity.organisationName().map(DEMO_ORGANISATION::equals).orElse(false)
				|| assessments.answered()) {
			return;
		}
		UUID by = identity.userIdByUsername("ceo").or(() -> identity.userIdByUsername("admin")).orElseThrow();
		Instant now = Instant.now(clock);
		// Six weeks ago: check-ins and KPIs were loose. Last week: weekly check-ins and KPI context caught on.
		assessments.submit(answers(Map.of("weekly-check-ins", 1, "kpis-defined", 1, "kpis-reviewed", 0,
				"linked-to-company", 1, "scored-and-reflected", 1)), by, now.minus(Duration.ofDays(42)));
		assessments.submit(answers(Map.of("weekly-check-ins", 3, "kpis-defined", 3, "kpis-reviewed", 2,
				"linked-to-company", 2, "leaders-follow-progress", 4)), by, now.minus(Duration.ofDays(7)));
		log.info("Demo: the readiness assessment answered twice, six weeks and one week ago");
	}

	/** Every question "mostly" (3) but a committed-or-aspirational "sometimes" (2), and these. */
	private Map<String, Integer> answers(Map<String, Integer> these) {
		Map<String, Integer> answers = new LinkedHashMap<>();
		assessments.questionnaire().questions().forEach(q -> answers.put(q.key(), 3));
		answers.put("committed-or-aspirational", 2);
		answers.putAll(these);
		return answers;
	}
}
