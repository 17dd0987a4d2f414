package app.tandem.wins;

import app.tandem.identity.IdentityApi;
import app.tandem.shared.Ids;
import app.tandem.shared.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/wins?cycleId&teamId} (newest first) and {@code POST /api/v1/wins/{id}/kudos {note}}. */
@RestController
class WinController {

	private final Wins wins;

	private final IdentityApi identity;

	WinController(Wins wins, IdentityApi identity) {
		this.wins = wins;
		this.identity = identity;
	}

	record NewKudos(String note) {
	}

	/** Filters name ids: an id that names nothing matches nothing, a value that is no id is refused (400). */
	@GetMapping("/api/v1/wins")
	ListPage<Wins.WinView> list(@RequestParam(required = false) String cycleId,
			@RequestParam(required = false) String teamId, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		int max = ListPage.limit(limit);
		return wins.list(Ids.filter(cycleId, "cycleId"), Ids.filter(teamId, "teamId"), Ids.tryParse(cursor), max,
				identity.caller());
	}

	@GetMapping("/api/v1/wins/{id}")
	Wins.WinView get(@PathVariable String id) {
		return wins.get(Ids.parse(id, "win"), identity.caller());
	}

	@PostMapping("/api/v1/wins/{id}/kudos")
	@ResponseStatus(HttpStatus.CREATED)
	Wins.WinView kudos(@PathVariable String id, @RequestBody NewKudos kudos) {
		return wins.giveKudos(Ids.parse(id, "win"), kudos.note(), identity.caller());
	}
}
