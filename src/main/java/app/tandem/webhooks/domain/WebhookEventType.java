package app.tandem.webhooks.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook may hear of, by the name its deliveries carry ({@code type}). */
public enum WebhookEventType {

	CHECKIN_CREATED("checkin.created"),
	OBJECTIVE_CREATED("objective.created"),
	OBJECTIVE_UPDATED("objective.updated"),
	OBJECTIVE_CLOSED("objective.closed"),
	KPI_STATUS_CHANGED("kpi.status_changed"),
	KPI_MEASUREMENTS_INGESTED("kpi.measurements_ingested"),
	CYCLE_CLOSED("cycle.closed"),
	WIN_CREATED("win.created");

	private final String wire;

	WebhookEventType(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return wire;
	}

	public static Optional<WebhookEventType> ofWire(String name) {
		return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst();
	}
}
