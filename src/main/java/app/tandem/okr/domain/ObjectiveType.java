package app.tandem.okr.domain;

/** Committed goals must be met; aspirational ones are stretch goals where 0.7 is success. */
public enum ObjectiveType {
	COMMITTED, ASPIRATIONAL
}
