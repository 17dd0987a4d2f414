package app.tandem.coach.domain;

import java.time.LocalDate;

import app.tandem.okr.domain.KeyResultType;

/**
 * A key result as written: what the rules look at.
 *
 * @param due its due date, or null for the cycle's end
 * @param kpiId the KPI that measures it, or null
 */
public record KeyResultSnapshot(String id, String title, KeyResultType type, Double start, Double target, Double min,
		Double max, LocalDate due, String kpiId) {
}
