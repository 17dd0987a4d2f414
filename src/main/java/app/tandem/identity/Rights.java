package app.tandem.identity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a user may do, from their memberships (SPEC §1): the union over their roles. An ADMIN
 * (the user's flag, or the role in any team) may do everything; a LEAD leads their team and every
 * team below it; a MEMBER contributes (their own objectives, check-ins on what they own); a VIEWER,
 * or someone in no team, only reads. Plain Java: the rules are tested without Spring.
 */
public final class Rights {

	private final UUID userId;

	private final boolean admin;

	private final boolean contributes;

	private final Set<UUID> led;

	private final Set<UUID> teams;

	private Rights(UUID userId, boolean admin, boolean contributes, Set<UUID> led, Set<UUID> teams) {
		this.userId = userId;
		this.admin = admin;
		this.contributes = contributes;
		this.led = Set.copyOf(led);
		this.teams = Set.copyOf(teams);
	}

	/**
	 * @param memberships team → the user's role there
	 * @param parents team → its parent team (absent or null for a top team)
	 */
	public static Rights of(UUID userId, boolean adminFlag, Map<UUID, Role> memberships, Map<UUID, UUID> parents) {
		boolean admin = adminFlag || memberships.containsValue(Role.ADMIN);
		boolean contributes = admin || memberships.containsValue(Role.LEAD) || memberships.containsValue(Role.MEMBER);
		Map<UUID, List<UUID>> children = new HashMap<>();
		parents.forEach((team, parent) -> {
			if (parent != null) {
				children.computeIfAbsent(parent, k -> new ArrayList<>()).add(team);
			}
		});
		Set<UUID> led = new HashSet<>();
		Deque<UUID> pending = new ArrayDeque<>();
		memberships.forEach((team, role) -> {
			if (role == Role.LEAD) {
				pending.add(team);
			}
		});
		while (!pending.isEmpty()) {
			UUID team = pending.poll();
			if (led.add(team)) {
				pending.addAll(children.getOrDefault(team, List.of()));
			}
		}
		return new Rights(userId, admin, contributes, led, memberships.keySet());
	}

	public UUID userId() {
		return userId;
	}

	public boolean admin() {
		return admin;
	}

	/** Leads the team: an admin, or a LEAD of it or of a team above it. */
	public boolean leads(UUID teamId) {
		return admin || (teamId != null && led.contains(teamId));
	}

	/** The teams they lead: those where they are LEAD and every team below (none for an admin's flag alone). */
	public Set<UUID> ledTeams() {
		return led;
	}

	/** The teams they are a member of, in any role (not the teams below them). */
	public Set<UUID> teams() {
		return teams;
	}

	/** May create their own objectives and check in: any role but VIEWER. */
	public boolean contributes() {
		return contributes;
	}
}
