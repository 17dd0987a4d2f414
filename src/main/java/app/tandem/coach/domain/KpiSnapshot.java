package app.tandem.coach.domain;

import java.time.Instant;

import app.tandem.kpi.domain.Direction;

/**
 * A KPI as written, with the little the rules need of its data.
 *
 * @param target its target (HIGHER_IS_BETTER, LOWER_IS_BETTER)
 * @param lowerBound its range (WITHIN_RANGE)
 * @param reviewEveryDays how often it is to be reviewed, or null for no regular review
 * @param lastReviewedAt its last review, or null
 * @param createdAt when it was defined, or null (a file)
 * @param latestValue its latest period value (what its status is taken from), or null without one
 */
public record KpiSnapshot(String id, String key, String name, String definition, String reason, String dataSource,
		Direction direction, Double target, Double lowerBound, Double upperBound, String teamId,
		Integer reviewEveryDays, Instant lastReviewedAt, Instant createdAt, Double latestValue) {

	/** A name for messages: the name, else the key. */
	String label() {
		return name != null && !name.isBlank() ? name : key;
	}
}
