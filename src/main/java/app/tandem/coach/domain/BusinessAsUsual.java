package app.tandem.coach.domain;

import java.util.List;

import app.tandem.kpi.domain.Direction;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.shared.Finding;

/**
 * OKR-007, business as usual: an objective whose key results are all THRESHOLD (it only keeps
 * things as they are), or a key result measured by a KPI that is already at its target. "At its
 * target" follows the KPI's direction: HIGHER_IS_BETTER level ≥ target, LOWER_IS_BETTER level ≤
 * target, WITHIN_RANGE lower ≤ level ≤ upper. The KPI's level is its latest period value (what its
 * status is taken from); a KPI without one is taken at the key result's start value, where the key
 * result says the KPI stood when it was set.
 */
public final class BusinessAsUsual implements ObjectiveRule {

	@Override
	public String id() {
		return "OKR-007";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.WARNING;
	}

	@Override
	public void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings) {
		List<KeyResultSnapshot> krs = objective.keyResults();
		if (!krs.isEmpty() && krs.stream().allMatch(kr -> kr.type() == KeyResultType.THRESHOLD)) {
			findings.add(finding(Finding.SubjectType.OBJECTIVE, objective.id(),
					"Every key result of " + Words.quoted(objective.title())
							+ " only keeps a value in range: business as usual, not a change",
					"Keeping a level is what KPIs are for: track it as a KPI, and give the objective a key result"
							+ " that moves something, e.g. \"Keep uptime above 99%\" → \"Cut p95 page load from 3.2 s"
							+ " to 1.5 s\".")
				.withVariant("allThresholds")
				.withArgs(Words.text(objective.title())));
		}
		for (KeyResultSnapshot kr : krs) {
			KpiSnapshot kpi = kr.kpiId() == null ? null : context.kpis().get(kr.kpiId());
			if (kpi != null) {
				check(kr, kpi, findings);
			}
		}
	}

	private void check(KeyResultSnapshot kr, KpiSnapshot kpi, List<Finding> findings) {
		boolean latest = kpi.latestValue() != null;
		Double level = latest ? kpi.latestValue() : kr.start();
		if (level == null || kpi.direction() == null) {
			return;
		}
		String comparison = comparison(kpi, level);
		if (comparison != null) {
			boolean range = kpi.direction() == Direction.WITHIN_RANGE;
			String side = range ? "within" : kpi.direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower";
			Finding finding = finding(Finding.SubjectType.KEY_RESULT, kr.id(),
					"Key result " + Words.quoted(kr.title()) + " is measured by KPI " + Words.quoted(kpi.label())
							+ ", which is already at its target (" + (latest ? "latest value " : "start value ")
							+ comparison + "): business as usual",
					"A KPI on target needs watching, not an objective: drop the key result and keep an eye on the"
							+ " KPI, or aim beyond the KPI's target, e.g. \"Raise CSAT from 92% to 96%\".")
				.withVariant("kpiAtTarget." + (latest ? "latest." : "start.") + side);
			findings.add(range
					? finding.withArgs(Words.text(kr.title()), Words.text(kpi.label()), level, kpi.lowerBound(),
							kpi.upperBound())
					: finding.withArgs(Words.text(kr.title()), Words.text(kpi.label()), level, kpi.target()));
		}
	}

	/** "92 ≥ target 90" when the level is at or beyond the target, else null. */
	private static String comparison(KpiSnapshot kpi, double level) {
		String value = Words.number(level);
		if (kpi.direction() == Direction.WITHIN_RANGE) {
			if (kpi.lowerBound() != null && kpi.upperBound() != null && kpi.lowerBound() <= level
					&& level <= kpi.upperBound()) {
				return value + " within " + Words.number(kpi.lowerBound()) + "–" + Words.number(kpi.upperBound());
			}
			return null;
		}
		if (kpi.target() == null) {
			return null;
		}
		boolean higher = kpi.direction() == Direction.HIGHER_IS_BETTER;
		boolean reached = higher ? level >= kpi.target() : level <= kpi.target();
		return reached ? value + (higher ? " ≥ " : " ≤ ") + "target " + Words.number(kpi.target()) : null;
	}
}
