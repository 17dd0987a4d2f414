package app.tandem.dashboard.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.KpiViews;
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

	private final KpiViews kpis;

	ScorecardPage(IdentityApi identity, CycleReads okr, Objectives objectives, KpiViews kpis) {
		this.identity = identity;
		this.okr = okr;
		this.objectives = objectives;
		this.kpis = kpis;
	}

	/** A quadrant: its KPIs by name, how many stand at each status (those with any), its linked objectives. */
	record Perspective(String name, List<Kpi> kpis, Map<KpiStatus, Long> counts,
			List<OkrViews.ObjectiveView> objectives) {
	}

	/** A KPI of a quadrant: its latest value written as the KPI pages do (40,000; 87.5), and its status. */
	record Kpi(String key, String name, String value, String unit, KpiStatus status) {

		static Kpi of(KpiView k) {
			String value = k.latestValue() == null ? "–"
					: new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH))
						.format(k.latestValue());
			return new Kpi(k.key(), k.name(), value, k.unit(), k.status() == null ? KpiStatus.NO_DATA : k.status());
		}
	}

	@GetMapping("/scorecard")
	String scorecard(@RequestParam(required = false) String cycleId, Model model) {
		Caller caller = identity.caller();
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		List<OkrViews.ObjectiveView> inCycle = cycle == null ? List.of()
				: objectives.measuredByKpis(UUID.fromString(cycle.id()), caller);
		List<KpiView> all = kpis.list(null, 1000).stream()
			.sorted(Comparator.comparing(KpiView::name, String.CASE_INSENSITIVE_ORDER)).toList();
		model.addAttribute("section", "scorecard");
		model.addAttribute("cycle", cycle);
		model.addAttribute("perspectives", PERSPECTIVES.stream().map(p -> perspective(p, all, inCycle)).toList());
		return "dashboard/scorecard";
	}

	private static Perspective perspective(String name, List<KpiView> all, List<OkrViews.ObjectiveView> inCycle) {
		List<KpiView> own = all.stream().filter(k -> name.equals(k.perspective())).toList();
		List<Kpi> rows = own.stream().map(Kpi::of).toList();
		Map<KpiStatus, Long> counts = new EnumMap<>(KpiStatus.class);
		rows.forEach(k -> counts.merge(k.status(), 1L, Long::sum));
		Set<String> ids = own.stream().map(KpiView::id).collect(Collectors.toSet());
		List<OkrViews.ObjectiveView> linked = inCycle.stream()
			.filter(o -> o.keyResults().stream().anyMatch(kr -> kr.kpiId() != null && ids.contains(kr.kpiId())))
			.toList();
		return new Perspective(name, rows, counts, linked);
	}
}
