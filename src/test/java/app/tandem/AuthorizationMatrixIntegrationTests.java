package app.tandem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request mapping of the application × every kind of caller × own team's, another team's and
 * a private record, through the whole security filter chain over HTTP, against the expectation
 * written here from docs/ACCESS.md. A mapping without an expectation fails the test, so a new
 * endpoint cannot be forgotten. Every 200 a caller gets who may not see the private objective is
 * searched for it. The table this produces is docs/AUTHORIZATION.md (rewrite it with
 * {@code -Dtandem.matrix.write=true}).
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests {

	/** Who calls: a user with a read/write token each, a feed's token, nobody. */
	enum Who {
		ANONYMOUS("anonymous"), INGEST("ingest token"), VIEWER("viewer"), MEMBER("member"), LEAD("lead"),
		OUTSIDER("other team's member"), ADMIN("admin");

		final String label;

		Who(String label) {
			this.label = label;
		}
	}

	/** Which record the call is about; ANY where the endpoint is about none in particular. */
	enum Rec {
		OWN, OTHER, PRIVATE, ANY
	}

	record Call(String method, String path, String body, String contentType) {

		static Call get(String path) {
			return new Call("GET", path, null, null);
		}

		static Call delete(String path) {
			return new Call("DELETE", path, null, null);
		}

		static Call json(String method, String path, Object body) {
			return new Call(method, path, ApiClient.JSON.writeValueAsString(body), "application/json");
		}
	}

	interface Rule {
		int expect(Who who, Rec rec);
	}

	interface Request {
		Call build(Who who, Rec rec);
	}

	record Endpoint(String method, String pattern, Set<Rec> recs, Rule rule, Request request) {

		String key() {
			return method + " " + pattern;
		}

		/** A page of the web app (or its form): answers HTML, not problem documents. */
		boolean page() {
			return !pattern.startsWith("/api/") && !pattern.startsWith("/v3/") && !pattern.equals("/login");
		}
	}

	private static final Set<Rec> ANY = EnumSet.of(Rec.ANY);

	private static final Set<Rec> TEAMS = EnumSet.of(Rec.OWN, Rec.OTHER);

	private static final Set<Rec> OKRS = EnumSet.of(Rec.OWN, Rec.OTHER, Rec.PRIVATE);

	private static final Path TABLE = Path.of("docs/AUTHORIZATION.md");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<Who, String> tokens = new EnumMap<>(Who.class);

	private final Map<Who, String> userIds = new EnumMap<>(Who.class);

	private ApiClient admin;

	private String suffix;

	private String company;

	private String ownTeam;

	private String otherTeam;

	private String cycle;

	private String nextCycle;

	private final Map<Rec, Okr> okrs = new EnumMap<>(Rec.class);

	private final Map<Rec, String> kpis = new EnumMap<>(Rec.class);

	private final Map<Rec, String> wins = new EnumMap<>(Rec.class);

	private String privateTitle;

	private int serial;

	record Okr(String objective, String keyResult) {
	}

	// -- the organisation: company → own team, other team -------------------------------------------

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		company = created(admin.post("/api/v1/teams", Map.of("name", "Matrix company " + suffix)));
		ownTeam = created(admin.post("/api/v1/teams", Map.of("name", "Matrix own " + suffix, "parentId", company)));
		otherTeam = created(admin.post("/api/v1/teams", Map.of("name", "Matrix other " + suffix, "parentId", company)));
		person(Who.VIEWER, ownTeam, "VIEWER");
		person(Who.MEMBER, ownTeam, "MEMBER");
		person(Who.LEAD, ownTeam, "LEAD");
		person(Who.OUTSIDER, otherTeam, "MEMBER");
		userIds.put(Who.ADMIN, admin.get("/api/v1/me").str("/id"));
		tokens.put(Who.ADMIN, token(admin, "read", "write"));
		tokens.put(Who.INGEST, token(ApiClient.anonymous(port).bearer(tokens.get(Who.LEAD)), "ingest"));
		admin = admin.bearer(tokens.get(Who.ADMIN));

		LocalDate today = LocalDate.now();
		cycle = created(admin.post("/api/v1/cycles", Map.of("name", "Matrix " + suffix, "startDate",
				today.minusDays(10).toString(), "endDate", today.plusDays(80).toString())));
		nextCycle = created(admin.post("/api/v1/cycles", Map.of("name", "Matrix next " + suffix, "startDate",
				today.plusDays(81).toString(), "endDate", today.plusDays(170).toString())));
		privateTitle = "Secret plan " + suffix;
		for (Rec rec : OKRS) {
			okrs.put(rec, objective(rec));
		}
		for (Rec rec : TEAMS) {
			kpis.put(rec, kpi(rec));
		}
		// Something on the private record everywhere it could leak from: a check-in, a comment, history.
		String lead = tokens.get(Who.LEAD);
		Okr hidden = okrs.get(Rec.PRIVATE);
		ApiClient asLead = ApiClient.anonymous(port).bearer(lead);
		assertThat(asLead.post("/api/v1/key-results/" + hidden.keyResult() + "/check-ins",
				Map.of("achieved", false, "confidence", 4, "note", privateTitle)).status()).isEqualTo(201);
		assertThat(asLead.post("/api/v1/objectives/" + hidden.objective() + "/comments",
				Map.of("body", privateTitle + " @" + username(Who.MEMBER))).status()).isEqualTo(201);
	}

	private void person(Who who, String team, String role) {
		String username = username(who);
		String id = created(admin.post("/api/v1/users",
				Map.of("username", username, "name", who.label + " " + suffix, "password", "matrix password " + suffix)));
		assertThat(admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role)).status()).isEqualTo(200);
		userIds.put(who, id);
		tokens.put(who, token(ApiClient.basic(port, username, "matrix password " + suffix), "read", "write"));
	}

	private String username(Who who) {
		return who.name().toLowerCase() + "-" + suffix;
	}

	private static String token(ApiClient as, String... scopes) {
		var created = as.post("/api/v1/tokens", Map.of("name", "matrix", "scopes", List.of(scopes)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.str("/token");
	}

	private static String created(ApiClient.Response response) {
		assertThat(response.status()).as(response.text()).isIn(200, 201);
		return response.str("/id");
	}

	private String fresh() {
		return suffix + "-" + (++serial);
	}

	/**
	 * OWN: a team objective of the own team, its key result owned by the member; OTHER: the other
	 * team's, its key result owned by that team's member; PRIVATE: like OWN but private, owned by the lead,
	 * aligned below the OWN one.
	 */
	private Okr objective(Rec rec) {
		Who krOwner = rec == Rec.OTHER ? Who.OUTSIDER : Who.MEMBER;
		Map<String, Object> body = new HashMap<>(Map.of("cycleId", cycle, "level", "TEAM",
				"teamId", rec == Rec.OTHER ? otherTeam : ownTeam,
				"title", rec == Rec.PRIVATE ? privateTitle : "Matrix " + rec + " " + fresh(),
				"keyResults", List.of(Map.of("title", (rec == Rec.PRIVATE ? privateTitle : "Ship") + " KR", "type",
						"MILESTONE", "ownerId", userIds.get(krOwner)))));
		if (rec == Rec.PRIVATE) {
			body.put("visibility", "PRIVATE");
			body.put("ownerId", userIds.get(Who.LEAD));
			// Aligned below the own team's objective, so that its alignment tree would show it if it leaked.
			body.put("parentId", okrs.get(Rec.OWN).objective());
		}
		var response = admin.post("/api/v1/objectives", body);
		return new Okr(created(response), response.str("/keyResults/0/id"));
	}

	/** A KPI of the own team owned by the member, or of the other team owned by its member; off target. */
	private String kpi(Rec rec) {
		String key = "matrix-" + rec.name().toLowerCase() + "-" + fresh();
		created(admin.post("/api/v1/kpis", Map.of("key", key, "name", "Matrix " + key, "direction", "HIGHER_IS_BETTER",
				"target", 100, "warningThreshold", 80, "frequency", "WEEKLY", "aggregation", "LAST", "unit", "points",
				"teamId", rec == Rec.OTHER ? otherTeam : ownTeam, "ownerId",
				userIds.get(rec == Rec.OTHER ? Who.OUTSIDER : Who.MEMBER))));
		assertThat(admin.post("/api/v1/kpis/" + key + "/measurements",
				List.of(Map.of("at", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "value", 10))).status())
			.isEqualTo(200);
		return key;
	}

	/** A win like the record's objective: a fresh one of the same kind whose milestone is achieved. */
	private String win(Rec rec) {
		return wins.computeIfAbsent(rec, r -> {
			Okr done = objective(r);
			assertThat(admin.post("/api/v1/key-results/" + done.keyResult() + "/check-ins", Map.of("achieved", true))
				.status()).isEqualTo(201);
			for (var win : admin.get("/api/v1/wins?cycleId=" + cycle + "&limit=1000").json().get("items")) {
				if (win.get("subjectId").asString().equals(done.keyResult())) {
					return win.get("id").asString();
				}
			}
			throw new AssertionError("no win for " + r);
		});
	}

	private String freshCycle() {
		LocalDate start = LocalDate.of(2040, 1, 1).plusDays(++serial * 100L);
		return created(admin.post("/api/v1/cycles", Map.of("name", "Matrix cycle " + fresh(), "startDate",
				start.toString(), "endDate", start.plusDays(89).toString())));
	}

	private String freshTeam(String parent) {
		return created(admin.post("/api/v1/teams", Map.of("name", "Matrix team " + fresh(), "parentId", parent)));
	}

	private String freshUser() {
		return created(admin.post("/api/v1/users", Map.of("username", "matrix-" + fresh(), "name", "Someone")));
	}

	/** Every question of the readiness assessment answered 2. */
	private Map<String, Object> assessmentAnswers() {
		Map<String, Object> answers = new java.util.LinkedHashMap<>();
		admin.get("/api/v1/assessment/questions").json().get("questions")
			.forEach(q -> answers.put(q.get("key").asString(), 2));
		return answers;
	}

	private String team(Rec rec) {
		return rec == Rec.OTHER ? otherTeam : ownTeam;
	}

	// -- the rules, as docs/ACCESS.md states them ---------------------------------------------------

	/** Everyone signed in with a read or write token; a feed's token only posts measurements. */
	private static Rule anyone(int ok) {
		return (who, rec) -> who == Who.ANONYMOUS ? 401 : who == Who.INGEST ? 403 : ok;
	}

	private static Rule admins(int ok) {
		return (who, rec) -> who == Who.ANONYMOUS ? 401 : who == Who.ADMIN ? ok : 403;
	}

	/** A private record does not exist for those who may not see it: the owner (the lead), leads above, admins. */
	private static Rule reads(int ok) {
		return (who, rec) -> who == Who.ANONYMOUS ? 401 : who == Who.INGEST ? 403 : hidden(who, rec) ? 404 : ok;
	}

	private static boolean hidden(Who who, Rec rec) {
		return rec == Rec.PRIVATE && who != Who.LEAD && who != Who.ADMIN;
	}

	/** Team objectives, their key results, KPIs: admins, and the lead of the own team (not the other). */
	private static Rule manages(int ok) {
		return (who, rec) -> who == Who.ANONYMOUS ? 401 : who == Who.INGEST ? 403 : hidden(who, rec) ? 404
				: who == Who.ADMIN || who == Who.LEAD && rec != Rec.OTHER ? ok : 403;
	}

	/** Creating: nothing exists yet to hide, so a refusal is 403 even for a private objective. */
	private static Rule creates(int ok) {
		return (who, rec) -> who == Who.ANONYMOUS ? 401 : who == Who.INGEST ? 403
				: who == Who.ADMIN || who == Who.LEAD && rec != Rec.OTHER ? ok : 403;
	}

	/** A draft exists only for those who may change it (like a private objective): admins, the own team's lead. */
	private static Rule publishes(int ok) {
		return (who, rec) -> who == Who.ANONYMOUS ? 401 : who == Who.INGEST ? 403
				: who == Who.ADMIN || who == Who.LEAD && rec != Rec.OTHER ? ok : 404;
	}

	/** Who manages it, and the key result's owner (the member for OWN, the other team's member for OTHER). */
	private static Rule checksIn(int ok) {
		Rule manages = manages(ok);
		return (who, rec) -> owner(who, rec) ? ok : manages.expect(who, rec);
	}

	private static boolean owner(Who who, Rec rec) {
		return who == Who.MEMBER && rec == Rec.OWN || who == Who.OUTSIDER && rec == Rec.OTHER;
	}

	/** A KPI's feed: its team's lead (and the lead's ingest token), its owner, admins. */
	private static Rule feeds(int ok) {
		return (who, rec) -> who == Who.ANONYMOUS ? 401
				: who == Who.ADMIN || owner(who, rec) || (who == Who.LEAD || who == Who.INGEST) && rec == Rec.OWN ? ok
						: 403;
	}

	/** Marking a KPI reviewed: its team's lead, its owner, admins (a feed's token only posts measurements). */
	private static Rule reviews(int ok) {
		Rule feeds = feeds(ok);
		return (who, rec) -> who == Who.INGEST ? 403 : feeds.expect(who, rec);
	}

	/** One's own user record (name, email, password); anyone else's only admins. */
	private static Rule selfOrAdmin(int ok) {
		return (who, rec) -> who == Who.ANONYMOUS ? 401 : who == Who.INGEST ? 403
				: rec == Rec.OWN || who == Who.ADMIN ? ok : 403;
	}

	/** One's own tokens; nobody's else (an admin deactivates the person instead): 404, not 403. */
	private static Rule ownTokens(int ok) {
		return (who, rec) -> who == Who.ANONYMOUS ? 401 : who == Who.INGEST ? 403 : rec == Rec.OWN ? ok : 404;
	}

	private static final String FORM = "application/x-www-form-urlencoded";

	private static Rule everybody(int ok) {
		return (who, rec) -> ok;
	}

	private String webhook;

	/** The admin's webhook the reads aim at, made once. */
	private String webhook() {
		if (webhook == null) {
			webhook = freshWebhook();
		}
		return webhook;
	}

	private String freshWebhook() {
		return admin.post("/api/v1/webhooks", Map.of("url", "http://93.184.216.34/matrix-" + fresh(), "secret",
				"matrix-secret-0123456789", "events", List.of("win.created"))).str("/id");
	}

	// -- every endpoint ----------------------------------------------------------------------------

	private List<Endpoint> endpoints() {
		List<Endpoint> all = new ArrayList<>();
		// identity
		all.add(new Endpoint("GET", "/api/v1/me", ANY, anyone(200), (w, r) -> Call.get("/api/v1/me")));
		all.add(new Endpoint("GET", "/api/v1/tokens", ANY, anyone(200), (w, r) -> Call.get("/api/v1/tokens")));
		all.add(new Endpoint("POST", "/api/v1/tokens", ANY, anyone(201),
				(w, r) -> Call.json("POST", "/api/v1/tokens", Map.of("name", "matrix", "scopes", List.of("read")))));
		all.add(new Endpoint("DELETE", "/api/v1/tokens/{id}", TEAMS, ownTokens(204), (w, r) -> {
			Who owner = r == Rec.OWN && tokens.containsKey(w) && w != Who.INGEST ? w : w == Who.ADMIN ? Who.LEAD : Who.ADMIN;
			var created = ApiClient.anonymous(port).bearer(tokens.get(owner))
				.post("/api/v1/tokens", Map.of("name", "to revoke", "scopes", List.of("read")));
			String id = created(created);
			return Call.delete("/api/v1/tokens/" + id);
		}));
		// the second factor: one's own; a wrong code is bad input (400) once the caller gets that far
		all.add(new Endpoint("POST", "/api/v1/me/totp", ANY, anyone(201), (w, r) -> Call.json("POST", "/api/v1/me/totp",
				Map.of())));
		all.add(new Endpoint("POST", "/api/v1/me/totp/confirm", ANY, anyone(400),
				(w, r) -> Call.json("POST", "/api/v1/me/totp/confirm", Map.of("code", "000000"))));
		all.add(new Endpoint("DELETE", "/api/v1/me/totp", ANY, anyone(204), (w, r) -> {
			if (tokens.containsKey(w) && w != Who.INGEST) {
				// A pending enrolment, which goes without a code.
				assertThat(ApiClient.anonymous(port).bearer(tokens.get(w)).post("/api/v1/me/totp", Map.of()).status())
					.isEqualTo(201);
			}
			return Call.json("DELETE", "/api/v1/me/totp", Map.of("code", "000000"));
		}));
		all.add(new Endpoint("DELETE", "/api/v1/users/{id}/totp", TEAMS, admins(204),
				(w, r) -> Call.delete("/api/v1/users/" + userIds.get(r == Rec.OWN ? Who.MEMBER : Who.OUTSIDER) + "/totp")));
		all.add(new Endpoint("GET", "/api/v1/users", ANY, anyone(200), (w, r) -> Call.get("/api/v1/users?limit=1000")));
		all.add(new Endpoint("GET", "/api/v1/users/{id}", TEAMS, anyone(200),
				(w, r) -> Call.get("/api/v1/users/" + userIds.get(r == Rec.OWN && userIds.containsKey(w) ? w : Who.OUTSIDER))));
		all.add(new Endpoint("POST", "/api/v1/users", ANY, admins(201),
				(w, r) -> Call.json("POST", "/api/v1/users", Map.of("username", "matrix-" + fresh(), "name", "New"))));
		all.add(new Endpoint("POST", "/api/v1/users/{id}/invitation", ANY, admins(201),
				(w, r) -> Call.json("POST", "/api/v1/users/" + freshUser() + "/invitation", Map.of())));
		all.add(new Endpoint("PATCH", "/api/v1/users/{id}", TEAMS, selfOrAdmin(200), (w, r) -> {
			String id = r == Rec.OWN && userIds.containsKey(w) && w != Who.INGEST ? userIds.get(w) : freshUser();
			return Call.json("PATCH", "/api/v1/users/" + id, Map.of("email", "matrix-" + fresh() + "@example.com"));
		}));
		all.add(new Endpoint("GET", "/api/v1/teams", ANY, anyone(200), (w, r) -> Call.get("/api/v1/teams?limit=1000")));
		all.add(new Endpoint("GET", "/api/v1/teams/{id}", TEAMS, anyone(200), (w, r) -> Call.get("/api/v1/teams/" + team(r))));
		all.add(new Endpoint("POST", "/api/v1/teams", ANY, admins(201), (w, r) -> Call.json("POST", "/api/v1/teams",
				Map.of("name", "Matrix team " + fresh(), "parentId", company))));
		all.add(new Endpoint("PATCH", "/api/v1/teams/{id}", TEAMS, admins(200), (w, r) -> Call.json("PATCH",
				"/api/v1/teams/" + freshTeam(team(r)), Map.of("name", "Renamed " + fresh()))));
		all.add(new Endpoint("DELETE", "/api/v1/teams/{id}", TEAMS, admins(204),
				(w, r) -> Call.delete("/api/v1/teams/" + freshTeam(team(r)))));
		all.add(new Endpoint("PUT", "/api/v1/teams/{id}/members/{userId}", TEAMS, admins(200), (w, r) -> Call
			.json("PUT", "/api/v1/teams/" + team(r) + "/members/" + freshUser(), Map.of("role", "VIEWER"))));
		all.add(new Endpoint("DELETE", "/api/v1/teams/{id}/members/{userId}", TEAMS, admins(204), (w, r) -> {
			String user = freshUser();
			assertThat(admin.put("/api/v1/teams/" + team(r) + "/members/" + user, Map.of("role", "MEMBER")).status())
				.isEqualTo(200);
			return Call.delete("/api/v1/teams/" + team(r) + "/members/" + user);
		}));
		// cycles
		all.add(new Endpoint("GET", "/api/v1/cycles", ANY, anyone(200), (w, r) -> Call.get("/api/v1/cycles?limit=1000")));
		all.add(new Endpoint("GET", "/api/v1/cycles/{id}", ANY, anyone(200), (w, r) -> Call.get("/api/v1/cycles/" + cycle)));
		all.add(new Endpoint("POST", "/api/v1/cycles", ANY, admins(201), (w, r) -> {
			LocalDate start = LocalDate.of(2060, 1, 1).plusDays(++serial * 100L);
			return Call.json("POST", "/api/v1/cycles", Map.of("name", "Matrix cycle " + fresh(), "startDate",
					start.toString(), "endDate", start.plusDays(89).toString()));
		}));
		all.add(new Endpoint("PATCH", "/api/v1/cycles/{id}", ANY, admins(200),
				(w, r) -> Call.json("PATCH", "/api/v1/cycles/" + freshCycle(), Map.of("name", "Renamed " + fresh()))));
		all.add(new Endpoint("POST", "/api/v1/cycles/{id}/close", ANY, admins(200),
				(w, r) -> Call.json("POST", "/api/v1/cycles/" + freshCycle() + "/close", Map.of())));
		all.add(new Endpoint("GET", "/api/v1/cycles/{id}/okrs.yaml", ANY, anyone(200),
				(w, r) -> Call.get("/api/v1/cycles/" + cycle + "/okrs.yaml")));
		// objectives and key results
		all.add(new Endpoint("GET", "/api/v1/objectives", ANY, anyone(200),
				(w, r) -> Call.get("/api/v1/objectives?limit=1000&cycleId=" + cycle)));
		all.add(new Endpoint("GET", "/api/v1/objectives/{id}", OKRS, reads(200),
				(w, r) -> Call.get("/api/v1/objectives/" + okrs.get(r).objective())));
		all.add(new Endpoint("POST", "/api/v1/objectives", OKRS, creates(201), (w, r) -> {
			Map<String, Object> body = new HashMap<>(Map.of("cycleId", cycle, "level", "TEAM", "teamId", team(r),
					"title", "Created " + fresh()));
			if (r == Rec.PRIVATE) {
				body.put("visibility", "PRIVATE");
			}
			return Call.json("POST", "/api/v1/objectives", body);
		}));
		all.add(new Endpoint("PATCH", "/api/v1/objectives/{id}", OKRS, manages(200), (w, r) -> Call.json("PATCH",
				"/api/v1/objectives/" + objective(r).objective(), Map.of("description", "Why " + fresh()))));
		all.add(new Endpoint("DELETE", "/api/v1/objectives/{id}", OKRS, manages(204),
				(w, r) -> Call.delete("/api/v1/objectives/" + objective(r).objective())));
		all.add(new Endpoint("POST", "/api/v1/objectives/{id}/key-results", OKRS, manages(201),
				(w, r) -> Call.json("POST", "/api/v1/objectives/" + objective(r).objective() + "/key-results",
						Map.of("title", "Another", "type", "MILESTONE"))));
		all.add(new Endpoint("GET", "/api/v1/objectives/{id}/alignment", OKRS, reads(200),
				(w, r) -> Call.get("/api/v1/objectives/" + okrs.get(r).objective() + "/alignment")));
		all.add(new Endpoint("POST", "/api/v1/objectives/{id}/carry-over", OKRS, manages(201), (w, r) -> Call
			.json("POST", "/api/v1/objectives/" + objective(r).objective() + "/carry-over", Map.of("cycleId", nextCycle))));
		all.add(new Endpoint("GET", "/api/v1/objectives/{id}/history", OKRS, reads(200),
				(w, r) -> Call.get("/api/v1/objectives/" + okrs.get(r).objective() + "/history")));
		all.add(new Endpoint("GET", "/api/v1/key-results/{id}", OKRS, reads(200),
				(w, r) -> Call.get("/api/v1/key-results/" + okrs.get(r).keyResult())));
		all.add(new Endpoint("PATCH", "/api/v1/key-results/{id}", OKRS, manages(200), (w, r) -> Call.json("PATCH",
				"/api/v1/key-results/" + objective(r).keyResult(), Map.of("title", "Ship it " + fresh()))));
		all.add(new Endpoint("DELETE", "/api/v1/key-results/{id}", OKRS, manages(204),
				(w, r) -> Call.delete("/api/v1/key-results/" + objective(r).keyResult())));
		all.add(new Endpoint("POST", "/api/v1/key-results/{id}/move", OKRS, manages(200), (w, r) -> Call.json("POST",
				"/api/v1/key-results/" + objective(r).keyResult() + "/move", Map.of("objectiveId", objective(r).objective()))));
		all.add(new Endpoint("POST", "/api/v1/key-results/{id}/check-ins", OKRS, checksIn(201),
				(w, r) -> Call.json("POST", "/api/v1/key-results/" + okrs.get(r).keyResult() + "/check-ins",
						Map.of("achieved", false, "confidence", 6))));
		all.add(new Endpoint("GET", "/api/v1/key-results/{id}/check-ins", OKRS, reads(200),
				(w, r) -> Call.get("/api/v1/key-results/" + okrs.get(r).keyResult() + "/check-ins")));
		// KPIs (they have no private kind)
		all.add(new Endpoint("GET", "/api/v1/kpis", ANY, anyone(200), (w, r) -> Call.get("/api/v1/kpis?limit=1000")));
		all.add(new Endpoint("GET", "/api/v1/kpis/{idOrKey}", TEAMS, reads(200),
				(w, r) -> Call.get("/api/v1/kpis/" + kpis.get(r))));
		all.add(new Endpoint("GET", "/api/v1/kpis/{idOrKey}/measurements", TEAMS, reads(200),
				(w, r) -> Call.get("/api/v1/kpis/" + kpis.get(r) + "/measurements")));
		all.add(new Endpoint("GET", "/api/v1/kpis/{idOrKey}/events", TEAMS, reads(200),
				(w, r) -> Call.get("/api/v1/kpis/" + kpis.get(r) + "/events")));
		all.add(new Endpoint("GET", "/api/v1/kpis/{idOrKey}/recovery-okr", TEAMS, reads(200),
				(w, r) -> Call.get("/api/v1/kpis/" + kpis.get(r) + "/recovery-okr")));
		all.add(new Endpoint("POST", "/api/v1/kpis", TEAMS, creates(201), (w, r) -> Call.json("POST", "/api/v1/kpis",
				Map.of("key", "matrix-new-" + fresh(), "name", "New KPI", "unit", "points", "teamId", team(r), "direction",
						"LOWER_IS_BETTER", "frequency", "MONTHLY", "aggregation", "AVG", "target", 5))));
		// its owner answers for its target and thresholds, so may change them (but not hand it to another team)
		all.add(new Endpoint("PATCH", "/api/v1/kpis/{idOrKey}", TEAMS, reviews(200),
				(w, r) -> Call.json("PATCH", "/api/v1/kpis/" + kpi(r), Map.of("reason", "Because " + fresh()))));
		all.add(new Endpoint("DELETE", "/api/v1/kpis/{idOrKey}", TEAMS, manages(204),
				(w, r) -> Call.delete("/api/v1/kpis/" + kpi(r))));
		all.add(new Endpoint("POST", "/api/v1/kpis/{idOrKey}/measurements", TEAMS, feeds(200),
				(w, r) -> Call.json("POST", "/api/v1/kpis/" + kpis.get(r) + "/measurements",
						List.of(Map.of("at", Instant.now().minus(2, ChronoUnit.HOURS).toString(), "value", 20)))));
		all.add(new Endpoint("POST", "/api/v1/measurements", TEAMS, feeds(200), (w, r) -> new Call("POST",
				"/api/v1/measurements", "kpi,at,value\n" + kpis.get(r) + "," + Instant.now().minus(3, ChronoUnit.HOURS) + ",30\n",
				"text/csv")));
		all.add(new Endpoint("POST", "/api/v1/kpis/{idOrKey}/review", TEAMS, reviews(200),
				(w, r) -> Call.json("POST", "/api/v1/kpis/" + kpis.get(r) + "/review", Map.of())));
		// comments: anyone who may read the subject
		for (String subjects : List.of("objectives", "key-results", "kpis")) {
			Set<Rec> recs = subjects.equals("kpis") ? TEAMS : OKRS;
			Request path = (w, r) -> Call.get("/api/v1/" + subjects + "/" + subject(subjects, r) + "/comments");
			all.add(new Endpoint("GET", "/api/v1/" + subjects + "/{id}/comments", recs, reads(200), path));
			all.add(new Endpoint("POST", "/api/v1/" + subjects + "/{id}/comments", recs, reads(201),
					(w, r) -> Call.json("POST", path.build(w, r).path(), Map.of("body", "Noted " + fresh()))));
		}
		// wins: anyone sees them and gives kudos, but a private objective's only those who may see it
		all.add(new Endpoint("GET", "/api/v1/wins", ANY, anyone(200), (w, r) -> Call.get("/api/v1/wins?cycleId=" + cycle)));
		all.add(new Endpoint("GET", "/api/v1/wins/{id}", OKRS, reads(200), (w, r) -> Call.get("/api/v1/wins/" + win(r))));
		all.add(new Endpoint("POST", "/api/v1/wins/{id}/kudos", OKRS, reads(201), (w, r) -> Call.json("POST",
				"/api/v1/wins/" + win(r) + "/kudos", Map.of("note", "Well done " + fresh()))));
		// the whole organisation
		all.add(new Endpoint("GET", "/api/v1/dashboard", ANY, anyone(200),
				(w, r) -> Call.get("/api/v1/dashboard?cycleId=" + cycle)));
		all.add(new Endpoint("GET", "/api/v1/inbox", ANY, anyone(200), (w, r) -> Call.get("/api/v1/inbox")));
		// one's own notifications: another's (here: none) is unknown
		all.add(new Endpoint("GET", "/api/v1/notifications", ANY, anyone(200), (w, r) -> Call.get("/api/v1/notifications")));
		all.add(new Endpoint("POST", "/api/v1/notifications/{id}/read", ANY, anyone(404),
				(w, r) -> Call.json("POST", "/api/v1/notifications/" + UUID.randomUUID() + "/read", Map.of())));
		all.add(new Endpoint("POST", "/api/v1/notifications/read", ANY, anyone(200),
				(w, r) -> Call.json("POST", "/api/v1/notifications/read", Map.of())));
		// webhooks: admins register for the whole organisation; a webhook is unknown to those who may not see it
		Rule adminsElseUnknown = (who, rec) -> who == Who.ANONYMOUS ? 401 : who == Who.INGEST ? 403
				: who == Who.ADMIN ? 200 : 404;
		all.add(new Endpoint("POST", "/api/v1/webhooks", ANY, admins(201), (w, r) -> Call.json("POST", "/api/v1/webhooks",
				Map.of("url", "http://93.184.216.34/matrix", "secret", "matrix-secret-0123456789", "events",
						List.of("cycle.closed")))));
		all.add(new Endpoint("GET", "/api/v1/webhooks", ANY, anyone(200), (w, r) -> Call.get("/api/v1/webhooks")));
		all.add(new Endpoint("GET", "/api/v1/webhooks/{id}", ANY, adminsElseUnknown,
				(w, r) -> Call.get("/api/v1/webhooks/" + webhook())));
		all.add(new Endpoint("GET", "/api/v1/webhooks/{id}/deliveries", ANY, adminsElseUnknown,
				(w, r) -> Call.get("/api/v1/webhooks/" + webhook() + "/deliveries")));
		all.add(new Endpoint("DELETE", "/api/v1/webhooks/{id}", ANY,
				(who, rec) -> adminsElseUnknown.expect(who, rec) == 200 ? 204 : adminsElseUnknown.expect(who, rec),
				(w, r) -> new Call("DELETE", "/api/v1/webhooks/" + freshWebhook(), null, null)));
		all.add(new Endpoint("GET", "/api/v1/me/notification-settings", ANY, anyone(200),
				(w, r) -> Call.get("/api/v1/me/notification-settings")));
		all.add(new Endpoint("PUT", "/api/v1/me/notification-settings", ANY, anyone(200),
				(w, r) -> Call.json("PUT", "/api/v1/me/notification-settings", Map.of("language", "en", "timeZone", "UTC"))));
		all.add(new Endpoint("GET", "/api/v1/coach", ANY, anyone(200),
				(w, r) -> Call.get("/api/v1/coach?cycleId=" + cycle)));
		// health and the readiness assessment: everyone reads; admins and team leads answer
		all.add(new Endpoint("GET", "/api/v1/health", ANY, anyone(200),
				(w, r) -> Call.get("/api/v1/health?cycleId=" + cycle + "&teamId=" + ownTeam)));
		all.add(new Endpoint("GET", "/api/v1/assessment/questions", ANY, anyone(200),
				(w, r) -> Call.get("/api/v1/assessment/questions")));
		all.add(new Endpoint("GET", "/api/v1/assessment", ANY, anyone(200), (w, r) -> Call.get("/api/v1/assessment")));
		all.add(new Endpoint("POST", "/api/v1/assessment", ANY,
				(who, rec) -> who == Who.ANONYMOUS ? 401 : who == Who.ADMIN || who == Who.LEAD ? 201 : 403,
				(w, r) -> Call.json("POST", "/api/v1/assessment", Map.of("answers", assessmentAnswers()))));
		all.add(new Endpoint("GET", "/api/v1/audit", ANY, admins(200), (w, r) -> Call.get("/api/v1/audit?limit=1000")));
		all.add(new Endpoint("GET", "/api/v1/export", ANY, admins(200), (w, r) -> Call.get("/api/v1/export")));
		// Restoring needs an empty instance, so an admin is told 409 here; nobody else gets that far.
		all.add(new Endpoint("POST", "/api/v1/import", ANY, admins(409),
				(w, r) -> Call.json("POST", "/api/v1/import", Map.of("format", "tandem-backup", "tables", Map.of()))));
		// An admin's import of a file naming an unknown team is refused as bad input; nobody else's is read.
		all.add(new Endpoint("POST", "/api/v1/okrs.yaml", ANY, admins(400), (w, r) -> new Call("POST", "/api/v1/okrs.yaml",
				"organisation: Matrix\nteams:\n  - key: x\n    name: X\n    parent: nowhere\n", "application/yaml")));
		// the API's own description: public
		all.add(new Endpoint("GET", "/v3/api-docs", ANY, everybody(200), (w, r) -> Call.get("/v3/api-docs")));
		// the sign-in page: public
		all.add(new Endpoint("GET", "/login", ANY, everybody(200), (w, r) -> Call.get("/login")));
		// where an invited person chooses their password: public, and a link that is none says it no longer works
		all.add(new Endpoint("GET", "/join/{token}", ANY, everybody(410), (w, r) -> Call.get("/join/no-such-link")));
		all.add(new Endpoint("POST", "/join/{token}", ANY, everybody(403), (w, r) -> new Call("POST",
				"/join/no-such-link", "password=matrix+password+" + fresh(), FORM)));
		// the web app's pages take a browser's session, never a token: everyone here is sent to sign in (what a
		// signed-in person sees on them is tested page by page, e.g. WebPagesIntegrationTests)
		all.add(new Endpoint("GET", "/", ANY, everybody(302), (w, r) -> Call.get("/")));
		all.add(new Endpoint("GET", "/okrs", ANY, everybody(302), (w, r) -> Call.get("/okrs?cycleId=" + cycle)));
		all.add(new Endpoint("GET", "/okrs/more", ANY, everybody(302),
				(w, r) -> Call.get("/okrs/more?cycleId=" + cycle + "&offset=0")));
		all.add(new Endpoint("GET", "/alignment", ANY, everybody(302), (w, r) -> Call.get("/alignment?cycleId=" + cycle)));
		all.add(new Endpoint("GET", "/alignment/part", ANY, everybody(302),
				(w, r) -> Call.get("/alignment/part?cycleId=" + cycle + "&offset=0")));
		all.add(new Endpoint("GET", "/scorecard", ANY, everybody(302), (w, r) -> Call.get("/scorecard?cycleId=" + cycle)));
		all.add(new Endpoint("GET", "/search", ANY, everybody(302), (w, r) -> Call.get("/search?q=roadmap")));
		all.add(new Endpoint("GET", "/cycles", ANY, everybody(302), (w, r) -> Call.get("/cycles")));
		all.add(new Endpoint("POST", "/cycles", ANY, everybody(403), (w, r) -> new Call("POST", "/cycles",
				"name=Matrix+" + fresh() + "&startDate=2031-01-01&endDate=2031-03-31", "application/x-www-form-urlencoded")));
		all.add(new Endpoint("GET", "/cycles/{id}/review", ANY, everybody(302),
				(w, r) -> Call.get("/cycles/" + cycle + "/review")));
		all.add(new Endpoint("GET", "/cycles/{id}/review/more", ANY, everybody(302),
				(w, r) -> Call.get("/cycles/" + cycle + "/review/more?offset=0")));
		all.add(new Endpoint("POST", "/okrs/key-results/{id}/grade", OKRS, everybody(403),
				(w, r) -> new Call("POST", "/okrs/key-results/" + okrs.get(r).keyResult() + "/grade", "grade=0.5",
						"application/x-www-form-urlencoded")));
		all.add(new Endpoint("POST", "/okrs/objectives/{id}/retrospective", OKRS, everybody(403),
				(w, r) -> new Call("POST", "/okrs/objectives/" + okrs.get(r).objective() + "/retrospective",
						"retrospective=Learned", "application/x-www-form-urlencoded")));
		// closing: a cycle of its own, so the others stay open
		all.add(new Endpoint("POST", "/cycles/{id}/close", ANY, everybody(403), (w, r) -> new Call("POST",
				"/cycles/" + admin.post("/api/v1/cycles", Map.of("name", "To close " + fresh(), "startDate", "2030-01-01",
						"endDate", "2030-03-31")).str("/id") + "/close", "", "application/x-www-form-urlencoded")));
		all.add(new Endpoint("GET", "/okrs/new", ANY, everybody(302), (w, r) -> Call.get("/okrs/new?cycleId=" + cycle)));
		all.add(new Endpoint("GET", "/people/choices", ANY, everybody(302), (w, r) -> Call.get("/people/choices?q=a")));
		all.add(new Endpoint("GET", "/teams/choices", ANY, everybody(302), (w, r) -> Call.get("/teams/choices?q=a")));
		all.add(new Endpoint("GET", "/kpi-choices", ANY, everybody(302), (w, r) -> Call.get("/kpi-choices?q=a")));
		all.add(new Endpoint("GET", "/kpi-board/more", ANY, everybody(302),
				(w, r) -> Call.get("/kpi-board/more?group=none&offset=0")));
		all.add(new Endpoint("GET", "/okrs/choices", ANY, everybody(302),
				(w, r) -> Call.get("/okrs/choices?cycleId=" + cycle + "&q=matrix")));
		all.add(new Endpoint("POST", "/okrs/new", ANY, everybody(403), (w, r) -> new Call("POST", "/okrs/new",
				"cycleId=" + cycle + "&title=Matrix+" + fresh() + "&level=COMPANY&type=COMMITTED&visibility=PUBLIC",
				"application/x-www-form-urlencoded")));
		all.add(new Endpoint("GET", "/coach", ANY, everybody(302), (w, r) -> Call.get("/coach?cycleId=" + cycle)));
		all.add(new Endpoint("GET", "/coach/more", ANY, everybody(302),
				(w, r) -> Call.get("/coach/more?cycleId=" + cycle + "&offset=0")));
		all.add(new Endpoint("GET", "/health", ANY, everybody(302), (w, r) -> Call.get("/health?cycleId=" + cycle)));
		all.add(new Endpoint("POST", "/health/assessment", ANY, everybody(403),
				(w, r) -> new Call("POST", "/health/assessment", "answer.fixed-cadence=2", FORM)));
		all.add(new Endpoint("GET", "/wins", ANY, everybody(302), (w, r) -> Call.get("/wins?cycleId=" + cycle)));
		all.add(new Endpoint("POST", "/wins/{id}/kudos", ANY, everybody(403),
				(w, r) -> new Call("POST", "/wins/" + win(Rec.OWN) + "/kudos", "note=Bravo", FORM)));
		// a person's API tokens, and the admin pages (forms act on fresh records, never on the matrix's own people)
		all.add(new Endpoint("GET", "/tokens", ANY, everybody(302), (w, r) -> Call.get("/tokens")));
		all.add(new Endpoint("POST", "/tokens", ANY, everybody(403), (w, r) -> new Call("POST", "/tokens",
				"name=Matrix+" + fresh() + "&scopes=read", FORM)));
		all.add(new Endpoint("POST", "/tokens/{id}/revoke", ANY, everybody(403), (w, r) -> new Call("POST", "/tokens/"
				+ admin.post("/api/v1/tokens", Map.of("name", "To revoke " + fresh(), "scopes", List.of("read"))).str("/id")
				+ "/revoke", "", FORM)));
		all.add(new Endpoint("GET", "/admin/users", ANY, everybody(302), (w, r) -> Call.get("/admin/users")));
		all.add(new Endpoint("GET", "/admin/users/more", ANY, everybody(302), (w, r) -> Call.get("/admin/users/more?offset=0")));
		all.add(new Endpoint("POST", "/admin/users", ANY, everybody(403), (w, r) -> new Call("POST", "/admin/users",
				"username=matrix-page-" + fresh() + "&name=Someone", FORM)));
		all.add(new Endpoint("POST", "/admin/users/{id}/active", ANY, everybody(403),
				(w, r) -> new Call("POST", "/admin/users/" + freshUser() + "/active", "active=false", FORM)));
		all.add(new Endpoint("POST", "/admin/users/{id}/invitation", ANY, everybody(403),
				(w, r) -> new Call("POST", "/admin/users/" + freshUser() + "/invitation", "", FORM)));
		all.add(new Endpoint("GET", "/notifications", ANY, everybody(302), (w, r) -> Call.get("/notifications")));
		all.add(new Endpoint("GET", "/notifications/more", ANY, everybody(302),
				(w, r) -> Call.get("/notifications/more?before=" + UUID.randomUUID())));
		all.add(new Endpoint("GET", "/notifications/{id}", ANY, everybody(302),
				(w, r) -> Call.get("/notifications/" + UUID.randomUUID())));
		all.add(new Endpoint("POST", "/notifications/read", ANY, everybody(403),
				(w, r) -> new Call("POST", "/notifications/read", "", FORM)));
		// "forgot your password?" is for those who cannot sign in: the form for anyone, its post needs the form's token
		all.add(new Endpoint("GET", "/password/forgot", ANY, everybody(200), (w, r) -> Call.get("/password/forgot")));
		all.add(new Endpoint("POST", "/password/forgot", ANY, everybody(403),
				(w, r) -> new Call("POST", "/password/forgot", "who=nobody", FORM)));
		all.add(new Endpoint("GET", "/webhooks", ANY, everybody(302), (w, r) -> Call.get("/webhooks")));
		all.add(new Endpoint("POST", "/webhooks", ANY, everybody(403), (w, r) -> new Call("POST", "/webhooks",
				"url=http%3A%2F%2F93.184.216.34%2Fform&secret=matrix-secret-0123456789&events=cycle.closed", FORM)));
		all.add(new Endpoint("POST", "/webhooks/{id}/delete", ANY, everybody(403),
				(w, r) -> new Call("POST", "/webhooks/" + freshWebhook() + "/delete", "", FORM)));
		all.add(new Endpoint("GET", "/notifications/settings", ANY, everybody(302),
				(w, r) -> Call.get("/notifications/settings")));
		all.add(new Endpoint("POST", "/notifications/settings", ANY, everybody(403),
				(w, r) -> new Call("POST", "/notifications/settings", "language=en&timeZone=UTC", FORM)));
		// an e-mail's link works without signing in; its signature is the check (a forged one: 400)
		all.add(new Endpoint("GET", "/unsubscribe", ANY, everybody(400),
				(w, r) -> Call.get("/unsubscribe?u=" + UUID.randomUUID() + "&k=MENTION&t=forged")));
		all.add(new Endpoint("POST", "/unsubscribe", ANY, everybody(400),
				(w, r) -> new Call("POST", "/unsubscribe?u=" + UUID.randomUUID() + "&k=MENTION&t=forged", "", FORM)));
		all.add(new Endpoint("POST", "/first-steps/dismiss", ANY, everybody(403),
				(w, r) -> new Call("POST", "/first-steps/dismiss", "", FORM)));
		all.add(new Endpoint("GET", "/admin/teams", ANY, everybody(302), (w, r) -> Call.get("/admin/teams")));
		all.add(new Endpoint("GET", "/admin/teams/more", ANY, everybody(302), (w, r) -> Call.get("/admin/teams/more?offset=0")));
		all.add(new Endpoint("GET", "/admin/teams/{id}/row", ANY, everybody(302),
				(w, r) -> Call.get("/admin/teams/" + ownTeam + "/row")));
		all.add(new Endpoint("POST", "/admin/teams", ANY, everybody(403), (w, r) -> new Call("POST", "/admin/teams",
				"key=matrix-page-" + fresh() + "&name=Matrix+page+team&parent=" + ownTeam, FORM)));
		all.add(new Endpoint("POST", "/admin/teams/{id}/members", ANY, everybody(403), (w, r) -> new Call("POST",
				"/admin/teams/" + freshTeam(ownTeam) + "/members", "user=" + freshUser() + "&role=MEMBER", FORM)));
		all.add(new Endpoint("GET", "/admin/audit", ANY, everybody(302), (w, r) -> Call.get("/admin/audit?entity=team")));
		all.add(new Endpoint("POST", "/admin/teams/{id}/members/{userId}/remove", ANY, everybody(403), (w, r) -> {
			String team = freshTeam(ownTeam);
			String user = freshUser();
			assertThat(admin.put("/api/v1/teams/" + team + "/members/" + user, Map.of("role", "MEMBER")).status())
				.isEqualTo(200);
			return new Call("POST", "/admin/teams/" + team + "/members/" + user + "/remove", "", FORM);
		}));
		all.add(new Endpoint("POST", "/admin/teams/{id}", ANY, everybody(403), (w, r) -> new Call("POST",
				"/admin/teams/" + freshTeam(ownTeam), "name=Matrix+renamed+" + fresh() + "&parent=" + company, FORM)));
		all.add(new Endpoint("POST", "/admin/teams/{id}/delete", ANY, everybody(403),
				(w, r) -> new Call("POST", "/admin/teams/" + freshTeam(ownTeam) + "/delete", "", FORM)));
		all.add(new Endpoint("GET", "/admin/users/{id}", ANY, everybody(302),
				(w, r) -> Call.get("/admin/users/" + userIds.get(Who.MEMBER))));
		all.add(new Endpoint("POST", "/admin/users/{id}", ANY, everybody(403),
				(w, r) -> new Call("POST", "/admin/users/" + freshUser(), "name=Someone+else", FORM)));
		all.add(new Endpoint("POST", "/admin/users/{id}/password", ANY, everybody(403), (w, r) -> new Call("POST",
				"/admin/users/" + freshUser() + "/password", "password=matrix-page-password-" + fresh(), FORM)));
		all.add(new Endpoint("GET", "/okrs/key-results/{id}", OKRS, everybody(302),
				(w, r) -> Call.get("/okrs/key-results/" + okrs.get(r).keyResult())));
		all.add(new Endpoint("GET", "/okrs/objectives/{id}", OKRS, everybody(302),
				(w, r) -> Call.get("/okrs/objectives/" + okrs.get(r).objective())));
		// a form post without a session's CSRF token is refused before anything else
		all.add(new Endpoint("POST", "/okrs/key-results/{id}/check-ins", OKRS, everybody(403),
				(w, r) -> new Call("POST", "/okrs/key-results/" + okrs.get(r).keyResult() + "/check-ins", "value=1",
						"application/x-www-form-urlencoded")));
		// changing an objective after it was written
		all.add(new Endpoint("GET", "/okrs/objectives/{id}/edit", OKRS, everybody(302),
				(w, r) -> Call.get("/okrs/objectives/" + okrs.get(r).objective() + "/edit")));
		all.add(new Endpoint("POST", "/okrs/objectives/{id}/edit", OKRS, everybody(403),
				(w, r) -> new Call("POST", "/okrs/objectives/" + okrs.get(r).objective() + "/edit", "title=Matrix", FORM)));
		all.add(new Endpoint("POST", "/okrs/key-results/{id}/edit", OKRS, everybody(403),
				(w, r) -> new Call("POST", "/okrs/key-results/" + okrs.get(r).keyResult() + "/edit", "title=Matrix", FORM)));
		all.add(new Endpoint("POST", "/okrs/objectives/{id}/key-results", OKRS, everybody(403), (w, r) -> new Call(
				"POST", "/okrs/objectives/" + okrs.get(r).objective() + "/key-results", "title=Matrix&type=MILESTONE", FORM)));
		all.add(new Endpoint("POST", "/okrs/key-results/{id}/move", OKRS, everybody(403),
				(w, r) -> new Call("POST", "/okrs/key-results/" + okrs.get(r).keyResult() + "/move", "objectiveId=", FORM)));
		all.add(new Endpoint("POST", "/okrs/key-results/{id}/delete", OKRS, everybody(403),
				(w, r) -> new Call("POST", "/okrs/key-results/" + okrs.get(r).keyResult() + "/delete", "", FORM)));
		all.add(new Endpoint("POST", "/okrs/objectives/{id}/carry-over", OKRS, everybody(403),
				(w, r) -> new Call("POST", "/okrs/objectives/" + okrs.get(r).objective() + "/carry-over", "cycleId=", FORM)));
		for (String action : List.of("delete", "archive", "restore")) {
			all.add(new Endpoint("POST", "/okrs/objectives/{id}/" + action, OKRS, everybody(403),
					(w, r) -> new Call("POST", "/okrs/objectives/" + okrs.get(r).objective() + "/" + action, "", FORM)));
		}
		all.add(new Endpoint("POST", "/cycles/{id}", ANY, everybody(403), (w, r) -> new Call("POST",
				"/cycles/" + freshCycle(), "name=Renamed", FORM)));
		for (String subjects : List.of("objectives", "key-results", "kpis")) {
			Set<Rec> recs = subjects.equals("kpis") ? TEAMS : OKRS;
			all.add(new Endpoint("GET", "/comments/" + subjects + "/{id}", recs, everybody(302),
					(w, r) -> Call.get("/comments/" + subjects + "/" + subject(subjects, r))));
			all.add(new Endpoint("POST", "/comments/" + subjects + "/{id}", recs, everybody(403),
					(w, r) -> new Call("POST", "/comments/" + subjects + "/" + subject(subjects, r), "body=Noted", FORM)));
		}
		all.add(new Endpoint("GET", "/kpis", ANY, everybody(302), (w, r) -> Call.get("/kpis")));
		all.add(new Endpoint("GET", "/kpis/tree", ANY, everybody(302), (w, r) -> Call.get("/kpis/tree")));
		all.add(new Endpoint("GET", "/kpis/{key}", TEAMS, everybody(302), (w, r) -> Call.get("/kpis/" + kpis.get(r))));
		all.add(new Endpoint("POST", "/kpis/{key}/values/preview", TEAMS, everybody(403), (w, r) -> new Call("POST",
				"/kpis/" + kpis.get(r) + "/values/preview", "csv=at%2Cvalue", "application/x-www-form-urlencoded")));
		all.add(new Endpoint("POST", "/kpis/{key}/values", TEAMS, everybody(403), (w, r) -> new Call("POST",
				"/kpis/" + kpis.get(r) + "/values", "csv=at%2Cvalue", "application/x-www-form-urlencoded")));
		all.add(new Endpoint("POST", "/kpis/{key}/recovery-okr", TEAMS, everybody(403),
				(w, r) -> new Call("POST", "/kpis/" + kpis.get(r) + "/recovery-okr", "", "application/x-www-form-urlencoded")));
		all.add(new Endpoint("POST", "/kpis/{key}/review", TEAMS, everybody(403),
				(w, r) -> new Call("POST", "/kpis/" + kpis.get(r) + "/review", "", FORM)));
		// KPIs defined and changed in the browser
		all.add(new Endpoint("GET", "/kpis/new", ANY, everybody(302), (w, r) -> Call.get("/kpis/new")));
		all.add(new Endpoint("POST", "/kpis/new", ANY, everybody(403), (w, r) -> new Call("POST", "/kpis/new",
				"key=matrix-page-" + fresh() + "&name=Page+KPI&direction=HIGHER_IS_BETTER&frequency=WEEKLY&aggregation=LAST",
				FORM)));
		all.add(new Endpoint("GET", "/kpis/{key}/edit", TEAMS, everybody(302),
				(w, r) -> Call.get("/kpis/" + kpis.get(r) + "/edit")));
		all.add(new Endpoint("POST", "/kpis/{key}/edit", TEAMS, everybody(403),
				(w, r) -> new Call("POST", "/kpis/" + kpis.get(r) + "/edit", "name=Renamed", FORM)));
		all.add(new Endpoint("POST", "/kpis/{key}/delete", TEAMS, everybody(403),
				(w, r) -> new Call("POST", "/kpis/" + kpis.get(r) + "/delete", "", FORM)));
		all.add(new Endpoint("POST", "/kpis/formula-check", ANY, everybody(403),
				(w, r) -> new Call("POST", "/kpis/formula-check", "key=x&formula=%7Bx%7D", FORM)));
		// the weekly check-in screen
		all.add(new Endpoint("GET", "/check-ins", ANY, everybody(302), (w, r) -> Call.get("/check-ins")));
		all.add(new Endpoint("POST", "/check-ins/key-results/{id}", OKRS, everybody(403),
				(w, r) -> new Call("POST", "/check-ins/key-results/" + okrs.get(r).keyResult(), "value=1", FORM)));
		all.add(new Endpoint("POST", "/check-ins/kpis/{key}/value", TEAMS, everybody(403),
				(w, r) -> new Call("POST", "/check-ins/kpis/" + kpis.get(r) + "/value", "value=1", FORM)));
		all.add(new Endpoint("POST", "/check-ins/kpis/{key}/review", TEAMS, everybody(403),
				(w, r) -> new Call("POST", "/check-ins/kpis/" + kpis.get(r) + "/review", "", FORM)));
		// the KPI library: anyone reads it; adopting is creating a KPI for the team (a fresh key each time)
		all.add(new Endpoint("GET", "/api/v1/library/kpis", ANY, anyone(200), (w, r) -> Call.get("/api/v1/library/kpis")));
		all.add(new Endpoint("GET", "/api/v1/library/kpis/{key}", ANY, anyone(200),
				(w, r) -> Call.get("/api/v1/library/kpis/uptime")));
		all.add(new Endpoint("POST", "/api/v1/library/kpis/{key}/adopt", TEAMS, creates(201), (w, r) -> Call.json("POST",
				"/api/v1/library/kpis/uptime/adopt", Map.of("teamId", team(r), "key", "matrix-lib-" + fresh()))));
		all.add(new Endpoint("GET", "/library/kpis", ANY, everybody(302), (w, r) -> Call.get("/library/kpis")));
		all.add(new Endpoint("GET", "/library/kpis/{key}/adopt-form", ANY, everybody(302),
				(w, r) -> Call.get("/library/kpis/churn-rate/adopt-form")));
		all.add(new Endpoint("POST", "/library/kpis/{key}/adopt", TEAMS, everybody(403), (w, r) -> new Call("POST",
				"/library/kpis/uptime/adopt", "teamId=" + team(r) + "&key=matrix-lib-" + fresh(), FORM)));
		// OKR templates, and publishing the draft a template is adopted as (a draft of its own for each call)
		all.add(new Endpoint("GET", "/api/v1/library/okrs", ANY, anyone(200),
				(w, r) -> Call.get("/api/v1/library/okrs?function=SALES")));
		all.add(new Endpoint("GET", "/api/v1/library/okrs/{key}", ANY, anyone(200),
				(w, r) -> Call.get("/api/v1/library/okrs/sales-team-pipeline")));
		all.add(new Endpoint("POST", "/api/v1/library/okrs/{key}/adopt", TEAMS, creates(201), (w, r) -> Call.json("POST",
				"/api/v1/library/okrs/sales-team-pipeline/adopt", Map.of("cycleId", cycle, "teamId", team(r)))));
		all.add(new Endpoint("POST", "/api/v1/objectives/{id}/publish", TEAMS, publishes(200),
				(w, r) -> Call.json("POST", "/api/v1/objectives/" + draft(r) + "/publish", Map.of())));
		// archiving and restoring: a fresh objective (a draft) each time, as the rules of changing it
		all.add(new Endpoint("POST", "/api/v1/objectives/{id}/archive", TEAMS, publishes(200),
				(w, r) -> Call.json("POST", "/api/v1/objectives/" + draft(r) + "/archive", Map.of())));
		all.add(new Endpoint("POST", "/api/v1/objectives/{id}/restore", TEAMS, publishes(200),
				(w, r) -> Call.json("POST", "/api/v1/objectives/" + draft(r) + "/restore", Map.of())));
		all.add(new Endpoint("GET", "/library/okrs", ANY, everybody(302), (w, r) -> Call.get("/library/okrs")));
		all.add(new Endpoint("GET", "/library/okrs/{key}/adopt-form", ANY, everybody(302),
				(w, r) -> Call.get("/library/okrs/sales-team-pipeline/adopt-form")));
		all.add(new Endpoint("POST", "/library/okrs/{key}/adopt", ANY, everybody(403), (w, r) -> new Call("POST",
				"/library/okrs/sales-team-pipeline/adopt", "cycleId=" + cycle + "&teamId=" + ownTeam, FORM)));
		all.add(new Endpoint("POST", "/okrs/objectives/{id}/publish", TEAMS, everybody(403), (w, r) -> new Call("POST",
				"/okrs/objectives/" + draft(r) + "/publish", "visibility=PUBLIC", FORM)));
		return all;
	}

	/** A fresh draft of the team's, adopted from a template by an admin. */
	private String draft(Rec rec) {
		return created(admin.post("/api/v1/library/okrs/sales-team-pipeline/adopt",
				Map.of("cycleId", cycle, "teamId", team(rec))));
	}

	private String subject(String subjects, Rec rec) {
		return switch (subjects) {
			case "objectives" -> okrs.get(rec).objective();
			case "key-results" -> okrs.get(rec).keyResult();
			default -> kpis.get(rec);
		};
	}

	/** What the application maps, as "METHOD pattern"; a pattern with alternatives is spelled out. */
	private Set<String> mapped() {
		Set<String> keys = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			var methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (String expanded : alternatives(pattern)) {
					if (methods.isEmpty()) {
						keys.add("ANY " + expanded);
					}
					methods.forEach(method -> keys.add(method.name() + " " + expanded));
				}
			}
		});
		return keys;
	}

	/** "/api/v1/{subjects:objectives|key-results|kpis}/{id}/comments" → one path per alternative. */
	private static List<String> alternatives(String pattern) {
		var matcher = java.util.regex.Pattern.compile("\\{\\w+:([\\w|-]+)}").matcher(pattern);
		if (!matcher.find()) {
			return List.of(pattern);
		}
		List<String> paths = new ArrayList<>();
		for (String choice : matcher.group(1).split("\\|")) {
			paths.add(pattern.substring(0, matcher.start()) + choice + pattern.substring(matcher.end()));
		}
		return paths;
	}

	private static final Set<String> NOT_OURS = Set.of(
			// Spring Boot's error page, springdoc's UI and config: not endpoints of Tandem's API.
			"ANY /error", "GET /swagger-ui.html", "GET /v3/api-docs/swagger-config", "GET /v3/api-docs.yaml");

	// -- the test ----------------------------------------------------------------------------------

	@Test
	void everyEndpointAnswersEveryCallerAsTheAccessRulesSay() throws Exception {
		List<Endpoint> endpoints = endpoints();
		Set<String> expected = endpoints.stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
		Set<String> mapped = mapped();
		mapped.removeAll(NOT_OURS);
		assertThat(expected).as("every mapping of the application has an expectation here, and only those")
			.isEqualTo(mapped);

		List<String> wrong = new ArrayList<>();
		List<String> leaks = new ArrayList<>();
		Okr hidden = okrs.get(Rec.PRIVATE);
		for (Endpoint endpoint : endpoints) {
			for (Who who : Who.values()) {
				for (Rec rec : endpoint.recs()) {
					Call call = endpoint.request().build(who, rec);
					HttpResponse<String> response = send(who, call);
					int want = endpoint.rule().expect(who, rec);
					if (response.statusCode() != want) {
						wrong.add("%s as %s on %s: %d, expected %d (%s %s) %s".formatted(endpoint.key(), who, rec,
								response.statusCode(), want, call.method(), call.path(), abbreviate(response.body())));
					}
					else if (want >= 400 && !endpoint.page() && !response.headers().firstValue("Content-Type").orElse("")
						.startsWith("application/problem+json")) {
						wrong.add("%s as %s on %s: %d without a problem document".formatted(endpoint.key(), who, rec, want));
					}
					boolean mayNotSee = who == Who.VIEWER || who == Who.MEMBER || who == Who.OUTSIDER;
					if (mayNotSee && response.statusCode() < 300 && (response.body().contains(hidden.objective())
							|| response.body().contains(hidden.keyResult()) || response.body().contains(privateTitle))) {
						leaks.add("%s as %s on %s: %s".formatted(endpoint.key(), who, rec, call.path()));
					}
				}
			}
		}
		assertThat(wrong).as("answers that differ from the rules").isEmpty();
		assertThat(leaks).as("the private objective shows through").isEmpty();
		publish(endpoints);
	}

	@Test
	void everyChangeMadeWithASessionAloneNeedsTheCsrfToken() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String signIn = "username=admin&password=open-sesame-test-run";
		assertThat(form(browser, "/login", signIn).statusCode()).as("signing in without the token").isEqualTo(403);
		assertThat(form(browser, "/login", signIn + "&_csrf=" + csrfToken(browser)).statusCode()).isEqualTo(302);

		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			// an e-mail's unsubscribe link is posted by mail clients without a session (RFC 8058); its signature is
			// its check
			if (endpoint.method().equals("GET") || endpoint.key().equals("POST /unsubscribe")) {
				continue;
			}
			Rec rec = endpoint.recs().iterator().next();
			Call call = endpoint.request().build(Who.ADMIN, rec);
			HttpResponse<String> refused = browser.send(request(call).build(), HttpResponse.BodyHandlers.ofString());
			// The same call again, now with the token: it succeeds, so the first one changed nothing.
			HttpResponse<String> allowed = browser.send(request(call).header("X-CSRF-TOKEN", csrfToken(browser)).build(),
					HttpResponse.BodyHandlers.ofString());
			// a page's form: the signed-in admin's session is what it takes (the matrix's callers have only tokens);
			// it answers in place (htmx: 200, or 409/422 about the thing itself, past the CSRF check) or sends to
			// what it made (a redirect, but never back to signing in)
			int want = endpoint.page() ? 200 : endpoint.rule().expect(Who.ADMIN, rec);
			boolean pageAnswered = endpoint.page() && allowed.statusCode() != 401 && allowed.statusCode() != 403
					&& allowed.statusCode() < 500 && !allowed.headers().firstValue("Location").orElse("").endsWith("/login");
			if (refused.statusCode() != 403 || (allowed.statusCode() != want && !pageAnswered)) {
				wrong.add("%s: %d without the token (expected 403), %d with it (expected %d)".formatted(endpoint.key(),
						refused.statusCode(), allowed.statusCode(), want));
			}
		}
		assertThat(wrong).isEmpty();

		assertThat(form(browser, "/logout", "").statusCode()).as("signing out without the token").isEqualTo(403);
		assertThat(browser.send(request(Call.get("/api/v1/me")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.as("still signed in").isEqualTo(200);
		assertThat(form(browser, "/logout", "_csrf=" + csrfToken(browser)).statusCode()).isEqualTo(302);
	}

	private HttpRequest.Builder request(Call call) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
			.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
		if (call.contentType() != null) {
			request.header("Content-Type", call.contentType());
		}
		return request;
	}

	private HttpResponse<String> form(HttpClient browser, String path, String body) throws IOException, InterruptedException {
		return browser.send(request(new Call("POST", path, body, "application/x-www-form-urlencoded")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String csrfToken(HttpClient browser) throws IOException, InterruptedException {
		String page = browser.send(request(Call.get("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		var matcher = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("the sign-in page carries the CSRF token").isTrue();
		return matcher.group(1);
	}

	private static String abbreviate(String body) {
		return body.length() > 200 ? body.substring(0, 200) + "…" : body;
	}

	private HttpResponse<String> send(Who who, Call call) throws IOException, InterruptedException {
		HttpRequest.Builder request = request(call);
		if (who != Who.ANONYMOUS) {
			request.header("Authorization", "Bearer " + tokens.get(who));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	// -- the published table -----------------------------------------------------------------------

	private void publish(List<Endpoint> endpoints) throws IOException {
		StringBuilder table = new StringBuilder("| endpoint |");
		for (Who who : Who.values()) {
			table.append(' ').append(who.label).append(" |");
		}
		table.append("\n|---|").append("---|".repeat(Who.values().length)).append('\n');
		for (Endpoint endpoint : endpoints) {
			table.append("| `").append(endpoint.key()).append("` |");
			for (Who who : Who.values()) {
				table.append(' ')
					.append(endpoint.recs().stream().map(rec -> Integer.toString(endpoint.rule().expect(who, rec)))
						.collect(Collectors.joining(" · ")))
					.append(" |");
			}
			table.append('\n');
		}
		String current = Files.exists(TABLE) ? Files.readString(TABLE) : "";
		String begin = "<!-- matrix:begin -->\n";
		String end = "<!-- matrix:end -->";
		int from = current.indexOf(begin);
		int to = current.indexOf(end);
		assertThat(from).as(TABLE + " has the markers " + begin.strip() + " and " + end).isNotNegative();
		String published = current.substring(from + begin.length(), to);
		if (Boolean.getBoolean("tandem.matrix.write")) {
			Files.writeString(TABLE, current.substring(0, from + begin.length()) + table + current.substring(to));
		}
		else {
			assertThat(published).as(TABLE + " shows the table this test checks (rerun with -Dtandem.matrix.write=true)")
				.isEqualTo(table.toString());
		}
	}
}
