package app.tandem.coach;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.CycleReads;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Finding;
import app.tandem.shared.Ids;

/**
 * The coach page: a cycle's findings (of one team, if chosen), most severe first, each with its hint and a link to
 * what it is about. Beside the API's {@link CoachController}, over the same {@link CycleCoach}.
 */
@Controller
class CoachPage {

	private final CycleCoach coach;

	private final CycleReads okr;

	private final IdentityApi identity;

	CoachPage(CycleCoach coach, CycleReads okr, IdentityApi identity) {
		this.coach = coach;
		this.okr = okr;
		this.identity = identity;
	}

	/** A finding with the page that shows its subject. */
	record Shown(Finding finding, String link) {
	}

	/** How many findings the page shows at once, and each "Show more" adds. */
	static final int PAGE = 50;

	@GetMapping("/coach")
	String coach(@RequestParam(required = false) String cycleId, @RequestParam(required = false) String teamId,
			Model model) {
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		UUID team = team(teamId);
		CycleCoach.Part part = part(cycle, team, PAGE);
		Map<String, Long> counts = new java.util.HashMap<>();
		part.counts().forEach((severity, count) -> counts.put(severity.name(), count));
		model.addAttribute("section", "coach");
		model.addAttribute("cycle", cycle);
		model.addAttribute("counts", counts);
		model.addAttribute("empty", part.total() == 0);
		model.addAttribute("teams", identity.teamsOffered(team == null ? List.of() : List.of(team.toString())));
		model.addAttribute("teamId", team == null ? "" : team.toString());
		shown(part, 0, cycle, team, model);
		return "coach/coach";
	}

	/** The next findings, after "Show more". */
	@GetMapping("/coach/more")
	String more(@RequestParam(required = false) String cycleId, @RequestParam(required = false) String teamId,
			@RequestParam int offset, Model model) {
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		UUID team = team(teamId);
		int from = Math.max(0, offset);
		shown(part(cycle, team, from + PAGE), from, cycle, team, model);
		return "coach/coach :: part";
	}

	private UUID team(String teamId) {
		UUID team = Ids.tryParse(teamId);
		return team != null && identity.teamExists(team) ? team : null;
	}

	/** The cycle's findings counted, and the first {@code upTo} of them in order. */
	private CycleCoach.Part part(OkrViews.CycleView cycle, UUID team, int upTo) {
		return cycle == null ? new CycleCoach.Part(Map.of(), 0, List.of())
				: coach.part(cycle, team, identity.caller(), upTo);
	}

	/** The findings from {@code offset} on, a page of them, and the button for the rest. */
	private void shown(CycleCoach.Part part, int offset, OkrViews.CycleView cycle, UUID team, Model model) {
		List<Finding> findings = part.first();
		int end = Math.min(findings.size(), offset + PAGE);
		model.addAttribute("findings", findings.subList(Math.min(offset, end), end).stream()
			.map(f -> new Shown(f, link(f, cycle.id())))
			.toList());
		if (end < part.total()) {
			model.addAttribute("moreUrl", org.springframework.web.util.UriComponentsBuilder.fromPath("/coach/more")
				.queryParam("cycleId", cycle.id())
				.queryParam("teamId", team == null ? "" : team.toString())
				.queryParam("offset", end)
				.build()
				.toUriString());
			model.addAttribute("left", part.total() - end);
			model.addAttribute("nextCount", Math.min(PAGE, part.total() - end));
		}
	}

	/** Where a finding's subject is shown. */
	static String link(Finding f, String cycleId) {
		return switch (f.subjectType()) {
			case OBJECTIVE -> "/okrs/objectives/" + f.subjectId();
			case KEY_RESULT -> "/okrs/key-results/" + f.subjectId();
			case KPI -> "/kpis/" + f.subjectId();
			case TEAM -> "/okrs?cycleId=" + cycleId + "&teamId=" + f.subjectId();
			case CYCLE -> "/okrs?cycleId=" + cycleId;
		};
	}
}
