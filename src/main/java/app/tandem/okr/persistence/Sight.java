package app.tandem.okr.persistence;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import app.tandem.okr.domain.Visibility;

/**
 * Which objectives a reader may see (SPEC §1): every public one; a private one or a draft only if
 * they own it, lead its team (or a team above) or are an admin ({@link #ALL}).
 */
public record Sight(boolean all, UUID me, Set<UUID> ledTeams) {

	/** Admins, and the application's own work (the demo, imports, roll-ups). */
	public static final Sight ALL = new Sight(true, null, Set.of());

	public Sight {
		ledTeams = Set.copyOf(ledTeams);
	}

	public boolean sees(ObjectiveRow o) {
		return all || !o.restricted() || Objects.equals(o.ownerId(), me)
				|| (o.teamId() != null && ledTeams.contains(o.teamId()));
	}

	/** " and (…)" on the objective table's columns, its parameters added; nothing for {@link #ALL}. */
	String sql(List<Object> params) {
		return sql(params, "");
	}

	/** The same on the objective table under an alias ({@code "o."}), for a join with another table. */
	String sql(List<Object> params, String alias) {
		if (all) {
			return "";
		}
		params.add(Visibility.PRIVATE.name());
		params.add(me);
		String teams = "";
		if (!ledTeams.isEmpty()) {
			teams = " or " + alias + "team_id in (" + String.join(",", Collections.nCopies(ledTeams.size(), "?"))
					+ ")";
			params.addAll(ledTeams);
		}
		return " and ((" + alias + "visibility <> ? and " + alias + "draft = false) or " + alias + "owner_id = ?" + teams
				+ ")";
	}
}
