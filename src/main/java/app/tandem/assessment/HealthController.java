package app.tandem.assessment;

import java.util.Locale;
import java.util.UUID;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.CycleReads;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;
import app.tandem.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HealthController {

	private final TeamHealth health;

	private final CycleReads okr;

	private final IdentityApi identity;

	HealthController(TeamHealth health, CycleReads okr, IdentityApi identity) {
		this.health = health;
		this.okr = okr;
		this.identity = identity;
	}

	/**
	 * A team's OKR health in a cycle, each part with how it was computed. Without {@code cycleId}: the current
	 * cycle; without {@code teamId}: the whole cycle. An unknown or malformed cycle or team is a 404.
	 */
	@GetMapping("/api/v1/health")
	TeamHealth.View health(@RequestParam(required = false) String cycleId,
			@RequestParam(required = false) String teamId) {
		OkrViews.CycleView cycle = cycleId != null ? okr.cycle(Ids.parse(cycleId, "cycle"))
				: okr.currentCycle().orElseThrow(() -> new NotFoundException("cycle", "(none yet)"));
		UUID team = null;
		if (teamId != null) {
			team = Ids.parse(teamId, "team");
			if (!identity.teamExists(team)) {
				throw new NotFoundException("team", teamId);
			}
		}
		return health.of(cycle, team, identity.caller(), Locale.ENGLISH);
	}
}
