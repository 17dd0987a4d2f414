package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.objective;
import static app.tandem.coach.domain.Examples.sound;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** OKR-009: an objective title that holds a number. */
class NumberInTitleTests {

	private final NumberInTitle rule = new NumberInTitle();

	@Test
	void aPercentageInTheTitleIsNoted() {
		ObjectiveSnapshot objective = objective("Increase social media presence by 33%", sound());

		assertThat(check(rule, objective)).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("OKR-009");
			assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
			assertThat(f.subjectType()).isEqualTo(Finding.SubjectType.OBJECTIVE);
			assertThat(f.message()).contains("holds a number (33%)");
			assertThat(f.hint()).contains("Grow followers from 12,000 to 16,000");
		});
	}

	@Test
	void aRankIsANumberToo() {
		assertThat(check(rule, objective("Become the #1 most-downloaded health app", sound()))).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("(#1)"));
	}

	@Test
	void numbersWrittenAsWordsOrNoneAtAllPass() {
		assertThat(check(rule, objective("Become the health app people recommend first", sound()))).isEmpty();
		assertThat(check(rule, objective("Be the first choice of new patients", sound()))).isEmpty();
	}

	@Test
	void digitsOfAnyScriptAreNumbers() {
		// Arabic-Indic 25, and mathematical bold 7 (a code point beyond the first 65,536)
		assertThat(check(rule, objective("Grow by \u0662\u0665 percent", sound()))).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("(\u0662\u0665)"));
		assertThat(check(rule, objective("Win \uD835\uDFD5 new markets", sound()))).hasSize(1);
	}
}
