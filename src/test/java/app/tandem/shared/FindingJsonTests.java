package app.tandem.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finding written field by field ({@link FindingJson}) is byte for byte what Jackson writes for a record of the
 * same six fields: the API's answer did not change when the coach's got faster.
 */
class FindingJsonTests {

	/** The API's six fields as a plain record, which Jackson writes its own way. */
	record Plain(String ruleId, Finding.Severity severity, Finding.SubjectType subjectType, String subjectId,
			String message, String hint) {
	}

	private static final String[] TEXTS = { "Objective \"Grow 2x\" holds a number (2x)", "→ “quoted” – ≥ 90 %",
			"tab\there, new line\nthere, back\\slash", "", "😀 emoji and \u0001 control", "plain words" };

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 7, 42, 2026 })
	void writesWhatJacksonWritesForTheSameFields(long seed) {
		Random random = new Random(seed);
		JsonMapper json = JsonMapper.builder().build();
		List<Finding> findings = new ArrayList<>();
		List<Plain> plain = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			Finding.Severity severity = Finding.Severity.values()[random.nextInt(3)];
			Finding.SubjectType type = Finding.SubjectType.values()[random.nextInt(5)];
			String subject = random.nextInt(10) == 0 ? null : "subject-" + random.nextInt(50);
			String message = TEXTS[random.nextInt(TEXTS.length)] + " " + i;
			// the same hint for many findings (a rule's), one made up on the fly, or none
			String hint = switch (random.nextInt(4)) {
				case 0 -> null;
				case 1 -> "made up " + random.nextInt(1_000_000);
				default -> TEXTS[random.nextInt(TEXTS.length)];
			};
			findings.add(new Finding("OKR-00" + random.nextInt(10), severity, type, subject, message, hint)
				.withVariant("some").withArgs("an argument", 3));
			plain.add(new Plain(findings.get(i).ruleId(), severity, type, subject, message, hint));
		}

		assertThat(json.writeValueAsString(findings)).isEqualTo(json.writeValueAsString(plain));
		assertThat(json.writeValueAsString(findings)).doesNotContain("variant", "args");
	}
}
