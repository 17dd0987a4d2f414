package app.tandem.dashboard.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiSelection;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.domain.KpiStatus;
import app.tandem.okr.CycleReads;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;

/**
 * The balanced scorecard: the four perspectives, each with its KPIs and their status, how many KPIs stand at each
 * status, and the objectives of the cycle the switcher shows that the KPIs measure (through a key result), those
 * the caller may see.
 */
@Controller
class ScorecardPage {

	static final List<String> PERSPECTIVES = List.of("FINANCIAL", "CUSTOMER", "INTERNAL_PROCESS",
			"LEARNING_AND_GROWTH");

	private final IdentityApi identity;

	private final CycleReads okr;

	private final Objectives objectives;

	private final KpiSelection selection;

	ScorecardPage(IdentityApi identity, CycleReads okr, Objectives objectives, KpiSelection selection) {
		this.identity = identity;
		this.okr = okr;
		this.objectives = objectives;
		this.selection = selection;
	}

	/** KPIs a quadrant lists, the most urgent first; the rest are on the board, filtered by the perspective. */
	static final int SHOWN = 10;

	/**
	 * A quadrant: its most urgent KPIs, how many it has in all and at each status (those with any), its linked
	 * objectives.
	 */
	record Perspective(String name, List<Kpi> kpis, long count, Map<KpiStatus, Long> counts,
			List<OkrViews.ObjectiveView> objectives) {
	}

	/** A KPI of a quadrant: its latest value (null: none yet), and its status. */
	record Kpi(String key, String name, Double value, String unit, KpiStatus status) {

		static Kpi of(KpiView k) {
			return new Kpi(k.key(), k.name(), k.latestValue(), k.unit(),
					k.status() == null ? KpiStatus.NO_DATA : k.status());
		}
	}

	@GetMapping("/scorecard")
	String scorecard(@RequestParam(required = false) String cycleId, Model model) {
		Caller caller = identity.caller();
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		List<OkrViews.ObjectiveView> inCycle = cycle == null ? List.of()
				: objectives.measuredByKpis(UUID.fromString(cycle.id()), caller);
		Map<String, String> perspectiveOf = selection.perspectivesOf(inCycle.stream()
			.flatMap(o -> o.keyResults().stream())
			.map(OkrViews.KeyResultView::kpiId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet()));
		KpiSelection.Counts counts = selection.counts(KpiSelection.Filter.all());
		model.addAttribute("section", "scorecard");
		model.addAttribute("cycle", cycle);
		model.addAttribute("perspectives", PERSPECTIVES.stream()
			.map(p -> perspective(p, counts, inCycle, perspectiveOf))
			.toList());
		return "dashboard/scorecard";
	}

	private Perspective perspective(String name, KpiSelection.Counts counts, List<OkrViews.ObjectiveView> inCycle,
			Map<String, String> perspectiveOf) {
		long count = counts.of(name);
		List<Kpi> rows = count == 0 ? List.of()
				: selection.part(KpiSelection.Filter.all().inPerspective(name), KpiSelection.Order.WORST_FIRST, 0, SHOWN)
					.stream()
					.map(Kpi::of)
					.toList();
		List<OkrViews.ObjectiveView> linked = inCycle.stream()
			.filter(o -> o.keyResults().stream().anyMatch(kr -> kr.kpiId() != null
					&& name.equals(perspectiveOf.get(kr.kpiId()))))
			.toList();
		return new Perspective(name, rows, count, counts.statuses(name), linked);
	}
}
