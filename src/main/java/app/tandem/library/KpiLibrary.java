package app.tandem.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.tandem.kpi.KpiCommands;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import jakarta.validation.Validator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The KPI library, read from {@code library/kpis.yaml} once at start-up. A file that breaks a rule of
 * {@link KpiLibraryCheck} stops the start with every problem named: a bad edit never reaches a user.
 */
@Component
public class KpiLibrary {

	static final String FILE = "library/kpis.yaml";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		// "vanity" is written only where it is true
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Map<String, LibraryKpi> byKey = new LinkedHashMap<>();

	@Autowired
	KpiLibrary(Validator validator) {
		this(read(), validator);
	}

	KpiLibrary(List<LibraryKpi> entries, Validator validator) {
		List<String> problems = KpiLibraryCheck.problems(entries, validator);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The KPI library " + FILE + " is not valid:\n  " + String.join("\n  ", problems));
		}
		entries.forEach(kpi -> byKey.put(kpi.key(), kpi));
	}

	static List<LibraryKpi> read() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			return YAML.readValue(in, new TypeReference<List<LibraryKpi>>() {
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every KPI of the library, in the file's order. */
	public List<LibraryKpi> all() {
		return List.copyOf(byKey.values());
	}

	public Optional<LibraryKpi> find(String key) {
		return Optional.ofNullable(byKey.get(key));
	}

	public LibraryKpi get(String key) {
		return find(key).orElseThrow(() -> new NotFoundException("library KPI", key));
	}

	/**
	 * The KPIs of a function and a perspective (blank: any) whose name or definition mentions {@code q} (blank: all).
	 * An unknown function or perspective is refused rather than answered with nothing.
	 */
	public List<LibraryKpi> search(String function, String perspective, String q) {
		var problems = new InvalidInputException.Collector();
		if (!blank(function) && !LibraryKpi.FUNCTIONS.contains(function)) {
			problems.add("function", "must be one of " + LibraryKpi.FUNCTIONS);
		}
		if (!blank(perspective) && byKey.values().stream().noneMatch(k -> perspective.equals(k.perspective()))) {
			problems.add("perspective", "must be one of FINANCIAL, CUSTOMER, INTERNAL_PROCESS, LEARNING_AND_GROWTH");
		}
		problems.throwIfAny();
		return byKey.values().stream()
			.filter(k -> blank(function) || function.equals(k.function()))
			.filter(k -> blank(perspective) || perspective.equals(k.perspective()))
			.filter(k -> blank(q) || k.mentions(q))
			.toList();
	}

	/** The KPI module's create command for a library KPI under {@code key}, with the example thresholds. */
	static KpiCommands.CreateKpi command(LibraryKpi kpi, String key, String teamId, String ownerId) {
		return new KpiCommands.CreateKpi(key, kpi.name(), kpi.definition(), kpi.why(), kpi.dataSource(), kpi.unit(),
				kpi.direction(), kpi.target(), kpi.warningThreshold(), kpi.lowerBound(), kpi.upperBound(),
				kpi.warningMargin(), kpi.frequency(), kpi.indicator(), kpi.perspective(), kpi.aggregation(),
				kpi.formula(), teamId, ownerId, null, null);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
