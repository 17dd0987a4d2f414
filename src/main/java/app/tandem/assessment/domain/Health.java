package app.tandem.assessment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A team's OKR health in a cycle, computed from its data. Five parts, each 0–100 from a count out of a total (the
 * figures its sentence gives), and an overall score, their weighted mean:
 * <ul>
 * <li>{@link Kind#CHECK_INS} (weight 30): key results with a check-in from the last 7 days, of all key results;</li>
 * <li>{@link Kind#COACH} (20): objectives the coach has no ERROR or WARNING about, of all objectives (the findings
 * per objective are given beside it);</li>
 * <li>{@link Kind#ALIGNMENT} (20): objectives aligned to a parent objective or key result, of all but company
 * objectives (nothing is above those);</li>
 * <li>{@link Kind#KPI_FRESHNESS} (15): KPIs with a value that is not stale (newer than twice their period), of all
 * the team's KPIs; a KPI without any value is not fresh;</li>
 * <li>{@link Kind#CONFIDENCE} (15): key results whose latest confidence is above 3 (not at risk), of those with a
 * confidence; how many sit at 7 or above is given beside it (all of them high can mean goals set too safe).</li>
 * </ul>
 * A part without anything to count (no KPIs, say) has no score and is left out of the overall score, whose weights
 * then add up to less than 100 and are taken in proportion.
 */
public final class Health {

	public static final Duration RECENT = Duration.ofDays(7);

	/** A confidence at or below this is at risk. */
	public static final int LOW_CONFIDENCE = 3;

	/** A confidence at or above this is high. */
	public static final int HIGH_CONFIDENCE = 7;

	private Health() {
	}

	public enum Kind {
		CHECK_INS(30), COACH(20), ALIGNMENT(20), KPI_FRESHNESS(15), CONFIDENCE(15);

		private final int weight;

		Kind(int weight) {
			this.weight = weight;
		}

		public int weight() {
			return weight;
		}
	}

	/** A key result as health counts it: when it was last checked in (null: never), its latest confidence. */
	public record KeyResultFacts(Instant lastCheckInAt, Integer confidence) {
	}

	/**
	 * An objective as health counts it.
	 *
	 * @param company a company objective, which has nothing above it to align with
	 * @param serious the coach's findings about it and its key results with severity ERROR or WARNING
	 */
	public record ObjectiveFacts(boolean company, boolean aligned, int serious) {
	}

	/** A KPI as health counts it: whether it has any value, and whether its newest one is stale. */
	public record KpiFacts(boolean hasValue, boolean stale) {
	}

	/**
	 * One part: {@code count} of {@code of} (null score when {@code of} is 0), and figures beside them: for
	 * {@link Kind#COACH} the serious findings in all and per objective, for {@link Kind#KPI_FRESHNESS} the KPIs
	 * without any value, for {@link Kind#CONFIDENCE} the key results at 3 or below and at 7 or above.
	 */
	public record Part(Kind kind, Integer score, int count, int of, List<Number> besides) {

		static Part of(Kind kind, int count, int of, List<Number> besides) {
			return new Part(kind, of == 0 ? null : (int) Math.round(100.0 * count / of), count, of, List.copyOf(besides));
		}

		public int weight() {
			return kind.weight();
		}
	}

	/** The parts in the order of {@link Kind}, and the overall score (null when no part has a score). */
	public record Score(Integer overall, List<Part> parts) {
	}

	public static Score of(List<ObjectiveFacts> objectives, List<KeyResultFacts> keyResults, List<KpiFacts> kpis,
			Instant now) {
		Instant since = now.minus(RECENT);
		int recent = (int) keyResults.stream()
			.filter(kr -> kr.lastCheckInAt() != null && !kr.lastCheckInAt().isBefore(since))
			.count();
		int clean = (int) objectives.stream().filter(o -> o.serious() == 0).count();
		int serious = objectives.stream().mapToInt(ObjectiveFacts::serious).sum();
		double perObjective = objectives.isEmpty() ? 0 : Math.round(100.0 * serious / objectives.size()) / 100.0;
		List<ObjectiveFacts> alignable = objectives.stream().filter(o -> !o.company()).toList();
		int aligned = (int) alignable.stream().filter(ObjectiveFacts::aligned).count();
		int fresh = (int) kpis.stream().filter(k -> k.hasValue() && !k.stale()).count();
		int withoutValue = (int) kpis.stream().filter(k -> !k.hasValue()).count();
		List<Integer> confidences = keyResults.stream().map(KeyResultFacts::confidence).filter(c -> c != null).toList();
		int low = (int) confidences.stream().filter(c -> c <= LOW_CONFIDENCE).count();
		int high = (int) confidences.stream().filter(c -> c >= HIGH_CONFIDENCE).count();
		List<Part> parts = List.of(Part.of(Kind.CHECK_INS, recent, keyResults.size(), List.of()),
				Part.of(Kind.COACH, clean, objectives.size(), List.of(serious, perObjective)),
				Part.of(Kind.ALIGNMENT, aligned, alignable.size(), List.of()),
				Part.of(Kind.KPI_FRESHNESS, fresh, kpis.size(), List.of(withoutValue)),
				Part.of(Kind.CONFIDENCE, confidences.size() - low, confidences.size(), List.of(low, high)));
		return new Score(overall(parts), parts);
	}

	/** The weighted mean of the parts' exact shares (not of their rounded scores), rounded; null without any. */
	private static Integer overall(List<Part> parts) {
		double weighted = 0;
		int weights = 0;
		for (Part part : parts) {
			if (part.of() > 0) {
				weighted += part.weight() * 100.0 * part.count() / part.of();
				weights += part.weight();
			}
		}
		return weights == 0 ? null : (int) Math.round(weighted / weights);
	}

}
