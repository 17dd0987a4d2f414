package app.tandem.library;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import app.tandem.identity.Caller;
import app.tandem.kpi.KpiCatalog;
import app.tandem.kpi.KpiCommands;
import app.tandem.kpi.KpiDefinition;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.Kpis;
import app.tandem.shared.ConflictException;
import app.tandem.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adopting a library KPI: the KPI module's own create service makes it (same rules, same rights), and for a formula
 * first the inputs the organisation does not have yet, each under its library key, inputs before the formulas that
 * use them. All in one transaction: when any of them is refused, none is created.
 */
@Service
public class KpiAdoption {

	private final KpiLibrary library;

	private final Kpis kpis;

	private final KpiCatalog catalog;

	KpiAdoption(KpiLibrary library, Kpis kpis, KpiCatalog catalog) {
		this.library = library;
		this.kpis = kpis;
		this.catalog = catalog;
	}

	/**
	 * The adopted KPI, the inputs created with it and the keys of the inputs the organisation had already.
	 */
	public record Adopted(KpiView kpi, List<KpiView> inputsCreated, List<String> inputsReused) {
	}

	/** Adopts with the texts in {@code language} (German or English). */
	@Transactional
	public Adopted adopt(String libraryKey, LibraryCommands.AdoptKpi c, Locale language, Caller caller) {
		LibraryKpi kpi = library.get(libraryKey).in(language);
		String key = c.key() == null || c.key().isBlank() ? kpi.key() : c.key().strip();
		if (c.teamId() == null || c.teamId().isBlank()) {
			throw InvalidInputException.of("teamId", "is required: the team the KPI is adopted for");
		}
		if (catalog.idByKey(key).isPresent()) {
			throw new ConflictException("A KPI with key " + key
					+ " exists already; adopt it under another key (\"key\": \"…\")");
		}
		List<KpiView> created = new ArrayList<>();
		Set<String> reused = new LinkedHashSet<>();
		for (String input : kpi.inputs()) {
			adoptInput(input, c, language, caller, created, reused);
		}
		var command = KpiLibrary.command(kpi, key, c.teamId(), blankToNull(c.ownerId()));
		KpiView adopted = kpis.create(withThresholds(command, c), caller);
		return new Adopted(adopted, List.copyOf(created), List.copyOf(reused));
	}

	/** An input the organisation has is kept as it is (with its own inputs); one it lacks comes after its own inputs. */
	private void adoptInput(String key, LibraryCommands.AdoptKpi c, Locale language, Caller caller,
			List<KpiView> created, Set<String> reused) {
		// the library has no cycles (KpiLibraryCheck), so the walk ends; a key met twice is done the first time
		if (created.stream().anyMatch(k -> k.key().equals(key)) || reused.contains(key)) {
			return;
		}
		if (catalog.idByKey(key).isPresent()) {
			reused.add(key);
			return;
		}
		LibraryKpi input = library.get(key).in(language);
		for (String inner : input.inputs()) {
			adoptInput(inner, c, language, caller, created, reused);
		}
		created.add(kpis.create(KpiLibrary.command(input, key, c.teamId(), blankToNull(c.ownerId())), caller));
	}

	/** The caller's thresholds where given, the library's examples elsewhere. */
	private static KpiCommands.CreateKpi withThresholds(KpiCommands.CreateKpi k, LibraryCommands.AdoptKpi c) {
		return new KpiCommands.CreateKpi(k.key(), k.name(), k.definition(), k.reason(), k.dataSource(), k.unit(),
				k.direction(), or(c.target(), k.target()), or(c.warningThreshold(), k.warningThreshold()),
				or(c.lowerBound(), k.lowerBound()), or(c.upperBound(), k.upperBound()),
				or(c.warningMargin(), k.warningMargin()), k.frequency(), k.indicator(), k.perspective(),
				k.aggregation(), k.formula(), k.teamId(), k.ownerId(), k.reviewEveryDays(), k.lastReviewedAt());
	}

	/** The keys of the organisation's KPIs, for showing which library KPIs it has adopted. */
	public Set<String> existingKeys() {
		return catalog.all().stream().map(KpiDefinition::key).collect(Collectors.toSet());
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
