package app.tandem.assessment.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The health score's parts and overall score on a small team, computed by hand. */
class HealthTests {

	static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	static final List<Health.KeyResultFacts> KEY_RESULTS = List.of(
			new Health.KeyResultFacts(Instant.parse("2026-03-09T08:00:00Z"), 8),
			// exactly seven days ago still counts
			new Health.KeyResultFacts(Instant.parse("2026-03-03T12:00:00Z"), 5),
			new Health.KeyResultFacts(Instant.parse("2026-03-01T09:00:00Z"), 2),
			new Health.KeyResultFacts(null, null));

	static final List<Health.ObjectiveFacts> OBJECTIVES = List.of(new Health.ObjectiveFacts(true, false, 0),
			new Health.ObjectiveFacts(false, true, 2), new Health.ObjectiveFacts(false, false, 0),
			new Health.ObjectiveFacts(false, true, 1));

	static final List<Health.KpiFacts> KPIS = List.of(new Health.KpiFacts(true, false),
			new Health.KpiFacts(true, true), new Health.KpiFacts(false, false), new Health.KpiFacts(true, false),
			new Health.KpiFacts(true, false));

	static Health.Part part(Health.Score score, Health.Kind kind) {
		return score.parts().stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
	}

	@Test
	void eachPartCountsItsShare() {
		Health.Score score = Health.of(OBJECTIVES, KEY_RESULTS, KPIS, NOW);

		// 2 of 4 key results checked in since 3 March 12:00
		assertThat(part(score, Health.Kind.CHECK_INS)).extracting(Health.Part::count, Health.Part::of,
				Health.Part::score).containsExactly(2, 4, 50);
		// 2 of 4 objectives without a serious finding; 3 in all, 0.75 per objective
		Health.Part coach = part(score, Health.Kind.COACH);
		assertThat(coach).extracting(Health.Part::count, Health.Part::of, Health.Part::score).containsExactly(2, 4, 50);
		assertThat(coach.besides()).containsExactly(3, 0.75);
		// the company objective is not counted: 2 of 3 aligned = 66.7 → 67
		assertThat(part(score, Health.Kind.ALIGNMENT)).extracting(Health.Part::count, Health.Part::of,
				Health.Part::score).containsExactly(2, 3, 67);
		// 3 of 5 KPIs fresh (one stale, one without any value)
		Health.Part kpis = part(score, Health.Kind.KPI_FRESHNESS);
		assertThat(kpis).extracting(Health.Part::count, Health.Part::of, Health.Part::score).containsExactly(3, 5, 60);
		assertThat(kpis.besides()).containsExactly(1);
		// confidences 8, 5, 2: 2 of 3 above 3; one at 3 or below, one at 7 or above
		Health.Part confidence = part(score, Health.Kind.CONFIDENCE);
		assertThat(confidence).extracting(Health.Part::count, Health.Part::of, Health.Part::score).containsExactly(2,
				3, 67);
		assertThat(confidence.besides()).containsExactly(1, 1);
	}

	@Test
	void overallIsTheWeightedMeanOfTheExactShares() {
		// (30 × 50 + 20 × 50 + 20 × 66.67 + 15 × 60 + 15 × 66.67) / 100 = 5733.3 / 100 = 57.3 → 57
		assertThat(Health.of(OBJECTIVES, KEY_RESULTS, KPIS, NOW).overall()).isEqualTo(57);
	}

	@Test
	void partsWithNothingToCountHaveNoScoreAndLeaveTheOverallScore() {
		Health.Score score = Health.of(OBJECTIVES, List.of(), List.of(), NOW);

		assertThat(part(score, Health.Kind.CHECK_INS).score()).isNull();
		assertThat(part(score, Health.Kind.KPI_FRESHNESS).score()).isNull();
		assertThat(part(score, Health.Kind.CONFIDENCE).score()).isNull();
		// coach 50 and alignment 66.67 weigh 20 each: (1000 + 1333.3) / 40 = 58.3 → 58
		assertThat(score.overall()).isEqualTo(58);
	}

	@Test
	void nothingAtAllHasNoOverallScore() {
		Health.Score score = Health.of(List.of(), List.of(), List.of(), NOW);

		assertThat(score.overall()).isNull();
		assertThat(score.parts()).hasSize(5).allMatch(p -> p.score() == null);
	}

	@Test
	void theWeightsAddUpToAHundred() {
		int sum = 0;
		for (Health.Kind kind : Health.Kind.values()) {
			sum += kind.weight();
		}
		assertThat(sum).isEqualTo(100);
	}
}
