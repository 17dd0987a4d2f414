package app.tandem.okr.web;

import java.time.Instant;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.KeyResults;
import app.tandem.okr.ObjectiveFilter;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.Level;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ObjectiveController {

	private final Objectives objectives;

	private final KeyResults keyResults;

	private final IdentityApi identity;

	ObjectiveController(Objectives objectives, KeyResults keyResults, IdentityApi identity) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.identity = identity;
	}

	/** Filters name ids: an id that names nothing matches nothing, a value that is no id is refused (400). */
	@GetMapping("/api/v1/objectives")
	ListPage<OkrViews.ObjectiveView> list(@RequestParam(required = false) String cycleId,
			@RequestParam(required = false) String teamId, @RequestParam(required = false) String ownerId,
			@RequestParam(required = false) Level level, @RequestParam(required = false) Instant asOf,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		int max = ListPage.limit(limit);
		var filter = new ObjectiveFilter(Ids.filter(cycleId, "cycleId"), Ids.filter(teamId, "teamId"),
				Ids.filter(ownerId, "ownerId"), level, asOf);
		return ListPage.of(objectives.list(filter, asOf, Ids.tryParse(cursor), max + 1, identity.caller()), max,
				OkrViews.ObjectiveView::id);
	}

	@GetMapping("/api/v1/objectives/{id}")
	ResponseEntity<OkrViews.ObjectiveView> get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
		return tagged(HttpStatus.OK, objectives.get(Ids.parse(id, "objective"), asOf, identity.caller()));
	}

	@PostMapping("/api/v1/objectives")
	ResponseEntity<OkrViews.ObjectiveView> create(@Valid @RequestBody OkrCommands.CreateObjective command) {
		return tagged(HttpStatus.CREATED, objectives.create(command, identity.caller()));
	}

	@PatchMapping("/api/v1/objectives/{id}")
	ResponseEntity<OkrViews.ObjectiveView> update(@PathVariable String id,
			@Valid @RequestBody OkrCommands.UpdateObjective command,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var objectiveId = Ids.parse(id, "objective");
		return tagged(HttpStatus.OK,
				objectives.update(objectiveId, command, Versions.of(ifMatch, command.version()), identity.caller()));
	}

	@DeleteMapping("/api/v1/objectives/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		objectives.delete(Ids.parse(id, "objective"), identity.caller());
	}

	@PostMapping("/api/v1/objectives/{id}/key-results")
	ResponseEntity<OkrViews.KeyResultView> addKeyResult(@PathVariable String id,
			@Valid @RequestBody OkrCommands.CreateKeyResult command) {
		var objectiveId = Ids.parse(id, "objective");
		var created = keyResults.add(objectiveId, command, identity.caller());
		return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(created.version())).body(created);
	}

	@GetMapping("/api/v1/objectives/{id}/alignment")
	OkrViews.AlignmentNode alignment(@PathVariable String id) {
		return objectives.alignment(Ids.parse(id, "objective"), identity.caller());
	}

	/** A draft made visible (PUBLIC unless the body says otherwise); the body may be left out. */
	@PostMapping("/api/v1/objectives/{id}/publish")
	ResponseEntity<OkrViews.ObjectiveView> publish(@PathVariable String id,
			@Valid @RequestBody(required = false) OkrCommands.PublishObjective command,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var objectiveId = Ids.parse(id, "objective");
		var c = command != null ? command : new OkrCommands.PublishObjective(null, null);
		return tagged(HttpStatus.OK,
				objectives.publish(objectiveId, c.visibility(), Versions.of(ifMatch, c.version()), identity.caller()));
	}

	/** Out of lists, the tree and what is due, kept in history: what a refused delete suggests. */
	@PostMapping("/api/v1/objectives/{id}/archive")
	ResponseEntity<OkrViews.ObjectiveView> archive(@PathVariable String id,
			@Valid @RequestBody(required = false) OkrCommands.ArchiveObjective command,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return archived(id, true, command, ifMatch);
	}

	@PostMapping("/api/v1/objectives/{id}/restore")
	ResponseEntity<OkrViews.ObjectiveView> restore(@PathVariable String id,
			@Valid @RequestBody(required = false) OkrCommands.ArchiveObjective command,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return archived(id, false, command, ifMatch);
	}

	private ResponseEntity<OkrViews.ObjectiveView> archived(String id, boolean archived,
			OkrCommands.ArchiveObjective command, String ifMatch) {
		Long version = command == null ? null : command.version();
		return tagged(HttpStatus.OK, objectives.archive(Ids.parse(id, "objective"), archived,
				Versions.of(ifMatch, version), identity.caller()));
	}

	@PostMapping("/api/v1/objectives/{id}/carry-over")
	ResponseEntity<OkrViews.ObjectiveView> carryOver(@PathVariable String id,
			@Valid @RequestBody OkrCommands.CarryOver command) {
		var objectiveId = Ids.parse(id, "objective");
		return tagged(HttpStatus.CREATED, objectives.carryOver(objectiveId, command, identity.caller()));
	}

	private static ResponseEntity<OkrViews.ObjectiveView> tagged(HttpStatus status, OkrViews.ObjectiveView view) {
		return ResponseEntity.status(status).eTag(Versions.etag(view.version())).body(view);
	}

}
