package app.tandem.library;

import java.util.List;

/**
 * A library KPI as the API answers it: every field of the file, the keys its formula needs ({@code inputs}) and
 * whether the organisation has a KPI with its key already ({@code adopted}).
 */
public record LibraryKpiView(String key, String name, String function, String definition, String why,
		String dataSource, String unit, String direction, String frequency, String indicator, String perspective,
		String aggregation, Double target, Double warningThreshold, Double lowerBound, Double upperBound,
		Double warningMargin, String formula, List<String> inputs, boolean vanity, String betterAlternative,
		boolean adopted, LibraryKpi.Texts de) {

	public static LibraryKpiView of(LibraryKpi k, boolean adopted) {
		return new LibraryKpiView(k.key(), k.name(), k.function(), k.definition(), k.why(), k.dataSource(), k.unit(),
				k.direction(), k.frequency(), k.indicator(), k.perspective(), k.aggregation(), k.target(),
				k.warningThreshold(), k.lowerBound(), k.upperBound(), k.warningMargin(), k.formula(), k.inputs(),
				k.vanity(), k.betterAlternative(), adopted, k.de());
	}
}
