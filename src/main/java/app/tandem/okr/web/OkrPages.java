package app.tandem.okr.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.CheckInForm;
import app.tandem.okr.CycleReads;
import app.tandem.okr.KeyResults;
import app.tandem.okr.KpiChoices;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.Level;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import tools.jackson.databind.ObjectMapper;

/**
 * The OKR pages: a cycle's objectives grouped by level and team, and an objective with its key results, their
 * charts, and a check-in form on each that updates the key result and the objective in place (htmx).
 */
@Controller
class OkrPages {

	private final Objectives objectives;

	private final KeyResults keyResults;

	private final CycleReads okr;

	private final IdentityApi identity;

	private final KeyResultChart charts;

	private final MessageSource messages;

	private final ObjectProvider<KpiChoices> kpiChoices;

	OkrPages(Objectives objectives, KeyResults keyResults, CycleReads okr, IdentityApi identity, ObjectMapper json,
			MessageSource messages, ObjectProvider<KpiChoices> kpiChoices) {
		this.kpiChoices = kpiChoices;
		this.messages = messages;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.okr = okr;
		this.identity = identity;
		this.charts = new KeyResultChart(json);
	}

	/** A group of the list: a level, and within TEAM and INDIVIDUAL a team. */
	record Group(Level level, String team, List<OkrViews.ObjectiveView> objectives) {
	}

	@GetMapping("/okrs")
	String list(@RequestParam(required = false) String cycleId, @RequestParam(required = false) String level,
			@RequestParam(required = false) String teamId, @RequestParam(required = false) String status,
			@RequestParam(required = false) String ownerId, Model model) {
		Caller caller = identity.caller();
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		Map<String, String> teams = teamNames();
		List<OkrViews.ObjectiveView> shown = cycle == null ? List.of()
				: objectives.inCycle(UUID.fromString(cycle.id()), caller).stream()
					.filter(o -> blank(level) || o.level().name().equals(level))
					.filter(o -> blank(teamId) || teamId.equals(o.teamId()))
					.filter(o -> blank(status) || o.status().name().equals(status))
					.filter(o -> blank(ownerId) || owns(ownerId, o))
					.toList();
		Map<String, Group> groups = new LinkedHashMap<>();
		shown.stream()
			.sorted(Comparator.comparing((OkrViews.ObjectiveView o) -> o.level().ordinal())
				.thenComparing(o -> teams.getOrDefault(o.teamId(), "~"))
				.thenComparing(OkrViews.ObjectiveView::title))
			.forEach(o -> {
				String team = o.level() == Level.COMPANY ? null : teams.get(o.teamId());
				groups.computeIfAbsent(o.level() + "/" + team, k -> new Group(o.level(), team, new ArrayList<>()))
					.objectives()
					.add(o);
			});
		model.addAttribute("section", "okrs");
		model.addAttribute("cycle", cycle);
		model.addAttribute("groups", groups.values());
		model.addAttribute("teams", teams);
		model.addAttribute("people", identity.peopleToChoose(blank(ownerId) ? List.of() : List.of(ownerId)));
		model.addAttribute("filter", Map.of("level", nz(level), "teamId", nz(teamId), "status", nz(status), "ownerId",
				nz(ownerId)));
		return "okr/list";
	}

	/** A person's OKRs: the objectives they own and those with a key result they own. */
	private static boolean owns(String person, OkrViews.ObjectiveView objective) {
		return person.equals(objective.ownerId())
				|| objective.keyResults().stream().anyMatch(kr -> person.equals(kr.ownerId()));
	}

	@GetMapping("/okrs/objectives/{id}")
	String objective(@PathVariable String id, Model model) {
		Caller caller = identity.caller();
		OkrViews.ObjectiveView objective = objectives.get(Ids.parse(id, "objective"), null, caller);
		page(objective, caller, model);
		return "okr/objective";
	}

	/** A key result is shown on its objective's page (links from the coach and the inbox name key results). */
	@GetMapping("/okrs/key-results/{id}")
	String keyResult(@PathVariable String id) {
		OkrViews.KeyResultView kr = keyResults.get(Ids.parse(id, "key result"), null, identity.caller());
		return "redirect:/okrs/objectives/" + kr.objectiveId() + "#kr-" + kr.id();
	}

	/**
	 * A check-in from the form on a key result: answers the key result's part of the page and, out of band, the
	 * objective's summary; bad input answers the form again with the messages beside the fields and what was
	 * typed (422).
	 */
	@PostMapping("/okrs/key-results/{id}/check-ins")
	String checkIn(@PathVariable String id, @RequestParam(required = false) String value,
			@RequestParam(required = false) String achieved, @RequestParam(required = false) String confidence,
			@RequestParam(required = false) String note, Model model, HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID krId = Ids.parse(id, "key result");
		OkrViews.KeyResultView kr = keyResults.get(krId, null, caller);
		CheckInForm form = new CheckInForm(value, achieved != null, confidence, note);
		Map<String, String> errors = new HashMap<>();
		try {
			OkrCommands.RecordCheckIn command = form.command(kr.type(), errors);
			if (command != null) {
				keyResults.checkIn(krId, command, caller);
				form = CheckInForm.EMPTY;
				model.addAttribute("saved", true);
			}
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
		}
		if (!errors.isEmpty()) {
			response.setStatus(422);
		}
		OkrViews.ObjectiveView objective = objectives.get(UUID.fromString(kr.objectiveId()), null, caller);
		page(objective, caller, model);
		model.addAttribute("form", form);
		model.addAttribute("formFor", kr.id());
		model.addAttribute("errors", errors);
		model.addAttribute("kr", objective.keyResults().stream().filter(k -> k.id().equals(kr.id())).findFirst()
			.orElseThrow());
		return "okr/parts :: checkedIn";
	}

	private void page(OkrViews.ObjectiveView objective, Caller caller, Model model) {
		OkrViews.CycleView cycle = okr.cycle(UUID.fromString(objective.cycleId()));
		Map<String, String> charts = new HashMap<>();
		Map<String, List<OkrViews.CheckInView>> history = new HashMap<>();
		Map<String, List<OkrViews.ChangeView>> changes = new HashMap<>();
		Map<String, String> movedBetween = new HashMap<>();
		java.util.Locale locale = LocaleContextHolder.getLocale();
		java.util.function.UnaryOperator<String> legend = name -> messages.getMessage("kr.chart." + name, null, name,
				locale);
		for (OkrViews.KeyResultView kr : objective.keyResults()) {
			List<OkrViews.CheckInView> checkIns = keyResults.checkIns(UUID.fromString(kr.id()), null, 100, caller);
			history.put(kr.id(), checkIns);
			List<OkrViews.ChangeView> changed = keyResults.changes(UUID.fromString(kr.id()), caller).stream()
				.filter(c -> c.field() != null)
				.toList();
			changes.put(kr.id(), changed);
			changed.stream()
				.filter(c -> c.field().equals("objectiveId"))
				.flatMap(c -> java.util.stream.Stream.of(c.oldValue(), c.newValue()))
				.forEach(objectiveId -> movedBetween.computeIfAbsent(objectiveId,
						key -> objectives.titleIfVisible(UUID.fromString(key), caller)));
			charts.put(kr.id(), this.charts.option(kr, cycle, checkIns, legend));
		}
		model.addAttribute("section", "okrs");
		model.addAttribute("cycle", cycle);
		model.addAttribute("objective", objective);
		model.addAttribute("charts", charts);
		model.addAttribute("history", history);
		model.addAttribute("definitionChanges", changes);
		model.addAttribute("movedBetween", movedBetween);
		// a closed cycle's pages are read-only: no Change, no check-in forms
		boolean open = cycle.state() != app.tandem.okr.domain.CycleState.CLOSED;
		model.addAttribute("mayChange", open && objective.archivedAt() == null && objectives.mayChange(objective, caller));
		model.addAttribute("mayRestore", open && objectives.mayChange(objective, caller));
		model.addAttribute("pastEnd", open && cycle.endDate().isBefore(java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
		model.addAttribute("people", identity.displayNames());
		model.addAttribute("kpiNames", objective.keyResults().stream().anyMatch(kr -> kr.kpiId() != null)
				? kpiChoices.stream().findFirst().map(KpiChoices::byName).orElse(Map.of()) : Map.of());
		model.addAttribute("teams", teamNames());
		model.addAttribute("parent", parent(objective, caller));
		model.addAttribute("mayCheckIn", identity.rightsOf(caller).contributes());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CheckInForm.EMPTY);
			model.addAttribute("errors", Map.of());
		}
	}

	/** The objective it is aligned to, if the caller may see it. */
	private OkrViews.ObjectiveView parent(OkrViews.ObjectiveView objective, Caller caller) {
		if (objective.parentId() == null) {
			return null;
		}
		try {
			return objectives.get(UUID.fromString(objective.parentId()), null, caller);
		}
		catch (NotFoundException | AccessDeniedException e) {
			return null;
		}
	}


	private Map<String, String> teamNames() {
		Map<String, String> names = new HashMap<>();
		identity.allTeams().forEach(t -> names.put(t.id().toString(), t.name()));
		return names;
	}


	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
