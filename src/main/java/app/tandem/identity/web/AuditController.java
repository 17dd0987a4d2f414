package app.tandem.identity.web;

import java.time.Instant;

import app.tandem.audit.AuditEntry;
import app.tandem.audit.AuditLog;
import app.tandem.identity.IdentityApi;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.ListPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit?entity&id&from&to} for admins, newest first. */
@RestController
class AuditController {

	private final AuditLog log;

	private final IdentityApi identity;

	AuditController(AuditLog log, IdentityApi identity) {
		this.log = log;
		this.identity = identity;
	}

	@GetMapping("/api/v1/audit")
	ListPage<AuditEntry> audit(@RequestParam(required = false) String entity, @RequestParam(required = false) String id,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		identity.requireAdmin();
		if (from != null && to != null && !from.isBefore(to)) {
			throw InvalidInputException.of("to", "must be after from");
		}
		int max = ListPage.limit(limit);
		var entries = log.find(new AuditLog.Query(entity, id, from, to), Ids.tryParse(cursor), max + 1);
		return ListPage.of(entries, max, AuditEntry::id);
	}
}
