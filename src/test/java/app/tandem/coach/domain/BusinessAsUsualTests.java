package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.context;
import static app.tandem.coach.domain.Examples.decrease;
import static app.tandem.coach.domain.Examples.increase;
import static app.tandem.coach.domain.Examples.kpi;
import static app.tandem.coach.domain.Examples.measuredBy;
import static app.tandem.coach.domain.Examples.objective;
import static app.tandem.coach.domain.Examples.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.tandem.kpi.domain.Direction;
import app.tandem.shared.Finding;

/** OKR-007: only THRESHOLD key results, or a key result on a KPI that is at its target already. */
class BusinessAsUsualTests {

	private final BusinessAsUsual rule = new BusinessAsUsual();

	@Test
	void onlyThresholdKeyResultsAreBusinessAsUsual() {
		ObjectiveSnapshot keep = objective(threshold("Keep uptime above 99%", 99.0, 100.0),
				threshold("Answer 95% of tickets the same day", 95.0, 100.0));

		assertThat(check(rule, keep)).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("OKR-007");
			assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
			assertThat(f.subjectType()).isEqualTo(Finding.SubjectType.OBJECTIVE);
			assertThat(f.message()).contains("only keeps a value in range");
		});
	}

	@Test
	void oneThresholdBesideAnIncreasePasses() {
		assertThat(check(rule, objective(threshold("Keep uptime above 99%", 99.0, 100.0),
				increase("Raise activation", 40.0, 55.0)))).isEmpty();
	}

	@Test
	void aKeyResultOnAKpiAlreadyAboveItsTargetIsBusinessAsUsual() {
		KpiSnapshot csat = kpi("csat", Direction.HIGHER_IS_BETTER, 90.0, null, null, 92.0);
		KeyResultSnapshot kr = measuredBy(increase("Raise CSAT from 85 to 90", 85.0, 90.0), "csat");

		assertThat(check(rule, objective(kr, increase("b", 0.0, 1.0)), context(List.of(csat), Set.of(), Set.of())))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.subjectType()).isEqualTo(Finding.SubjectType.KEY_RESULT);
				assertThat(f.subjectId()).isEqualTo(kr.id());
				assertThat(f.message()).contains("KPI \"Customer satisfaction\"", "latest value 92 ≥ target 90");
			});
	}

	@Test
	void aKpiJustBelowItsTargetPasses() {
		KpiSnapshot csat = kpi("csat", Direction.HIGHER_IS_BETTER, 90.0, null, null, 89.9);
		KeyResultSnapshot kr = measuredBy(increase("Raise CSAT", 85.0, 92.0), "csat");

		assertThat(check(rule, objective(kr), context(List.of(csat), Set.of(), Set.of()))).isEmpty();
	}

	@Test
	void lowerIsBetterMeansAtOrBelowTheTarget() {
		KpiSnapshot response = kpi("response", Direction.LOWER_IS_BETTER, 2.0, null, null, 1.8);
		KpiSnapshot slow = kpi("slow", Direction.LOWER_IS_BETTER, 2.0, null, null, 2.1);
		var context = context(List.of(response, slow), Set.of(), Set.of());

		assertThat(check(rule, objective(measuredBy(decrease("Cut response time", 6.0, 1.5), "response")), context))
			.singleElement()
			.satisfies(f -> assertThat(f.message()).contains("1.8 ≤ target 2"));
		assertThat(check(rule, objective(measuredBy(decrease("Cut response time", 6.0, 1.5), "slow")), context))
			.isEmpty();
	}

	@Test
	void withinRangeMeansInsideTheBounds() {
		KpiSnapshot inside = kpi("inside", Direction.WITHIN_RANGE, null, 70.0, 80.0, 75.0);
		KpiSnapshot outside = kpi("outside", Direction.WITHIN_RANGE, null, 70.0, 80.0, 81.0);
		var context = context(List.of(inside, outside), Set.of(), Set.of());

		assertThat(check(rule, objective(measuredBy(increase("Utilisation", 60.0, 75.0), "inside")), context))
			.singleElement()
			.satisfies(f -> assertThat(f.message()).contains("75 within 70–80"));
		assertThat(check(rule, objective(measuredBy(decrease("Utilisation", 81.0, 75.0), "outside")), context))
			.isEmpty();
	}

	@Test
	void aKpiWithoutValuesIsTakenAtTheKeyResultsStart() {
		KpiSnapshot uptime = kpi("uptime", Direction.HIGHER_IS_BETTER, 99.0, null, null, null);
		var context = context(List.of(uptime), Set.of(), Set.of());

		assertThat(check(rule, objective(measuredBy(increase("Uptime from 99.5 to 99.9", 99.5, 99.9), "uptime")),
				context))
			.singleElement()
			.satisfies(f -> assertThat(f.message()).contains("start value 99.5 ≥ target 99"));
		assertThat(check(rule, objective(measuredBy(increase("Uptime from 50 to 99", 50.0, 99.0), "uptime")), context))
			.isEmpty();
	}
}
