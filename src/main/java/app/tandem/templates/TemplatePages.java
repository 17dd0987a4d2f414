package app.tandem.templates;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.identity.Rights;
import app.tandem.okr.CycleReads;
import app.tandem.okr.Cycles;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.CycleState;
import app.tandem.okr.domain.Level;
import app.tandem.shared.ConflictException;
import app.tandem.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The library's OKR templates page: filtered by function and level and searched, each template a card with its key
 * results and an "Adopt as a draft" form. Adopting leads to the new draft's page; a refusal comes back on the card,
 * the message beside its field and the choice kept (422, 403 where the person may not create it).
 */
@Controller
class TemplatePages {

	private final OkrTemplates templates;

	private final CycleReads okr;

	private final Cycles cycles;

	private final IdentityApi identity;

	private final MessageSource messages;

	TemplatePages(OkrTemplates templates, CycleReads okr, Cycles cycles, IdentityApi identity, MessageSource messages) {
		this.templates = templates;
		this.okr = okr;
		this.cycles = cycles;
		this.identity = identity;
		this.messages = messages;
	}

	/** What was chosen on a card's form. */
	record AdoptForm(String cycleId, String teamId) {
	}

	/**
	 * The templates; {@code open} names the one whose adopt form is in the page. The others fetch theirs when asked:
	 * each offers every team the person may adopt for, which made the page grow as templates × teams.
	 */
	@GetMapping("/library/okrs")
	String library(@RequestParam(required = false) String function, @RequestParam(required = false) String level,
			@RequestParam(required = false) String q, @RequestParam(required = false) String open, Model model) {
		page(function, level, q, model);
		model.addAttribute("adoptKey", open);
		return "library/okrs";
	}

	/** A template's adopt form, when asked for on its card (htmx). */
	@GetMapping("/library/okrs/{key}/adopt-form")
	String adoptForm(@PathVariable String key, Model model) {
		model.addAttribute("t", templates.get(key, LocaleContextHolder.getLocale()));
		page(null, null, null, model);
		model.addAttribute("adoptKey", key);
		return "library/okrs :: adoptForm";
	}

	@PostMapping("/library/okrs/{key}/adopt")
	String adopt(@PathVariable String key, @RequestParam(required = false) String cycleId,
			@RequestParam(required = false) String teamId, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		templates.get(key);
		Caller caller = identity.caller();
		Map<String, String> errors = new HashMap<>();
		if (blank(cycleId)) {
			errors.put("cycleId", text("library.okrs.error.cycle"));
		}
		if (blank(teamId)) {
			errors.put("teamId", text("library.okrs.error.team"));
		}
		int status = 422;
		if (errors.isEmpty()) {
			try {
				OkrViews.ObjectiveView draft = templates.adopt(key,
						new OkrTemplates.AdoptTemplate(cycleId, teamId, null), caller, LocaleContextHolder.getLocale());
				redirect.addFlashAttribute("notice", text("library.okrs.adopted"));
				return "redirect:/okrs/objectives/" + draft.id();
			}
			catch (InvalidInputException e) {
				e.errors().forEach(error -> errors.merge(field(error.field()), error.message(), (a, b) -> a + "; " + b));
			}
			catch (ConflictException e) {
				errors.put("cycleId", e.getMessage());
			}
			catch (AccessDeniedException e) {
				errors.put("teamId", text("library.okrs.error.rights"));
				status = 403;
			}
		}
		response.setStatus(status);
		page(null, null, null, model);
		model.addAttribute("adoptKey", key);
		model.addAttribute("form", new AdoptForm(cycleId, teamId));
		model.addAttribute("errors", errors);
		return "library/okrs";
	}

	private void page(String function, String level, String q, Model model) {
		BusinessFunction f = parse(BusinessFunction.class, function);
		Level l = parse(Level.class, level);
		OkrViews.CycleView current = okr.cycleOrCurrent(null);
		Rights rights = identity.rightsOf(identity.caller());
		Map<String, String> teams = new LinkedHashMap<>();
		identity.allTeams().stream()
			.filter(t -> rights.admin() || rights.leads(t.id()) || rights.teams().contains(t.id()))
			.sorted(Comparator.comparing(IdentityApi.TeamEntry::name, String.CASE_INSENSITIVE_ORDER))
			.forEach(t -> teams.put(t.id().toString(), t.name()));
		model.addAttribute("section", "library");
		model.addAttribute("templates", templates.find(f, l, q, LocaleContextHolder.getLocale()));
		model.addAttribute("functions", BusinessFunction.values());
		model.addAttribute("filter", Map.of("function", f == null ? "" : f.name(), "level", l == null ? "" : l.name(),
				"q", q == null ? "" : q));
		model.addAttribute("openCycles",
				cycles.list(null, 1000).stream().filter(c -> c.state() != CycleState.CLOSED).toList());
		model.addAttribute("teams", teams);
		model.addAttribute("form", new AdoptForm(current == null ? null : current.id(), null));
		model.addAttribute("errors", Map.of());
		model.addAttribute("adoptKey", null);
	}

	/** okr names a bad cycle or team by its command field. */
	private static String field(String field) {
		return "teamId".equals(field) || "ownerId".equals(field) ? "teamId" : "cycleId";
	}

	private String text(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
