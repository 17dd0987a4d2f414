package app.tandem.okr;

import java.util.UUID;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.shared.Excerpt;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves ids named in a request body. An unknown one is a problem with that field (400), unlike
 * an unknown id in the path (404).
 */
@Component
class ReferencedIds {

	private final IdentityApi identity;

	private final ObjectiveStore objectives;

	private final KeyResultStore keyResults;

	private final JdbcClient jdbc;

	ReferencedIds(IdentityApi identity, ObjectiveStore objectives, KeyResultStore keyResults, JdbcClient jdbc) {
		this.identity = identity;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.jdbc = jdbc;
	}

	UUID user(String field, String id, InvalidInputException.Collector problems) {
		UUID uuid = parse(id);
		if (id != null && !identity.userExists(uuid)) {
			problems.add(field, "no user with id " + Excerpt.of(id));
		}
		return uuid;
	}

	UUID team(String field, String id, InvalidInputException.Collector problems) {
		UUID uuid = parse(id);
		if (id != null && !identity.teamExists(uuid)) {
			problems.add(field, "no team with id " + Excerpt.of(id));
		}
		return uuid;
	}

	ObjectiveRow objective(String field, String id, InvalidInputException.Collector problems) {
		if (id == null) {
			return null;
		}
		UUID uuid = parse(id);
		ObjectiveRow row = uuid == null ? null : objectives.find(uuid).orElse(null);
		if (row == null) {
			problems.add(field, "no objective with id " + Excerpt.of(id));
		}
		return row;
	}

	KeyResultRow keyResult(String field, String id, InvalidInputException.Collector problems) {
		if (id == null) {
			return null;
		}
		UUID uuid = parse(id);
		KeyResultRow row = uuid == null ? null : keyResults.find(uuid).orElse(null);
		if (row == null) {
			problems.add(field, "no key result with id " + Excerpt.of(id));
		}
		return row;
	}

	/** KPIs live in their own table; a key result may name one by id or key. */
	UUID kpi(String field, String idOrKey, InvalidInputException.Collector problems) {
		if (idOrKey == null) {
			return null;
		}
		UUID uuid = Ids.tryParse(idOrKey);
		UUID found = uuid != null
				? jdbc.sql("select id from kpi where id = ?").param(uuid).query(UUID.class).optional().orElse(null)
				: jdbc.sql("select id from kpi where kpi_key = ?").param(idOrKey).query(UUID.class).optional().orElse(null);
		if (found == null) {
			problems.add(field, "no KPI with id or key " + Excerpt.of(idOrKey));
		}
		return found;
	}

	/** Ids that are not UUIDs resolve to nothing; a null one is a random miss (never equal to any row). */
	private static UUID parse(String id) {
		if (id == null) {
			return null;
		}
		UUID uuid = Ids.tryParse(id);
		return uuid != null ? uuid : new UUID(0, 0);
	}
}
