package app.tandem.kpi.web;

import java.time.Instant;

import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiCommands;
import app.tandem.kpi.KpiStatusChanges;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.KpiViews;
import app.tandem.kpi.Kpis;
import app.tandem.kpi.RecoveryOkr;
import app.tandem.kpi.domain.Bucket;
import app.tandem.okr.OkrCommands;
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

/** KPIs by id or key ({@code /api/v1/kpis/website-visitors}). */
@RestController
class KpiController {

	private final Kpis kpis;

	private final KpiViews views;

	private final KpiStatusChanges events;

	private final RecoveryOkr recovery;

	private final IdentityApi identity;

	KpiController(Kpis kpis, KpiViews views, KpiStatusChanges events, RecoveryOkr recovery, IdentityApi identity) {
		this.identity = identity;
		this.kpis = kpis;
		this.views = views;
		this.events = events;
		this.recovery = recovery;
	}

	/** Status changes, newest first. */
	@GetMapping("/api/v1/kpis/{idOrKey}/events")
	ListPage<KpiStatusChanges.KpiEvent> events(@PathVariable String idOrKey) {
		return new ListPage<>(events.of(java.util.UUID.fromString(views.get(idOrKey).id())), null);
	}

	/** A draft objective to bring the KPI back on target; POST it to /api/v1/objectives as is. */
	@GetMapping("/api/v1/kpis/{idOrKey}/recovery-okr")
	OkrCommands.CreateObjective recoveryOkr(@PathVariable String idOrKey) {
		return recovery.propose(idOrKey, identity.caller());
	}

	@GetMapping("/api/v1/kpis")
	ListPage<KpiView> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		int max = ListPage.limit(limit);
		return ListPage.of(views.list(Ids.tryParse(cursor), max + 1), max, KpiView::id);
	}

	@GetMapping("/api/v1/kpis/{idOrKey}")
	ResponseEntity<KpiView> get(@PathVariable String idOrKey) {
		KpiView view = views.get(idOrKey);
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	/** The series per bucket: {@code ?from&to} (ISO instants; to exclusive) and {@code bucket=DAY|WEEK|MONTH|QUARTER}. */
	@GetMapping("/api/v1/kpis/{idOrKey}/measurements")
	KpiViews.SeriesView series(@PathVariable String idOrKey, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) Bucket bucket) {
		return views.series(idOrKey, bucket, withinCalendar("from", from), withinCalendar("to", to));
	}

	private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	/** Java reads years to ±999,999,999; the buckets of such a window cannot even be counted. */
	private static Instant withinCalendar(String parameter, Instant at) {
		if (at != null && (at.isBefore(FIRST) || at.isAfter(LAST))) {
			throw app.tandem.shared.InvalidInputException.of(parameter, "must lie in the years 1 to 9999");
		}
		return at;
	}

	@PostMapping("/api/v1/kpis")
	ResponseEntity<KpiView> create(@Valid @RequestBody KpiCommands.CreateKpi command) {
		KpiView view = kpis.create(command, identity.caller());
		return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(view.version())).body(view);
	}

	@PatchMapping("/api/v1/kpis/{idOrKey}")
	ResponseEntity<KpiView> update(@PathVariable String idOrKey, @Valid @RequestBody KpiCommands.UpdateKpi command,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		KpiView view = kpis.update(idOrKey, command, Versions.of(ifMatch, command.version()), identity.caller());
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	/** The KPI has been reviewed now: sets {@code lastReviewedAt}, which clears a review due in its owner's inbox. */
	@PostMapping("/api/v1/kpis/{idOrKey}/review")
	ResponseEntity<KpiView> review(@PathVariable String idOrKey) {
		KpiView view = kpis.markReviewed(idOrKey, identity.caller());
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@DeleteMapping("/api/v1/kpis/{idOrKey}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String idOrKey) {
		kpis.delete(idOrKey, identity.caller());
	}
}
