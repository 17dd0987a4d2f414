package app.tandem.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.tandem.kpi.domain.Formula;
import app.tandem.kpi.domain.FormulaException;
import app.tandem.kpi.domain.KpiGraph;
import app.tandem.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** A formula must parse, refer to known KPIs only, and not lead back to its own KPI through any chain. */
@Component
class KpiFormulas {

	private final KpiCatalog catalog;

	KpiFormulas(KpiCatalog catalog) {
		this.catalog = catalog;
	}

	void check(KpiDefinition kpi, InvalidInputException.Collector problems) {
		if (kpi.formula() == null) {
			return;
		}
		Formula formula;
		try {
			formula = Formula.parse(kpi.formula());
		}
		catch (FormulaException e) {
			problems.add("formula", e.getMessage());
			return;
		}
		Map<String, Set<String>> others = new HashMap<>();
		for (KpiDefinition other : catalog.formulas()) {
			if (!other.key().equals(kpi.key())) {
				others.put(other.key(), references(other.formula()));
			}
		}
		Set<String> known = catalog.existingKeys(formula.references());
		for (String key : formula.references()) {
			if (!known.contains(key) && !key.equals(kpi.key())) {
				problems.add("formula", "refers to {" + key + "}, which is no KPI");
			}
		}
		List<String> cycle = KpiGraph.cycleThrough(kpi.key(), formula.references(), others);
		if (!cycle.isEmpty()) {
			problems.add("formula", "would make a cycle: " + String.join(" → ", cycle));
		}
	}

	/** The keys of the KPIs whose formulas use {@code key}. */
	List<String> usedBy(String key) {
		return usedByEach().getOrDefault(key, List.of());
	}

	/** For every KPI key, the keys of the formulas that use it: one pass over the formula KPIs. */
	Map<String, List<String>> usedByEach() {
		Map<String, List<String>> usedBy = new HashMap<>();
		for (KpiDefinition kpi : catalog.formulas()) {
			references(kpi.formula()).forEach(input -> usedBy.computeIfAbsent(input, k -> new ArrayList<>()).add(kpi.key()));
		}
		return usedBy;
	}

	/** The inputs of a stored formula (stored formulas were checked when saved). */
	static Set<String> references(String formula) {
		try {
			return Formula.parse(formula).references();
		}
		catch (FormulaException e) {
			return Set.of();
		}
	}
}
