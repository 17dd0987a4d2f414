package app.tandem.coach.domain;

import java.util.ArrayList;
import java.util.List;

import app.tandem.shared.Finding;

/** KPI-002: a KPI without its definition, the reason it was chosen, or its data source (blank counts as missing). */
public final class KpiWithoutContext implements KpiRule {

	@Override
	public String id() {
		return "KPI-002";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.WARNING;
	}

	@Override
	public void check(KpiSnapshot kpi, CoachContext context, List<Finding> findings) {
		List<String> missing = new ArrayList<>();
		// pages word each combination of what is missing on its own ("definition-dataSource")
		List<String> variant = new ArrayList<>();
		if (Words.blank(kpi.definition())) {
			missing.add("a definition");
			variant.add("definition");
		}
		if (Words.blank(kpi.reason())) {
			missing.add("a reason");
			variant.add("reason");
		}
		if (Words.blank(kpi.dataSource())) {
			missing.add("a data source");
			variant.add("dataSource");
		}
		if (!missing.isEmpty()) {
			findings.add(finding(Finding.SubjectType.KPI, kpi.id(),
					"KPI " + Words.quoted(kpi.label()) + " lacks " + Words.and(missing),
					"Write down what exactly is measured (definition), why it was chosen (reason) and where the"
							+ " numbers come from (data source), e.g. \"Unique visitors to the marketing site per"
							+ " week\", \"Top of the funnel for app downloads\", \"Web analytics export\".")
				.withVariant(String.join("-", variant))
				.withArgs(Words.text(kpi.label())));
		}
	}
}
