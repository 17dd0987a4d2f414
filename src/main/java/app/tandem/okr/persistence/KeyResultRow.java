package app.tandem.okr.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.tandem.okr.domain.KeyResultDefinition;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Measured;
import app.tandem.shared.math.RunningFit;

/**
 * A key result with the latest check-in, the in-range tally and the line through its value check-ins in the
 * cycle ({@code fit}: x in days since {@code createdAt}; null on a row whose line has not been computed yet) that
 * are kept in step with its check-ins.
 */
public record KeyResultRow(UUID id, UUID objectiveId, int position, String title, KeyResultType type, String unit,
		double weight, UUID ownerId, LocalDate dueDate, Double startValue, Double targetValue, Double minValue,
		Double maxValue, UUID kpiId, Double grade, String gradeNote, Double finalScore, UUID carriedFromId,
		Double currentValue, Boolean currentAchieved, Integer currentConfidence, Instant lastCheckInAt, int cycleCheckIns, int inRangeCheckIns,
		RunningFit fit, Instant createdAt, long version) {

	public KeyResultDefinition definition() {
		return new KeyResultDefinition(type, startValue, targetValue, minValue, maxValue, weight, dueDate);
	}

	public Measured measured() {
		return new Measured(currentValue, currentAchieved, cycleCheckIns, inRangeCheckIns);
	}
}
