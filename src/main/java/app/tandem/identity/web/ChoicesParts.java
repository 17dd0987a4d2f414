package app.tandem.identity.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.IdentityApi;
import app.tandem.shared.SearchWords;

/**
 * The people and the teams a form's or filter's choice offers, for the search field beside it (tandem.js adds it to
 * every select marked {@code data-choices}): those whose name (or user name, or key) holds the words typed, and the
 * one chosen. An organisation of thousands of people and a thousand teams cannot offer all of them in every select.
 */
@Controller
class ChoicesParts {

	/** The messages a choice of nobody may say. */
	private static final List<String> NOBODY = List.of("edit.noOwner", "new.kr.ownerDefault", "kpis.form.noOwner",
			"okrs.filter.all", "admin.teams.choosePerson");

	/** The messages a choice of no team may say. */
	private static final List<String> NO_TEAM = List.of("okrs.filter.all", "kpis.filter.all", "new.noTeam",
			"kpis.form.noTeam", "admin.teams.top", "webhooks.wholeOrganisation");

	private final IdentityApi identity;

	ChoicesParts(IdentityApi identity) {
		this.identity = identity;
	}

	/** {@code blank}: the message naming the choice of nobody ("Nobody in particular"), if the select has one. */
	@GetMapping("/people/choices")
	String people(@RequestParam(required = false) String q, @RequestParam(required = false) String selected,
			@RequestParam(required = false) String blank, Model model) {
		model.addAttribute("people", identity.peopleToChoose(chosen(selected), SearchWords.of(q)));
		answer(selected, blank, NOBODY, model);
		return "fragments/people :: options";
	}

	/** {@code blank}: the message naming the choice of no team ("All", "No team"), if the select has one. */
	@GetMapping("/teams/choices")
	String teams(@RequestParam(required = false) String q, @RequestParam(required = false) String selected,
			@RequestParam(required = false) String blank, Model model) {
		model.addAttribute("teams", identity.teamsToChoose(chosen(selected), SearchWords.of(q)));
		answer(selected, blank, NO_TEAM, model);
		return "fragments/teams :: options";
	}

	private static List<String> chosen(String selected) {
		return selected == null || selected.isBlank() ? List.of() : List.of(selected);
	}

	/** The one chosen, and the blank choice's words if they are among those the select may say. */
	private static void answer(String selected, String blank, List<String> blanks, Model model) {
		model.addAttribute("selected", selected == null ? "" : selected);
		model.addAttribute("blank", blank != null && blanks.contains(blank) ? blank : null);
	}
}
