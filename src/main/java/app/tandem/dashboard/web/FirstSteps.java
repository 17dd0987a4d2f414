package app.tandem.dashboard.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.OkrFirstSteps;

/**
 * The checklist an admin of a new organisation sees on Home: teams, people, a cycle, the first objective, the first
 * check-in, each a link to where it is done and ticked once it is. It goes away when every step is done or the admin
 * puts it away (for good, on every node).
 */
@Controller
class FirstSteps {

	private final IdentityApi identity;

	private final OkrFirstSteps okr;

	FirstSteps(IdentityApi identity, OkrFirstSteps okr) {
		this.identity = identity;
		this.okr = okr;
	}

	/** The steps to show this person, or none: only admins set an organisation up. */
	List<Step> of(Caller caller) {
		if (!caller.admin()) {
			return List.of();
		}
		IdentityApi.FirstSteps people = identity.firstSteps(caller);
		if (people.dismissed()) {
			return List.of();
		}
		OkrFirstSteps.Steps okrs = okr.steps();
		List<Step> steps = List.of(new Step("teams", people.team(), "/admin/teams#name"),
				new Step("people", people.people(), "/admin/users#username"),
				new Step("cycle", okrs.cycle(), "/cycles#name"),
				new Step("objective", okrs.objectiveId() != null, "/okrs/new"),
				new Step("checkIn", okrs.checkIn(),
						okrs.objectiveId() == null ? "/check-ins" : "/okrs/objectives/" + okrs.objectiveId()));
		return steps.stream().allMatch(Step::done) ? List.of() : steps;
	}

	/** The cycle the checklist offers to create with one press, while there is none. */
	app.tandem.okr.domain.SuggestedCycle suggestedCycle() {
		return okr.suggestedCycle();
	}

	@PostMapping("/first-steps/dismiss")
	String dismiss() {
		identity.dismissFirstSteps(identity.caller());
		return "redirect:/";
	}

	/** {@code key}: the step's words in the bundle, {@code home.steps.KEY}. */
	record Step(String key, boolean done, String href) {
	}
}
