package app.tandem.templates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OkrTemplateFileTests {

	private final List<OkrTemplate> templates = OkrTemplateFile.load();

	@Test
	void theShippedFileHasATemplateForEveryFunctionAndLevel() {
		assertThat(templates).hasSizeGreaterThanOrEqualTo(20);
		for (BusinessFunction function : BusinessFunction.values()) {
			for (Level level : Level.values()) {
				assertThat(templates).as(function + " " + level)
					.anyMatch(t -> t.function() == function && t.level() == level);
			}
		}
	}

	@Test
	void everyTemplateHasTwoToFiveValidKeyResultsWithUniqueKeys() {
		Set<String> keys = new HashSet<>();
		for (OkrTemplate t : templates) {
			assertThat(OkrTemplateFile.problems(t, keys)).as(t.key()).isEmpty();
			assertThat(t.keyResults()).hasSizeBetween(2, 5);
		}
	}

	@Test
	void theTemplatesUseEveryKindOfKeyResultAndMilestonesSparingly() {
		Set<KeyResultType> used = EnumSet.noneOf(KeyResultType.class);
		templates.forEach(t -> t.keyResults().forEach(kr -> used.add(kr.type())));
		assertThat(used).containsAll(Arrays.asList(KeyResultType.values()));
		long milestones = templates.stream().flatMap(t -> t.keyResults().stream())
			.filter(kr -> kr.type() == KeyResultType.MILESTONE).count();
		long all = templates.stream().mapToLong(t -> t.keyResults().size()).sum();
		assertThat(milestones * 10).isLessThan(all);
	}

	@Test
	void aTemplateWithOneKeyResultIsRefused() {
		assertThatThrownBy(() -> read("""
				templates:
				  - key: lonely
				    function: SALES
				    level: TEAM
				    type: COMMITTED
				    title: Sell more
				    description: One number only.
				    keyResults:
				      - { title: "Grow revenue from 1 to 2", type: INCREASE, start: 1, target: 2 }
				""")).isInstanceOf(IllegalStateException.class).hasMessageContaining("lonely: has 1 key results");
	}

	@Test
	void aKeyResultItsTypeRefusesIsRefused() {
		assertThatThrownBy(() -> read("""
				templates:
				  - key: backwards
				    function: SALES
				    level: TEAM
				    type: COMMITTED
				    title: Sell more
				    description: The first goes the wrong way.
				    keyResults:
				      - { title: "Grow revenue from 2 to 1", type: INCREASE, start: 2, target: 1 }
				      - { title: "Keep margin", type: THRESHOLD, min: 5 }
				""")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("keyResults[0].targetValue must be above the start value")
			.hasMessageContaining("keyResults[1].maxValue is required");
	}

	@Test
	void aKeyTwiceAndAnUnknownFieldAreRefused() {
		String twice = """
				templates:
				  - { key: same, function: SALES, level: TEAM, type: COMMITTED, title: A, description: A,
				      keyResults: [ { title: X, type: BASELINE }, { title: Y, type: BASELINE } ] }
				  - { key: same, function: SALES, level: TEAM, type: COMMITTED, title: B, description: B,
				      keyResults: [ { title: X, type: BASELINE }, { title: Y, type: BASELINE } ] }
				""";
		assertThatThrownBy(() -> read(twice)).hasMessageContaining("same: key used twice");
		assertThatThrownBy(() -> read("templates:\n  - { key: x, colour: red }\n"))
			.hasMessageContaining("colour");
	}

	@Test
	void aKeyResultWhoseTitleNamesItsNumbersIsNotFollowedByThemAgain() {
		var kr = new OkrTemplate.KeyResult("Grow quarterly revenue from 2.4 M to 2.9 M", null, "M EUR", 2.4, 2.9, null,
				null);
		assertThat(kr.titleSaysItsNumbers()).isTrue();
		assertThat(new OkrTemplate.KeyResult("Raise average deal size from 18,000 to 22,000.", null, "EUR", 18000.0,
				22000.0, null, null).titleSaysItsNumbers()).isTrue();
		assertThat(new OkrTemplate.KeyResult("Keep forecast accuracy between 90 % and 110 %", null, "%", null, null, 90.0,
				110.0).titleSaysItsNumbers()).isTrue();
		assertThat(new OkrTemplate.KeyResult("Quartalsumsatz von 2,4 Mio. auf 2,9 Mio. steigern", null, "M EUR", 2.4,
				2.9, null, null).titleSaysItsNumbers()).as("German numbers").isTrue();
		assertThat(new OkrTemplate.KeyResult("Auftragsgröße von 18.000 auf 22.000 erhöhen", null, "EUR", 18000.0,
				22000.0, null, null).titleSaysItsNumbers()).isTrue();
		assertThat(new OkrTemplate.KeyResult("Grow the pipeline", null, "M EUR", 3.0, 4.5, null, null)
			.titleSaysItsNumbers()).isFalse();
		assertThat(new OkrTemplate.KeyResult("Win 12 accounts", null, null, 0.0, 12.0, null, null).titleSaysItsNumbers())
			.as("the start is not named").isFalse();
	}

	@Test
	void everyTemplateHasItsGermanWordsWithTheSameKeyResults() {
		List<OkrTemplate> english = OkrTemplateFile.load();
		var german = OkrTemplateFile.loadGerman(english);
		assertThat(german).hasSameSizeAs(english);
		for (OkrTemplate t : english) {
			OkrTemplate de = german.get(t.key());
			assertThat(de.title()).as(t.key()).isNotEqualTo(t.title());
			assertThat(de.keyResults()).extracting(OkrTemplate.KeyResult::start).as(t.key())
				.containsExactlyElementsOf(t.keyResults().stream().map(OkrTemplate.KeyResult::start).toList());
		}
		assertThatThrownBy(() -> OkrTemplateFile.german(english, java.util.Map.of())).hasMessageContaining(
				english.get(0).key() + ": no German title");
	}

	private static List<OkrTemplate> read(String yaml) {
		return OkrTemplateFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}
}
