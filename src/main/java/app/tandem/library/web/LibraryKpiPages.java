package app.tandem.library.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.identity.IdentityApi;
import app.tandem.identity.Rights;
import app.tandem.library.KpiAdoption;
import app.tandem.library.KpiLibrary;
import app.tandem.library.LibraryCommands;
import app.tandem.library.LibraryKpi;
import app.tandem.shared.ConflictException;
import app.tandem.shared.InvalidInputException;

/**
 * The KPI library page: the library's KPIs by function, filtered by function and perspective and searched, each
 * card with what it means and an "Adopt" form for the teams the person may add KPIs to. A refused adoption comes
 * back (422) with the messages beside the fields and what was typed; an adopted KPI opens on its own page.
 */
@Controller
class LibraryKpiPages {

	static final List<String> PERSPECTIVES = List.of("FINANCIAL", "CUSTOMER", "INTERNAL_PROCESS",
			"LEARNING_AND_GROWTH");

	private final KpiLibrary library;

	private final KpiAdoption adoption;

	private final IdentityApi identity;

	private final AdoptForm forms;

	LibraryKpiPages(KpiLibrary library, KpiAdoption adoption, IdentityApi identity, AdoptForm forms) {
		this.library = library;
		this.adoption = adoption;
		this.identity = identity;
		this.forms = forms;
	}

	/** A card: the KPI in the page's language, its inputs and better alternative, and its adopt form's state. */
	record Card(LibraryKpi kpi, List<LibraryKpi> inputs, LibraryKpi alternative, boolean adopted, boolean open,
			Map<String, String> values, Map<String, String> errors) {
	}

	record Group(String function, List<Card> cards) {
	}

	/**
	 * The library; {@code open} names the card whose adopt form is in the page. The others fetch theirs when opened:
	 * each offers every team the person may add KPIs to, which made the page grow as KPIs × teams.
	 */
	@GetMapping("/library/kpis")
	String page(@RequestParam(required = false) String function, @RequestParam(required = false) String perspective,
			@RequestParam(required = false) String q, @RequestParam(required = false) String open, Model model) {
		LibraryKpi opened = open == null ? null : library.find(open).orElse(null);
		return render(model, new Filter(function, perspective, q), opened == null ? null : opened.key(),
				opened == null ? Map.of() : forms.defaults(opened), Map.of());
	}

	/** A card's adopt form, when the card opens (htmx). */
	@GetMapping("/library/kpis/{key}/adopt-form")
	String adoptForm(@PathVariable String key, @RequestParam(required = false) String function,
			@RequestParam(required = false) String perspective, @RequestParam(required = false) String q, Model model) {
		LibraryKpi kpi = library.get(key);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("c", new Card(kpi.in(locale), kpi.inputs().stream().map(k -> library.get(k).in(locale)).toList(),
				null, false, true, forms.defaults(kpi), Map.of()));
		model.addAttribute("k", kpi.in(locale));
		model.addAttribute("filter", new Filter(function, perspective, q));
		model.addAttribute("teams", teamsToAddTo());
		return "library/kpis :: adoptForm";
	}

	@PostMapping("/library/kpis/{key}/adopt")
	String adopt(@PathVariable String key, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		LibraryKpi kpi = library.get(key);
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> errors = new HashMap<>();
		LibraryCommands.AdoptKpi command = forms.command(kpi, form, errors);
		if (errors.isEmpty()) {
			try {
				KpiAdoption.Adopted adopted = adoption.adopt(key, command, locale, identity.caller());
				redirect.addFlashAttribute("notice", forms.done(adopted));
				return "redirect:/kpis/" + adopted.kpi().key();
			}
			catch (InvalidInputException e) {
				errors.putAll(forms.messages(e));
			}
			catch (ConflictException e) {
				errors.put("key", forms.taken(command.key().isBlank() ? key : command.key()));
			}
		}
		response.setStatus(422);
		return render(model, new Filter(form.get("function"), form.get("perspective"), form.get("q")), key, form,
				errors);
	}

	/** The filters as the page shows them: an unknown value is no filter. */
	record Filter(String function, String perspective, String q) {

		Filter {
			function = function != null && LibraryKpi.FUNCTIONS.contains(function) ? function : "";
			perspective = perspective != null && PERSPECTIVES.contains(perspective) ? perspective : "";
			q = q == null ? "" : q.strip();
		}
	}

	private String render(Model model, Filter filter, String openKey, Map<String, String> typed,
			Map<String, String> errors) {
		Locale locale = LocaleContextHolder.getLocale();
		Set<String> existing = adoption.existingKeys();
		Map<String, List<Card>> groups = new LinkedHashMap<>();
		LibraryKpi.FUNCTIONS.forEach(f -> groups.put(f, new ArrayList<>()));
		for (LibraryKpi kpi : library.search(filter.function(), filter.perspective(), filter.q())) {
			boolean open = kpi.key().equals(openKey);
			LibraryKpi shown = kpi.in(locale);
			groups.get(kpi.function()).add(new Card(shown,
					kpi.inputs().stream().map(k -> library.get(k).in(locale)).toList(),
					kpi.betterAlternative() == null ? null : library.get(kpi.betterAlternative()).in(locale),
					existing.contains(kpi.key()), open, open ? typed : forms.defaults(kpi), open ? errors : Map.of()));
		}
		model.addAttribute("section", "library");
		model.addAttribute("groups", groups.entrySet().stream().filter(e -> !e.getValue().isEmpty())
			.map(e -> new Group(e.getKey(), e.getValue())).toList());
		model.addAttribute("functions", LibraryKpi.FUNCTIONS);
		model.addAttribute("perspectives", PERSPECTIVES);
		model.addAttribute("filter", filter);
		model.addAttribute("teams", teamsToAddTo());
		return "library/kpis";
	}

	/** The teams the person may add KPIs to (as the KPI module decides: admins all, leads theirs and below). */
	private Map<String, String> teamsToAddTo() {
		Rights rights = identity.rightsOf(identity.caller());
		Map<String, String> teams = new LinkedHashMap<>();
		identity.allTeams().stream()
			.filter(t -> rights.leads(t.id()))
			.sorted(Comparator.comparing(IdentityApi.TeamEntry::name, String.CASE_INSENSITIVE_ORDER))
			.forEach(t -> teams.put(t.id().toString(), t.name()));
		return teams;
	}
}
