package app.tandem.okr.web;

import java.time.Instant;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.KeyResults;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
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
class KeyResultController {

	private final KeyResults keyResults;

	private final IdentityApi identity;

	KeyResultController(KeyResults keyResults, IdentityApi identity) {
		this.keyResults = keyResults;
		this.identity = identity;
	}

	@GetMapping("/api/v1/key-results/{id}")
	ResponseEntity<OkrViews.KeyResultView> get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
		var view = keyResults.get(Ids.parse(id, "key result"), asOf, identity.caller());
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@PatchMapping("/api/v1/key-results/{id}")
	ResponseEntity<OkrViews.KeyResultView> update(@PathVariable String id,
			@Valid @RequestBody OkrCommands.UpdateKeyResult command,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var krId = Ids.parse(id, "key result");
		var view = keyResults.update(krId, command, Versions.of(ifMatch, command.version()), identity.caller());
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@DeleteMapping("/api/v1/key-results/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		keyResults.delete(Ids.parse(id, "key result"), identity.caller());
	}

	@PostMapping("/api/v1/key-results/{id}/move")
	OkrViews.KeyResultView move(@PathVariable String id, @Valid @RequestBody OkrCommands.MoveKeyResult command) {
		return keyResults.move(Ids.parse(id, "key result"), command, identity.caller());
	}

	@PostMapping("/api/v1/key-results/{id}/check-ins")
	@ResponseStatus(HttpStatus.CREATED)
	OkrViews.CheckInView checkIn(@PathVariable String id, @Valid @RequestBody OkrCommands.RecordCheckIn command) {
		return keyResults.checkIn(Ids.parse(id, "key result"), command, identity.caller());
	}

	/** Newest first. */
	@GetMapping("/api/v1/key-results/{id}/check-ins")
	ListPage<OkrViews.CheckInView> checkIns(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		int max = ListPage.limit(limit);
		return ListPage.of(keyResults.checkIns(Ids.parse(id, "key result"), Ids.tryParse(cursor), max + 1, identity.caller()), max,
				OkrViews.CheckInView::id);
	}
}
