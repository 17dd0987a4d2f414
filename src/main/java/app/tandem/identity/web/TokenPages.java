package app.tandem.identity.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.ApiTokens;
import app.tandem.identity.IdentityApi;
import app.tandem.identity.TokenCommands;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;

/**
 * A person's own API tokens: the list, a form for a new one whose secret is shown once on the answer (only its
 * hash is kept), and revoking one.
 */
@Controller
class TokenPages {

	static final List<String> SCOPES = List.of("read", "write", "ingest");

	private final ApiTokens tokens;

	private final IdentityApi identity;

	private final Texts texts;

	private final java.time.Clock clock;

	TokenPages(ApiTokens tokens, IdentityApi identity, Texts texts, java.time.Clock clock) {
		this.tokens = tokens;
		this.identity = identity;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/tokens")
	String list(Model model) {
		page(model, "", List.of("read"), "", Map.of());
		return "identity/tokens";
	}

	@PostMapping("/tokens")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) List<String> scopes,
			@RequestParam(required = false) String expires, Model model, HttpServletResponse response) {
		Map<String, String> errors = new HashMap<>();
		List<String> chosen = scopes == null ? List.of() : scopes.stream().filter(SCOPES::contains).distinct().toList();
		if (name == null || name.isBlank()) {
			errors.put("name", texts.get("tokens.error.name"));
		}
		else if (name.strip().length() > 200) {
			errors.put("name", texts.get("tokens.error.nameLength"));
		}
		if (chosen.isEmpty()) {
			errors.put("scopes", texts.get("tokens.error.scopes"));
		}
		java.time.Instant expiresAt = null;
		if (expires != null && !expires.isBlank()) {
			try {
				LocalDate day = LocalDate.parse(expires.strip());
				if (!day.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
					errors.put("expires", texts.get("tokens.error.expiresPast"));
				}
				// The token works through the whole of the day chosen (UTC).
				expiresAt = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException e) {
				errors.put("expires", texts.get("tokens.error.expiresFormat"));
			}
		}
		if (errors.isEmpty()) {
			try {
				ApiTokens.CreatedToken created = tokens.create(identity.caller(),
						new TokenCommands.CreateToken(name.strip(), chosen, expiresAt));
				// The secret is on this answer only: no redirect that could carry it, and nothing kept.
				response.setHeader("Cache-Control", "no-store");
				model.addAttribute("section", "");
				model.addAttribute("created", created);
				return "identity/token-created";
			}
			catch (InvalidInputException e) {
				e.errors().forEach(error -> errors.merge(error.field().startsWith("scopes") ? "scopes"
						: error.field().equals("expiresAt") ? "expires" : "name", error.message(), (a, b) -> a + "; " + b));
			}
		}
		response.setStatus(422);
		page(model, name == null ? "" : name, chosen, expires == null ? "" : expires, errors);
		return "identity/tokens";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(@PathVariable String id) {
		tokens.revoke(identity.caller(), Ids.parse(id, "token"));
		return "redirect:/tokens";
	}

	private void page(Model model, String name, List<String> scopes, String expires, Map<String, String> errors) {
		model.addAttribute("section", "");
		model.addAttribute("tokens", tokens.list(identity.caller()));
		model.addAttribute("scopeNames", SCOPES);
		model.addAttribute("form", Map.of("name", name, "expires", expires));
		model.addAttribute("chosen", scopes);
		model.addAttribute("errors", errors);
	}
}
