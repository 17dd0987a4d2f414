package app.tandem.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.tandem.audit.AuditTrail;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Long random secrets for integrations. Only their SHA-256 is stored and looked up, so a token costs
 * one indexed read per request rather than an adaptive password hash.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "tdm_";

	/** last_used_at is a hint, not an audit: write it at most once a minute per token. */
	private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	ApiTokens(JdbcClient jdbc, Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public CreatedToken create(Caller owner, TokenCommands.CreateToken command) {
		Instant now = Instant.now(clock);
		var problems = new InvalidInputException.Collector();
		Set<Scope> scopes = new LinkedHashSet<>();
		for (int i = 0; i < command.scopes().size(); i++) {
			Scope scope = Scope.parse(command.scopes().get(i));
			if (scope == null) {
				problems.add("scopes[" + i + "]", "must be one of read, write, ingest");
			}
			else {
				scopes.add(scope);
			}
		}
		if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
			problems.add("expiresAt", "must be in the future");
		}
		problems.throwIfAny();
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = Ids.next();
		String scopeList = String.join(",", scopes.stream().map(s -> s.name().toLowerCase()).toList());
		jdbc.sql("""
				insert into api_token (id, user_id, name, token_hash, scopes, expires_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, owner.id(), command.name(), hash(token), scopeList, Sql.ts(command.expiresAt()), Sql.ts(now))
			.update();
		// Never the secret, nor its hash.
		var changes = AuditTrail.change("name", null, command.name());
		changes.put("scopes", new Object[] { null, scopeList });
		changes.put("expiresAt", new Object[] { null, command.expiresAt() });
		audit.record("api_token", id, "CREATED", changes);
		return new CreatedToken(id.toString(), command.name(), List.copyOf(scopeList.isEmpty() ? List.of() : List.of(scopeList.split(","))),
				command.expiresAt(), now, token);
	}

	public List<TokenView> list(Caller owner) {
		return jdbc.sql("select * from api_token where user_id = ? and revoked_at is null order by id")
			.param(owner.id())
			.query((rs, i) -> new TokenView(Sql.uuid(rs, "id").toString(), rs.getString("name"),
					List.of(rs.getString("scopes").split(",")), Sql.instant(rs, "expires_at"),
					Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at")))
			.list();
	}

	@Transactional
	public void revoke(Caller owner, UUID id) {
		int updated = jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(Sql.ts(Instant.now(clock)), id, owner.id())
			.update();
		if (updated == 0) {
			throw new NotFoundException("token", id);
		}
		audit.record("api_token", id, "REVOKED", AuditTrail.change("revokedAt", null, Instant.now(clock)));
	}

	/** The caller and scopes a presented token stands for, if it is known, unrevoked, unexpired and its owner active. */
	Optional<Authenticated> authenticate(String token) {
		Instant now = Instant.now(clock);
		Optional<Authenticated> found = jdbc.sql("""
				select t.id, t.scopes, t.expires_at, t.last_used_at, u.id as user_id, u.username, u.admin
				from api_token t join app_user u on u.id = t.user_id
				where t.token_hash = ? and t.revoked_at is null and u.active = true""")
			.param(hash(token))
			.query((rs, i) -> {
				Instant expires = Sql.instant(rs, "expires_at");
				if (expires != null && !expires.isAfter(now)) {
					return null;
				}
				List<Scope> scopes = new ArrayList<>();
				for (String s : rs.getString("scopes").split(",")) {
					Scope scope = Scope.parse(s);
					if (scope != null) {
						scopes.add(scope);
					}
				}
				return new Authenticated(Sql.uuid(rs, "id"), Sql.instant(rs, "last_used_at"),
						new Caller(Sql.uuid(rs, "user_id"), rs.getString("username"), rs.getBoolean("admin")), scopes);
			})
			.optional();
		found.ifPresent(auth -> {
			if (auth.lastUsedAt() == null || auth.lastUsedAt().isBefore(now.minus(LAST_USED_GRANULARITY))) {
				jdbc.sql("update api_token set last_used_at = ? where id = ?").params(Sql.ts(now), auth.tokenId()).update();
			}
		});
		return found;
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	record Authenticated(UUID tokenId, Instant lastUsedAt, Caller caller, List<Scope> scopes) {
	}

	public record CreatedToken(String id, String name, List<String> scopes, Instant expiresAt, Instant createdAt,
			String token) {
	}

	public record TokenView(String id, String name, List<String> scopes, Instant expiresAt, Instant createdAt,
			Instant lastUsedAt) {
	}
}
