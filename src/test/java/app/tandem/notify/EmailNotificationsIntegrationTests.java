package app.tandem.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * Issue 18, e-mail: with {@code spring.mail.*} pointing at an SMTP server (GreenMail, started here), a mention
 * reaches the person's address in their language, with a link to it and one that stops e-mails of its kind without
 * signing in; quiet hours hold a message back; settings refuse what they cannot keep.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailNotificationsIntegrationTests {

	private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
		.dynamicPort());

	private static final String PASSWORD = "mail-password-1";

	private static final Pattern UNSUBSCRIBE = Pattern.compile("(http://tandem\\.test/unsubscribe\\?u=[^\\s\"<]+)");

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		properties.add("tandem.notifications.public-url", () -> "http://tandem.test/");
		properties.add("tandem.notifications.mail-from", () -> "okrs@tandem.test");
	}

	@LocalServerPort
	int port;

	/** Run at once here, rather than waiting for its next five-second tick. */
	@org.springframework.beans.factory.annotation.Autowired
	SendDueMessages sender;

	private ApiClient admin;

	private String suffix;

	private String objective;

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "nm-" + suffix, "name", "Mail team " + suffix)).str("/id");
		for (String name : List.of("ann", "bob", "dora", "quin")) {
			Map<String, Object> person = new HashMap<>(Map.of("username", name + "-" + suffix, "name", name + " " + suffix,
					"password", PASSWORD));
			if (!name.equals("bob")) {
				person.put("email", name + "-" + suffix + "@example.test");
			}
			String id = admin.post("/api/v1/users", person).str("/id");
			admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", "MEMBER"));
		}
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Mail " + suffix, "startDate",
				today.minusDays(10).toString(), "endDate", today.plusDays(80).toString())).str("/id");
		objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Grow referrals " + suffix,
				"level", "COMPANY", "keyResults", List.of(Map.of("title", "Referrals", "type", "INCREASE", "startValue", 0,
						"targetValue", 40)))).str("/id");
	}

	@AfterAll
	void stop() {
		SMTP.stop();
	}

	private ApiClient as(String name) {
		return ApiClient.user(port, name + "-" + suffix, PASSWORD);
	}

	private void mention(String by, String whom) {
		var posted = as(by).post("/api/v1/objectives/" + objective + "/comments",
				Map.of("body", "Can you help, @" + whom + "-" + suffix + "?"));
		assertThat(posted.status()).as(posted.text()).isEqualTo(201);
	}

	/** The messages to this address, waiting up to {@code seconds} for {@code count} of them. */
	private List<MimeMessage> mailTo(String name, int count, int seconds) throws InterruptedException {
		String address = name + "-" + suffix + "@example.test";
		long until = System.currentTimeMillis() + seconds * 1000L;
		List<MimeMessage> found;
		do {
			found = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).contains(address)).toList();
			if (found.size() >= count) {
				return found;
			}
			Thread.sleep(100);
		}
		while (System.currentTimeMillis() < until);
		return found;
	}

	/** Every text part, plain and HTML, decoded. */
	private static String text(jakarta.mail.Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof jakarta.mail.Multipart multipart) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				all.append(text(multipart.getBodyPart(i))).append('\n');
			}
			return all.toString();
		}
		return content instanceof String text ? text : "";
	}

	private static String to(MimeMessage message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aMentionReachesTheInboxWithALinkAndAnUnsubscribeLinkThatWorksWithoutSigningIn() throws Exception {
		mention("bob", "ann");
		List<MimeMessage> mails = mailTo("ann", 1, 15);
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).isEqualTo("bob " + suffix + " mentioned you on Grow referrals " + suffix);
		assertThat(mail.getFrom()[0].toString()).isEqualTo("okrs@tandem.test");
		String body = text(mail);
		String id = as("ann").get("/api/v1/notifications").str("/items/0/id");
		assertThat(body).contains("http://tandem.test/notifications/" + id, "Open it in Tandem", "<html");
		assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		Matcher link = UNSUBSCRIBE.matcher(body);
		assertThat(link.find()).as("an unsubscribe link in " + body).isTrue();
		String path = link.group(1).replace("http://tandem.test", "").replace("&amp;", "&");

		PageSession nobody = PageSession.anonymous(port);
		var asked = nobody.get(path);
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("Stop e-mails for mentions of you?");
		var forged = nobody.get(path.replaceAll("t=[^&]+", "t=forged"));
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(forged.body()).contains("This link is not valid");
		var done = nobody.postWithoutToken(path, Map.of());
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("no more e-mails for mentions of you");
		assertThat(as("ann").get("/api/v1/me/notification-settings").json().get("channels").get("MENTION").toString())
			.isEqualTo("[\"IN_APP\"]");

		mention("dora", "ann");
		sender.sendNow();
		assertThat(mailTo("ann", 2, 0)).as("no e-mail after unsubscribing").hasSize(1);
		assertThat(as("ann").get("/api/v1/notifications").json().get("unread").asLong()).as("still told in Tandem")
			.isEqualTo(2);
	}

	@Test
	void aGermanSpeakerReadsGermanAndQuietHoursHoldTheMessageBack() throws Exception {
		var set = as("dora").put("/api/v1/me/notification-settings", Map.of("language", "de", "timeZone", "Europe/Berlin"));
		assertThat(set.status()).as(set.text()).isEqualTo(200);
		mention("bob", "dora");
		List<MimeMessage> mails = mailTo("dora", 1, 15);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("bob " + suffix + " hat Sie bei Grow referrals " + suffix
				+ " erwähnt");
		assertThat(text(mails.get(0))).contains("In Tandem öffnen");

		// quiet from now until two hours on: the message waits
		LocalTime now = LocalTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
		var quiet = as("quin").put("/api/v1/me/notification-settings", Map.of("language", "en", "timeZone", "UTC",
				"quietFrom", now.minusMinutes(1).toString(), "quietTo", now.plusHours(2).toString()));
		assertThat(quiet.status()).as(quiet.text()).isEqualTo(200);
		mention("bob", "quin");
		sender.sendNow();
		assertThat(mailTo("quin", 1, 0)).isEmpty();
		assertThat(as("quin").get("/api/v1/notifications").json().get("unread").asLong()).isEqualTo(1);
	}

	@Test
	void settingsThatCannotBeKeptAreRefusedAndChangeNothing() {
		var before = as("quin").get("/api/v1/me/notification-settings").text();
		var refused = as("quin").put("/api/v1/me/notification-settings", Map.of("language", "fr", "timeZone", "Mars/Olympus",
				"quietFrom", "25:00", "channels", Map.of("MENTION", List.of("PIGEON"), "GOSSIP", List.of("EMAIL"))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text()).contains("language", "timeZone", "quietFrom", "PIGEON", "GOSSIP")
			.doesNotContain("Exception", "java.");
		assertThat(as("quin").get("/api/v1/me/notification-settings").text()).isEqualTo(before);
	}

	/** The link in a message to this address. */
	private String linkIn(MimeMessage mail, String path) throws Exception {
		Matcher link = Pattern.compile("(http://localhost:\\d+" + path + "[A-Za-z0-9_-]+)").matcher(text(mail));
		assertThat(link.find()).as("a link to " + path + " in " + text(mail)).isTrue();
		return link.group(1).replaceFirst("http://localhost:\\d+", "");
	}

	@Test
	void anInvitationIsEmailedToThePersonsAddress() throws Exception {
		String id = admin.post("/api/v1/users", Map.of("username", "ivy-" + suffix, "name", "Ivy " + suffix, "email",
				"ivy-" + suffix + "@example.test")).str("/id");
		var invited = admin.post("/api/v1/users/" + id + "/invitation", Map.of());
		assertThat(invited.status()).as(invited.text()).isEqualTo(201);
		assertThat(invited.str("/emailedTo")).isEqualTo("ivy-" + suffix + "@example.test");
		List<MimeMessage> mails = mailTo("ivy", 1, 10);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).contains("invited");
		String join = linkIn(mails.get(0), "/join/");
		assertThat(invited.str("/url")).endsWith(join);
		assertThat(PageSession.anonymous(port).get(join).body()).contains("Welcome, Ivy " + suffix);
	}

	@Test
	void aForgottenPasswordIsResetThroughAnEmailedLinkAndTheAnswerTellsNobodyWhoHasAnAccount() throws Exception {
		String id = admin.post("/api/v1/users", Map.of("username", "rex-" + suffix, "name", "Rex " + suffix, "email",
				"rex-" + suffix + "@example.test", "password", PASSWORD)).str("/id");
		PageSession anyone = PageSession.anonymous(port);
		assertThat(anyone.get("/login").body()).contains("href=\"/password/forgot\"");
		assertThat(anyone.get("/password/forgot").body()).contains("Your user name or e-mail address");
		String known = anyone.post("/password/forgot", Map.of("who", "REX-" + suffix + "@Example.TEST")).body();
		String unknown = anyone.post("/password/forgot", Map.of("who", "nobody-" + suffix + "@example.test")).body();
		assertThat(known).contains("If an account with an e-mail address matches");
		String token = "(name=\"_csrf\"[^>]*(content|value)=\")[^\"]+";
		assertThat(unknown.replaceAll(token, "$1")).as("the same answer either way").isEqualTo(known.replaceAll(token, "$1"));

		List<MimeMessage> mails = mailTo("rex", 1, 10);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Choose a new Tandem password");
		String reset = linkIn(mails.get(0), "/join/");
		PageSession rex = PageSession.anonymous(port);
		assertThat(rex.get(reset).body()).contains("Choose a new password, Rex " + suffix);
		var done = rex.post(reset, Map.of("password", "a brand new passphrase 7"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(ApiClient.basic(port, "rex-" + suffix, "a brand new passphrase 7").get("/api/v1/me").status())
			.isEqualTo(200);
		assertThat(ApiClient.basic(port, "rex-" + suffix, PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
		assertThat(PageSession.anonymous(port).get(reset).statusCode()).as("used once").isEqualTo(410);

		// three an hour per account: the fourth request sends nothing, and says the same
		for (int i = 0; i < 3; i++) {
			assertThat(anyone.post("/password/forgot", Map.of("who", "rex-" + suffix)).body())
				.contains("If an account with an e-mail address matches");
		}
		Thread.sleep(1500);
		assertThat(mailTo("rex", 4, 5)).as("no fourth within the hour").hasSize(3);
		assertThat(id).isNotBlank();
	}
}
