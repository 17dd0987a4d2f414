package app.tandem.kpi;

import java.util.ArrayList;
import java.util.List;

import app.tandem.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Formulas refer to KPIs by key; a formula must refer to known KPIs only. */
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
		for (String key : references(kpi.formula())) {
			if (catalog.idByKey(key).isEmpty() && !key.equals(kpi.key())) {
				problems.add("formula", "refers to {" + key + "}, which is no KPI");
			}
			if (key.equals(kpi.key())) {
				problems.add("formula", "refers to itself");
			}
		}
	}

	/** The keys of the KPIs whose formulas use {@code key}. */
	List<String> usedBy(String key) {
		List<String> users = new ArrayList<>();
		for (KpiDefinition kpi : catalog.all()) {
			if (kpi.formula() != null && references(kpi.formula()).contains(key)) {
				users.add(kpi.key());
			}
		}
		return users;
	}

	static List<String> references(String formula) {
		List<String> keys = new ArrayList<>();
		var matcher = java.util.regex.Pattern.compile("\\{([^}]*)}").matcher(formula);
		while (matcher.find()) {
			keys.add(matcher.group(1).trim());
		}
		return keys;
	}
}
