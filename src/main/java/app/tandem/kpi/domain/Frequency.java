package app.tandem.kpi.domain;

import java.time.Duration;

/** How often a KPI's value is due. */
public enum Frequency {
	DAILY, WEEKLY, MONTHLY, QUARTERLY;

	/** The series bucket of one period. */
	public Bucket bucket() {
		return switch (this) {
			case DAILY -> Bucket.DAY;
			case WEEKLY -> Bucket.WEEK;
			case MONTHLY -> Bucket.MONTH;
			case QUARTERLY -> Bucket.QUARTER;
		};
	}

	/**
	 * A fixed length of one period, for staleness: 1, 7, 30 and 91 days. Calendar months (28–31 days) and quarters
	 * (90–92 days) vary, and staleness is a tolerance rather than calendar arithmetic, so it uses one length for
	 * all: 30 days for a month and 91 (13 weeks, a quarter of 364) for a quarter.
	 */
	public Duration period() {
		return Duration.ofDays(switch (this) {
			case DAILY -> 1;
			case WEEKLY -> 7;
			case MONTHLY -> 30;
			case QUARTERLY -> 91;
		});
	}
}
