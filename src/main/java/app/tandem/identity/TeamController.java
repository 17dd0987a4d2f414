package app.tandem.identity;

import app.tandem.shared.Ids;
import app.tandem.shared.ListPage;
import app.tandem.shared.Versions;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TeamController {

	private final IdentityApi identity;

	private final Teams teams;

	TeamController(IdentityApi identity, Teams teams) {
		this.identity = identity;
		this.teams = teams;
	}

	@GetMapping("/api/v1/teams")
	ListPage<Teams.TeamView> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		int max = ListPage.limit(limit);
		return ListPage.of(teams.list(cursor, max), max, Teams.TeamView::id);
	}

	@GetMapping("/api/v1/teams/{id}")
	ResponseEntity<Teams.TeamView> get(@PathVariable String id) {
		Teams.TeamView team = teams.get(Ids.parse(id, "team"));
		return ResponseEntity.ok().eTag(Versions.etag(team.version())).body(team);
	}

	@PostMapping("/api/v1/teams")
	ResponseEntity<Teams.TeamView> create(@Valid @RequestBody TeamCommands.CreateTeam command) {
		identity.requireAdmin();
		Teams.TeamView team = teams.create(command);
		return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(team.version())).body(team);
	}

	@PatchMapping("/api/v1/teams/{id}")
	ResponseEntity<Teams.TeamView> update(@PathVariable String id, @Valid @RequestBody TeamCommands.UpdateTeam command,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var teamId = Ids.parse(id, "team");
		identity.requireAdmin();
		Teams.TeamView team = teams.update(teamId, command, Versions.of(ifMatch, command.version()));
		return ResponseEntity.ok().eTag(Versions.etag(team.version())).body(team);
	}

	@DeleteMapping("/api/v1/teams/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		var teamId = Ids.parse(id, "team");
		identity.requireAdmin();
		teams.delete(teamId);
	}

	@PutMapping("/api/v1/teams/{id}/members/{userId}")
	ResponseEntity<Teams.TeamView> putMember(@PathVariable String id, @PathVariable String userId,
			@Valid @RequestBody TeamCommands.PutMember command,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var teamId = Ids.parse(id, "team");
		var memberId = Ids.parse(userId, "user");
		identity.requireAdmin();
		Teams.TeamView team = teams.putMember(teamId, memberId, command.role(), Versions.of(ifMatch, command.version()));
		return ResponseEntity.ok().eTag(Versions.etag(team.version())).body(team);
	}

	@DeleteMapping("/api/v1/teams/{id}/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeMember(@PathVariable String id, @PathVariable String userId,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var teamId = Ids.parse(id, "team");
		var memberId = Ids.parse(userId, "user");
		identity.requireAdmin();
		teams.removeMember(teamId, memberId, Versions.of(ifMatch, null));
	}
}
