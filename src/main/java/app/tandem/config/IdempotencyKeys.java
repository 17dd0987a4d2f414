package app.tandem.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.shared.RequestTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} on the POSTs that create (IETF draft-ietf-httpapi-idempotency-key-header): a retry with the
 * key of a request that succeeded answers that first answer again and writes nothing; the same key with another body
 * answers 422. The key is claimed in one transaction with the request's own writes and its answer, so a node that
 * dies half-way leaves neither, and a concurrent duplicate (on any node) waits at the claim for the first to end.
 * Only successful answers are remembered: a refused request changed nothing, and its retry runs again.
 */
@Component
@Order(0) // after Spring Security's filters (-100): the caller is known
class IdempotencyKeys extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	/** The POSTs whose retry would store a second row (DECISIONS lists them, and why others are left out). */
	private static final List<PathPattern> COVERED = parse("/api/v1/key-results/{id}/check-ins", "/api/v1/objectives",
			"/api/v1/objectives/{id}/key-results", "/api/v1/objectives/{id}/carry-over",
			"/api/v1/{subjects:objectives|key-results|kpis}/{id}/comments", "/api/v1/wins/{id}/kudos", "/api/v1/cycles",
			"/api/v1/kpis", "/api/v1/teams", "/api/v1/users", "/api/v1/library/kpis/{key}/adopt",
			"/api/v1/library/okrs/{key}/adopt", "/api/v1/assessment");

	/** A structured-field string (the draft's form, quoted) or the bare token clients often send. */
	private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

	/** How long a duplicate waits for the request that holds its key. */
	private static final long WAIT_MILLIS = 10_000;

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

	private final IdempotencyStore store;

	private final PlatformTransactionManager transactions;

	private final IdentityApi identity;

	private final ObjectMapper json;

	IdempotencyKeys(IdempotencyStore store, PlatformTransactionManager transactions, IdentityApi identity,
			ObjectMapper json) {
		this.store = store;
		this.transactions = transactions;
		this.identity = identity;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null) {
			return true;
		}
		String type = request.getContentType();
		if (type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| type.startsWith("multipart/"))) {
			return true; // parameters are read from the body by the container: not an API call
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		return COVERED.stream().noneMatch(p -> p.matches(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).strip();
		if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
			key = key.substring(1, key.length() - 1);
		}
		if (!KEY.matcher(key).matches()) {
			problem(request, response, HttpStatus.BAD_REQUEST, "Invalid input",
					HEADER + ": must be 1 to 255 printable ASCII characters", HEADER);
			return;
		}
		Caller caller;
		try {
			caller = identity.caller();
		}
		catch (AccessDeniedException signedOut) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		try {
			body = request.getInputStream().readAllBytes();
		}
		catch (RequestTooLargeException e) {
			problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.getMessage(), null);
			return;
		}
		var scope = new IdempotencyStore.Scope(caller.id(), request.getMethod(), request.getRequestURI(), key);
		String fingerprint = fingerprint(request.getQueryString(), body);
		long deadline = System.currentTimeMillis() + WAIT_MILLIS;
		while (true) {
			TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
			try {
				store.claim(scope, fingerprint);
			}
			catch (DuplicateKeyException taken) {
				transactions.rollback(transaction);
				Optional<IdempotencyStore.Answer> first = store.find(scope);
				if (first.isPresent() && store.expired(first.get())) {
					store.forget(scope, first.get().createdAt());
				}
				else if (first.isPresent()) {
					answerAgain(request, response, first.get(), fingerprint);
					return;
				}
				continue; // gone meanwhile (its request failed, or its day passed): claim it afresh
			}
			catch (TransientDataAccessException held) {
				// H2 times out on the row another transaction holds instead of waiting for it to end
				transactions.rollback(transaction);
				if (System.currentTimeMillis() > deadline) {
					problem(request, response, HttpStatus.CONFLICT, "Conflict", "A request with this "
							+ HEADER + " is still being processed; try again later", null);
					return;
				}
				pause();
				continue;
			}
			run(request, body, response, chain, scope, transaction);
			return;
		}
	}

	private void run(HttpServletRequest request, byte[] body, HttpServletResponse response, FilterChain chain,
			IdempotencyStore.Scope scope, TransactionStatus transaction) throws IOException, ServletException {
		var captured = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(new CachedBody(request, body), captured);
			int status = captured.getStatus();
			String answer = new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8);
			if (transaction.isRollbackOnly() && status < 300) {
				transactions.rollback(transaction);
				log.error("{} {} answered {} but its transaction was marked for rollback", request.getMethod(),
						request.getRequestURI(), status);
				captured.resetBuffer();
				problem(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
						"The request could not be completed; nothing was changed", null);
				return;
			}
			if (status >= 200 && status < 300 && answer.length() <= IdempotencyStore.MAX_BODY) {
				store.complete(scope, status, captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
						captured.getHeader(HttpHeaders.ETAG), answer);
				transactions.commit(transaction);
			}
			else if (status >= 200 && status < 300) {
				store.forget(scope, store.find(scope).orElseThrow().createdAt()); // too long to remember: written once
				transactions.commit(transaction);
			}
			else {
				transactions.rollback(transaction);
			}
		}
		finally {
			if (!transaction.isCompleted()) {
				transactions.rollback(transaction);
			}
		}
		captured.copyBodyToResponse();
	}

	private void answerAgain(HttpServletRequest request, HttpServletResponse response, IdempotencyStore.Answer first,
			String fingerprint) throws IOException {
		if (!first.fingerprint().equals(fingerprint)) {
			problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "Key reused",
					"This " + HEADER + " was used for a request with another body; use a new key for a new request",
					HEADER);
			return;
		}
		response.setStatus(first.status());
		if (first.contentType() != null) {
			response.setContentType(first.contentType());
		}
		if (first.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, first.location());
		}
		if (first.etag() != null) {
			response.setHeader(HttpHeaders.ETAG, first.etag());
		}
		if (first.body() != null) {
			response.getOutputStream().write(first.body().getBytes(StandardCharsets.UTF_8));
		}
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail, String field) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		if (field != null) {
			problem.put("errors", List.of(Map.of("field", field, "message", detail)));
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

	private static String fingerprint(String query, byte[] body) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update((query == null ? "" : query).getBytes(StandardCharsets.UTF_8));
			sha.update((byte) '\n');
			return HexFormat.of().formatHex(sha.digest(body));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<PathPattern> parse(String... patterns) {
		return java.util.Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
	}
}
