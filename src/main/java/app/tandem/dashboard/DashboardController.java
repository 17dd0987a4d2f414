package app.tandem.dashboard;

import java.util.List;
import java.time.Instant;
import java.util.UUID;

import app.tandem.comment.MentionInbox;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiCatalog;
import app.tandem.kpi.KpisDue;
import app.tandem.okr.CycleReads;
import app.tandem.okr.DueWork;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;
import app.tandem.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardController {

	private final CycleReads okr;

	private final DueWork due;

	private final IdentityApi identity;

	private final KpiCatalog kpis;

	private final KpisDue kpisDue;

	private final MentionInbox mentions;

	DashboardController(CycleReads okr, DueWork due, IdentityApi identity, KpiCatalog kpis, KpisDue kpisDue,
			MentionInbox mentions) {
		this.mentions = mentions;
		this.okr = okr;
		this.due = due;
		this.identity = identity;
		this.kpis = kpis;
		this.kpisDue = kpisDue;
	}

	/**
	 * Without {@code cycleId}: the current cycle (the open one containing today that started last).
	 * With {@code asOf}: the cycle and the KPIs as they stood then.
	 */
	@GetMapping("/api/v1/dashboard")
	Dashboard dashboard(@RequestParam(required = false) String cycleId, @RequestParam(required = false) Instant asOf) {
		OkrViews.CycleView cycle = cycleId != null ? okr.cycle(Ids.parse(cycleId, "cycle"))
				: okr.currentCycle().orElseThrow(() -> new NotFoundException("cycle", "(none yet)"));
		return Dashboard.of(cycle, okr.evaluateCycle(UUID.fromString(cycle.id()), identity.caller(), asOf),
				asOf == null ? kpis.statuses() : kpis.statusesAsOf(asOf));
	}

	@GetMapping("/api/v1/inbox")
	Inbox inbox() {
		var caller = identity.caller();
		return new Inbox(due.checkInsDue(caller), kpisDue.owedBy(caller), due.retrospectivesDue(caller),
				mentions.of(caller));
	}

	/**
	 * What the caller owes: check-ins on their key results, values and reviews of their KPIs (most overdue first),
	 * retrospectives of their objectives; and the comments of the last two weeks that mention them.
	 */
	record Inbox(List<DueWork.CheckInDue> checkInsDue, List<KpisDue.DueKpi> kpisDue,
			List<DueWork.RetrospectiveDue> retrospectivesDue, List<MentionInbox.Mention> mentions) {
	}
}
