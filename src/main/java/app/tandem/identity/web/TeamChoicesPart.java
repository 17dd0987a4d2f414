package app.tandem.identity.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.IdentityApi;
import app.tandem.shared.SearchWords;

/**
 * The teams a form's or filter's choice of a team offers, for the search field beside it (tandem.js adds it to every
 * select marked {@code data-choices}): those whose name or key holds the words typed, and the one chosen. An
 * organisation of a thousand teams cannot offer all of them in every select.
 */
@Controller
class TeamChoicesPart {

	private final IdentityApi identity;

	TeamChoicesPart(IdentityApi identity) {
		this.identity = identity;
	}

	/** {@code blank}: the message naming the choice of no team ("All", "No team"), if the select has one. */
	@GetMapping("/teams/choices")
	String choices(@RequestParam(required = false) String q, @RequestParam(required = false) String selected,
			@RequestParam(required = false) String blank, Model model) {
		model.addAttribute("teams", identity.teamsToChoose(selected == null || selected.isBlank() ? List.of()
				: List.of(selected), SearchWords.of(q)));
		model.addAttribute("selected", selected == null ? "" : selected);
		model.addAttribute("blank", blank != null && BLANKS.contains(blank) ? blank : null);
		return "fragments/teams :: options";
	}

	/** The messages a choice of no team may say. */
	private static final List<String> BLANKS = List.of("okrs.filter.all", "kpis.filter.all", "new.noTeam",
			"kpis.form.noTeam", "admin.teams.top");
}
