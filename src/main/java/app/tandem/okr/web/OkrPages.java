package app.tandem.okr.web;

import java.util.ArrayList;
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
import app.tandem.okr.ObjectiveListQuery;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.Status;
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

	/** How many objectives the list shows at once, and each "Show more" adds. */
	static final int PAGE = 50;

	/**
	 * A group of the list: a level, and within TEAM and INDIVIDUAL a team. {@code continued}: it goes on from the
	 * part of the list shown before ("Show more"), so it has no heading of its own.
	 */
	record Group(Level level, String team, String key, List<OkrViews.ObjectiveView> objectives, boolean continued) {
	}

	/** The list's filters as the form sends them; blank is "all". */
	record ListFilter(String cycleId, String level, String teamId, String status, String ownerId, String archived) {

		ObjectiveListQuery query(UUID cycle) {
			return new ObjectiveListQuery(cycle, choice(Level.class, level, "level"), Ids.filter(blankToNull(teamId),
					"teamId"), Ids.filter(blankToNull(ownerId), "ownerId"), choice(Status.class, status, "status"),
					"yes".equals(archived));
		}

		Map<String, String> shown() {
			return Map.of("level", nz(level), "teamId", nz(teamId), "status", nz(status), "ownerId", nz(ownerId),
					"archived", "yes".equals(archived) ? "yes" : "");
		}

		private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
			if (blank(value)) {
				return null;
			}
			for (E e : type.getEnumConstants()) {
				if (e.name().equals(value)) {
					return e;
				}
			}
			throw InvalidInputException.of(field, "is not one of the list's choices: " + app.tandem.shared.Excerpt.of(value));
		}
	}

	@GetMapping("/okrs")
	String list(ListFilter filter, Model model) {
		Caller caller = identity.caller();
		OkrViews.CycleView cycle = okr.cycleOrCurrent(filter.cycleId());
		model.addAttribute("section", "okrs");
		model.addAttribute("cycle", cycle);
		model.addAttribute("teamChoices", identity.teamsOffered(blank(filter.teamId()) ? List.of()
				: List.of(filter.teamId())));
		model.addAttribute("people", identity.peopleToChoose(blank(filter.ownerId()) ? List.of()
				: List.of(filter.ownerId())));
		model.addAttribute("filter", filter.shown());
		OkrViews.ObjectivePage page = cycle == null ? new OkrViews.ObjectivePage(List.of(), 0, -1)
				: objectives.page(filter.query(UUID.fromString(cycle.id())), 0, PAGE, caller);
		chunk(page, null, filter, cycle, model);
		return "okr/list";
	}

	/** The next part of the list, after "Show more": its objectives and, if more follow, the button again. */
	@GetMapping("/okrs/more")
	String more(ListFilter filter, @RequestParam int offset, @RequestParam(required = false) String after,
			Model model) {
		if (offset < 0) {
			throw InvalidInputException.of("offset", "must not be negative");
		}
		Caller caller = identity.caller();
		OkrViews.CycleView cycle = okr.cycleOrCurrent(filter.cycleId());
		OkrViews.ObjectivePage page = cycle == null ? new OkrViews.ObjectivePage(List.of(), 0, -1)
				: objectives.page(filter.query(UUID.fromString(cycle.id())), offset, PAGE, caller);
		chunk(page, after, filter, cycle, model);
		return "okr/list :: chunk";
	}

	private void chunk(OkrViews.ObjectivePage page, String after, ListFilter filter, OkrViews.CycleView cycle,
			Model model) {
		Map<String, String> teams = identity.teamNamesOf(page.objectives().stream()
			.map(OkrViews.ObjectiveView::teamId).filter(java.util.Objects::nonNull).toList());
		Map<String, Group> groups = new LinkedHashMap<>();
		for (OkrViews.ObjectiveView o : page.objectives()) {
			String team = o.level() == Level.COMPANY ? null : teams.get(o.teamId());
			String key = o.level() + "/" + (o.level() == Level.COMPANY ? "" : nz(o.teamId()));
			groups.computeIfAbsent(key, k -> new Group(o.level(), team, k, new ArrayList<>(), k.equals(after)))
				.objectives()
				.add(o);
		}
		List<Group> shown = List.copyOf(groups.values());
		model.addAttribute("groups", shown);
		model.addAttribute("ownerNames", identity.namesOf(page.objectives().stream()
			.map(OkrViews.ObjectiveView::ownerId).filter(java.util.Objects::nonNull).distinct().toList()));
		model.addAttribute("total", page.total());
		model.addAttribute("next", page.next());
		if (page.next() >= 0 && cycle != null) {
			String last = shown.isEmpty() ? nz(after) : shown.get(shown.size() - 1).key();
			model.addAttribute("moreUrl", org.springframework.web.util.UriComponentsBuilder.fromPath("/okrs/more")
				.queryParam("cycleId", cycle.id())
				.queryParam("level", nz(filter.level()))
				.queryParam("teamId", nz(filter.teamId()))
				.queryParam("status", nz(filter.status()))
				.queryParam("ownerId", nz(filter.ownerId()))
				.queryParam("archived", "yes".equals(filter.archived()) ? "yes" : "")
				.queryParam("offset", page.next())
				.queryParam("after", last)
				.encode()
				.build()
				.toUriString());
			long left = page.total() < 0 ? -1 : page.total() - page.next();
			model.addAttribute("left", left);
			model.addAttribute("nextCount", Math.min(left, PAGE));
		}
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
		List<String> owners = new ArrayList<>();
		owners.add(objective.ownerId());
		objective.keyResults().forEach(kr -> owners.add(kr.ownerId()));
		model.addAttribute("people", identity.namesOf(owners.stream().filter(java.util.Objects::nonNull).toList()));
		model.addAttribute("kpiNames", objective.keyResults().stream().anyMatch(kr -> kr.kpiId() != null)
				? kpiChoices.stream().findFirst()
					.map(c -> c.namesOf(objective.keyResults().stream().map(OkrViews.KeyResultView::kpiId).toList()))
					.orElse(Map.of())
				: Map.of());
		model.addAttribute("teams", identity.teamNamesOf(objective.teamId() == null ? List.of()
				: List.of(objective.teamId())));
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




	private static String blankToNull(String s) {
		return blank(s) ? null : s;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
