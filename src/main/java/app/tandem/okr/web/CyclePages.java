package app.tandem.okr.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.Cycles;
import app.tandem.okr.KeyResults;
import app.tandem.okr.ObjectiveListQuery;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.SuggestedCycle;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;

/**
 * Cycles in the browser: the list with a form for a new one (admins), and the end of a cycle: each objective's
 * score, a grade with a note on each key result and a retrospective on each objective (saved in place), then
 * closing the cycle, which freezes the scores. Each save carries the version it was made on, so two people
 * grading at once do not overwrite each other silently.
 */
@Controller
class CyclePages {

	private final Cycles cycles;

	private final Objectives objectives;

	private final KeyResults keyResults;

	private final IdentityApi identity;

	private final java.time.Clock clock;

	CyclePages(Cycles cycles, Objectives objectives, KeyResults keyResults, IdentityApi identity,
			java.time.Clock clock) {
		this.cycles = cycles;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.identity = identity;
		this.clock = clock;
	}

	/** Retrospectives open once the cycle has ended (its last day is past, or it is closed). */
	private boolean ended(OkrViews.CycleView cycle) {
		return cycle.state().name().equals("CLOSED")
				|| cycle.endDate().isBefore(LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
	}

	/** The new-cycle form offers the next quarter: most admins only press "Create cycle". */
	@GetMapping("/cycles")
	String list(Model model) {
		SuggestedCycle next = SuggestedCycle.after(
				cycles.list(null, 1000).stream().map(OkrViews.CycleView::endDate).toList(),
				LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
		page(model, Map.of("name", next.name(), "startDate", next.start().toString(), "endDate", next.end().toString()),
				Map.of());
		return "okr/cycles";
	}

	@PostMapping("/cycles")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String startDate,
			@RequestParam(required = false) String endDate, @RequestParam(required = false) String then, Model model,
			HttpServletResponse response) {
		identity.requireAdmin();
		Map<String, String> errors = new HashMap<>();
		if (name == null || name.isBlank()) {
			errors.put("name", "Name the cycle, such as 2027-Q1.");
		}
		LocalDate start = FormValues.requiredDate(startDate, "startDate", errors);
		LocalDate end = FormValues.requiredDate(endDate, "endDate", errors);
		if (errors.isEmpty()) {
			try {
				OkrViews.CycleView created = cycles.create(new OkrCommands.CreateCycle(name.strip(), start, end));
				// from Home's checklist the next step is the first objective
				return ("objective".equals(then) ? "redirect:/okrs/new?cycleId=" : "redirect:/okrs?cycleId=") + created.id();
			}
			catch (InvalidInputException e) {
				e.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
			}
		}
		response.setStatus(422);
		page(model, Map.of("name", nz(name), "startDate", nz(startDate), "endDate", nz(endDate)), errors);
		return "okr/cycles";
	}

	/** An admin changes a cycle's name or dates; dates that would leave check-ins outside the cycle are refused. */
	@PostMapping("/cycles/{id}")
	String update(@PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
			@RequestParam(required = false) Long version, Model model, HttpServletResponse response) {
		identity.requireAdmin();
		UUID cycleId = Ids.parse(id, "cycle");
		Map<String, String> errors = new HashMap<>();
		if (name == null || name.isBlank()) {
			errors.put("name", "Name the cycle, such as 2027-Q1.");
		}
		LocalDate start = FormValues.requiredDate(startDate, "startDate", errors);
		LocalDate end = FormValues.requiredDate(endDate, "endDate", errors);
		int status = 422;
		if (errors.isEmpty()) {
			try {
				cycles.update(cycleId, new OkrCommands.UpdateCycle(name.strip(), start, end, version),
						new Versions(version, false));
				return "redirect:/cycles";
			}
			catch (InvalidInputException e) {
				e.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
			}
			catch (StaleVersionException e) {
				errors.put("", "Someone changed this cycle meanwhile. Reload the page to see their change.");
				status = 409;
			}
			catch (ConflictException e) {
				errors.put("", e.getMessage() + ".");
				status = 409;
			}
		}
		response.setStatus(status);
		Map<String, String> shown = new HashMap<>();
		errors.forEach((field, message) -> shown.put("edit." + id + "." + field, message));
		model.addAttribute("editing", id);
		model.addAttribute("edited", Map.of("name", nz(name), "startDate", nz(startDate), "endDate", nz(endDate)));
		page(model, Map.of("name", "", "startDate", "", "endDate", ""), shown);
		return "okr/cycles";
	}

	private void page(Model model, Map<String, String> form, Map<String, String> errors) {
		model.addAttribute("section", "okrs");
		model.addAttribute("cycles", cycles.list(null, 1000).stream()
			.sorted(Comparator.comparing(OkrViews.CycleView::startDate).reversed())
			.toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("admin", identity.rightsOf(identity.caller()).admin());
	}

	@GetMapping("/cycles/{id}/review")
	String review(@PathVariable String id, @RequestParam(required = false) String unconfirmed, Model model) {
		OkrViews.CycleView cycle = cycles.get(Ids.parse(id, "cycle"));
		model.addAttribute("unconfirmed", unconfirmed != null);
		Caller caller = identity.caller();
		model.addAttribute("section", "okrs");
		model.addAttribute("cycle", cycle);
		ObjectiveListQuery all = new ObjectiveListQuery(UUID.fromString(cycle.id()), null, null, null, null, false);
		OkrViews.ObjectivePage page = objectives.page(all, 0, REVIEW_PAGE, caller);
		reviewPart(cycle, page, caller, model);
		model.addAttribute("objectiveCount", page.total());
		model.addAttribute("keyResultCount", objectives.keyResultCount(all, caller));
		model.addAttribute("admin", identity.rightsOf(caller).admin());
		model.addAttribute("closed", cycle.state().name().equals("CLOSED"));
		model.addAttribute("ended", ended(cycle));
		return "okr/review";
	}

	/** How many objectives the review shows at once, and each "Show more" adds. */
	static final int REVIEW_PAGE = 25;

	/** The next objectives of the review, after "Show more". */
	@GetMapping("/cycles/{id}/review/more")
	String reviewMore(@PathVariable String id, @RequestParam int offset, Model model) {
		OkrViews.CycleView cycle = cycles.get(Ids.parse(id, "cycle"));
		Caller caller = identity.caller();
		OkrViews.ObjectivePage page = objectives.page(new ObjectiveListQuery(UUID.fromString(cycle.id()), null, null,
				null, null, false), Math.max(0, offset), REVIEW_PAGE, caller);
		model.addAttribute("cycle", cycle);
		model.addAttribute("closed", cycle.state().name().equals("CLOSED"));
		model.addAttribute("ended", ended(cycle));
		reviewPart(cycle, page, caller, model);
		return "okr/review :: part";
	}

	private void reviewPart(OkrViews.CycleView cycle, OkrViews.ObjectivePage page, Caller caller, Model model) {
		model.addAttribute("objectives", page.objectives());
		// grade inputs only where the person may grade: a lead grades their teams' key results, not others'
		model.addAttribute("mayGrade", page.objectives().stream().filter(o -> objectives.mayChange(o, caller))
			.map(OkrViews.ObjectiveView::id)
			.collect(java.util.stream.Collectors.toSet()));
		if (page.next() >= 0) {
			model.addAttribute("moreUrl", "/cycles/" + cycle.id() + "/review/more?offset=" + page.next());
			model.addAttribute("left", page.total() - page.next());
			model.addAttribute("nextCount", Math.min(REVIEW_PAGE, page.total() - page.next()));
		}
	}

	/** A key result's grade (0 to 1) and note, from its row on the review page (htmx); answers the row again. */
	@PostMapping("/okrs/key-results/{id}/grade")
	String grade(@PathVariable String id, @RequestParam(required = false) String grade,
			@RequestParam(required = false) String gradeNote, @RequestParam(required = false) Long version,
			Model model, HttpServletResponse response) {
		UUID krId = Ids.parse(id, "key result");
		Caller caller = identity.caller();
		String problem = null;
		Double value = null;
		String typed = grade == null ? "" : grade.strip();
		try {
			value = typed.isEmpty() ? null : Double.valueOf(typed.replace(',', '.'));
			if (value != null && !(value >= 0 && value <= 1)) {
				problem = "Grade from 0.0 to 1.0, such as 0.7.";
			}
		}
		catch (NumberFormatException e) {
			problem = "Grade from 0.0 to 1.0, such as 0.7.";
		}
		if (problem == null) {
			try {
				keyResults.update(krId, new OkrCommands.UpdateKeyResult(null, null, null, null, null, null, null, null,
						null, null, value, gradeNote == null ? null : gradeNote.strip(), null, null),
						new Versions(version, false), caller);
				model.addAttribute("saved", true);
			}
			catch (StaleVersionException e) {
				problem = "Someone changed this key result meanwhile: reload the page to see their change.";
				response.setStatus(409);
			}
			catch (ConflictException e) {
				problem = e.getMessage();
				response.setStatus(409);
			}
			catch (InvalidInputException e) {
				problem = e.errors().get(0).message();
			}
			catch (AccessDeniedException e) {
				problem = "Only the key result's owner, a lead of the team or an admin may grade it.";
				response.setStatus(403);
			}
		}
		if (problem != null && response.getStatus() < 400) {
			response.setStatus(422);
		}
		OkrViews.KeyResultView kr = keyResults.get(krId, null, caller);
		model.addAttribute("kr", kr);
		model.addAttribute("problem", problem);
		model.addAttribute("typedGrade", problem == null ? null : typed);
		model.addAttribute("closed", false);
		return "okr/review :: gradeRow";
	}

	/** An objective's retrospective, from the review page (htmx); answers its form again. */
	@PostMapping("/okrs/objectives/{id}/retrospective")
	String retrospective(@PathVariable String id, @RequestParam(required = false) String retrospective,
			@RequestParam(required = false) Long version, Model model, HttpServletResponse response) {
		UUID objectiveId = Ids.parse(id, "objective");
		Caller caller = identity.caller();
		String problem = null;
		if (retrospective != null && retrospective.length() > 10_000) {
			problem = "Keep the retrospective under 10,000 characters.";
			response.setStatus(422);
		}
		else {
			try {
				objectives.update(objectiveId, new OkrCommands.UpdateObjective(null, null, null, null, null, null, null,
						null, null, retrospective == null ? "" : retrospective.strip(), null),
						new Versions(version, false), caller);
				model.addAttribute("saved", true);
			}
			catch (StaleVersionException e) {
				problem = "Someone changed this objective meanwhile: reload the page to see their change.";
				response.setStatus(409);
			}
			catch (ConflictException e) {
				problem = e.getMessage();
				response.setStatus(409);
			}
			catch (AccessDeniedException e) {
				problem = "Only the objective's owner, a lead of the team or an admin may write its retrospective.";
				response.setStatus(403);
			}
		}
		OkrViews.ObjectiveView o = objectives.get(objectiveId, null, caller);
		model.addAttribute("o", o);
		model.addAttribute("problem", problem);
		model.addAttribute("typed", problem == null ? null : retrospective);
		OkrViews.CycleView cycle = cycles.get(UUID.fromString(o.cycleId()));
		model.addAttribute("cycle", cycle);
		model.addAttribute("ended", ended(cycle));
		return "okr/review :: retrospective";
	}

	/** Closes the cycle (admins): its scores are frozen. */
	@PostMapping("/cycles/{id}/close")
	String close(@PathVariable String id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String confirm) {
		identity.requireAdmin();
		UUID cycleId = Ids.parse(id, "cycle");
		// closing cannot be undone: the form asks the admin to confirm what it freezes
		if (!"yes".equals(confirm)) {
			return "redirect:/cycles/" + cycleId + "/review?unconfirmed#close";
		}
		cycles.close(cycleId, new Versions(version, false));
		return "redirect:/cycles/" + cycleId + "/review";
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
