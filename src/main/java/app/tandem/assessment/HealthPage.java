package app.tandem.assessment;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.CycleReads;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The health page: a team's health score in the cycle the shell shows (each part a bar with its sentence) and,
 * below, the readiness assessment: the latest scores per practice with their next steps, the overall score over
 * time, and the questionnaire for admins and team leads. A refused questionnaire comes back (422) with each
 * problem beside its question and the answers given kept.
 */
@Controller
class HealthPage {

	/** Form fields are named {@code answer.<question key>}. */
	static final String FIELD = "answer.";

	private final TeamHealth health;

	private final Assessments assessments;

	private final CycleReads okr;

	private final IdentityApi identity;

	private final MessageSource messages;

	private final ObjectMapper json;

	HealthPage(TeamHealth health, Assessments assessments, CycleReads okr, IdentityApi identity, MessageSource messages,
			ObjectMapper json) {
		this.health = health;
		this.assessments = assessments;
		this.okr = okr;
		this.identity = identity;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/health")
	String page(@RequestParam(required = false) String cycleId, @RequestParam(required = false) String teamId,
			Model model) {
		return render(cycleId, teamId, Map.of(), Map.of(), model);
	}

	@PostMapping("/health/assessment")
	String answer(@RequestParam Map<String, String> params, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Caller caller = identity.caller();
		Map<String, String> typed = new LinkedHashMap<>();
		Map<String, Integer> answers = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(FIELD)) {
				String key = name.substring(FIELD.length());
				typed.put(key, value);
				answers.put(key, whole(value));
			}
		});
		String cycleId = params.get("cycleId");
		String teamId = params.get("teamId");
		try {
			assessments.submit(answers, caller);
		}
		catch (InvalidInputException e) {
			Locale locale = LocaleContextHolder.getLocale();
			Map<String, String> errors = new LinkedHashMap<>();
			e.errors().forEach(f -> errors.put(f.field().replaceFirst("^answers\\.", ""),
					messages.getMessage("assessment.error.answer", null, locale)));
			response.setStatus(422);
			return render(cycleId, teamId, typed, errors, model);
		}
		redirect.addFlashAttribute("notice", messages.getMessage("assessment.saved", null, LocaleContextHolder.getLocale()));
		redirect.addAttribute("cycleId", Ids.tryParse(cycleId) == null ? null : cycleId);
		redirect.addAttribute("teamId", Ids.tryParse(teamId) == null ? null : teamId);
		return "redirect:/health#assessment";
	}

	private static Integer whole(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private String render(String cycleId, String teamId, Map<String, String> typed, Map<String, String> errors,
			Model model) {
		Caller caller = identity.caller();
		Locale locale = LocaleContextHolder.getLocale();
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		UUID team = Ids.tryParse(teamId);
		if (team != null && !identity.teamExists(team)) {
			team = null;
		}
		AssessmentViews.Report report = assessments.report(locale);
		model.addAttribute("section", "health");
		model.addAttribute("cycle", cycle);
		model.addAttribute("teams", identity.teamsOffered(team == null ? List.of() : List.of(team.toString())));
		model.addAttribute("teamId", team == null ? "" : team.toString());
		model.addAttribute("health", cycle == null ? null : health.of(cycle, team, caller, locale));
		model.addAttribute("questions", assessments.questions(locale));
		model.addAttribute("report", report);
		model.addAttribute("chart", HistoryChart.of(report.history(),
				messages.getMessage("assessment.history.overall", null, locale), json));
		model.addAttribute("chartLabel", chartLabel(report, locale));
		model.addAttribute("mayAnswer", assessments.mayAnswer(caller));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return "assessment/health";
	}

	/** The chart in words, for those who do not see it: each submission's date and overall score. */
	private String chartLabel(AssessmentViews.Report report, Locale locale) {
		DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
		String points = report.history().stream()
			.map(p -> messages.getMessage("assessment.history.point",
					new Object[] { day.format(p.submittedAt()), p.overall() }, locale))
			.collect(Collectors.joining("; "));
		return messages.getMessage("assessment.history.label", new Object[] { points }, locale);
	}
}
