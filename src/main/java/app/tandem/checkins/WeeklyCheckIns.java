package app.tandem.checkins;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.KpiViews;
import app.tandem.kpi.KpisDue;
import app.tandem.okr.DueWork;
import app.tandem.okr.KeyResults;
import app.tandem.okr.OkrViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What one person's week asks of them (or, for a lead, of their teams): the key results due a check-in grouped by
 * objective, then the KPIs due a value or a review, each with what a check-in needs to see: where it is now, where
 * it should be by now, the last note and confidence.
 */
@Service
@Transactional(readOnly = true)
public class WeeklyCheckIns {

	private final DueWork due;

	private final KeyResults keyResults;

	private final KpisDue kpisDue;

	private final KpiViews kpis;

	private final IdentityApi identity;

	WeeklyCheckIns(DueWork due, KeyResults keyResults, KpisDue kpisDue, KpiViews kpis, IdentityApi identity) {
		this.due = due;
		this.keyResults = keyResults;
		this.kpisDue = kpisDue;
		this.kpis = kpis;
		this.identity = identity;
	}

	/** A key result to check in: its view, its owner's name, the value expected by now and the last check-in. */
	public record KeyResultItem(OkrViews.KeyResultView kr, String ownerName, Double expectedValue,
			OkrViews.CheckInView last) {
	}

	public record ObjectiveGroup(String objectiveId, String title, List<KeyResultItem> keyResults) {
	}

	/** {@code reviewDueSince}: since when a review is due (as after a value that turned it red), else null. */
	public record KpiItem(KpisDue.DueKpi due, KpiView kpi, String ownerName, Instant reviewDueSince) {
	}

	/** {@code team}: the lead's view of the teams they lead. */
	public record Week(boolean team, List<ObjectiveGroup> objectives, List<KpiItem> kpis) {

		public boolean empty() {
			return objectives.isEmpty() && kpis.isEmpty();
		}
	}

	/** Whether the caller leads a team, and so may see their teams' week. */
	public boolean leads(Caller caller) {
		return !identity.rightsOf(caller).ledTeams().isEmpty();
	}

	public Week of(Caller caller, boolean team) {
		Collection<UUID> led = team ? identity.rightsOf(caller).ledTeams() : List.of();
		boolean asLead = team && !led.isEmpty();
		List<DueWork.CheckInDue> dueKeyResults = asLead ? due.checkInsDueInTeams(caller, led) : due.checkInsDue(caller);
		List<KpisDue.DueKpi> dueKpis = asLead ? kpisDue.owedInTeams(led) : kpisDue.owedBy(caller);
		List<OkrViews.KeyResultView> krs = dueKeyResults.stream()
			.map(d -> keyResults.get(UUID.fromString(d.keyResultId()), null, caller))
			.toList();
		List<KpiView> kpiViews = dueKpis.stream().map(d -> kpis.get(d.kpiId())).toList();
		List<String> owners = new ArrayList<>();
		krs.forEach(kr -> owners.add(kr.ownerId()));
		kpiViews.forEach(kpi -> owners.add(kpi.ownerId()));
		Map<String, String> names = identity.namesOf(owners.stream().filter(java.util.Objects::nonNull).toList());
		Map<String, ObjectiveGroup> groups = new LinkedHashMap<>();
		for (int i = 0; i < krs.size(); i++) {
			DueWork.CheckInDue d = dueKeyResults.get(i);
			groups.computeIfAbsent(d.objectiveId(), id -> new ObjectiveGroup(id, d.objectiveTitle(), new ArrayList<>()))
				.keyResults()
				.add(keyResult(krs.get(i), caller, names));
		}
		List<KpiItem> kpiItems = new ArrayList<>(kpiViews.size());
		for (int i = 0; i < kpiViews.size(); i++) {
			KpiView kpi = kpiViews.get(i);
			kpiItems.add(new KpiItem(dueKpis.get(i), kpi, names.get(kpi.ownerId()), dueKpis.get(i).reviewDueSince()));
		}
		return new Week(asLead, List.copyOf(groups.values()), kpiItems);
	}

	public KeyResultItem keyResult(UUID id, Caller caller) {
		OkrViews.KeyResultView kr = keyResults.get(id, null, caller);
		return keyResult(kr, caller, identity.namesOf(kr.ownerId() == null ? List.of() : List.of(kr.ownerId())));
	}

	private KeyResultItem keyResult(OkrViews.KeyResultView kr, Caller caller, Map<String, String> names) {
		List<OkrViews.CheckInView> last = keyResults.checkIns(UUID.fromString(kr.id()), null, 1, caller);
		return new KeyResultItem(kr, names.get(kr.ownerId()), expectedValue(kr), last.isEmpty() ? null : last.get(0));
	}

	public KpiItem kpi(String key) {
		KpiView kpi = kpis.get(key);
		return new KpiItem(null, kpi, identity.namesOf(kpi.ownerId() == null ? List.of() : List.of(kpi.ownerId()))
			.get(kpi.ownerId()), kpisDue.reviewDueSince(kpi));
	}

	/** Where a key result with a start and a target should be by now; null for the kinds without one. */
	static Double expectedValue(OkrViews.KeyResultView kr) {
		if (!kr.type().hasStartAndTarget() || kr.startValue() == null || kr.targetValue() == null) {
			return null;
		}
		return kr.startValue() + kr.expectedProgress() * (kr.targetValue() - kr.startValue());
	}
}
