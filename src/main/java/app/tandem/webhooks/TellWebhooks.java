package app.tandem.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.tandem.kpi.KpiCatalog;
import app.tandem.kpi.KpiDefinition;
import app.tandem.kpi.KpiStatusChanged;
import app.tandem.kpi.MeasurementsIngested;
import app.tandem.okr.CycleClosed;
import app.tandem.okr.KeyResultCheckedIn;
import app.tandem.okr.ObjectiveWritten;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrScores;
import app.tandem.webhooks.domain.WebhookEventType;
import app.tandem.wins.WinRecorded;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns the other modules' events into deliveries, one per subscribed webhook: after the change committed, in a
 * transaction of its own, kept in Modulith's registry until done (one query when no webhook hears of the event). Each event has an
 * id of its own kept in the body ({@code {id, type, at, data}}), so the same event for the same webhook is queued
 * once however often this runs.
 */
@Component
class TellWebhooks {

	private final WebhookStore webhooks;

	private final DeliveryStore deliveries;

	private final Objectives objectives;

	private final OkrScores scores;

	private final KpiCatalog kpis;

	private final ObjectMapper json;

	private final Clock clock;

	TellWebhooks(WebhookStore webhooks, DeliveryStore deliveries, Objectives objectives, OkrScores scores,
			KpiCatalog kpis, ObjectMapper json, Clock clock) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.objectives = objectives;
		this.scores = scores;
		this.kpis = kpis;
		this.json = json;
		this.clock = clock;
	}

	@TransactionalEventListener(fallbackExecution = true, condition = "@webhookSubscriptions.any('checkin.created')")
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(KeyResultCheckedIn checkedIn) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("checkInId", checkedIn.checkInId().toString());
		data.put("keyResultId", checkedIn.keyResultId().toString());
		data.put("objectiveId", checkedIn.objectiveId().toString());
		data.put("authorId", checkedIn.authorId() == null ? null : checkedIn.authorId().toString());
		data.put("at", checkedIn.at().toString());
		data.put("previousStatus", checkedIn.previousStatus() == null ? null : checkedIn.previousStatus().name());
		data.put("status", checkedIn.status() == null ? null : checkedIn.status().name());
		queue(WebhookEventType.CHECKIN_CREATED, "checkin:" + checkedIn.checkInId(), checkedIn.at(), data,
				teams(objectives.teamOf(checkedIn.objectiveId()).orElse(null)));
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(ObjectiveWritten written) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("objectiveId", written.objectiveId().toString());
		data.put("cycleId", written.cycleId().toString());
		data.put("teamId", written.teamId() == null ? null : written.teamId().toString());
		data.put("title", written.title());
		data.put("by", written.byId() == null ? null : written.byId().toString());
		WebhookEventType type = written.kind() == ObjectiveWritten.Kind.CREATED ? WebhookEventType.OBJECTIVE_CREATED
				: WebhookEventType.OBJECTIVE_UPDATED;
		queue(type, type.wire() + ":" + written.objectiveId() + ":" + written.at(), written.at(), data,
				teams(written.teamId()));
	}

	/** The cycle, and each of its objectives with the score it closed with. */
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(CycleClosed closed) {
		queue(WebhookEventType.CYCLE_CLOSED, "cycle.closed:" + closed.cycleId(), closed.closedAt(),
				Map.of("cycleId", closed.cycleId().toString()), List.of());
		for (OkrScores.ObjectiveOutcome objective : scores.inCycle(closed.cycleId())) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("objectiveId", objective.id().toString());
			data.put("cycleId", objective.cycleId().toString());
			data.put("teamId", objective.teamId() == null ? null : objective.teamId().toString());
			data.put("title", objective.title());
			data.put("score", objective.score());
			queue(WebhookEventType.OBJECTIVE_CLOSED, "objective.closed:" + objective.id(), closed.closedAt(), data,
					teams(objective.teamId()));
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(KpiStatusChanged changed) {
		kpis.find(changed.kpiId().toString()).ifPresent(kpi -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("kpiId", kpi.id().toString());
			data.put("key", kpi.key());
			data.put("name", kpi.name());
			data.put("from", changed.from().name());
			data.put("to", changed.to().name());
			data.put("value", changed.value());
			queue(WebhookEventType.KPI_STATUS_CHANGED, "kpi.status:" + changed.eventId(), changed.at(), data,
					teams(kpi.teamId()));
		});
	}

	@TransactionalEventListener(fallbackExecution = true,
			condition = "@webhookSubscriptions.any('kpi.measurements_ingested')")
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(MeasurementsIngested ingested) {
		List<UUID> teams = ingested.kpiIds().stream()
			.map(id -> kpis.find(id.toString()).map(KpiDefinition::teamId).orElse(null))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kpis", ingested.kpiKeys());
		data.put("accepted", ingested.accepted());
		data.put("replaced", ingested.replaced());
		queue(WebhookEventType.KPI_MEASUREMENTS_INGESTED, "ingested:" + ingested.ingestionId(), ingested.at(), data,
				teams);
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(WinRecorded win) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", win.kind());
		data.put("subjectId", win.subjectId().toString());
		data.put("objectiveId", win.objectiveId() == null ? null : win.objectiveId().toString());
		data.put("title", win.title());
		data.put("teamId", win.teamId() == null ? null : win.teamId().toString());
		data.put("personId", win.personId() == null ? null : win.personId().toString());
		data.put("score", win.score());
		queue(WebhookEventType.WIN_CREATED, "win:" + win.kind() + ":" + win.subjectId(), win.at(), data,
				teams(win.teamId()));
	}

	private void queue(WebhookEventType type, String eventKey, Instant at, Map<String, Object> data, List<UUID> teams) {
		List<WebhookStore.Webhook> subscribed = webhooks.subscribed(type, teams);
		if (subscribed.isEmpty()) {
			return;
		}
		// the event's id: the same happening always gets the same one (a UUID from its key)
		String id = UUID.nameUUIDFromBytes(eventKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("type", type.wire());
		body.put("at", at.toString());
		body.put("data", data);
		String text = json.writeValueAsString(body);
		Instant now = Instant.now(clock);
		subscribed.forEach(webhook -> deliveries.enqueue(webhook.id(), id, type.wire(), text, now));
	}

	private static List<UUID> teams(UUID team) {
		return team == null ? List.of() : List.of(team);
	}
}
