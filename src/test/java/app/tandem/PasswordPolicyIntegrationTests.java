package app.tandem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.identity.IdentityApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The passwords issue 14 found accepted are refused with a 400 that names the field and says why, wherever a
 * password is set: creating a person, an admin's reset, one's own change, the admin pages, the bootstrap admin.
 */
@TandemIntegrationTest
class PasswordPolicyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityApi identity;

	private final String suffix = Long.toString(System.nanoTime(), 36);

	private static void refused(ApiClient.Response answer, String why) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.isProblem()).isTrue();
		assertThat(answer.str("/errors/0/field")).isEqualTo("password");
		assertThat(answer.str("/errors/0/message")).contains(why);
		assertThat(answer.text()).doesNotContain("Exception");
	}

	@Test
	void theIssuesPasswordsAreRefusedWhenAPersonIsCreatedAndNobodyIsCreated() {
		ApiClient admin = ApiClient.admin(port);
		String weakuser = "weakuser2";
		refused(admin.post("/api/v1/users", Map.of("username", weakuser, "name", "Weak", "password", weakuser)),
				"must not contain the user name");
		refused(admin.post("/api/v1/users", Map.of("username", "memb", "name", "Member B", "password", "memBmemB")),
				"must not contain the user name");
		Map<String, String> others = Map.of("aaaaaaaaaaaa", "repeated", " ".repeat(12), "only spaces", "\0".repeat(12),
				"control character", "qwertyuiop12", "keyboard");
		others.forEach((password, why) -> refused(admin.post("/api/v1/users",
				Map.of("username", "weak-" + suffix, "name", "Weak " + suffix, "password", password)), why));
		String names = admin.get("/api/v1/users?limit=1000").text();
		assertThat(names).doesNotContain("\"weakuser2\"", "\"memb\"", "weak-" + suffix);

		assertThat(admin.post("/api/v1/users", Map.of("username", "memb", "name", "Member B", "password",
				"correct horse battery staple")).status()).as("a good passphrase").isEqualTo(201);
	}

	@Test
	void theOrganisationsNamePlusADigitIsRefused() {
		String organisation = "Quokka Works " + suffix;
		identity.nameOrganisation(organisation);
		refused(ApiClient.admin(port).post("/api/v1/users", Map.of("username", "org-" + suffix, "name", "Org",
				"password", organisation + "1")), "organisation");
	}

	@Test
	void theNameAndEmailAreRefusedAlsoAsTheyWillBeAfterTheChange() {
		ApiClient admin = ApiClient.admin(port);
		String id = admin.post("/api/v1/users", Map.of("username", "dora-" + suffix, "name", "Dora Explorer",
				"email", "dx-" + suffix + "@example.com", "password", "correct horse battery")).str("/id");
		refused(admin.patch("/api/v1/users/" + id, Map.of("password", "dora explorer 42")), "name");
		refused(admin.patch("/api/v1/users/" + id, Map.of("password", "dx-" + suffix + " 42!")), "e-mail");
		refused(admin.patch("/api/v1/users/" + id, Map.of("name", "Wanda Wonder", "password", "WandaWonder!!")), "name");
		assertThat(admin.get("/api/v1/users/" + id).str("/name")).as("a refused request changes nothing")
			.isEqualTo("Dora Explorer");
		assertThat(ApiClient.basic(port, "dora-" + suffix, "correct horse battery").get("/api/v1/me").status())
			.isEqualTo(200);
	}

	@Test
	void ones_own_changeIsCheckedToo() {
		ApiClient admin = ApiClient.admin(port);
		String username = "self-" + suffix;
		String id = admin.post("/api/v1/users", Map.of("username", username, "name", "Self", "password",
				"correct horse battery")).str("/id");
		ApiClient self = ApiClient.basic(port, username, "correct horse battery");
		refused(self.patch("/api/v1/users/" + id, Map.of("password", username + "!")), "user name");
		refused(self.patch("/api/v1/users/" + id, Map.of("password", "asdfghjkl123")), "keyboard");
		assertThat(self.patch("/api/v1/users/" + id, Map.of("password", "a quieter horse battery")).status())
			.isEqualTo(200);
		assertThat(ApiClient.basic(port, username, "a quieter horse battery").get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void theAdminPagesSayWhyInTheFormAndChangeNothing() {
		PageSession admin = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		admin.get("/admin/users");
		String id = ApiClient.admin(port).post("/api/v1/users", Map.of("username", "reset-" + suffix, "name",
				"Reset Person", "password", "correct horse battery")).str("/id");
		admin.get("/admin/users/" + id);
		for (String weak : List.of("qwertyuiop12", "aaaaaaaaaaaa", "ResetPerson!")) {
			var reset = admin.post("/admin/users/" + id + "/password", Map.of("password", weak));
			assertThat(reset.statusCode()).as(weak).isEqualTo(422);
			assertThat(reset.body()).as(weak).containsAnyOf("keyboard or alphabet run", "short group repeated",
					"the person&#39;s name", "the person's name");
		}
		assertThat(ApiClient.basic(port, "reset-" + suffix, "correct horse battery").get("/api/v1/me").status())
			.isEqualTo(200);
	}

	@Test
	void tandemDoesNotStartWithABootstrapPasswordItRefuses() {
		var start = new SpringApplicationBuilder(TandemApplication.class);
		assertThatThrownBy(() -> start.run("--server.port=0", "--tandem.admin-password=administrator1",
				"--spring.profiles.active=default", "--spring.datasource.url=jdbc:h2:mem:bootstrap-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"))
			.hasStackTraceContaining("TANDEM_ADMIN_PASSWORD (tandem.admin-password) is refused: it must not contain "
					+ "the user name");
	}
}
