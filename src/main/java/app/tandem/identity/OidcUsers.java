package app.tandem.identity;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.tandem.shared.ConflictException;
import app.tandem.shared.Sql;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Who an ID token names: the user with its {@code email} (compared ignoring case), or, on a first
 * sign-in, a new user with that email, no password, no admin flag and no team. The ID token alone
 * decides (it is signed, and its issuer, audience, expiry and nonce are checked before this runs);
 * the issuer's user info endpoint is not asked. Refused: no email; {@code email_verified} false
 * (absent is accepted: some issuers never send it, and the issuer is the organisation's own); a
 * deactivated user; an email that several users share (which one would be a guess).
 */
@Component
class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private static final int MAX_EMAIL = 320;

	private static final int MAX_NAME = 200;

	/** Room for a "-n" suffix within the column's 100 characters. */
	private static final int MAX_USERNAME_STEM = 90;

	private final JdbcClient jdbc;

	private final Users users;

	OidcUsers(JdbcClient jdbc, Users users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/** An ID token's user, carrying the caller it names; the sign-in keeps only the caller. */
	static final class SignedIn extends DefaultOidcUser {

		private final Caller caller;

		SignedIn(Caller caller, OidcIdToken idToken) {
			super(List.of(), idToken);
			this.caller = caller;
		}

		Caller caller() {
			return caller;
		}
	}

	/** A sign-in refused for a reason of ours, naming the email it was for (when there was one). */
	static final class Refused extends OAuth2AuthenticationException {

		private final String email;

		Refused(String email, String reason) {
			super(new OAuth2Error("access_denied", reason, null));
			this.email = email;
		}

		String email() {
			return email;
		}
	}

	private record Match(UUID id, String username, boolean admin, boolean active) {
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcIdToken token = request.getIdToken();
		String email = token.getEmail() == null ? null : token.getEmail().strip();
		if (email == null || email.isEmpty()) {
			throw new Refused(null, "the ID token carries no email");
		}
		if (email.length() > MAX_EMAIL) {
			throw new Refused(null, "the ID token's email is longer than " + MAX_EMAIL + " characters");
		}
		if (Boolean.FALSE.equals(token.getEmailVerified())) {
			throw new Refused(email, "the issuer has not verified the email");
		}
		List<Match> matches = jdbc.sql("select id, username, admin, active from app_user where lower(email) = lower(?)")
			.param(email)
			.query((rs, i) -> new Match(Sql.uuid(rs, "id"), rs.getString("username"), rs.getBoolean("admin"),
					rs.getBoolean("active")))
			.list();
		if (matches.size() > 1) {
			throw new Refused(email, "several users have this email");
		}
		if (matches.size() == 1) {
			Match match = matches.get(0);
			if (!match.active()) {
				throw new Refused(email, "the user is deactivated");
			}
			return new SignedIn(new Caller(match.id(), match.username(), match.admin()), token);
		}
		return new SignedIn(create(email, token), token);
	}

	/** Audited as any new user (Users.create), with no actor: nobody is signed in yet. */
	private Caller create(String email, OidcIdToken token) {
		String username = freeUsername(email);
		try {
			var created = users.create(new UserCommands.CreateUser(username, nameOf(token, username), email, null, false));
			return new Caller(UUID.fromString(created.id()), created.username(), false);
		}
		catch (ConflictException | DataIntegrityViolationException raced) {
			// Another first sign-in took the name in the meantime; the next attempt picks another.
			throw new Refused(email, "the new user's name was taken meanwhile; sign in again");
		}
	}

	/** The email's local part as a user name ({@code ana.lima@…} → {@code ana.lima}), numbered if taken. */
	private String freeUsername(String email) {
		String stem = Normalizer.normalize(email.substring(0, Math.max(email.indexOf('@'), 0)), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9._-]", "")
			.toLowerCase(Locale.ROOT);
		if (stem.isEmpty()) {
			stem = "user";
		}
		stem = stem.substring(0, Math.min(stem.length(), MAX_USERNAME_STEM));
		String candidate = stem;
		for (int n = 2; taken(candidate); n++) {
			candidate = stem + "-" + n;
		}
		return candidate;
	}

	private boolean taken(String username) {
		return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0;
	}

	private static String nameOf(OidcIdToken token, String username) {
		String name = token.getFullName();
		if (name == null || name.isBlank()) {
			name = ((token.getGivenName() == null ? "" : token.getGivenName()) + " "
					+ (token.getFamilyName() == null ? "" : token.getFamilyName())).strip();
		}
		if (name.isBlank()) {
			name = username;
		}
		name = name.strip();
		return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
	}
}
