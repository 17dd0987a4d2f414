package app.tandem.okr.domain;

/** Where a key result or objective stands against where it should be by now. */
public enum Status {
	DONE, ON_TRACK, AT_RISK, OFF_TRACK
}
