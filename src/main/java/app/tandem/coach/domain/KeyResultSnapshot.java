package app.tandem.coach.domain;

import java.time.LocalDate;

import app.tandem.okr.domain.KeyResultType;

/**
 * A key result as written, and what its owner's confidence and its check-ins say together: what the rules look
 * at.
 *
 * @param due its due date, or null for the cycle's end
 * @param kpiId the KPI that measures it, or null
 * @param confidenceNote how the owner's latest confidence and the forecast disagree (okr's
 * {@link app.tandem.okr.domain.ConfidenceCheck}), or null when they agree or there is nothing to compare (no
 * confidence, no forecast, or a file that holds no check-ins)
 */
public record KeyResultSnapshot(String id, String title, KeyResultType type, Double start, Double target, Double min,
		Double max, LocalDate due, String kpiId, String confidenceNote) {

	/** A key result as written only: no check-ins, so nothing to hold its confidence against. */
	public KeyResultSnapshot(String id, String title, KeyResultType type, Double start, Double target, Double min,
			Double max, LocalDate due, String kpiId) {
		this(id, title, type, start, target, min, max, due, kpiId, null);
	}
}
