package app.tandem.okr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.tandem.okr.domain.ObjectiveNode.EvaluatedKeyResult;

/**
 * Properties of the OKR arithmetic over random cases: each seed drives one {@link Random} through
 * {@value #CASES} cases, and every failure names the seed and the case, so that it can be replayed.
 */
class OkrPropertyTests {

	private static final int CASES = 200;

	private static final LocalDate DUE = LocalDate.of(2026, 12, 31);

	/** Statuses from worst to best. */
	private static final List<Status> ORDER = List.of(Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK, Status.DONE);

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 20).map(n -> n * 0x9E3779B97F4A7C15L);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void progressIsAlwaysBetweenZeroAndOne(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			KeyResultType type = KeyResultType.values()[random.nextInt(KeyResultType.values().length)];
			KeyResultDefinition kr = anyDefinition(random, type);
			Measured measured = anyMeasured(random);
			String at = describe(seed, n, kr, measured);

			assertThat(kr.problems()).as(at).isEmpty();
			assertThat(KeyResultProgress.of(kr, measured)).as(at).isBetween(0.0, 1.0);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void progressIsZeroAtStartAndOneAtTarget(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			KeyResultDefinition kr = anyDefinition(random, random.nextBoolean() ? KeyResultType.INCREASE : KeyResultType.DECREASE);
			String at = describe(seed, n, kr);

			assertThat(KeyResultProgress.of(kr, Measured.NOTHING)).as(at).isZero();
			assertThat(KeyResultProgress.of(kr, value(kr.startValue()))).as(at).isZero();
			assertThat(KeyResultProgress.of(kr, value(kr.targetValue()))).as(at).isEqualTo(1.0);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void increaseProgressNeverFallsWhenCurrentRises(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			KeyResultDefinition kr = anyDefinition(random, KeyResultType.INCREASE);
			double[] currents = sortedCurrents(random, kr);
			String at = describe(seed, n, kr, "current " + currents[0] + " → " + currents[1]);

			assertThat(KeyResultProgress.of(kr, value(currents[1]))).as(at)
				.isGreaterThanOrEqualTo(KeyResultProgress.of(kr, value(currents[0])));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void decreaseProgressNeverFallsWhenCurrentFalls(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			KeyResultDefinition kr = anyDefinition(random, KeyResultType.DECREASE);
			double[] currents = sortedCurrents(random, kr);
			String at = describe(seed, n, kr, "current " + currents[1] + " → " + currents[0]);

			assertThat(KeyResultProgress.of(kr, value(currents[0]))).as(at)
				.isGreaterThanOrEqualTo(KeyResultProgress.of(kr, value(currents[1])));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void objectiveProgressIsTheWeightedMeanOfItsKeyResults(long seed) {
		Random random = new Random(seed);
		Cycle cycle = new Cycle(LocalDate.of(2026, 10, 1), DUE, null);
		for (int n = 0; n < CASES; n++) {
			List<EvaluatedKeyResult> krs = new ArrayList<>();
			double weights = 0;
			double weightedProgress = 0;
			double weightedScore = 0;
			for (int k = 1 + random.nextInt(7); k > 0; k--) {
				double weight = random.nextBoolean() ? 1 + random.nextInt(5) : 0.01 + random.nextDouble() * 100;
				double progress = share(random);
				double score = random.nextBoolean() ? progress : share(random);
				weights += weight;
				weightedProgress += weight * progress;
				weightedScore += weight * score;
				KeyResultDefinition definition = new KeyResultDefinition(KeyResultType.MILESTONE, null, null, null, null,
						weight, DUE);
				krs.add(new EvaluatedKeyResult(UUID.randomUUID(), definition,
						new Evaluation(progress, 0, Status.ON_TRACK, score)));
			}
			ObjectiveNode objective = new ObjectiveNode(UUID.randomUUID(), null, null, ObjectiveType.COMMITTED, cycle, krs);
			Evaluation evaluation = new ObjectiveRollup(List.of(objective), Instant.parse("2026-11-25T10:00:00Z"))
				.evaluate(objective.id());
			double min = krs.stream().mapToDouble(kr -> kr.evaluation().progress()).min().orElseThrow();
			double max = krs.stream().mapToDouble(kr -> kr.evaluation().progress()).max().orElseThrow();
			String at = describe(seed, n, krs);

			assertThat(Math.abs(evaluation.progress() - weightedProgress / weights)).as(at).isLessThanOrEqualTo(1e-9);
			assertThat(Math.abs(evaluation.score() - weightedScore / weights)).as(at).isLessThanOrEqualTo(1e-9);
			assertThat(evaluation.progress()).as(at).isBetween(min - 1e-12, max + 1e-12);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void expectedProgressIsBetweenZeroAndOneAndNeverFalls(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			LocalDate start = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(4000));
			LocalDate due = start.plusDays(random.nextInt(430) - 30);
			// Instants from 60 days before the start to 60 days after the later of start and due.
			long from = start.minusDays(60).toEpochDay() * 86_400;
			long span = (Math.max(start.toEpochDay(), due.toEpochDay()) + 60) * 86_400 - from;
			Instant earlier = Instant.ofEpochSecond(from + (long) (random.nextDouble() * span));
			Instant later = earlier.plusSeconds((long) (random.nextDouble() * (random.nextBoolean() ? 86_400 : span)));
			double e1 = ExpectedProgress.at(earlier, start, due);
			double e2 = ExpectedProgress.at(later, start, due);
			String at = describe(seed, n, "start " + start, "due " + due, earlier, later);

			assertThat(e1).as(at).isBetween(0.0, 1.0);
			assertThat(e2).as(at).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(e1);
			assertThat(ExpectedProgress.forType(e2, ObjectiveType.ASPIRATIONAL)).as(at).isBetween(0.0, 0.7)
				.isLessThanOrEqualTo(e2);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void raisingProgressNeverMakesStatusWorse(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			double expected = random.nextBoolean() ? share(random) : 0.7 * share(random);
			double p1 = progressNear(random, expected);
			double p2 = progressNear(random, expected);
			double lower = Math.min(p1, p2);
			double higher = Math.max(p1, p2);
			boolean doneMayBeDeclared = random.nextBoolean();
			Status before = StatusRule.of(lower, expected, doneMayBeDeclared);
			Status after = StatusRule.of(higher, expected, doneMayBeDeclared);
			String at = describe(seed, n, "e' " + expected, "p " + lower + " → " + higher, before + " → " + after,
					"done may be declared " + doneMayBeDeclared);

			assertThat(ORDER.indexOf(after)).as(at).isGreaterThanOrEqualTo(ORDER.indexOf(before));
			assertThat(after == Status.DONE).as(at).isEqualTo(higher >= 1 && doneMayBeDeclared);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void scoreBandMatchesThresholds(long seed) {
		Random random = new Random(seed);
		KeyResultDefinition milestone = new KeyResultDefinition(KeyResultType.MILESTONE, null, null, null, null, 1, DUE);
		Cycle cycle = new Cycle(LocalDate.of(2026, 10, 1), DUE, null);
		for (int n = 0; n < CASES; n++) {
			double[] edges = { 0.4, 0.7, Math.nextDown(0.4), Math.nextDown(0.7), Math.nextUp(0.4), 0, 1 };
			double grade = random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)] : random.nextDouble();
			ScoreBand band = KeyResultEvaluator
				.evaluate(milestone, Measured.NOTHING, grade, ObjectiveType.COMMITTED, cycle, Instant.EPOCH)
				.scoreBand();
			String at = describe(seed, n, "grade " + grade, band);

			assertThat(band).as(at).isEqualTo(grade < 0.4 ? ScoreBand.RED : grade < 0.7 ? ScoreBand.YELLOW : ScoreBand.GREEN);
		}
	}

	private static String describe(long seed, int n, Object... parts) {
		return "seed " + seed + ", case " + n + ": " + Arrays.deepToString(parts);
	}

	/** Any finite double, from tiny to ±Double.MAX_VALUE, with small integers often enough to collide. */
	private static double anyValue(Random random) {
		double sign = random.nextBoolean() ? 1 : -1;
		return switch (random.nextInt(7)) {
			case 0 -> random.nextInt(21) - 10;
			case 1 -> (random.nextDouble() - 0.5) * 2e3;
			case 2 -> random.nextGaussian() * 1e9;
			case 3 -> sign * Math.pow(10, random.nextInt(600) - 300) * random.nextDouble();
			case 4 -> sign * Double.MAX_VALUE * random.nextDouble();
			case 5 -> sign * Double.MAX_VALUE;
			default -> sign * Double.MIN_VALUE * random.nextInt(10);
		};
	}

	/** A valid definition of the type: start and target apart in the right order, min ≤ max, weight in (0, 100]. */
	private static KeyResultDefinition anyDefinition(Random random, KeyResultType type) {
		double weight = random.nextBoolean() ? 1 : Double.MIN_VALUE + random.nextDouble() * 100;
		double a = anyValue(random);
		double b = anyValue(random);
		while (b == a) {
			b = anyValue(random);
		}
		double low = Math.min(a, b);
		double high = Math.max(a, b);
		return switch (type) {
			case INCREASE -> new KeyResultDefinition(type, low, high, null, null, weight, DUE);
			case DECREASE -> new KeyResultDefinition(type, high, low, null, null, weight, DUE);
			case THRESHOLD -> random.nextInt(5) == 0 ? new KeyResultDefinition(type, null, null, low, low, weight, DUE)
					: new KeyResultDefinition(type, null, null, low, high, weight, DUE);
			case MILESTONE, BASELINE -> new KeyResultDefinition(type, null, null, null, null, weight, DUE);
		};
	}

	private static Measured anyMeasured(Random random) {
		Double latest = random.nextInt(5) == 0 ? null : anyValue(random);
		Boolean achieved = random.nextInt(3) == 0 ? null : random.nextBoolean();
		int checkIns = random.nextInt(4) == 0 ? 0 : random.nextInt(100);
		return new Measured(latest, achieved, checkIns, checkIns == 0 ? 0 : random.nextInt(checkIns + 1));
	}

	private static double[] sortedCurrents(Random random, KeyResultDefinition kr) {
		double[] currents = { currentNear(random, kr), currentNear(random, kr) };
		Arrays.sort(currents);
		return currents;
	}

	/** A current value around a key result's start and target: on them, between them, or anywhere. */
	private static double currentNear(Random random, KeyResultDefinition kr) {
		double u = random.nextDouble();
		return switch (random.nextInt(4)) {
			case 0 -> random.nextBoolean() ? kr.startValue() : kr.targetValue();
			case 1 -> kr.startValue() * (1 - u) + kr.targetValue() * u;
			case 2 -> Math.nextUp(random.nextBoolean() ? kr.startValue() : kr.targetValue());
			default -> anyValue(random);
		};
	}

	/** A progress in [0, 1], often on or next to a status boundary. */
	private static double progressNear(Random random, double expected) {
		double[] edges = { expected - StatusRule.ON_TRACK_SLACK, expected - StatusRule.AT_RISK_SLACK, 1, 0 };
		double edge = edges[random.nextInt(edges.length)] + (random.nextInt(3) - 1) * 1e-6 * random.nextDouble();
		return Fraction.clamp(random.nextBoolean() ? edge : share(random));
	}

	/** A share of one, with 0 and 1 more often than chance would give them. */
	private static double share(Random random) {
		int pick = random.nextInt(10);
		return pick == 0 ? 0 : pick == 1 ? 1 : random.nextDouble();
	}

	private static Measured value(double value) {
		return new Measured(value, null, 1, 0);
	}
}
