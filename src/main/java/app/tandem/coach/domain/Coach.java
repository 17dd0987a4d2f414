package app.tandem.coach.domain;

import java.util.ArrayList;
import java.util.List;

import app.tandem.shared.Finding;

/** Every rule of SPEC §1 Coach (and Tandem's OKR-011), run over snapshots; findings come most severe first (see {@link Finding#ORDER}). */
public final class Coach {

	public static final List<ObjectiveRule> OBJECTIVE_RULES = List.of(new ObjectiveWithoutKeyResults(),
			new TooFewKeyResults(), new TooManyKeyResults(), new UnmeasurableKeyResult(), new DueDateOutsideCycle(),
			new MostlyMilestones(), new BusinessAsUsual(), new UnalignedObjective(), new NumberInTitle(),
			new ConfidenceAgainstData());

	public static final List<KpiRule> KPI_RULES = List.of(new KpiWithoutContext(), new KpiReviewOverdue(),
			new KpiWithoutTarget(), new StandaloneKpi());

	public static final List<PortfolioRule> PORTFOLIO_RULES = List.of(new OneSidedCycle(), new TooManyTeamKpis());

	private Coach() {
	}

	/** Every rule, in the order of their ids. */
	public static List<Rule> rules() {
		List<Rule> all = new ArrayList<>(OBJECTIVE_RULES);
		all.addAll(KPI_RULES);
		all.addAll(PORTFOLIO_RULES);
		all.sort(java.util.Comparator.comparing(Rule::id));
		return all;
	}

	/** Everything: each objective with its key results, each KPI, and the cycles and teams they make up. */
	public static List<Finding> review(List<ObjectiveSnapshot> objectives, List<KpiSnapshot> kpis,
			CoachContext context) {
		List<Finding> findings = new ArrayList<>();
		for (ObjectiveSnapshot objective : objectives) {
			OBJECTIVE_RULES.forEach(rule -> rule.check(objective, context, findings));
		}
		for (KpiSnapshot kpi : kpis) {
			KPI_RULES.forEach(rule -> rule.check(kpi, context, findings));
		}
		PORTFOLIO_RULES.forEach(rule -> rule.check(objectives, kpis, context, findings));
		return Finding.inOrder(findings);
	}

	/**
	 * What {@link #review} finds, in no particular order ({@link Finding#inOrder} sorts them), with the objectives
	 * judged already (their findings from {@link #ofObjective}): the KPIs and the portfolio are judged here.
	 */
	public static List<Finding> unordered(List<ObjectiveSnapshot> objectives, List<Finding> objectiveFindings,
			List<KpiSnapshot> kpis, CoachContext context) {
		List<Finding> findings = new ArrayList<>(objectiveFindings);
		for (KpiSnapshot kpi : kpis) {
			KPI_RULES.forEach(rule -> rule.check(kpi, context, findings));
		}
		PORTFOLIO_RULES.forEach(rule -> rule.check(objectives, kpis, context, findings));
		return findings;
	}

	/** What an objective's representation carries: the findings about it and its key results. */
	public static List<Finding> ofObjective(ObjectiveSnapshot objective, CoachContext context) {
		List<Finding> findings = new ArrayList<>();
		OBJECTIVE_RULES.forEach(rule -> rule.check(objective, context, findings));
		findings.sort(Finding.ORDER);
		return findings;
	}

	/** What a KPI's representation carries: the findings about it alone (KPI-001 is about its team). */
	public static List<Finding> ofKpi(KpiSnapshot kpi, CoachContext context) {
		List<Finding> findings = new ArrayList<>();
		KPI_RULES.forEach(rule -> rule.check(kpi, context, findings));
		findings.sort(Finding.ORDER);
		return findings;
	}
}
