package app.tandem.okr.domain;

/** DONE at p = 1 (when done may be declared), ON_TRACK within 0.10 of expected, AT_RISK within 0.25, else OFF_TRACK. */
public final class StatusRule {

	public static final double ON_TRACK_SLACK = 0.10;

	public static final double AT_RISK_SLACK = 0.25;

	/** Boundaries hold even when decimal fractions do not add up exactly in binary (0.6 − 0.1). */
	private static final double EPSILON = 1e-9;

	private StatusRule() {
	}

	public static Status of(double progress, double expected, boolean doneMayBeDeclared) {
		if (progress >= 1 && doneMayBeDeclared) {
			return Status.DONE;
		}
		if (progress + EPSILON >= expected - ON_TRACK_SLACK) {
			return Status.ON_TRACK;
		}
		if (progress + EPSILON >= expected - AT_RISK_SLACK) {
			return Status.AT_RISK;
		}
		return Status.OFF_TRACK;
	}
}
