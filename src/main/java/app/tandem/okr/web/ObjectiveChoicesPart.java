package app.tandem.okr.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;

/**
 * The objectives a form offers to choose from (a parent, where a key result moves): the first of the cycle, or those
 * whose title holds the words typed in the search field beside the choice (htmx fills the select with them). A
 * cycle of thousands of objectives cannot offer them all in every select.
 */
@Controller
class ObjectiveChoicesPart {

	/** How many objectives a choice offers at once. */
	static final int SHOWN = 30;

	private final Objectives objectives;

	private final IdentityApi identity;

	ObjectiveChoicesPart(Objectives objectives, IdentityApi identity) {
		this.objectives = objectives;
		this.identity = identity;
	}

	/** The first objectives of a cycle to choose from, the one chosen first. */
	List<OkrViews.ObjectiveChoice> first(String cycleId, String except, String selected) {
		return objectives.choices(UUID.fromString(cycleId), List.of(), Ids.tryParse(except), Ids.tryParse(selected),
				SHOWN, identity.caller());
	}

	@GetMapping("/okrs/choices")
	String choices(@RequestParam String cycleId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String except, @RequestParam(required = false) String selected,
			@RequestParam(required = false) String blank, Model model) {
		List<String> words = app.tandem.shared.SearchWords.of(q);
		model.addAttribute("blank", "move".equals(blank) ? "move" : "parent");
		model.addAttribute("options", objectives.choices(Ids.parse(cycleId, "cycle"), words, Ids.tryParse(except),
				Ids.tryParse(selected), SHOWN, identity.caller()));
		model.addAttribute("selected", selected == null ? "" : selected);
		return "fragments/picker :: options";
	}
}
