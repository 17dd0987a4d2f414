package app.tandem.kpi.domain;

/**
 * The least-squares line through a KPI's recent period values: value ≈ intercept + slope · x, x counting periods
 * from the first value given. Kept apart from {@link Trend#slope} so that the forecast can extend the same line.
 */
record TrendLine(double slope, double intercept) {

	/** The line's value x periods after the first value given. */
	double at(double x) {
		return intercept + slope * x;
	}
}
