package app.tandem.okr.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.okr.KpiChoices;
import app.tandem.shared.SearchWords;

/**
 * The KPIs a key result's "Measured by KPI" offers, for the search field beside it (tandem.js adds it to a select
 * marked {@code data-choices}): those whose name or key holds the words typed, and the one chosen.
 */
@Controller
class KpiChoicesPart {

	private final ObjectProvider<KpiChoices> kpiChoices;

	KpiChoicesPart(ObjectProvider<KpiChoices> kpiChoices) {
		this.kpiChoices = kpiChoices;
	}

	@GetMapping("/kpi-choices")
	String choices(@RequestParam(required = false) String q, @RequestParam(required = false) String selected,
			Model model) {
		List<String> chosen = selected == null || selected.isBlank() ? List.of() : List.of(selected);
		model.addAttribute("kpis", kpiChoices.stream().findFirst().map(c -> c.choose(chosen, SearchWords.of(q)))
			.orElse(java.util.Map.of()));
		model.addAttribute("selected", selected == null ? "" : selected);
		return "fragments/kpis :: options";
	}
}
