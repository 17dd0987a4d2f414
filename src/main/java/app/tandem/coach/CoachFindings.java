package app.tandem.coach;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.tandem.coach.domain.Coach;
import app.tandem.coach.domain.CoachContext;
import app.tandem.coach.domain.CoachThresholds;
import app.tandem.kpi.KpiFindings;
import app.tandem.kpi.KpiView;
import app.tandem.okr.CycleReads;
import app.tandem.okr.ObjectiveFindings;
import app.tandem.okr.OkrDefinitions;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Finding;
import org.springframework.stereotype.Component;

/**
 * The findings objectives and KPIs carry in their own representations, a page of them at once:
 * one read of the KPIs their key results name, one of the cycles. A KPI is judged against the
 * current cycle (the one the dashboard shows) for KPI-005.
 */
@Component
class CoachFindings implements ObjectiveFindings, KpiFindings {

	private final CycleReads okr;

	private final OkrDefinitions written;

	private final KpiLevels kpis;

	private final CoachThresholds thresholds;

	private final Clock clock;

	CoachFindings(CycleReads okr, OkrDefinitions written, KpiLevels kpis, CoachProperties properties, Clock clock) {
		this.okr = okr;
		this.written = written;
		this.kpis = kpis;
		this.thresholds = properties.thresholds();
		this.clock = clock;
	}

	@Override
	public Map<String, List<Finding>> of(List<OkrViews.ObjectiveView> objectives, Instant asOf) {
		Set<String> kpiIds = new HashSet<>();
		Map<String, OkrViews.CycleView> cycles = new HashMap<>();
		for (OkrViews.ObjectiveView o : objectives) {
			o.keyResults().stream().map(OkrViews.KeyResultView::kpiId).filter(id -> id != null).forEach(kpiIds::add);
			cycles.computeIfAbsent(o.cycleId(), id -> okr.cycle(UUID.fromString(id)));
		}
		CoachContext context = new CoachContext(thresholds, kpis.byIds(kpiIds, asOf), Set.of(), Set.of(), at(asOf));
		Map<String, List<Finding>> found = new HashMap<>(objectives.size() * 2);
		for (OkrViews.ObjectiveView o : objectives) {
			found.put(o.id(), Coach.ofObjective(Snapshots.of(o, cycles.get(o.cycleId())), context));
		}
		return found;
	}

	@Override
	public Map<String, List<Finding>> of(List<KpiView> views) {
		Optional<OkrViews.CycleView> current = okr.currentCycle();
		List<String> ids = views.stream().map(KpiView::id).toList();
		List<String> teams = views.stream().map(KpiView::teamId).filter(t -> t != null).distinct().toList();
		OkrDefinitions.Anchors anchors = current.map(c -> written.anchors(UUID.fromString(c.id()), null, ids, teams))
			.orElse(new OkrDefinitions.Anchors(Set.of(), Set.of()));
		CoachContext context = new CoachContext(thresholds, Map.of(), anchors.kpisMeasuringKeyResults(),
				anchors.teamsWithObjectives(), at(null));
		Map<String, List<Finding>> found = new HashMap<>(views.size() * 2);
		for (KpiView view : views) {
			found.put(view.id(), Coach.ofKpi(Snapshots.of(view, view.latestValue()), context));
		}
		return found;
	}

	private Instant at(Instant asOf) {
		return asOf != null ? asOf : Instant.now(clock);
	}
}
