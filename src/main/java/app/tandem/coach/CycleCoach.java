package app.tandem.coach;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import app.tandem.coach.domain.Coach;
import app.tandem.coach.domain.CoachContext;
import app.tandem.coach.domain.CoachThresholds;
import app.tandem.coach.domain.KpiSnapshot;
import app.tandem.coach.domain.ObjectiveSnapshot;
import app.tandem.identity.Caller;
import app.tandem.okr.OkrDefinitions;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Finding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coach over a whole cycle: every objective the caller may see with its key results, every KPI,
 * the cycle and the teams. A handful of reads however large the cycle; now, the objectives that did not move since
 * they were last judged on this node are not read again.
 */
@Service
@Transactional(readOnly = true)
class CycleCoach {

	private final OkrDefinitions written;

	private final KpiLevels kpis;

	private final CoachThresholds thresholds;

	private final Clock clock;

	private final JudgedObjectives objectives;

	CycleCoach(OkrDefinitions written, KpiLevels kpis, CoachProperties properties, Clock clock,
			JudgedObjectives objectives) {
		this.objectives = objectives;
		this.written = written;
		this.kpis = kpis;
		this.thresholds = properties.thresholds();
		this.clock = clock;
	}

	/** What the coach answers: the cycle (and team) judged, the instant, and the findings most severe first. */
	record Report(String cycleId, String teamId, Instant asOf, List<Finding> findings) {
	}

	/**
	 * @param teamId only this team's objectives (with their key results), KPIs and KPI count; then the
	 * cycle's mix of objectives (OKR-010), which is about every team, is left out
	 * @param asOf the cycle as it was then, or null for now
	 */
	Report review(OkrViews.CycleView cycle, UUID teamId, Instant asOf, Caller caller) {
		List<Finding> findings = asOf == null ? Finding.inOrder(reviewNow(cycle, teamId, caller))
				: reviewAsOf(cycle, teamId, asOf, caller);
		return new Report(cycle.id(), teamId == null ? null : teamId.toString(), asOf, ofTeam(findings, teamId));
	}

	/** What the coach page shows of a cycle now: how many findings of each severity, and the first of them in order. */
	record Part(Map<Finding.Severity, Long> counts, int total, List<Finding> first) {
	}

	/** @param upTo how many of the first findings, most severe first */
	Part part(OkrViews.CycleView cycle, UUID teamId, Caller caller, int upTo) {
		List<Finding> findings = ofTeam(reviewNow(cycle, teamId, caller), teamId);
		long[] bySeverity = new long[Finding.Severity.values().length];
		for (Finding f : findings) {
			bySeverity[f.severity().ordinal()]++;
		}
		Map<Finding.Severity, Long> counts = new java.util.EnumMap<>(Finding.Severity.class);
		for (Finding.Severity severity : Finding.Severity.values()) {
			counts.put(severity, bySeverity[severity.ordinal()]);
		}
		return new Part(counts, findings.size(), Finding.inOrder(findings, upTo));
	}

	/** A team's findings leave out the cycle's mix of objectives (OKR-010), which is about every team. */
	private static List<Finding> ofTeam(List<Finding> findings, UUID teamId) {
		return teamId == null ? findings
				: findings.stream().filter(f -> f.subjectType() != Finding.SubjectType.CYCLE).toList();
	}

	/** Now: the objectives judged already and unchanged since are not read again (see {@link JudgedObjectives}). */
	private List<Finding> reviewNow(OkrViews.CycleView cycle, UUID teamId, Caller caller) {
		UUID cycleId = UUID.fromString(cycle.id());
		List<OkrDefinitions.Revision> seen = written.revisionsInCycle(cycleId, teamId, caller);
		Map<String, KpiSnapshot> allKpis = kpis.all(null, List.of());
		List<KpiSnapshot> judged = judgedKpis(allKpis, teamId);
		OkrDefinitions.Anchors anchors = written.anchors(cycleId, null, allKpis.keySet(), teamsOf(judged));
		CoachContext context = new CoachContext(thresholds, allKpis, anchors.kpisMeasuringKeyResults(),
				anchors.teamsWithObjectives(), Instant.now(clock));
		JudgedObjectives.Judgement objectives = this.objectives.judge(seen, cycle, context);
		return Coach.unordered(objectives.objectives(), objectives.findings(), judged, context);
	}

	/** As of an earlier instant: every objective as it was then, judged afresh. */
	private List<Finding> reviewAsOf(OkrViews.CycleView cycle, UUID teamId, Instant asOf, Caller caller) {
		UUID cycleId = UUID.fromString(cycle.id());
		List<OkrDefinitions.WrittenObjective> objectives = written.inCycle(cycleId, teamId, caller, asOf);
		Set<String> measuring = new HashSet<>();
		List<ObjectiveSnapshot> snapshots = new ArrayList<>(objectives.size());
		for (OkrDefinitions.WrittenObjective o : objectives) {
			o.keyResults().forEach(kr -> {
				if (kr.kpiId() != null) {
					measuring.add(kr.kpiId());
				}
			});
			snapshots.add(Snapshots.of(o, cycle));
		}
		Map<String, KpiSnapshot> allKpis = kpis.all(asOf, measuring);
		List<KpiSnapshot> judged = judgedKpis(allKpis, teamId);
		OkrDefinitions.Anchors anchors = written.anchors(cycleId, asOf, allKpis.keySet(), teamsOf(judged));
		CoachContext context = new CoachContext(thresholds, allKpis, anchors.kpisMeasuringKeyResults(),
				anchors.teamsWithObjectives(), asOf);
		return Coach.review(snapshots, judged, context);
	}

	/** The KPIs judged: all, or the team's. */
	private static List<KpiSnapshot> judgedKpis(Map<String, KpiSnapshot> all, UUID teamId) {
		return all.values().stream()
			.filter(k -> teamId == null || teamId.toString().equals(k.teamId()))
			.sorted(java.util.Comparator.comparing(KpiSnapshot::id))
			.toList();
	}

	/** The teams KPI-005 asks about: those of the KPIs judged. */
	private static List<String> teamsOf(List<KpiSnapshot> kpis) {
		return kpis.stream().map(KpiSnapshot::teamId).filter(Objects::nonNull).distinct().toList();
	}
}
