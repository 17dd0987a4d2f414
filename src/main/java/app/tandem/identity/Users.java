package app.tandem.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tandem.audit.AuditTrail;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.Sql;
import app.tandem.shared.StaleVersionException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People: created by admins, signing in with a password (and their second factor, if they have one:
 * {@link PasswordAndCode}) or through their tokens.
 */
@Service
public class Users {

	public static final int MIN_PASSWORD = PasswordPolicy.MIN_LENGTH;

	public static final int MAX_PASSWORD = PasswordPolicy.MAX_LENGTH;

	static final RowMapper<UserView> VIEW = (rs, i) -> new UserView(Sql.uuid(rs, "id").toString(),
			rs.getString("username"), rs.getString("name"), rs.getString("email"), rs.getBoolean("admin"),
			rs.getBoolean("active"), Sql.instant(rs, "totp_enabled_at") != null, rs.getBoolean("totp_required"),
			Sql.instant(rs, "created_at"), rs.getLong("version"));

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final AuditTrail audit;

	private final Deactivation deactivation;

	private final SignInThrottle throttle;

	Users(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, AuditTrail audit, Deactivation deactivation,
			SignInThrottle throttle) {
		this.audit = audit;
		this.throttle = throttle;
		this.deactivation = deactivation;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	/** The user signing in with this name, for {@link PasswordAndCode}. */
	CallerDetails loadUserByUsername(String username) {
		return jdbc.sql("select id, username, admin, active, password_hash from app_user where username = ?")
			.param(username)
			.query((rs, i) -> new CallerDetails(
					new Caller(Sql.uuid(rs, "id"), rs.getString("username"), rs.getBoolean("admin")),
					rs.getString("password_hash"), rs.getBoolean("active")))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	/** A page of everybody by user name (case aside), for the admin's list. */
	public List<UserView> byUsername(int offset, int limit) {
		return jdbc.sql("select * from app_user order by lower(username), id limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(VIEW)
			.list();
	}

	public long count() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	/** Each of these people's teams (by name) and role there, by the team's name. */
	public Map<String, List<String[]>> membershipsOf(Collection<String> ids) {
		Map<String, List<String[]>> memberships = new HashMap<>();
		List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
		Sql.inChunks(uuids, chunk -> jdbc.sql("""
				select m.user_id, t.name, m.role from membership m join team t on t.id = m.team_id
				where m.user_id in (:ids)""").param("ids", chunk).query((rs, i) -> {
			memberships.computeIfAbsent(Sql.uuid(rs, 1).toString(), k -> new ArrayList<>())
				.add(new String[] { rs.getString(2), rs.getString(3) });
			return 0;
		}).list());
		memberships.values().forEach(list -> list.sort(Comparator.comparing(m -> m[0])));
		return memberships;
	}

	public List<UserView> list(String afterId, int limit) {
		UUID after = afterId == null ? null : Ids.tryParse(afterId);
		return jdbc.sql("select * from app_user where (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("after", after)
			.param("limit", limit + 1)
			.query(VIEW)
			.list();
	}

	public UserView get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("user", id));
	}

	Optional<UserView> find(UUID id) {
		return jdbc.sql("select * from app_user where id = ?").param(id).query(VIEW).optional();
	}

	@Transactional
	public UserView create(UserCommands.CreateUser command) {
		checkPassword(command.password(), command.username(), command.name(), command.email());
		if (jdbc.sql("select count(*) from app_user where username = ?").param(command.username()).query(Long.class)
			.single() > 0) {
			throw new ConflictException("A user named " + command.username() + " exists already");
		}
		UUID id = Ids.next();
		jdbc.sql("""
				insert into app_user (id, username, name, email, password_hash, admin, active, created_at, version)
				values (?, ?, ?, ?, ?, ?, true, ?, 0)""")
			.params(id, command.username(), command.name(), command.email(),
					command.password() == null ? null : passwords.encode(command.password()),
					Boolean.TRUE.equals(command.admin()), Sql.ts(Instant.now(clock)))
			.update();
		UserView created = get(id);
		audit.record("user", id, "CREATED", AuditTrail.diff(null, created));
		return created;
	}

	@Transactional
	public UserView update(UUID id, UserCommands.UpdateUser command, app.tandem.shared.Versions versions) {
		UserView current = get(id);
		versions.check("User " + id, current.version());
		// Against the name and e-mail as they will be after this change.
		checkPassword(command.password(), current.username(), command.name() != null ? command.name() : current.name(),
				command.email() != null ? command.email() : current.email());
		String hash = command.password() == null ? null : passwords.encode(command.password());
		int updated = jdbc.sql("""
				update app_user set name = coalesce(?, name), email = coalesce(?, email),
				  password_hash = coalesce(?, password_hash), admin = coalesce(?, admin), active = coalesce(?, active),
				  totp_required = coalesce(?, totp_required), version = version + 1
				where id = ? and version = ?""")
			.params(command.name(), command.email(), hash, command.admin(), command.active(), command.totpRequired(), id,
					current.version())
			.update();
		if (updated == 0) {
			throw new StaleVersionException("User " + id, current.version(), current.version() + 1, versions.fromIfMatch());
		}
		UserView updatedUser = get(id);
		var changes = AuditTrail.diff(current, updatedUser);
		if (hash != null) {
			changes.put("password", new Object[] { "(set)", "(changed)" });
			throttle.forget(current.username());
		}
		audit.record("user", id, "UPDATED", changes);
		if (current.active() && !updatedUser.active()) {
			deactivation.deactivated(id, current.username());
		}
		return updatedUser;
	}

	/** Why this password may not be set for this person ({@link PasswordPolicy}), if it may not. */
	public Optional<PasswordPolicy.Refusal> passwordRefusal(String password, String username, String name,
			String email) {
		return PasswordPolicy.check(password, new PasswordPolicy.Context(username, name, email, organisationName()));
	}

	private void checkPassword(String password, String username, String name, String email) {
		if (password != null) {
			passwordRefusal(password, username, name, email).ifPresent(refusal -> {
				throw InvalidInputException.of("password", refusal.message());
			});
		}
	}

	private String organisationName() {
		return jdbc.sql("select name from organisation where id = 1").query(String.class).optional().orElse(null);
	}

	/** A user as the API shows them: whether a second factor is enabled or required, never its secret. */
	public record UserView(String id, String username, String name, String email, boolean admin, boolean active,
			boolean totpEnabled, boolean totpRequired, Instant createdAt, long version) {
	}
}
