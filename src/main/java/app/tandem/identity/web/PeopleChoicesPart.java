package app.tandem.identity.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.IdentityApi;

/**
 * The people a form's choice of an owner offers, for the search field beside it (tandem.js adds it to every select
 * marked {@code data-choices}): those whose name or user name holds the words typed, and the one chosen. An
 * organisation of thousands cannot offer everybody in every select.
 */
@Controller
class PeopleChoicesPart {

	private final IdentityApi identity;

	PeopleChoicesPart(IdentityApi identity) {
		this.identity = identity;
	}

	/** {@code blank}: the message naming the choice of nobody ("Nobody in particular"), if the select has one. */
	@GetMapping("/people/choices")
	String choices(@RequestParam(required = false) String q, @RequestParam(required = false) String selected,
			@RequestParam(required = false) String blank, Model model) {
		List<String> words = app.tandem.shared.SearchWords.of(q);
		model.addAttribute("people", identity.peopleToChoose(selected == null || selected.isBlank() ? List.of()
				: List.of(selected), words));
		model.addAttribute("selected", selected == null ? "" : selected);
		model.addAttribute("blank", blank != null && BLANKS.contains(blank) ? blank : null);
		return "fragments/people :: options";
	}

	/** The messages a choice of nobody may say. */
	private static final List<String> BLANKS = List.of("edit.noOwner", "new.kr.ownerDefault", "kpis.form.noOwner",
			"okrs.filter.all", "admin.teams.choosePerson");
}
