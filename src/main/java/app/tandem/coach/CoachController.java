package app.tandem.coach;

import java.time.Instant;
import java.util.UUID;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.CycleReads;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;
import app.tandem.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CoachController {

	private final CycleCoach coach;

	private final CycleReads okr;

	private final IdentityApi identity;

	CoachController(CycleCoach coach, CycleReads okr, IdentityApi identity) {
		this.coach = coach;
		this.okr = okr;
		this.identity = identity;
	}

	/**
	 * The coach's findings over a cycle, most severe first. Without {@code cycleId}: the current
	 * cycle, as the dashboard picks it. {@code teamId}: that team's objectives and KPIs only.
	 * {@code asOf}: the cycle as it was then. An unknown or malformed cycle or team is a 404.
	 */
	@GetMapping("/api/v1/coach")
	CycleCoach.Report coach(@RequestParam(required = false) String cycleId,
			@RequestParam(required = false) String teamId, @RequestParam(required = false) Instant asOf,
			HttpServletResponse response) {
		// The answer for a large cycle runs to megabytes: sent in 256 KB pieces rather than Tomcat's 8 KB.
		response.setBufferSize(256 * 1024);
		OkrViews.CycleView cycle = cycleId != null ? okr.cycle(Ids.parse(cycleId, "cycle"))
				: okr.currentCycle().orElseThrow(() -> new NotFoundException("cycle", "(none yet)"));
		UUID team = null;
		if (teamId != null) {
			team = Ids.parse(teamId, "team");
			if (!identity.teamExists(team)) {
				throw new NotFoundException("team", teamId);
			}
		}
		return coach.review(cycle, team, asOf, identity.caller());
	}
}
