package app.tandem.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On a demo instance ({@code tandem.demo=true}) its people can be tried on: each signs in with one password the
 * sign-in page and the README say, so that a visitor sees Tandem as the CEO, a team lead or a member sees it. The
 * admin keeps the password chosen for it. Never on an instance that was not seeded as the demo.
 */
@Component
public class DemoSignIn {

	/** The password of every demo person (not the admin's): said openly, it protects nothing. */
	public static final String PASSWORD = "explore-the-demo";

	/** How many of the demo's people the sign-in page offers. */
	private static final int SHOWN = 12;

	private final boolean demo;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Users users;

	DemoSignIn(@Value("${tandem.demo:false}") boolean demo, JdbcClient jdbc, PasswordEncoder passwords, Users users) {
		this.demo = demo;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.users = users;
	}

	/** Gives these people (the demo's, just created) the demo password. */
	public void openTo(List<String> usernames) {
		if (!demo || usernames.isEmpty()) {
			return;
		}
		String hash = passwords.encode(PASSWORD);
		jdbc.sql("update app_user set password_hash = :hash where username in (:names) and admin = false")
			.param("hash", hash)
			.param("names", usernames)
			.update();
	}

	/** The people a visitor of the demo may sign in as, leads first, each with their teams and roles. */
	public List<Persona> personas() {
		if (!demo) {
			return List.of();
		}
		List<Users.UserView> people = jdbc.sql("""
				select * from app_user where active = true and admin = false and password_hash is not null
				order by lower(name) limit :limit""")
			.param("limit", SHOWN)
			.query(Users.VIEW)
			.list();
		Map<String, List<String[]>> memberships = users.membershipsOf(people.stream().map(Users.UserView::id).toList());
		return people.stream()
			.map(p -> new Persona(p.username(), p.name(), memberships.getOrDefault(p.id(), List.of())))
			.sorted(Comparator.comparing((Persona p) -> p.roles().stream().noneMatch(r -> r[1].equals("LEAD")))
				.thenComparing(p -> p.roles().stream().noneMatch(r -> r[1].equals("MEMBER"))))
			.toList();
	}

	/** A demo person: who, and their teams with their role there ({@code [team name, LEAD | MEMBER | VIEWER]}). */
	public record Persona(String username, String name, List<String[]> roles) {
	}
}
