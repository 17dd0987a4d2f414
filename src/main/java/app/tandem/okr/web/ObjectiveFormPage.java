package app.tandem.okr.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.CycleReads;
import app.tandem.okr.KpiChoices;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;

/**
 * A new objective with its key results, in one form that explains each kind of key result with an example. A
 * refused form comes back with each message beside its field and everything as it was typed.
 */
@Controller
class ObjectiveFormPage {

	private static final Pattern ROW_FIELD = Pattern.compile("keyResults\\[(\\d+)]\\.(\\w+)");

	private final Objectives objectives;

	private final CycleReads okr;

	private final IdentityApi identity;

	private final ObjectProvider<KpiChoices> kpiChoices;

	private final ObjectiveChoicesPart choices;

	ObjectiveFormPage(Objectives objectives, CycleReads okr, IdentityApi identity, ObjectProvider<KpiChoices> kpiChoices,
			ObjectiveChoicesPart choices) {
		this.choices = choices;
		this.kpiChoices = kpiChoices;
		this.objectives = objectives;
		this.okr = okr;
		this.identity = identity;
	}

	@GetMapping("/okrs/new")
	String form(@RequestParam(required = false) String cycleId, @RequestParam(required = false) String teamId,
			@RequestParam(required = false) String parentId, Model model) {
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		page(ObjectiveForm.empty(cycle == null ? null : cycle.id(), Ids.tryParse(teamId) == null ? null : teamId,
				identity.caller().id().toString(), Ids.tryParse(parentId) == null ? "" : parentId), Map.of(), cycle,
				model);
		return "okr/new";
	}

	@PostMapping("/okrs/new")
	String create(@ModelAttribute ObjectiveForm form, Model model, HttpServletResponse response,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		Caller caller = identity.caller();
		Map<String, String> errors = new HashMap<>();
		var command = form.command(errors);
		if (command != null) {
			try {
				String id = objectives.create(command, caller).id();
				// the objective page offers the next one: aligned to this, or another of the same kind
				redirect.addFlashAttribute("created", true);
				return "redirect:/okrs/objectives/" + id;
			}
			catch (InvalidInputException e) {
				e.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
			}
			catch (AccessDeniedException e) {
				errors.put("teamId", "You may not create an objective for this team and level: a lead of the team or"
						+ " an admin can.");
			}
		}
		response.setStatus(422);
		UUID cycleId = Ids.tryParse(form.cycleId());
		page(form, onRows(form, errors), cycleId == null ? null : okr.cycle(cycleId), model);
		return "okr/new";
	}

	/** The service names key results by their place among the filled rows; the page by their row. */
	private static Map<String, String> onRows(ObjectiveForm form, Map<String, String> errors) {
		Map<String, String> shown = new HashMap<>();
		errors.forEach((field, message) -> {
			Matcher row = ROW_FIELD.matcher(field);
			shown.put(row.matches() ? "rows[" + form.rowOf(Integer.parseInt(row.group(1))) + "]." + row.group(2)
					: field, message);
		});
		return shown;
	}

	private void page(ObjectiveForm form, Map<String, String> errors, OkrViews.CycleView cycle, Model model) {
		Caller caller = identity.caller();
		List<OkrViews.ObjectiveChoice> parents = cycle == null ? List.of()
				: choices.first(cycle.id(), null, form.parentId());
		model.addAttribute("section", "okrs");
		model.addAttribute("cycle", cycle);
		model.addAttribute("form", form.padded());
		model.addAttribute("errors", errors);
		model.addAttribute("teams", identity.teamsOffered(form.teamId() == null ? List.of() : List.of(form.teamId())));
		List<String> chosen = new java.util.ArrayList<>();
		chosen.add(form.ownerId() == null ? "" : form.ownerId());
		if (form.keyResults() != null) {
			form.keyResults().forEach(row -> chosen.add(row == null || row.ownerId() == null ? "" : row.ownerId()));
		}
		chosen.add(caller.id().toString());
		model.addAttribute("people", identity.peopleToChoose(chosen));
		List<String> kpis = new java.util.ArrayList<>();
		if (form.keyResults() != null) {
			form.keyResults().forEach(row -> kpis.add(row == null ? null : row.kpiId()));
		}
		model.addAttribute("kpiChoices", kpiChoices.stream().findFirst().map(c -> c.choose(kpis, List.of()))
			.orElse(java.util.Map.of()));
		model.addAttribute("parents", parents);
		model.addAttribute("krTypes", List.of("INCREASE", "DECREASE", "THRESHOLD", "MILESTONE", "BASELINE"));
	}
}
