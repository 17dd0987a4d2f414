package app.tandem.okr.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.Cycles;
import app.tandem.okr.KeyResults;
import app.tandem.okr.KpiChoices;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.CycleState;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;

/**
 * Changing an objective after it was written: its own fields, each key result (a new target or due date with the
 * reason the history keeps), a key result more, moving a key result to another objective, and carrying the
 * objective into another cycle. Each is its own form on one page; a refused form comes back with the messages beside
 * its fields and what was typed, the others as they are.
 */
@Controller
class ObjectiveEditPage {

	/** Which form on the page a refusal belongs to. */
	private static final String OBJECTIVE = "objective";

	private static final String NEW_KEY_RESULT = "new";

	private static final String CARRY_OVER = "carry";

	private final Objectives objectives;

	private final KeyResults keyResults;

	private final Cycles cycles;

	private final IdentityApi identity;

	private final ObjectProvider<KpiChoices> kpiChoices;

	private final ObjectiveChoicesPart choices;

	ObjectiveEditPage(Objectives objectives, KeyResults keyResults, Cycles cycles, IdentityApi identity,
			ObjectProvider<KpiChoices> kpiChoices, ObjectiveChoicesPart choices) {
		this.choices = choices;
		this.kpiChoices = kpiChoices;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.cycles = cycles;
		this.identity = identity;
	}

	@GetMapping("/okrs/objectives/{id}/edit")
	String form(@PathVariable String id, Model model) {
		Caller caller = identity.caller();
		OkrViews.ObjectiveView objective = objectives.get(Ids.parse(id, "objective"), null, caller);
		if (!objectives.mayChange(objective, caller)) {
			throw new AccessDeniedException("Only a lead of the team, the owner of an individual objective or an admin"
					+ " may change it");
		}
		page(objective, null, Map.of(), caller, model);
		return "okr/edit";
	}

	@PostMapping("/okrs/objectives/{id}/edit")
	String update(@PathVariable String id, @ModelAttribute ObjectiveEdit form, Model model,
			HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID objectiveId = Ids.parse(id, "objective");
		OkrViews.ObjectiveView objective = objectives.get(objectiveId, null, caller);
		Map<String, String> errors = new HashMap<>();
		var command = form.command(objective, errors);
		Refusal refusal = command == null ? Refusal.INVALID
				: attempt(errors, "teamId", () -> objectives.update(objectiveId, command, versions(form.version()), caller));
		if (refusal == null) {
			return "redirect:/okrs/objectives/" + id;
		}
		model.addAttribute("objectiveForm", form);
		return refused(objective, OBJECTIVE, refusal, errors, caller, model, response);
	}

	@PostMapping("/okrs/key-results/{id}/edit")
	String updateKeyResult(@PathVariable String id, @ModelAttribute KeyResultEdit form, Model model,
			HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID krId = Ids.parse(id, "key result");
		OkrViews.KeyResultView kr = keyResults.get(krId, null, caller);
		Map<String, String> errors = new HashMap<>();
		var command = form.command(kr, errors);
		Refusal refusal = command == null ? Refusal.INVALID
				: attempt(errors, "title", () -> keyResults.update(krId, command, versions(form.version()), caller));
		if (refusal == null) {
			return "redirect:/okrs/objectives/" + kr.objectiveId() + "#kr-" + kr.id();
		}
		return refused(objectives.get(UUID.fromString(kr.objectiveId()), null, caller), kr.id(), refusal, errors,
				caller, model.addAttribute("typed", form), response);
	}

	@PostMapping("/okrs/objectives/{id}/key-results")
	String addKeyResult(@PathVariable String id, @ModelAttribute ObjectiveForm.KeyResultRow form, Model model,
			HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID objectiveId = Ids.parse(id, "objective");
		OkrViews.ObjectiveView objective = objectives.get(objectiveId, null, caller);
		Map<String, String> errors = new HashMap<>();
		if (form.blank()) {
			errors.put("title", "Say what will be true.");
		}
		var command = form.command("", errors);
		Refusal refusal = !errors.isEmpty() ? Refusal.INVALID
				: attempt(errors, "title", () -> keyResults.add(objectiveId, command, caller));
		if (refusal == null) {
			return "redirect:/okrs/objectives/" + id + "/edit";
		}
		return refused(objective, NEW_KEY_RESULT, refusal, errors, caller, model.addAttribute("newKeyResult", form),
				response);
	}

	@PostMapping("/okrs/key-results/{id}/move")
	String move(@PathVariable String id, @RequestParam(required = false) String objectiveId, Model model,
			HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID krId = Ids.parse(id, "key result");
		OkrViews.KeyResultView kr = keyResults.get(krId, null, caller);
		Map<String, String> errors = new HashMap<>();
		if (objectiveId == null || objectiveId.isBlank()) {
			errors.put("objectiveId", "Choose the objective it moves to.");
		}
		Refusal refusal = !errors.isEmpty() ? Refusal.INVALID
				: attempt(errors, "objectiveId",
						() -> keyResults.move(krId, new OkrCommands.MoveKeyResult(objectiveId.strip()), caller));
		if (refusal == null) {
			return "redirect:/okrs/objectives/" + objectiveId.strip() + "#kr-" + kr.id();
		}
		return refused(objectives.get(UUID.fromString(kr.objectiveId()), null, caller), "move-" + kr.id(), refusal,
				errors, caller, model, response);
	}

	@PostMapping("/okrs/key-results/{id}/delete")
	String deleteKeyResult(@PathVariable String id, Model model, HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID krId = Ids.parse(id, "key result");
		OkrViews.KeyResultView kr = keyResults.get(krId, null, caller);
		Map<String, String> errors = new HashMap<>();
		Refusal refusal = attempt(errors, "objectiveId", () -> keyResults.delete(krId, caller));
		if (refusal == null) {
			return "redirect:/okrs/objectives/" + kr.objectiveId() + "/edit";
		}
		return refused(objectives.get(UUID.fromString(kr.objectiveId()), null, caller), "move-" + kr.id(), refusal,
				errors, caller, model, response);
	}

	@PostMapping("/okrs/objectives/{id}/delete")
	String delete(@PathVariable String id, Model model, HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID objectiveId = Ids.parse(id, "objective");
		OkrViews.ObjectiveView objective = objectives.get(objectiveId, null, caller);
		Map<String, String> errors = new HashMap<>();
		Refusal refusal = attempt(errors, "remove", () -> objectives.delete(objectiveId, caller));
		if (refusal == null) {
			return "redirect:/okrs?cycleId=" + objective.cycleId();
		}
		return refusedRemoval(objective, refusal, errors, caller, model, response);
	}

	@PostMapping("/okrs/objectives/{id}/archive")
	String archive(@PathVariable String id, @RequestParam(required = false) Long version, Model model,
			HttpServletResponse response) {
		return archived(id, true, version, model, response);
	}

	@PostMapping("/okrs/objectives/{id}/restore")
	String restore(@PathVariable String id, @RequestParam(required = false) Long version, Model model,
			HttpServletResponse response) {
		return archived(id, false, version, model, response);
	}

	private String archived(String id, boolean archived, Long version, Model model, HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID objectiveId = Ids.parse(id, "objective");
		OkrViews.ObjectiveView objective = objectives.get(objectiveId, null, caller);
		Map<String, String> errors = new HashMap<>();
		Refusal refusal = attempt(errors, "remove",
				() -> objectives.archive(objectiveId, archived, versions(version), caller));
		if (refusal == null) {
			return "redirect:/okrs/objectives/" + id;
		}
		return refusedRemoval(objective, refusal, errors, caller, model, response);
	}

	/** A refused delete, archive or restore: the page, with the message beside the removal card. */
	private String refusedRemoval(OkrViews.ObjectiveView objective, Refusal refusal, Map<String, String> errors,
			Caller caller, Model model, HttpServletResponse response) {
		if (errors.containsKey("")) {
			errors.putIfAbsent("remove", errors.remove(""));
		}
		return refused(objective, "remove", refusal, errors, caller, model, response);
	}

	@PostMapping("/okrs/objectives/{id}/carry-over")
	String carryOver(@PathVariable String id, @RequestParam(required = false) String cycleId, Model model,
			HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID objectiveId = Ids.parse(id, "objective");
		OkrViews.ObjectiveView objective = objectives.get(objectiveId, null, caller);
		Map<String, String> errors = new HashMap<>();
		if (cycleId == null || cycleId.isBlank()) {
			errors.put("cycleId", "Choose the cycle it goes on in.");
		}
		String[] copy = new String[1];
		Refusal refusal = !errors.isEmpty() ? Refusal.INVALID : attempt(errors, "cycleId",
				() -> copy[0] = objectives.carryOver(objectiveId, new OkrCommands.CarryOver(cycleId.strip()), caller).id());
		if (refusal == null) {
			return "redirect:/okrs/objectives/" + copy[0];
		}
		return refused(objective, CARRY_OVER, refusal, errors, caller, model, response);
	}

	/** Why the service refused a change; each answers its own status. */
	private enum Refusal {
		INVALID(422), NOT_ALLOWED(403), CONFLICT(409);

		final int status;

		Refusal(int status) {
			this.status = status;
		}
	}

	/**
	 * Runs the change; a refusal is noted in {@code errors} by field (a refusal of rights under
	 * {@code rightsField}; a conflict under {@code ""}, shown above the form).
	 */
	private static Refusal attempt(Map<String, String> errors, String rightsField, Runnable change) {
		try {
			change.run();
			return null;
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
			return Refusal.INVALID;
		}
		catch (StaleVersionException e) {
			errors.put("", "Someone changed this meanwhile; what you typed is below. Reload the page to see their"
					+ " change, then make yours again.");
			return Refusal.CONFLICT;
		}
		catch (ConflictException e) {
			errors.put("", e.getMessage() + ".");
			return Refusal.CONFLICT;
		}
		catch (AccessDeniedException e) {
			errors.put(rightsField, "You may not make this change: a lead of the team, the owner of an individual"
					+ " objective, or an admin can.");
			return Refusal.NOT_ALLOWED;
		}
	}

	private String refused(OkrViews.ObjectiveView objective, String form, Refusal refusal, Map<String, String> errors,
			Caller caller, Model model, HttpServletResponse response) {
		response.setStatus(refusal.status);
		page(objective, form, errors, caller, model);
		return "okr/edit";
	}

	private static Versions versions(Long version) {
		return new Versions(version, false);
	}

	/** The page; {@code refusedForm} names the form that comes back with {@code errors} and what was typed. */
	private void page(OkrViews.ObjectiveView objective, String refusedForm, Map<String, String> errors, Caller caller,
			Model model) {
		OkrViews.CycleView cycle = cycles.get(UUID.fromString(objective.cycleId()));
		Map<String, KeyResultEdit> keyResultForms = new LinkedHashMap<>();
		objective.keyResults().forEach(kr -> keyResultForms.put(kr.id(), KeyResultEdit.of(kr)));
		if (model.getAttribute("typed") instanceof KeyResultEdit typed) {
			keyResultForms.put(refusedForm, typed);
		}
		model.addAttribute("section", "okrs");
		model.addAttribute("cycle", cycle);
		model.addAttribute("objective", objective);
		if (!model.containsAttribute("objectiveForm")) {
			model.addAttribute("objectiveForm", ObjectiveEdit.of(objective));
		}
		model.addAttribute("keyResultForms", keyResultForms);
		if (!model.containsAttribute("newKeyResult")) {
			model.addAttribute("newKeyResult", ObjectiveForm.KeyResultRow.EMPTY);
		}
		model.addAttribute("refused", refusedForm == null ? "" : refusedForm);
		model.addAttribute("errors", errors);
		List<String> teams = new java.util.ArrayList<>();
		teams.add(objective.teamId() == null ? "" : objective.teamId());
		if (model.getAttribute("objectiveForm") instanceof ObjectiveEdit typed && typed.teamId() != null) {
			teams.add(typed.teamId());
		}
		model.addAttribute("teams", identity.teamsOffered(teams));
		List<String> owners = new java.util.ArrayList<>();
		owners.add(objective.ownerId());
		objective.keyResults().forEach(kr -> owners.add(kr.ownerId()));
		owners.removeIf(java.util.Objects::isNull);
		model.addAttribute("choosable", identity.peopleToChoose(owners));
		List<String> kpis = new java.util.ArrayList<>();
		keyResultForms.values().forEach(kr -> kpis.add(kr.kpiId()));
		if (model.getAttribute("newKeyResult") instanceof ObjectiveForm.KeyResultRow row) {
			kpis.add(row.kpiId());
		}
		model.addAttribute("kpiChoices", kpiChoices.stream().findFirst().map(c -> c.choose(kpis, List.of()))
			.orElse(java.util.Map.of()));
		String parent = model.getAttribute("objectiveForm") instanceof ObjectiveEdit typed ? typed.parentId()
				: objective.parentId();
		model.addAttribute("parentChoices", choices.first(cycle.id(), objective.id(), parent));
		model.addAttribute("moveChoices", choices.first(cycle.id(), objective.id(), null));
		model.addAttribute("laterCycles", cycles.list(null, 1000).stream()
			.filter(c -> c.state() != CycleState.CLOSED && !c.id().equals(cycle.id()))
			.toList());
		model.addAttribute("open", cycle.state() != CycleState.CLOSED);
		model.addAttribute("started", cycle.state() != CycleState.PLANNING);
		model.addAttribute("krTypes", List.of("INCREASE", "DECREASE", "THRESHOLD", "MILESTONE", "BASELINE"));
	}
}
