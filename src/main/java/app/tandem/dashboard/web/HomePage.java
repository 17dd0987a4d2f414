package app.tandem.dashboard.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.comment.MentionInbox;
import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiSelection;
import app.tandem.kpi.KpisDue;
import app.tandem.okr.CycleReads;
import app.tandem.okr.DueWork;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;
import app.tandem.wins.Wins;

/**
 * Home: what I owe this week (the inbox), my objectives and my teams' with their progress, my teams' KPIs
 * with their status, and the latest wins, in the cycle the switcher shows.
 */
@Controller
class HomePage {

	/** Objectives shown per kind (mine, my teams'): a home page, not the full list, which the rest link to. */
	private static final int SHOWN = 20;

	/** My teams' KPIs shown at home, the most urgent first; the rest are on the board. */
	private static final int KPIS_SHOWN = 12;

	/** The latest wins of the cycle shown at home; the rest are on /wins. */
	private static final int WINS_SHOWN = 5;

	private final IdentityApi identity;

	private final CycleReads okr;

	private final DueWork due;

	private final Objectives objectives;

	private final KpiSelection selection;

	private final KpisDue kpisDue;

	private final Wins wins;

	private final MentionInbox mentions;

	private final FirstSteps firstSteps;

	HomePage(IdentityApi identity, CycleReads okr, DueWork due, Objectives objectives, KpiSelection selection, KpisDue kpisDue,
			Wins wins, MentionInbox mentions, FirstSteps firstSteps) {
		this.firstSteps = firstSteps;
		this.mentions = mentions;
		this.wins = wins;
		this.identity = identity;
		this.okr = okr;
		this.due = due;
		this.objectives = objectives;
		this.selection = selection;
		this.kpisDue = kpisDue;
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) String cycleId, Model model) {
		Caller caller = identity.caller();
		Set<UUID> teams = identity.rightsOf(caller).teams();
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		List<OkrViews.ObjectiveView> shown = cycle == null ? List.of()
				: objectives.mineAndMyTeams(UUID.fromString(cycle.id()), caller.id(), teams, SHOWN + 1, caller);
		String me = caller.id().toString();
		model.addAttribute("section", "home");
		model.addAttribute("cycle", cycle);
		var steps = firstSteps.of(caller);
		model.addAttribute("steps", steps);
		model.addAttribute("suggestedCycle", steps.isEmpty() || cycle != null ? null : firstSteps.suggestedCycle());
		model.addAttribute("admin", caller.admin());
		model.addAttribute("me", identity.namesOf(List.of(caller.id().toString()))
			.getOrDefault(caller.id().toString(), caller.username()));
		model.addAttribute("checkInsDue", due.checkInsDue(caller).stream().map(CheckInDue::of).toList());
		model.addAttribute("kpisDue", kpisDue.owedBy(caller).stream().map(KpiDueRow::of).toList());
		model.addAttribute("retrospectivesDue", due.retrospectivesDue(caller));
		model.addAttribute("mentions", mentions.of(caller));
		List<OkrViews.ObjectiveView> mine = shown.stream().filter(o -> me.equals(o.ownerId())).toList();
		List<OkrViews.ObjectiveView> ofTeams = shown.stream().filter(o -> !me.equals(o.ownerId())).toList();
		model.addAttribute("mine", mine.subList(0, Math.min(SHOWN, mine.size())));
		model.addAttribute("teams", ofTeams.subList(0, Math.min(SHOWN, ofTeams.size())));
		if (cycle != null) {
			model.addAttribute("allMine", mine.size() > SHOWN ? "/okrs?cycleId=" + cycle.id() + "&ownerId=" + me : null);
			model.addAttribute("allOfTeams", ofTeams.size() <= SHOWN ? null
					: "/okrs?cycleId=" + cycle.id() + (teams.size() == 1 ? "&teamId=" + teams.iterator().next() : ""));
		}
		model.addAttribute("ownerNames", identity.namesOf(shown.stream().map(OkrViews.ObjectiveView::ownerId)
			.filter(java.util.Objects::nonNull).distinct().toList()));
		teamKpis(teams, model);
		model.addAttribute("wins", cycle == null ? List.of()
				: wins.list(UUID.fromString(cycle.id()), null, null, WINS_SHOWN, caller).items());
		return "dashboard/home";
	}

	/** A key result owed a check-in, with the day (UTC) of its last one. */
	record CheckInDue(String keyResultId, String title, String objectiveId, String objectiveTitle,
			java.time.LocalDate lastCheckInOn) {

		static CheckInDue of(DueWork.CheckInDue due) {
			return new CheckInDue(due.keyResultId(), due.title(), due.objectiveId(), due.objectiveTitle(),
					due.lastCheckInAt() == null ? null
							: java.time.LocalDate.ofInstant(due.lastCheckInAt(), java.time.ZoneOffset.UTC));
		}
	}

	/**
	 * A KPI owed a value (with the day, UTC, of its newest one: null for none yet) and/or a review (with the day it
	 * fell due, unless it was never reviewed).
	 */
	record KpiDueRow(String key, String name, String frequency, boolean valueDue, java.time.LocalDate latestOn,
			boolean reviewDue, java.time.LocalDate reviewDueOn, boolean neverReviewed) {

		static KpiDueRow of(KpisDue.DueKpi due) {
			return new KpiDueRow(due.key(), due.name(), due.frequency(), due.valueDueSince() != null, day(due.latestAt()),
					due.reviewDueSince() != null, day(due.reviewDueSince()), due.lastReviewedAt() == null);
		}

		private static java.time.LocalDate day(java.time.Instant at) {
			return at == null ? null : java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
		}
	}

	/** My teams' KPIs, the most urgent first (red, amber, green, without data), and how many they are in all. */
	private void teamKpis(Set<UUID> teams, Model model) {
		KpiSelection.Filter filter = new KpiSelection.Filter(teams, null, null);
		long count = teams.isEmpty() ? 0 : selection.counts(filter).total();
		model.addAttribute("kpis", count == 0 ? List.of()
				: selection.part(filter, KpiSelection.Order.WORST_FIRST, 0, KPIS_SHOWN));
		model.addAttribute("kpiCount", count);
		model.addAttribute("kpiBoard", teams.size() == 1 ? "/kpis?teamId=" + teams.iterator().next() : "/kpis");
	}
}
