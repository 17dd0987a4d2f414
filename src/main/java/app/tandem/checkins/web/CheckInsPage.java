package app.tandem.checkins.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.checkins.WeeklyCheckIns;
import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.Kpis;
import app.tandem.kpi.MeasurementIngestion;
import app.tandem.okr.CheckInForm;
import app.tandem.okr.KeyResults;
import app.tandem.okr.OkrCommands;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.TypedNumbers;

/**
 * {@code /check-ins}: the week on one page. Each item is checked in where it stands (htmx answers the item alone,
 * done, and the page moves the focus on to the next one); a refused check-in answers its form again with the
 * message beside the field and what was typed (422).
 */
@Controller
class CheckInsPage {

	private final WeeklyCheckIns week;

	private final KeyResults keyResults;

	private final MeasurementIngestion measurements;

	private final Kpis kpis;

	private final IdentityApi identity;

	private final Clock clock;

	CheckInsPage(WeeklyCheckIns week, KeyResults keyResults, MeasurementIngestion measurements, Kpis kpis,
			IdentityApi identity, Clock clock) {
		this.week = week;
		this.keyResults = keyResults;
		this.measurements = measurements;
		this.kpis = kpis;
		this.identity = identity;
		this.clock = clock;
	}

	@GetMapping("/check-ins")
	String page(@RequestParam(required = false) String scope, Model model) {
		Caller caller = identity.caller();
		boolean leads = week.leads(caller);
		model.addAttribute("section", "checkins");
		model.addAttribute("leads", leads);
		WeeklyCheckIns.Week shown = week.of(caller, leads && "team".equals(scope));
		model.addAttribute("week", shown);
		model.addAttribute("team", shown.team());
		model.addAttribute("form", CheckInForm.EMPTY);
		model.addAttribute("errors", Map.of());
		return "checkins/check-ins";
	}

	@PostMapping("/check-ins/key-results/{id}")
	String checkIn(@PathVariable String id, @RequestParam(required = false) String value,
			@RequestParam(required = false) String achieved, @RequestParam(required = false) String confidence,
			@RequestParam(required = false) String note, @RequestParam(required = false) String team, Model model,
			HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID krId = Ids.parse(id, "key result");
		var item = week.keyResult(krId, caller);
		CheckInForm form = new CheckInForm(value, achieved != null, confidence, note);
		Map<String, String> errors = new HashMap<>();
		try {
			OkrCommands.RecordCheckIn command = form.command(item.kr().type(), errors);
			if (command != null) {
				keyResults.checkIn(krId, command, caller);
				model.addAttribute("item", week.keyResult(krId, caller));
				model.addAttribute("team", team != null);
				return "checkins/check-ins :: keyResultDone";
			}
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
		}
		response.setStatus(422);
		model.addAttribute("item", item);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("team", team != null);
		return "checkins/check-ins :: keyResultItem";
	}

	@PostMapping("/check-ins/kpis/{key}/value")
	String kpiValue(@PathVariable String key, @RequestParam(required = false) String value,
			@RequestParam(required = false) String team, Model model, HttpServletResponse response) {
		Caller caller = identity.caller();
		var item = week.kpi(key);
		String typed = value == null ? "" : value.strip();
		Double number = TypedNumbers.decimal(typed);
		String problem = typed.isEmpty() ? "Enter the value." : number == null ? "Enter a number, such as 42 or 12.5." : null;
		if (problem == null) {
			try {
				measurements.one(item.kpi().key(), Instant.now(clock), number, caller);
				model.addAttribute("item", week.kpi(key));
				model.addAttribute("saved", "value");
				model.addAttribute("team", team != null);
				return "checkins/check-ins :: kpiDone";
			}
			catch (InvalidInputException e) {
				problem = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
			}
		}
		response.setStatus(422);
		model.addAttribute("item", item);
		model.addAttribute("typed", typed);
		model.addAttribute("problem", problem);
		model.addAttribute("team", team != null);
		return "checkins/check-ins :: kpiItem";
	}

	@PostMapping("/check-ins/kpis/{key}/review")
	String kpiReview(@PathVariable String key, @RequestParam(required = false) String team, Model model) {
		kpis.markReviewed(key, identity.caller());
		model.addAttribute("item", week.kpi(key));
		model.addAttribute("saved", "review");
		model.addAttribute("team", team != null);
		return "checkins/check-ins :: kpiDone";
	}
}
