package app.tandem.kpi.domain;

/** Which way a KPI's value should go: up, down, or stay between two bounds. */
public enum Direction {
	HIGHER_IS_BETTER, LOWER_IS_BETTER, WITHIN_RANGE
}
