package app.tandem.kpi.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.KpiViews;
import app.tandem.kpi.Kpis;
import app.tandem.shared.ConflictException;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;

/**
 * A KPI defined and changed in the browser ({@code /kpis/new}, {@code /kpis/{key}/edit}) with every field the API
 * has, and deleted. A refused form comes back (422, 403, or 409 when someone changed the KPI meanwhile) with each
 * message beside its field and everything as typed; the formula is checked as one types.
 */
@Controller
class KpiFormPage {

	private final Kpis kpis;

	private final KpiViews views;

	private final IdentityApi identity;

	private final MessageSource messages;

	KpiFormPage(Kpis kpis, KpiViews views, IdentityApi identity, MessageSource messages) {
		this.kpis = kpis;
		this.views = views;
		this.identity = identity;
		this.messages = messages;
	}

	private String said(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	@GetMapping("/kpis/new")
	String newForm(@RequestParam(required = false) String teamId, Model model) {
		Caller caller = identity.caller();
		if (!kpis.mayDefine(caller)) {
			throw new AccessDeniedException("Only an admin or a team lead may define KPIs");
		}
		page(KpiForm.empty(teamId == null ? "" : teamId, caller.id().toString()), null, Map.of(), model);
		return "kpi/form";
	}

	@PostMapping("/kpis/new")
	String create(@ModelAttribute KpiForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> errors = new HashMap<>();
		var command = form.create(errors);
		if (command != null) {
			int status = attempt(errors, () -> kpis.create(command, identity.caller()));
			if (status == 0) {
				redirect.addFlashAttribute("notice", said("kpis.form.created", command.name()));
				return "redirect:/kpis/" + command.key();
			}
			response.setStatus(status);
		}
		else {
			response.setStatus(422);
		}
		page(form, null, errors, model);
		return "kpi/form";
	}

	@GetMapping("/kpis/{key}/edit")
	String editForm(@PathVariable String key, Model model) {
		KpiView kpi = views.get(key);
		if (!kpis.mayChange(kpi, identity.caller())) {
			throw new AccessDeniedException("Only an admin, a lead of its team or its owner may change " + kpi.key());
		}
		page(KpiForm.of(kpi), kpi, Map.of(), model);
		return "kpi/form";
	}

	@PostMapping("/kpis/{key}/edit")
	String update(@PathVariable String key, @ModelAttribute KpiForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		KpiView kpi = views.get(key);
		Map<String, String> errors = new HashMap<>();
		var command = form.update(errors);
		if (command != null) {
			int status = attempt(errors,
					() -> kpis.update(kpi.key(), command, new Versions(form.version(), false), identity.caller()));
			if (status == 0) {
				redirect.addFlashAttribute("notice", said("kpis.form.saved"));
				return "redirect:/kpis/" + kpi.key();
			}
			response.setStatus(status);
		}
		else {
			response.setStatus(422);
		}
		page(new KpiForm(kpi.key(), form.name(), form.definition(), form.reason(), form.dataSource(), form.unit(),
				form.direction(), form.target(), form.warningThreshold(), form.lowerBound(), form.upperBound(),
				form.warningMargin(), form.frequency(), form.aggregation(), form.reviewEveryDays(), form.ownerId(),
				form.teamId(), form.indicator(), form.perspective(), form.formula(), form.version()), kpi, errors, model);
		return "kpi/form";
	}

	@PostMapping("/kpis/{key}/delete")
	String delete(@PathVariable String key, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		KpiView kpi = views.get(key);
		Map<String, String> errors = new HashMap<>();
		int status = attempt(errors, () -> kpis.delete(kpi.key(), identity.caller()));
		if (status == 0) {
			redirect.addFlashAttribute("notice", said("kpis.form.deleted", kpi.name()));
			return "redirect:/kpis";
		}
		response.setStatus(status);
		if (errors.containsKey("")) {
			errors.putIfAbsent("delete", errors.remove(""));
		}
		page(KpiForm.of(kpi), kpi, errors, model);
		return "kpi/form";
	}

	/** The formula field's check as one types: what saving would say, or which KPIs it reads. */
	@PostMapping("/kpis/formula-check")
	String formulaCheck(@RequestParam(required = false) String key, @RequestParam(required = false) String formula,
			Model model) {
		model.addAttribute("formulaProblems", kpis.formulaProblems(key, formula));
		model.addAttribute("formula", formula == null ? "" : formula.strip());
		return "kpi/form :: formulaCheck";
	}

	/** Runs the change; answers 0, or the status of its refusal with the messages noted by field. */
	private static int attempt(Map<String, String> errors, Runnable change) {
		try {
			change.run();
			return 0;
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> errors.merge(error.field(), sentence(error.message()), (a, b) -> a + " " + b));
			return 422;
		}
		catch (StaleVersionException e) {
			errors.put("", "Someone changed this KPI meanwhile; what you typed is below. Reload the page to see"
					+ " their change, then make yours again.");
			return 409;
		}
		catch (ConflictException e) {
			errors.put("", sentence(e.getMessage()));
			return 409;
		}
		catch (AccessDeniedException e) {
			errors.put("teamId", "You may not make this change for this team: a lead of the team or an admin can.");
			return 403;
		}
	}

	/** The service's words as a sentence beside a field: "is required" becomes "Is required." */
	private static String sentence(String message) {
		String text = message.strip();
		text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
		return text.endsWith(".") ? text : text + ".";
	}

	private void page(KpiForm form, KpiView kpi, Map<String, String> errors, Model model) {
		model.addAttribute("section", "kpis");
		model.addAttribute("form", form);
		model.addAttribute("kpi", kpi);
		model.addAttribute("mayDelete", kpi != null && kpis.mayDelete(kpi, identity.caller()));
		model.addAttribute("errors", errors);
		model.addAttribute("teams", identity.teamsOffered(form.teamId() == null ? List.of() : List.of(form.teamId())));
		model.addAttribute("people", identity.peopleToChoose(form.ownerId() == null || form.ownerId().isBlank()
				? List.of() : List.of(form.ownerId())));
		model.addAttribute("directions", List.of("HIGHER_IS_BETTER", "LOWER_IS_BETTER", "WITHIN_RANGE"));
		model.addAttribute("frequencies", List.of("DAILY", "WEEKLY", "MONTHLY", "QUARTERLY"));
		model.addAttribute("aggregations", List.of("LAST", "SUM", "AVG", "MIN", "MAX"));
		model.addAttribute("indicators", List.of("LEADING", "LAGGING"));
		model.addAttribute("perspectives", List.of("FINANCIAL", "CUSTOMER", "INTERNAL_PROCESS", "LEARNING_AND_GROWTH"));
		model.addAttribute("formulaProblems", kpis.formulaProblems(form.key(), form.formula()));
		model.addAttribute("formula", form.formula());
	}
}
