package app.tandem.okr.web;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.Cycles;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;
import app.tandem.shared.ListPage;
import app.tandem.shared.Versions;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CycleController {

	private final Cycles cycles;

	private final IdentityApi identity;

	CycleController(Cycles cycles, IdentityApi identity) {
		this.cycles = cycles;
		this.identity = identity;
	}

	@GetMapping("/api/v1/cycles")
	ListPage<OkrViews.CycleView> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		int max = ListPage.limit(limit);
		return ListPage.of(cycles.list(Ids.tryParse(cursor), max + 1), max, OkrViews.CycleView::id);
	}

	@GetMapping("/api/v1/cycles/{id}")
	ResponseEntity<OkrViews.CycleView> get(@PathVariable String id) {
		return tagged(HttpStatus.OK, cycles.get(Ids.parse(id, "cycle")));
	}

	@PostMapping("/api/v1/cycles")
	ResponseEntity<OkrViews.CycleView> create(@Valid @RequestBody OkrCommands.CreateCycle command) {
		identity.requireAdmin();
		return tagged(HttpStatus.CREATED, cycles.create(command));
	}

	@PatchMapping("/api/v1/cycles/{id}")
	ResponseEntity<OkrViews.CycleView> update(@PathVariable String id, @Valid @RequestBody OkrCommands.UpdateCycle command,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var cycleId = Ids.parse(id, "cycle");
		identity.requireAdmin();
		return tagged(HttpStatus.OK, cycles.update(cycleId, command, Versions.of(ifMatch, command.version())));
	}

	@PostMapping("/api/v1/cycles/{id}/close")
	ResponseEntity<OkrViews.CycleView> close(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var cycleId = Ids.parse(id, "cycle");
		identity.requireAdmin();
		return tagged(HttpStatus.OK, cycles.close(cycleId, Versions.of(ifMatch, null)));
	}

	private static ResponseEntity<OkrViews.CycleView> tagged(HttpStatus status, OkrViews.CycleView view) {
		return ResponseEntity.status(status).eTag(Versions.etag(view.version())).body(view);
	}
}
