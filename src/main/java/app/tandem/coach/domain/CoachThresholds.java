package app.tandem.coach.domain;

/**
 * The numbers the rules compare with (configurable as {@code tandem.coach.*}).
 *
 * @param minKeyResults fewer key results than this is OKR-002
 * @param maxKeyResults more key results than this is OKR-003
 * @param maxKpisPerTeam a team tracking more KPIs than this is KPI-001
 * @param maxMilestoneShare a larger share of milestones among an objective's key results is OKR-006
 */
public record CoachThresholds(int minKeyResults, int maxKeyResults, int maxKpisPerTeam, double maxMilestoneShare) {

	/** SPEC §1: 2 to 5 key results, at most 7 KPIs per team, at most half of the key results milestones. */
	public static final CoachThresholds DEFAULTS = new CoachThresholds(2, 5, 7, 0.5);

	public CoachThresholds {
		if (minKeyResults < 1) {
			throw new IllegalArgumentException("min-key-results must be at least 1");
		}
		if (maxKeyResults < minKeyResults) {
			throw new IllegalArgumentException("max-key-results must not be below min-key-results");
		}
		if (maxKpisPerTeam < 1) {
			throw new IllegalArgumentException("max-kpis-per-team must be at least 1");
		}
		if (!(maxMilestoneShare >= 0 && maxMilestoneShare < 1)) {
			throw new IllegalArgumentException("max-milestone-share must be at least 0 and below 1");
		}
	}
}
