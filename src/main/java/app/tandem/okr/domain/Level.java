package app.tandem.okr.domain;

/** How high an objective sits: the company, a team, one person. */
public enum Level {
	COMPANY, TEAM, INDIVIDUAL
}
