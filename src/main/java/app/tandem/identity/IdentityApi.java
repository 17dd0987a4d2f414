package app.tandem.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import app.tandem.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** What other modules may ask of identity: the caller, and whether users and teams exist. */
@Service
public class IdentityApi {

	private final JdbcClient jdbc;

	private final Teams teams;

	private final Users users;

	private final java.time.Clock clock;

	IdentityApi(JdbcClient jdbc, Teams teams, Users users, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.teams = teams;
		this.users = users;
		this.clock = clock;
	}

	/** A team as OKRs-as-code files name it: by key, with its parent's id. */
	public record TeamEntry(UUID id, String key, String name, UUID parentId) {
	}

	/** A person with their memberships (team id → role). */
	public record PersonEntry(UUID id, String username, String name, String email, boolean admin,
			java.util.Map<UUID, Role> memberships) {
	}

	public List<TeamEntry> allTeams() {
		return jdbc.sql("select id, slug, name, parent_id from team order by id")
			.query((rs, i) -> new TeamEntry(Sql.uuid(rs, "id"), rs.getString("slug"), rs.getString("name"),
					Sql.uuid(rs, "parent_id")))
			.list();
	}

	/**
	 * What pages call these people: each one's name, else their username, by id as text. Ids that are no one's
	 * (or not ids) are left out; a page reads the names it shows, not everybody's.
	 */
	public java.util.Map<String, String> namesOf(java.util.Collection<String> ids) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		for (List<UUID> part : parts(ids)) {
			jdbc.sql("select id, username, name from app_user where id in (:ids)").param("ids", part).query(rs -> {
				names.put(Sql.uuid(rs, "id").toString(), shownName(rs.getString("name"), rs.getString("username")));
			});
		}
		return names;
	}

	/** The names of these teams by id as text; ids that are no team's are left out. */
	public java.util.Map<String, String> teamNamesOf(java.util.Collection<String> ids) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		for (List<UUID> part : parts(ids)) {
			jdbc.sql("select id, name from team where id in (:ids)").param("ids", part).query(rs -> {
				names.put(Sql.uuid(rs, "id").toString(), rs.getString("name"));
			});
		}
		return names;
	}

	/** The ids among these texts, without repeats, in parts of at most 1,000 (one "in" list each). */
	private static List<List<UUID>> parts(java.util.Collection<String> ids) {
		List<UUID> all = ids.stream().map(Ids::tryParse).filter(java.util.Objects::nonNull).distinct().toList();
		List<List<UUID>> parts = new java.util.ArrayList<>();
		for (int from = 0; from < all.size(); from += 1000) {
			parts.add(all.subList(from, Math.min(all.size(), from + 1000)));
		}
		return parts;
	}

	/** How many teams a form's choice offers at once; a search beside it finds the others. */
	public static final int TEAMS_SHOWN = 30;

	/**
	 * The teams a form or filter offers: those whose name or key holds every word (lower case), the first
	 * {@link #TEAMS_SHOWN} by name, plus {@code alsoIds} (the team chosen, the caller's own teams) whatever the
	 * words; as id → name, by name.
	 */
	public java.util.Map<String, String> teamsToChoose(java.util.Collection<String> alsoIds, List<String> words) {
		StringBuilder sql = new StringBuilder("select id, name from team where 1 = 1");
		List<Object> params = new java.util.ArrayList<>();
		eachWordIn(sql, params, words, "name", "slug");
		sql.append(" order by lower(name), id limit ?");
		params.add(TEAMS_SHOWN);
		java.util.Map<String, String> found = new java.util.HashMap<>();
		jdbc.sql(sql.toString()).params(params).query(rs -> {
			found.put(Sql.uuid(rs, "id").toString(), rs.getString("name"));
		});
		found.putAll(teamNamesOf(alsoIds));
		return byName(found);
	}

	/**
	 * What a team select offers before anything is typed: the first teams by name, the caller's own teams and the
	 * ones already chosen (blank or malformed ids are skipped).
	 */
	public java.util.Map<String, String> teamsOffered(java.util.Collection<String> chosen) {
		List<String> also = new java.util.ArrayList<>(chosen);
		rightsOf(caller()).teams().forEach(t -> also.add(t.toString()));
		return teamsToChoose(also, List.of());
	}

	/** Adds the condition that every word is in one of the two columns (lower case, its wildcards escaped). */
	private static void eachWordIn(StringBuilder sql, List<Object> params, List<String> words, String column,
			String other) {
		for (String word : words) {
			sql.append(" and (lower(").append(column).append(") like ? escape '!' or lower(").append(other)
				.append(") like ? escape '!')");
			String like = app.tandem.shared.SearchWords.containing(word);
			params.add(like);
			params.add(like);
		}
	}

	/** These choices (id → name) in the order of their names, as a person reads them (case and accents aside). */
	private static java.util.Map<String, String> byName(java.util.Map<String, String> choices) {
		java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.ROOT);
		collator.setStrength(java.text.Collator.SECONDARY);
		java.util.Map<String, String> sorted = new java.util.LinkedHashMap<>();
		choices.entrySet().stream()
			.sorted(java.util.Map.Entry.<String, String>comparingByValue(collator)
				.thenComparing(java.util.Map.Entry.comparingByKey()))
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	/** How many people a form's choice offers at once; a search beside it finds the others. */
	public static final int PEOPLE_SHOWN = 30;

	/**
	 * The people a form may name as an owner: the first active ones by name (then username), as id → name, plus
	 * {@code alsoIds} (owners already chosen, who may since have been deactivated) so a form keeps them.
	 */
	public java.util.Map<String, String> peopleToChoose(java.util.Collection<String> alsoIds) {
		return peopleToChoose(alsoIds, List.of());
	}

	/**
	 * The same, of the active people whose name or user name holds every word (lower case): at most
	 * {@link #PEOPLE_SHOWN} of them, and {@code alsoIds} whatever the words.
	 */
	public java.util.Map<String, String> peopleToChoose(java.util.Collection<String> alsoIds, List<String> words) {
		StringBuilder sql = new StringBuilder("select id, username, name from app_user where active = true");
		List<Object> params = new java.util.ArrayList<>();
		eachWordIn(sql, params, words, "name", "username");
		sql.append(" order by lower(coalesce(name, username)), id limit ?");
		params.add(PEOPLE_SHOWN);
		java.util.Map<String, String> choices = new java.util.HashMap<>();
		jdbc.sql(sql.toString()).params(params).query(rs -> {
			choices.put(Sql.uuid(rs, "id").toString(), shownName(rs.getString("name"), rs.getString("username")));
		});
		choices.putAll(namesOf(alsoIds));
		return byName(choices);
	}

	private static String shownName(String name, String username) {
		return name != null && !name.isBlank() ? name : username;
	}

	public List<PersonEntry> allPeople() {
		java.util.Map<UUID, java.util.Map<UUID, Role>> memberships = new java.util.HashMap<>();
		jdbc.sql("select team_id, user_id, role from membership").query(rs -> {
			memberships.computeIfAbsent(Sql.uuid(rs, "user_id"), k -> new java.util.LinkedHashMap<>())
				.put(Sql.uuid(rs, "team_id"), Role.valueOf(rs.getString("role")));
		});
		return jdbc.sql("select id, username, name, email, admin from app_user order by id")
			.query((rs, i) -> new PersonEntry(Sql.uuid(rs, "id"), rs.getString("username"), rs.getString("name"),
					rs.getString("email"), rs.getBoolean("admin"),
					memberships.getOrDefault(Sql.uuid(rs, "id"), java.util.Map.of())))
			.list();
	}

	public UUID createTeam(String key, String name, UUID parentId) {
		return UUID.fromString(teams.create(new TeamCommands.CreateTeam(name, Ids.str(parentId), key)).id());
	}

	/** A person without a password: they sign in once an admin sets one (or through single sign-on). */
	public UUID createPerson(String username, String name, String email) {
		return UUID.fromString(users.create(new UserCommands.CreateUser(username, name, email, null, false)).id());
	}

	public Optional<String> organisationName() {
		return jdbc.sql("select name from organisation where id = 1").query(String.class).optional();
	}

	public void nameOrganisation(String name) {
		if (jdbc.sql("update organisation set name = ? where id = 1").param(name).update() == 0) {
			jdbc.sql("insert into organisation (id, name) values (1, ?)").param(name).update();
		}
	}

	public void putMembership(UUID teamId, UUID userId, Role role) {
		teams.putMember(teamId, userId, role, Versions.of(null, null));
	}

	public Caller caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
			return caller;
		}
		if (authentication != null && authentication.getPrincipal() instanceof CallerDetails details) {
			return details.caller();
		}
		throw new AccessDeniedException("No authenticated caller");
	}

	/** The caller's rights: their memberships over the team tree (two small queries). */
	public Rights rightsOf(Caller caller) {
		java.util.Map<UUID, Role> memberships = new java.util.HashMap<>();
		jdbc.sql("select team_id, role from membership where user_id = ?").param(caller.id())
			.query(rs -> {
				memberships.put(Sql.uuid(rs, 1), Role.valueOf(rs.getString(2)));
			});
		java.util.Map<UUID, UUID> parents = new java.util.HashMap<>();
		if (memberships.containsValue(Role.LEAD)) {
			jdbc.sql("select id, parent_id from team").query(rs -> {
				parents.put(Sql.uuid(rs, 1), Sql.uuid(rs, 2));
			});
		}
		// The flag as it is now, not as it was when a browser's session began; a deactivated user has no rights.
		Boolean admin = jdbc.sql("select admin from app_user where id = ? and active = true").param(caller.id())
			.query(Boolean.class).optional().orElse(null);
		if (admin == null) {
			return Rights.of(caller.id(), false, java.util.Map.of(), java.util.Map.of());
		}
		return Rights.of(caller.id(), admin, memberships, parents);
	}

	/** Admins manage users, teams and cycles, and import and export. */
	public void requireAdmin() {
		if (!rightsOf(caller()).admin()) {
			throw new AccessDeniedException("Only administrators may do this");
		}
	}

	public boolean userExists(UUID id) {
		return id != null && jdbc.sql("select count(*) from app_user where id = ?").param(id).query(Long.class).single() > 0;
	}

	public boolean teamExists(UUID id) {
		return id != null && jdbc.sql("select count(*) from team where id = ?").param(id).query(Long.class).single() > 0;
	}

	public Optional<UUID> userIdByUsername(String username) {
		return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).optional();
	}

	/** An active person as the caller they would be when signed in: to ask what they may see. */
	public Optional<Caller> callerOf(UUID userId) {
		return jdbc.sql("select id, username, admin from app_user where id = ? and active = true").param(userId)
			.query((rs, i) -> new Caller(Sql.uuid(rs, 1), rs.getString(2), rs.getBoolean(3)))
			.optional();
	}

	/** An active person's e-mail address, if they have one. */
	public Optional<String> emailOf(UUID userId) {
		return jdbc.sql("select email from app_user where id = ? and active = true").param(userId).query(String.class)
			.optional()
			.filter(email -> !email.isBlank());
	}

	/** The active leads of a team (not of the teams above it). */
	public List<UUID> leadsOf(UUID teamId) {
		return jdbc.sql("""
				select m.user_id from membership m join app_user u on u.id = m.user_id
				where m.team_id = ? and m.role = 'LEAD' and u.active = true order by m.user_id""")
			.param(teamId)
			.query(UUID.class)
			.list();
	}

	public Optional<UUID> teamIdByKey(String key) {
		return jdbc.sql("select id from team where slug = ?").param(key).query(UUID.class).optional();
	}

	/**
	 * The organisation's first steps that identity knows of, for the admin's checklist: is there a team, is there
	 * anyone besides the first admin, and has this person put the checklist away.
	 */
	public FirstSteps firstSteps(Caller caller) {
		boolean team = jdbc.sql("select id from team fetch first 1 rows only").query((rs, i) -> true).optional()
			.isPresent();
		boolean people = jdbc.sql("select id from app_user fetch first 2 rows only").query((rs, i) -> true).list()
			.size() > 1;
		boolean dismissed = jdbc.sql("select onboarding_dismissed_at from app_user where id = ?")
			.param(caller.id())
			.query((rs, i) -> rs.getTimestamp(1) != null)
			.optional()
			.orElse(false);
		return new FirstSteps(team, people, dismissed);
	}

	/** This person puts the first-steps checklist away, for good (kept in the database: any node shows it so). */
	public void dismissFirstSteps(Caller caller) {
		jdbc.sql("update app_user set onboarding_dismissed_at = ? where id = ? and onboarding_dismissed_at is null")
			.params(app.tandem.shared.Sql.ts(java.time.Instant.now(clock)), caller.id())
			.update();
	}

	public record FirstSteps(boolean team, boolean people, boolean dismissed) {
	}
}
