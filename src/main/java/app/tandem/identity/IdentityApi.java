package app.tandem.identity;

import java.util.Optional;
import java.util.UUID;

import app.tandem.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** What other modules may ask of identity: the caller, and whether users and teams exist. */
@Service
public class IdentityApi {

	private final JdbcClient jdbc;

	IdentityApi(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/** The seam for roles: today only admins manage users, teams and cycles. */
	public void requireAdmin() {
		if (!caller().admin()) {
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

	public Optional<UUID> teamIdByKey(String key) {
		return jdbc.sql("select id from team where slug = ?").param(key).query(UUID.class).optional();
	}

	public String username(UUID userId) {
		return jdbc.sql("select username from app_user where id = ?").param(userId).query(String.class).optional()
			.orElseThrow(() -> new NotFoundException("user", userId));
	}
}
