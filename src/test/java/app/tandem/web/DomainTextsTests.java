package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import app.tandem.coach.domain.Coach;
import app.tandem.coach.domain.CoachContext;
import app.tandem.coach.domain.CoachThresholds;
import app.tandem.coach.domain.KeyResultSnapshot;
import app.tandem.coach.domain.KpiSnapshot;
import app.tandem.coach.domain.ObjectiveSnapshot;
import app.tandem.kpi.domain.Direction;
import app.tandem.kpi.domain.KpiForecast;
import app.tandem.okr.domain.ConfidenceCheck;
import app.tandem.okr.domain.KeyResultDefinition;
import app.tandem.okr.domain.KeyResultForecast;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.shared.Finding;
import app.tandem.shared.math.LeastSquares;
import app.tandem.shared.math.RunningFit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundle {@code messages-findings} against the domain: every wording of every rule, filled with its finding's
 * arguments, says in English exactly what the rule says (what the API and lint answer), every sentence a forecast
 * explains itself with is recognised, and German has every entry with the same arguments.
 */
class DomainTextsTests {

	private static final LocalDate START = LocalDate.of(2026, 10, 1);

	private static final LocalDate END = LocalDate.of(2026, 12, 31);

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	private final DomainTexts texts = new DomainTexts(messages());

	private int serial;

	/** As Spring Boot configures it (application.properties). */
	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames(DomainTexts.BUNDLE);
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
		return messages;
	}

	@Test
	void everyFindingReadsInTheEnglishBundleExactlyAsItsRuleWritesIt() {
		for (Finding f : findings()) {
			assertThat(texts.message(f, Locale.ENGLISH)).as(f.ruleId() + " " + f.variant()).isEqualTo(f.message());
			assertThat(texts.hint(f, Locale.ENGLISH)).as(f.ruleId() + " " + f.variant()).isEqualTo(f.hint());
		}
	}

	@Test
	void everyRuleAndEveryEntryOfTheBundleIsExercised() {
		List<Finding> findings = findings();
		assertThat(findings).extracting(Finding::ruleId).containsAll(Coach.rules().stream().map(r -> r.id()).toList());
		Entries english = Entries.of(Locale.ROOT);
		Set<String> used = new TreeSet<>(Set.of("finding.datePattern", "finding.word.INCREASE", "finding.word.DECREASE"));
		for (Finding f : findings) {
			assertThat(f.args()).as(f.ruleId() + " carries arguments").isNotEmpty();
			for (String part : List.of("message", "hint")) {
				String key = DomainTexts.keys(f, part).stream().filter(english::has).findFirst().orElse(null);
				assertThat(key).as("an entry for " + f.ruleId() + " " + f.variant() + " " + part).isNotNull();
				used.add(key);
			}
		}
		sentences().forEach(s -> used.add(english.keyOf(s)));
		assertThat(used).containsExactlyInAnyOrderElementsOf(english.keys());
	}

	@Test
	void germanHasEveryEntryOfEnglishWithTheSameArguments() {
		Entries english = Entries.of(Locale.ROOT);
		Entries german = Entries.of(Locale.GERMAN);
		assertThat(german.keys()).containsExactlyInAnyOrderElementsOf(english.keys());
		for (String key : english.keys()) {
			assertThat(arguments(german.get(key))).as(key).isEqualTo(arguments(english.get(key)));
		}
	}

	@Test
	void everyFindingReadsInGermanWithNoArgumentLeftOver() {
		for (Finding f : findings()) {
			String message = texts.message(f, Locale.GERMAN);
			String hint = texts.hint(f, Locale.GERMAN);
			assertThat(message).as(f.message()).isNotEqualTo(f.message()).doesNotContain("{", "}");
			assertThat(hint).as(f.hint()).isNotEqualTo(f.hint()).doesNotContain("{", "}");
		}
	}

	@Test
	void germanWritesNumbersAndDatesItsWayAndEnglishAsTheRulesDo() {
		Finding atTarget = first("OKR-004", kr("Keep uptime", KeyResultType.INCREASE, 12000.5, 12000.5, null, null));
		assertThat(texts.message(atTarget, Locale.ENGLISH)).contains("(12000.5)");
		assertThat(texts.message(atTarget, Locale.GERMAN))
			.isEqualTo("Das Key Result „Keep uptime“ beginnt schon bei seinem Zielwert (12.000,5): Es gibt nichts zu bewegen");

		Finding mix = oneSided(1200, ObjectiveType.COMMITTED);
		assertThat(mix.message()).isEqualTo("All 1200 objectives of the cycle are committed");
		assertThat(texts.message(mix, Locale.GERMAN)).isEqualTo("Alle 1.200 Objectives des Zyklus sind verbindlich");

		Finding late = first("OKR-005", due(kr("Ship it", KeyResultType.INCREASE, 1.0, 2.0, null, null),
				LocalDate.of(2027, 1, 15)));
		assertThat(texts.message(late, Locale.GERMAN))
			.isEqualTo("Das Key Result „Ship it“ ist am 15.01.2027 fällig, nach Ende seines Zyklus (31.12.2026)");

		Finding one = first("OKR-002", kr("Grow", KeyResultType.INCREASE, 1.0, 2.0, null, null));
		assertThat(texts.message(one, Locale.GERMAN)).startsWith("Das Objective „Delight new patients").endsWith(
				"hat nur ein Key Result (weniger als 2)");
	}

	@Test
	void aConfidenceNoteInAFindingReadsInTheLanguage() {
		String note = ConfidenceCheck.of(8, forecast(false, 0.4443)).note();
		Finding f = first("OKR-011", new KeyResultSnapshot("kr-x", "Raise NPS", KeyResultType.INCREASE, 30.0, 45.0,
				null, null, null, null, note));
		assertThat(texts.message(f, Locale.ENGLISH)).isEqualTo(f.message()).isEqualTo(
				"Key result \"Raise NPS\": confidence is 8 of 10, but the check-ins point to a miss (projected progress 0.44)");
		assertThat(texts.message(f, Locale.GERMAN)).isEqualTo("Key Result „Raise NPS“: Die Zuversicht liegt bei 8 von"
				+ " 10, aber die Check-ins deuten darauf hin, dass das Key Result verfehlt wird (erwarteter Fortschritt 0,44)");
	}

	@Test
	void everySentenceAForecastExplainsItselfWithIsRecognisedAndReadsTheSameInEnglish() {
		Entries english = Entries.of(Locale.ROOT);
		for (String sentence : sentences()) {
			assertThat(english.keyOf(sentence)).as(sentence).isNotNull();
			assertThat(texts.sentence(sentence, Locale.ENGLISH)).isEqualTo(sentence);
			assertThat(texts.sentence(sentence, Locale.GERMAN)).as(sentence).isNotEqualTo(sentence)
				.doesNotContain("{", "}");
		}
		assertThat(texts.sentence(KpiForecast.withoutValues().reason(), Locale.GERMAN))
			.isEqualTo("Dafür braucht es mindestens 3 Periodenwerte, bisher gibt es keinen");
	}

	@Test
	void whatTheBundleDoesNotKnowStaysEnglish() {
		assertThat(texts.sentence("needs at least 3 period values, has 2 and more", Locale.GERMAN))
			.isEqualTo("needs at least 3 period values, has 2 and more");
		assertThat(texts.sentence(null, Locale.GERMAN)).isNull();
		Finding plain = new Finding("OKR-001", Finding.Severity.ERROR, Finding.SubjectType.OBJECTIVE, "o", "English",
				"Hint");
		assertThat(texts.message(plain, Locale.GERMAN)).isEqualTo("English");
		Finding unknown = plain.withVariant("noSuchWording").withArgs("x");
		assertThat(texts.hint(unknown, Locale.GERMAN)).startsWith("Ergänzen Sie");
		Finding unknownRule = new Finding("OKR-999", Finding.Severity.INFO, Finding.SubjectType.CYCLE, "c", "English",
				"Hint").withArgs("x");
		assertThat(texts.message(unknownRule, Locale.GERMAN)).isEqualTo("English");
	}

	@Test
	void theApiAnswersAFindingWithoutItsWording() {
		Finding f = oneSided(2, ObjectiveType.ASPIRATIONAL);
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Object> answered = json.readValue(json.writeValueAsString(f),
				new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
				});
		assertThat(answered.keySet()).containsExactly("ruleId", "severity", "subjectType", "subjectId", "message",
				"hint");
	}

	// every wording of every rule

	private List<Finding> findings() {
		List<Finding> all = new ArrayList<>();
		all.addAll(review(objective("Delight new patients")));
		all.addAll(review(objective("Delight new patients", kr("Grow", KeyResultType.INCREASE, 1.0, 2.0, null, null))));
		all.addAll(review(objective("Delight new patients", IntStream.range(0, 6)
			.mapToObj(i -> kr("Grow metric " + i, KeyResultType.INCREASE, 0.0, 10.0, null, null))
			.toArray(KeyResultSnapshot[]::new))));
		all.addAll(review(objective("Measure what matters", kr("No start", KeyResultType.INCREASE, null, 5.0, null, null),
				kr("No target", KeyResultType.INCREASE, 5.0, null, null, null),
				kr("Neither", KeyResultType.DECREASE, null, null, null, null),
				kr("Up at target", KeyResultType.INCREASE, 99.5, 99.5, null, null),
				kr("Down at target", KeyResultType.DECREASE, 3.0, 3.0, null, null),
				kr("Up the wrong way", KeyResultType.INCREASE, 55.0, 40.25, null, null),
				kr("Down the wrong way", KeyResultType.DECREASE, 10.0, 12000.0, null, null),
				kr("No min", KeyResultType.THRESHOLD, null, null, null, 100.0),
				kr("No max", KeyResultType.THRESHOLD, null, null, 95.0, null),
				kr("No range", KeyResultType.THRESHOLD, null, null, null, null),
				kr("Upside down", KeyResultType.THRESHOLD, null, null, 80.0, 70.5))));
		all.addAll(review(objective("Be on time", due(kr("Early", KeyResultType.INCREASE, 1.0, 2.0, null, null),
				LocalDate.of(2026, 9, 1)), due(kr("Late", KeyResultType.INCREASE, 1.0, 2.0, null, null),
						LocalDate.of(2027, 1, 15)))));
		all.addAll(review(objective("Launch things", kr("Launch A", KeyResultType.MILESTONE, null, null, null, null),
				kr("Launch B", KeyResultType.MILESTONE, null, null, null, null),
				kr("Grow", KeyResultType.INCREASE, 1.0, 2.0, null, null))));
		all.addAll(review(objective("Keep the lights on", kr("Uptime", KeyResultType.THRESHOLD, null, null, 99.5, 100.0),
				kr("Latency", KeyResultType.THRESHOLD, null, null, 0.0, 200.0))));
		all.addAll(kpisAtTarget());
		all.addAll(review(new ObjectiveSnapshot("o-team", null, "Team goal", Level.TEAM, ObjectiveType.COMMITTED, "t",
				null, START, END, sound()), new ObjectiveSnapshot("o-me", null, "My goal", Level.INDIVIDUAL,
						ObjectiveType.COMMITTED, "t", null, START, END, sound())));
		all.addAll(review(objective("Grow revenue by 33%", sound().toArray(KeyResultSnapshot[]::new))));
		all.add(oneSided(3, ObjectiveType.COMMITTED));
		all.add(oneSided(2, ObjectiveType.ASPIRATIONAL));
		all.addAll(review(objective("Know the trend", new KeyResultSnapshot("kr-c", "Raise NPS", KeyResultType.INCREASE,
				30.0, 45.0, null, null, null, null, ConfidenceCheck.of(8, forecast(false, 0.4443)).note()),
				new KeyResultSnapshot("kr-d", "Cut churn", KeyResultType.DECREASE, 9.0, 5.0, null, null, null, null,
						ConfidenceCheck.of(2, forecast(true, 1.0)).note()))));
		all.addAll(kpiFindings());
		return all;
	}

	private List<Finding> kpisAtTarget() {
		List<KpiSnapshot> kpis = new ArrayList<>();
		List<KeyResultSnapshot> krs = new ArrayList<>();
		for (Double latest : new Double[] { 92.5, null }) {
			kpis.add(kpi("higher-" + latest, Direction.HIGHER_IS_BETTER, 90.0, null, null, latest));
			kpis.add(kpi("lower-" + latest, Direction.LOWER_IS_BETTER, 95.0, null, null, latest));
			kpis.add(kpi("within-" + latest, Direction.WITHIN_RANGE, null, 90.0, 1000.0, latest));
		}
		for (KpiSnapshot k : kpis) {
			krs.add(new KeyResultSnapshot("kr-" + ++serial, "Measured by " + k.id(), KeyResultType.INCREASE, 92.5, 99.0,
					null, null, null, k.id()));
		}
		Map<String, KpiSnapshot> byId = new HashMap<>();
		kpis.forEach(k -> byId.put(k.id(), k));
		CoachContext context = new CoachContext(CoachThresholds.DEFAULTS, byId, Set.of(), Set.of(), NOW);
		return Coach.ofObjective(objective("Steer by KPIs", krs.toArray(KeyResultSnapshot[]::new)), context).stream()
			.filter(f -> f.ruleId().equals("OKR-007"))
			.toList();
	}

	private List<Finding> kpiFindings() {
		List<KpiSnapshot> kpis = new ArrayList<>();
		IntStream.range(0, 8).forEach(i -> kpis.add(kpi("crowded-" + i, Direction.HIGHER_IS_BETTER, 90.0, null, null,
				null)));
		String[][] contexts = { { null, "r", "s" }, { "d", " ", "s" }, { "d", "r", null }, { null, null, "s" },
				{ null, "r", null }, { "d", null, null }, { null, null, null } };
		for (String[] c : contexts) {
			KpiSnapshot k = kpi("context-" + ++serial, Direction.HIGHER_IS_BETTER, 90.0, null, null, null);
			kpis.add(new KpiSnapshot(k.id(), k.key(), k.name(), c[0], c[1], c[2], k.direction(), k.target(), null, null,
					"team-b", k.reviewEveryDays(), k.lastReviewedAt(), k.createdAt(), null));
		}
		KpiSnapshot base = kpi("review", Direction.HIGHER_IS_BETTER, 90.0, null, null, null);
		kpis.add(new KpiSnapshot("reviewed", "reviewed", "Daily check", "d", "r", "s", base.direction(), 90.0, null,
				null, "team-b", 1, Instant.parse("2026-11-20T08:00:00Z"), base.createdAt(), null));
		kpis.add(new KpiSnapshot("never", "never", "Rare check", "d", "r", "s", base.direction(), 90.0, null, null,
				"team-b", 1000, null, Instant.parse("2023-01-10T08:00:00Z"), null));
		kpis.add(kpi("no-range", Direction.WITHIN_RANGE, null, 70.0, null, null));
		kpis.add(kpi("no-target", Direction.LOWER_IS_BETTER, null, null, null, null));
		KpiSnapshot alone = kpi("alone", Direction.HIGHER_IS_BETTER, 90.0, null, null, null);
		kpis.add(new KpiSnapshot("alone", "alone", "Lonely", "d", "r", "s", alone.direction(), 90.0, null, null, null,
				30, NOW, alone.createdAt(), null));
		kpis.add(new KpiSnapshot("idle", "idle", "Idle team's", "d", "r", "s", alone.direction(), 90.0, null, null,
				"team-c", 30, NOW, alone.createdAt(), null));
		CoachContext context = new CoachContext(CoachThresholds.DEFAULTS, Map.of(),
				Set.copyOf(kpis.stream().map(KpiSnapshot::id).filter(id -> !id.equals("alone") && !id.equals("idle"))
					.toList()),
				Set.of(), NOW);
		return Coach.review(List.of(), kpis, context);
	}

	/** A key value the rules judge by: a sound KPI but for what is given (reviewed now, measuring a key result). */
	private static KpiSnapshot kpi(String id, Direction direction, Double target, Double lower, Double upper,
			Double latest) {
		return new KpiSnapshot(id, id, "KPI " + id, "Definition", "Reason", "Source", direction, target, lower, upper,
				"team-a", 30, NOW, Instant.parse("2026-01-01T00:00:00Z"), latest);
	}

	private Finding oneSided(int count, ObjectiveType type) {
		List<ObjectiveSnapshot> objectives = IntStream.range(0, count)
			.mapToObj(i -> new ObjectiveSnapshot("o-" + ++serial, "cycle-" + count, "Goal " + i, Level.COMPANY, type,
					null, null, START, END, sound()))
			.toList();
		return Coach.review(objectives, List.of(), context()).stream()
			.filter(f -> f.ruleId().equals("OKR-010"))
			.findFirst()
			.orElseThrow();
	}

	private Finding first(String ruleId, KeyResultSnapshot kr) {
		return review(objective("Delight new patients", kr)).stream()
			.filter(f -> f.ruleId().equals(ruleId))
			.findFirst()
			.orElseThrow();
	}

	private static List<Finding> review(ObjectiveSnapshot... objectives) {
		return Coach.review(List.of(objectives), List.of(), context());
	}

	private static CoachContext context() {
		return new CoachContext(CoachThresholds.DEFAULTS, Map.of(), Set.of(), Set.of(), NOW);
	}

	/** A company objective (aligned to nothing is fine there) outside any cycle's mix. */
	private ObjectiveSnapshot objective(String title, KeyResultSnapshot... keyResults) {
		return new ObjectiveSnapshot("o-" + ++serial, null, title, Level.COMPANY, ObjectiveType.COMMITTED, null, null,
				START, END, List.of(keyResults));
	}

	private KeyResultSnapshot kr(String title, KeyResultType type, Double start, Double target, Double min,
			Double max) {
		return new KeyResultSnapshot("kr-" + ++serial, title, type, start, target, min, max, null, null);
	}

	private static KeyResultSnapshot due(KeyResultSnapshot kr, LocalDate due) {
		return new KeyResultSnapshot(kr.id(), kr.title(), kr.type(), kr.start(), kr.target(), kr.min(), kr.max(), due,
				kr.kpiId());
	}

	private List<KeyResultSnapshot> sound() {
		return List.of(kr("Raise activation", KeyResultType.INCREASE, 40.0, 55.0, null, null),
				kr("Cut abandonment", KeyResultType.DECREASE, 70.0, 55.0, null, null));
	}

	private static KeyResultForecast forecast(boolean onPace, double progress) {
		return new KeyResultForecast(true, null, NOW, 3, 50.0, 40.0, 60.0, progress, progress, progress, onPace);
	}

	// every sentence a forecast explains itself with, from the domain itself

	private static List<String> sentences() {
		KeyResultDefinition increase = new KeyResultDefinition(KeyResultType.INCREASE, 0.0, 10.0, null, null, 1, END);
		RunningFit sameInstant = RunningFit.EMPTY.plus(1, 1).plus(1, 2).plus(1, 3);
		return List.of(((LeastSquares.NoLine) LeastSquares.fit(new double[] { 1 }, new double[] { 1 })).reason(),
				LeastSquares.SAME_X, LeastSquares.TOO_LARGE, KpiForecast.withoutValues().reason(),
				KpiForecast.unavailable("the values are too large to project").reason(),
				reason(new KeyResultDefinition(KeyResultType.MILESTONE, null, null, null, null, 1, END), RunningFit.EMPTY),
				reason(new KeyResultDefinition(KeyResultType.BASELINE, null, null, null, null, 1, END), RunningFit.EMPTY),
				reason(increase, RunningFit.EMPTY.plus(0, 1).plus(1, 2)), reason(increase, sameInstant),
				ConfidenceCheck.of(9, forecast(false, 0.5)).note(), ConfidenceCheck.of(1, forecast(true, 0.95)).note());
	}

	private static String reason(KeyResultDefinition kr, RunningFit fit) {
		KeyResultForecast f = KeyResultForecast.of(kr, ObjectiveType.COMMITTED, NOW, fit, 0);
		assertThat(f.available()).isFalse();
		return f.reason();
	}

	private static Set<String> arguments(String pattern) {
		Set<String> found = new TreeSet<>();
		Matcher m = ARGUMENT.matcher(pattern);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	/** One file of the bundle as it is written (German without English beneath it). */
	private record Entries(java.util.Properties file) {

		static Entries of(Locale locale) {
			String name = DomainTexts.BUNDLE + (locale.getLanguage().isEmpty() ? "" : "_" + locale.getLanguage())
					+ ".properties";
			java.util.Properties file = new java.util.Properties();
			try (var in = DomainTextsTests.class.getClassLoader().getResourceAsStream(name)) {
				file.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			return new Entries(file);
		}

		Set<String> keys() {
			return new TreeSet<>(file.stringPropertyNames());
		}

		boolean has(String key) {
			return file.containsKey(key);
		}

		String get(String key) {
			return file.getProperty(key);
		}

		/** The key of the entry that writes exactly the sentence, or null. */
		String keyOf(String sentence) {
			return keys().stream()
				.filter(k -> k.startsWith(DomainTexts.SENTENCE) && writes(get(k), sentence))
				.findFirst()
				.orElse(null);
		}

		private static boolean writes(String pattern, String sentence) {
			MessageFormat format = new MessageFormat(pattern, Locale.ENGLISH);
			ParsePosition at = new ParsePosition(0);
			Object[] args = format.parse(sentence, at);
			return args != null && at.getIndex() == sentence.length() && format.format(args).equals(sentence);
		}
	}
}
