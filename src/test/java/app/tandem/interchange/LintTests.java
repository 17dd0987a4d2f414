package app.tandem.interchange;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar tandem.jar lint}, run in-process through its entry method: no server, no
 * database, no Spring. The example file is the demo's copy of examples/acme-health.yaml.
 */
class LintTests {

	private static final String EXAMPLE = "src/main/resources/demo/acme-health.yaml";

	@TempDir
	Path dir;

	record Run(int status, String out, String err) {

		List<String> lines() {
			return out.isEmpty() ? List.of() : List.of(out.split("\n"));
		}
	}

	private static Run lint(Map<String, String> env, String... args) {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int status = Lint.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static Run lint(String... args) {
		return lint(Map.of(), args);
	}

	private Path file(String yaml) throws Exception {
		Path file = dir.resolve("okrs.yaml");
		Files.writeString(file, yaml);
		return file;
	}

	@Test
	void theExampleFileHasOnlyNotesAndPasses() {
		Run run = lint(EXAMPLE);

		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.lines()).containsExactly(
				EXAMPLE + ":48: INFO KPI-005 KPI \"Qualified leads\" measures no key result and its team has no"
						+ " objectives: it is tracked standalone",
				EXAMPLE + ":63: INFO KPI-005 KPI \"New paying customers\" measures no key result and its team has no"
						+ " objectives: it is tracked standalone",
				EXAMPLE + ":78: INFO KPI-005 KPI \"Lead conversion rate\" measures no key result and its team has no"
						+ " objectives: it is tracked standalone",
				EXAMPLE + ":94: INFO KPI-005 KPI \"Customer acquisition cost\" measures no key result and its team has"
						+ " no objectives: it is tracked standalone",
				EXAMPLE + ":202: INFO OKR-009 Objective \"Become the #1 most-downloaded health tracking app\" holds a"
						+ " number (#1): numbers belong in key results",
				EXAMPLE + ":214: INFO OKR-009 Objective \"Increase social media presence by 33%\" holds a number"
						+ " (33%): numbers belong in key results",
				EXAMPLE + ":251: INFO OKR-008 Team objective \"Enhance the reliability of the patient registration"
						+ " platform\" is aligned to nothing",
				EXAMPLE + ":263: INFO OKR-008 Team objective \"Foster a collaborative work environment\" is aligned to"
						+ " nothing");
		assertThat(run.err()).contains("0 errors, 0 warnings, 8 infos");
	}

	@Test
	void anObjectiveWithoutKeyResultsFailsWithItsLine() throws Exception {
		Path file = file("""
				cycles:
				  - {name: 2026-Q4, start: 2026-10-01, end: 2026-12-31}
				objectives:
				  - key: delight
				    cycle: 2026-Q4
				    level: COMPANY
				    title: Delight new patients
				    keyResults:
				      - {title: Raise activation from 40% to 55%, type: INCREASE, start: 40, target: 55}
				      - {title: Cut waiting time, type: DECREASE, start: 30}
				  - key: empty
				    cycle: 2026-Q4
				    level: COMPANY
				    type: ASPIRATIONAL
				    title: Be loved
				""");

		Run run = lint(file.toString());

		assertThat(run.status()).isEqualTo(Lint.ERRORS);
		assertThat(run.lines()).containsExactly(
				file + ":10: ERROR OKR-004 Key result \"Cut waiting time\" (DECREASE) has no target",
				file + ":11: ERROR OKR-001 Objective \"Be loved\" has no key results: nothing says when it is met");
		assertThat(run.err()).contains("2 errors, 0 warnings, 0 infos");
	}

	@Test
	void jsonIsForMachinesWithLinesSubjectsAndHints() throws Exception {
		Run run = lint("--format", "json", EXAMPLE);

		assertThat(run.status()).isZero();
		JsonNode document = ApiClient.JSON.readTree(run.out());
		assertThat(document.get("problems")).isEmpty();
		assertThat(document.get("findings")).hasSize(8);
		JsonNode first = document.at("/findings/0");
		assertThat(first.get("file").asString()).isEqualTo(EXAMPLE);
		assertThat(first.get("line").asInt()).isEqualTo(48);
		assertThat(first.get("severity").asString()).isEqualTo("INFO");
		assertThat(first.get("ruleId").asString()).isEqualTo("KPI-005");
		assertThat(first.get("subjectType").asString()).isEqualTo("KPI");
		assertThat(first.get("subject").asString()).isEqualTo("leads");
		assertThat(first.get("hint").asString()).contains("measure a key result by it");
		assertThat(document.at("/findings/4/subject").asString()).isEqualTo("health-app-no1");
		assertThat(lint("--format=json", EXAMPLE).out()).isEqualTo(run.out());
	}

	@Test
	void aFileThatIsNotYamlOrNotInTheFormatCannotBeLinted() throws Exception {
		Run broken = lint(file("objectives:\n  - {title: [unclosed\n").toString());
		assertThat(broken.status()).isEqualTo(Lint.UNUSABLE);
		assertThat(broken.out()).isEmpty();
		assertThat(broken.err()).contains("okrs.yaml:", "not valid YAML", "not linted");

		Run unknown = lint(file("objectives:\n  - cycle: Q4\n    level: TEAM\n    title: T\n    colour: red\n").toString());
		assertThat(unknown.status()).isEqualTo(Lint.UNUSABLE);
		assertThat(unknown.err()).contains("okrs.yaml:5: objectives[0].colour: is not part of the format");

		Run json = lint("--format", "json", file("objectives:\n  - {cycle: Q4, title: T}\n").toString());
		assertThat(json.status()).isEqualTo(Lint.UNUSABLE);
		assertThat(ApiClient.JSON.readTree(json.out()).at("/problems/0/field").asString())
			.isEqualTo("objectives[0].level");
		assertThat(ApiClient.JSON.readTree(json.out()).at("/problems/0/line").asInt()).isEqualTo(2);
	}

	@Test
	void aMissingFileOrNoFileOrAnUnknownOptionIsUnusable() {
		Run missing = lint(dir.resolve("nowhere.yaml").toString());
		assertThat(missing.status()).isEqualTo(Lint.UNUSABLE);
		assertThat(missing.err()).contains("nowhere.yaml:0: no such file");
		assertThat(lint().status()).isEqualTo(Lint.UNUSABLE);
		assertThat(lint("--strict", EXAMPLE).status()).isEqualTo(Lint.UNUSABLE);
		assertThat(lint("--format", "xml", EXAMPLE).status()).isEqualTo(Lint.UNUSABLE);
		assertThat(lint("--help").out()).contains("usage: java -jar tandem.jar lint");
	}

	@Test
	void thresholdsComeFromTheServersEnvironmentVariables() {
		Run strict = lint(Map.of("TANDEM_COACH_MAX_KEY_RESULTS", "3"), EXAMPLE);
		assertThat(strict.lines()).filteredOn(l -> l.contains("OKR-003")).hasSize(4)
			.allMatch(l -> l.contains("WARNING") && l.contains("(more than 3)"));

		Run wrong = lint(Map.of("TANDEM_COACH_MAX_KEY_RESULTS", "1"), EXAMPLE);
		assertThat(wrong.status()).isEqualTo(Lint.UNUSABLE);
		assertThat(wrong.err()).contains("max-key-results must not be below min-key-results");
	}

	@Test
	void severalFilesAreLintedTogether() throws Exception {
		Path empty = file("cycles:\n  - {name: Q4, start: 2026-10-01, end: 2026-12-31}\nobjectives:\n"
				+ "  - {cycle: Q4, level: COMPANY, title: Be loved}\n");
		Run run = lint(EXAMPLE, empty.toString());

		assertThat(run.status()).isEqualTo(Lint.ERRORS);
		assertThat(run.lines().get(0)).startsWith(empty + ":4: ERROR OKR-001");
		assertThat(run.lines()).hasSize(9);
	}
}
