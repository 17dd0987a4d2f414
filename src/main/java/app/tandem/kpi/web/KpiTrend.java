package app.tandem.kpi.web;

import app.tandem.kpi.KpiView;

/**
 * A KPI's trend as the board shows it: an arrow for where the values go (▲ up, ▼ down, ▶ flat) and whether that is
 * good, given the KPI's direction. A slope under half a percent of the latest value per period counts as flat.
 *
 * @param arrow ▲, ▼ or ▶
 * @param way UP, DOWN or FLAT (message key and CSS class)
 * @param meaning GOOD, BAD or NEUTRAL
 */
record KpiTrend(String arrow, String way, String meaning) {

	static final double FLAT = 0.005;

	static KpiTrend of(KpiView kpi) {
		Double slope = kpi.trend();
		double latest = kpi.latestValue() == null ? 0 : Math.abs(kpi.latestValue());
		if (slope == null || Math.abs(slope) <= Math.max(1e-9, FLAT * latest)) {
			return new KpiTrend("▶", "FLAT", "NEUTRAL");
		}
		boolean up = slope > 0;
		String meaning = switch (kpi.direction()) {
			case "HIGHER_IS_BETTER" -> up ? "GOOD" : "BAD";
			case "LOWER_IS_BETTER" -> up ? "BAD" : "GOOD";
			default -> withinRange(kpi, up);
		};
		return new KpiTrend(up ? "▲" : "▼", up ? "UP" : "DOWN", meaning);
	}

	/** Towards the range from outside is good, away from it bad; moving inside it is neither. */
	private static String withinRange(KpiView kpi, boolean up) {
		Double v = kpi.latestValue();
		if (v == null || kpi.lowerBound() == null || kpi.upperBound() == null) {
			return "NEUTRAL";
		}
		if (v < kpi.lowerBound()) {
			return up ? "GOOD" : "BAD";
		}
		if (v > kpi.upperBound()) {
			return up ? "BAD" : "GOOD";
		}
		return "NEUTRAL";
	}
}
