package app.tandem.notify;

import java.util.Optional;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.kpi.KpiCatalog;
import app.tandem.kpi.KpiDefinition;
import app.tandem.okr.KeyResults;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;
import app.tandem.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What a notification is about, as its recipient may see it: the title and the page. Empty when it is gone or the
 * recipient may not see it (a private objective): then they are not told.
 */
@Component
class Subjects {

	/** A subject's title, the page that shows it, and who owns it (the owners of a key result and its objective). */
	record Seen(String title, String path, java.util.List<UUID> owners) {
	}

	private final Objectives objectives;

	private final KeyResults keyResults;

	private final KpiCatalog kpis;

	Subjects(Objectives objectives, KeyResults keyResults, KpiCatalog kpis) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.kpis = kpis;
	}

	Optional<Seen> objective(UUID id, Caller recipient) {
		try {
			return Optional.ofNullable(objectives.titleIfVisible(id, recipient))
				.map(title -> new Seen(title, "/okrs/objectives/" + id, objectives.ownerOf(id).stream().toList()));
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	Optional<Seen> keyResult(UUID id, Caller recipient) {
		try {
			OkrViews.KeyResultView kr = keyResults.get(id, null, recipient);
			java.util.List<UUID> owners = new java.util.ArrayList<>();
			if (kr.ownerId() != null) {
				owners.add(UUID.fromString(kr.ownerId()));
			}
			objectives.ownerOf(UUID.fromString(kr.objectiveId())).filter(o -> !owners.contains(o)).ifPresent(owners::add);
			return Optional.of(new Seen(kr.title(), "/okrs/objectives/" + kr.objectiveId() + "#kr-" + id, owners));
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	/** KPIs have no private kind: whoever is told may see it. */
	Optional<Seen> kpi(UUID id) {
		return kpis.find(id.toString()).map(k -> new Seen(k.name(), "/kpis/" + k.key(),
				k.ownerId() == null ? java.util.List.of() : java.util.List.of(k.ownerId())));
	}

	Optional<KpiDefinition> kpiDefinition(UUID id) {
		return kpis.find(id.toString());
	}
}
