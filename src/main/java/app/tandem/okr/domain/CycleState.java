package app.tandem.okr.domain;

/** PLANNING before the start date, ACTIVE from then on until an admin closes it. */
public enum CycleState {
	PLANNING, ACTIVE, CLOSED
}
