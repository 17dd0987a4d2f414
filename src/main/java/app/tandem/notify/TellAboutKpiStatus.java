package app.tandem.notify;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiStatusChanged;
import app.tandem.kpi.domain.KpiStatus;
import app.tandem.notify.domain.NotificationKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A KPI that turns amber or red, or comes back from there, tells its owner and its team's leads. Its first value
 * (no data to green) is no news.
 */
@Component
class TellAboutKpiStatus {

	private final NotificationWriter writer;

	private final Subjects subjects;

	private final IdentityApi identity;

	TellAboutKpiStatus(NotificationWriter writer, Subjects subjects, IdentityApi identity) {
		this.writer = writer;
		this.subjects = subjects;
		this.identity = identity;
	}

	static boolean isNews(KpiStatus from, KpiStatus to) {
		return from != to && (worrying(from) || worrying(to));
	}

	private static boolean worrying(KpiStatus status) {
		return status == KpiStatus.AMBER || status == KpiStatus.RED;
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(KpiStatusChanged changed) {
		if (!isNews(changed.from(), changed.to())) {
			return;
		}
		subjects.kpiDefinition(changed.kpiId()).ifPresent(kpi -> {
			Set<UUID> told = new LinkedHashSet<>();
			if (kpi.ownerId() != null) {
				told.add(kpi.ownerId());
			}
			if (kpi.teamId() != null) {
				told.addAll(identity.leadsOf(kpi.teamId()));
			}
			Map<String, Object> params = new HashMap<>();
			params.put("title", kpi.name());
			params.put("from", changed.from().name());
			params.put("to", changed.to().name());
			params.put("value", changed.value());
			for (UUID recipient : told) {
				writer.write(new NewNotification(recipient, NotificationKind.KPI_STATUS, "KPI", kpi.id().toString(),
						null, params, "/kpis/" + kpi.key(), changed.at(),
						"KPI_STATUS:" + changed.eventId() + ":" + recipient));
			}
		});
	}
}
