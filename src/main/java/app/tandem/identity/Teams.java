package app.tandem.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import app.tandem.audit.AuditTrail;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Excerpt;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.Sql;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The team tree (company → departments → teams) and who belongs where, in which role. */
@Service
public class Teams {

	private static final RowMapper<TeamRow> ROW = (rs, i) -> new TeamRow(Sql.uuid(rs, "id"), rs.getString("slug"),
			rs.getString("name"), Sql.uuid(rs, "parent_id"), Sql.instant(rs, "created_at"), rs.getLong("version"));

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	Teams(JdbcClient jdbc, Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<TeamView> list(String afterId, int limit) {
		return jdbc.sql("select * from team where (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("after", afterId == null ? null : Ids.tryParse(afterId))
			.param("limit", limit + 1)
			.query(ROW)
			.list()
			.stream()
			.map(row -> view(row, null))
			.toList();
	}

	/** Every team with its members, in two queries whatever the number of teams (the admin pages' team tree). */
	public List<TeamView> allWithMembers() {
		java.util.Map<UUID, List<MemberView>> members = new java.util.HashMap<>();
		jdbc.sql("""
				select m.team_id, m.user_id, u.username, u.name, m.role from membership m
				join app_user u on u.id = m.user_id order by u.username""")
			.query(rs -> {
				members.computeIfAbsent(Sql.uuid(rs, "team_id"), k -> new java.util.ArrayList<>())
					.add(new MemberView(Sql.uuid(rs, "user_id").toString(), rs.getString("username"),
							rs.getString("name"), Role.valueOf(rs.getString("role"))));
			});
		return jdbc.sql("select * from team order by id")
			.query(ROW)
			.list()
			.stream()
			.map(row -> view(row, members.getOrDefault(row.id(), List.of())))
			.toList();
	}

	public TeamView get(UUID id) {
		TeamRow row = row(id);
		List<MemberView> members = jdbc.sql("""
				select m.user_id, u.username, u.name, m.role from membership m join app_user u on u.id = m.user_id
				where m.team_id = ? order by u.username""")
			.param(id)
			.query((rs, i) -> new MemberView(Sql.uuid(rs, "user_id").toString(), rs.getString("username"),
					rs.getString("name"), Role.valueOf(rs.getString("role"))))
			.list();
		return view(row, members);
	}

	@Transactional
	public TeamView create(TeamCommands.CreateTeam command) {
		UUID parent = command.parentId() == null ? null : Ids.tryParse(command.parentId());
		if (command.parentId() != null && (parent == null || !exists(parent))) {
			throw InvalidInputException.of("parentId", "no team with id " + Excerpt.of(command.parentId()));
		}
		requireFreeKey(command.key(), null);
		UUID id = Ids.next();
		jdbc.sql("insert into team (id, slug, name, parent_id, created_at, version) values (?, ?, ?, ?, ?, 0)")
			.params(id, command.key(), command.name(), parent, Sql.ts(Instant.now(clock)))
			.update();
		audit.record("team", id, "CREATED", AuditTrail.diff(null, row(id)));
		return get(id);
	}

	@Transactional
	public TeamView update(UUID id, TeamCommands.UpdateTeam command, Versions versions) {
		TeamRow current = row(id);
		versions.check("Team " + id, current.version());
		UUID parent = current.parentId();
		if (command.parentId() != null) {
			parent = command.parentId().isEmpty() ? null : Ids.tryParse(command.parentId());
			if (!command.parentId().isEmpty() && (parent == null || !exists(parent))) {
				throw InvalidInputException.of("parentId", "no team with id " + Excerpt.of(command.parentId()));
			}
			if (parent != null && isSelfOrBelow(parent, id)) {
				throw InvalidInputException.of("parentId", "a team cannot sit below itself");
			}
		}
		if (command.key() != null) {
			requireFreeKey(command.key(), id);
		}
		int updated = jdbc.sql("""
				update team set name = coalesce(?, name), slug = coalesce(?, slug), parent_id = ?, version = version + 1
				where id = ? and version = ?""")
			.params(command.name(), command.key(), parent, id, current.version())
			.update();
		if (updated == 0) {
			throw new StaleVersionException("Team " + id, current.version(), current.version() + 1, versions.fromIfMatch());
		}
		audit.record("team", id, "UPDATED", AuditTrail.diff(current, row(id)));
		return get(id);
	}

	@Transactional
	public void delete(UUID id) {
		TeamRow team = row(id);
		if (count("select count(*) from team where parent_id = ?", id) > 0) {
			throw new ConflictException("The team has sub-teams; move or delete them first");
		}
		if (count("select count(*) from objective where team_id = ?", id) > 0
				|| count("select count(*) from kpi where team_id = ?", id) > 0) {
			throw new ConflictException("Objectives or KPIs belong to the team; move or delete them first");
		}
		jdbc.sql("delete from membership where team_id = ?").param(id).update();
		jdbc.sql("delete from team where id = ?").param(id).update();
		audit.record("team", id, "DELETED", AuditTrail.diff(team, null));
	}

	@Transactional
	public TeamView putMember(UUID teamId, UUID userId, Role role, Versions versions) {
		changeMembers(teamId, versions);
		if (count("select count(*) from app_user where id = ?", userId) == 0) {
			throw new NotFoundException("user", userId);
		}
		String before = jdbc.sql("select role from membership where team_id = ? and user_id = ?").params(teamId, userId)
			.query(String.class).optional().orElse(null);
		int updated = jdbc.sql("update membership set role = ? where team_id = ? and user_id = ?")
			.params(role.name(), teamId, userId)
			.update();
		audit.record("membership", teamId + "/" + userId, before == null ? "CREATED" : "UPDATED",
				AuditTrail.change("role", before, role.name()));
		if (updated == 0) {
			jdbc.sql("insert into membership (team_id, user_id, role) values (?, ?, ?)")
				.params(teamId, userId, role.name())
				.update();
		}
		return get(teamId);
	}

	@Transactional
	public void removeMember(UUID teamId, UUID userId, Versions versions) {
		changeMembers(teamId, versions);
		if (jdbc.sql("delete from membership where team_id = ? and user_id = ?").params(teamId, userId).update() == 0) {
			throw new NotFoundException("membership of user", userId);
		}
		audit.record("membership", teamId + "/" + userId, "DELETED", AuditTrail.change("member", userId, null));
	}

	/**
	 * Memberships belong to their team: changing them moves the team's version on, so an admin
	 * working from a stale view of the members gets 412/409 instead of overwriting someone else's
	 * change, and concurrent changes to one team's members queue on the team's row.
	 */
	private void changeMembers(UUID teamId, Versions versions) {
		TeamRow team = row(teamId);
		versions.check("Team " + teamId, team.version());
		if (jdbc.sql("update team set version = version + 1 where id = ? and version = ?")
			.params(teamId, team.version())
			.update() == 0) {
			throw new StaleVersionException("Team " + teamId, team.version(), team.version() + 1, versions.fromIfMatch());
		}
	}

	private boolean isSelfOrBelow(UUID candidate, UUID team) {
		UUID cursor = candidate;
		for (int depth = 0; cursor != null && depth < 1000; depth++) {
			if (cursor.equals(team)) {
				return true;
			}
			cursor = row(cursor).parentId();
		}
		return false;
	}

	private void requireFreeKey(String key, UUID self) {
		if (key == null) {
			return;
		}
		jdbc.sql("select id from team where slug = ?").param(key).query(UUID.class).optional().ifPresent(other -> {
			if (!Objects.equals(other, self)) {
				throw new ConflictException("A team with key " + key + " exists already");
			}
		});
	}

	private boolean exists(UUID id) {
		return count("select count(*) from team where id = ?", id) > 0;
	}

	private long count(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}

	private TeamRow row(UUID id) {
		return jdbc.sql("select * from team where id = ?").param(id).query(ROW).optional()
			.orElseThrow(() -> new NotFoundException("team", id));
	}

	private static TeamView view(TeamRow row, List<MemberView> members) {
		return new TeamView(row.id().toString(), row.slug(), row.name(), Ids.str(row.parentId()), members,
				row.createdAt(), row.version());
	}

	record TeamRow(UUID id, String slug, String name, UUID parentId, Instant createdAt, long version) {
	}

	public record TeamView(String id, String key, String name, String parentId, List<MemberView> members, Instant createdAt,
			long version) {
	}

	public record MemberView(String userId, String username, String name, Role role) {
	}
}
