package app.tandem.okr.domain;

/** The five kinds of key result (SPEC §1). */
public enum KeyResultType {
	INCREASE, DECREASE, THRESHOLD, MILESTONE, BASELINE;

	public boolean hasStartAndTarget() {
		return this == INCREASE || this == DECREASE;
	}
}
