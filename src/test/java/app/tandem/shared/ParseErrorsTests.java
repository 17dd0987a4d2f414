package app.tandem.shared;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One wording of parse errors for the API's bodies and for files: the same parser complaint said as a sentence with
 * line and column, or in a file's terms with its line; never a class, a setting or the whole value.
 */
class ParseErrorsTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void aLimitIsSaidWithoutTheSettingThatSetsIt() {
		JacksonException e = failure("[".repeat(1_100) + "]".repeat(1_100));

		assertThat(ParseErrors.sentence(e)).isEqualTo("Document nesting depth (501) exceeds the maximum allowed (500)");
	}

	@Test
	void aSyntaxErrorSaysItsLineAndColumn() {
		JacksonException e = failure("{\n  \"a\": }");

		assertThat(ParseErrors.describe(e)).startsWith("Unexpected character ('}'").endsWith("(line 2, column 8)")
			.doesNotContain("`");
	}

	@Test
	void aFileHearsTheSameLimitInItsTermsAtItsLine() {
		String text = "{\n\"a\":\n" + "[".repeat(600) + "]".repeat(600) + "}";
		try (JsonParser parser = JSON.createParser(text)) {
			assertThatThrownBy(() -> JSON.readTree(parser)).isInstanceOfSatisfying(JacksonException.class,
					e -> assertThat(ParseErrors.inFile(e, "JSON", parser).errors().get(0))
						.isEqualTo(new InvalidInputException.FieldError("line 3", "nested more than 500 levels deep")));
		}
	}

	@Test
	void aNonFiniteNumberInAFileNamesItsField() {
		String text = "{\"kpis\": [{\"target\": NaN}]}";
		try (JsonParser parser = JSON.createParser(text)) {
			assertThatThrownBy(() -> JSON.readTree(parser)).isInstanceOfSatisfying(JacksonException.class,
					e -> assertThat(ParseErrors.inFile(e, "JSON", parser).errors().get(0).message())
						.isEqualTo("kpis[0].target: 'NaN' is not a number JSON allows (a number is finite)"));
		}
	}

	@Test
	void aComplaintThatNamesAJavaTypeIsNotRepeated() {
		JacksonException e = DatabindException.from((JsonParser) null,
				"Cannot deserialize value of type java.lang.Integer from Object value");

		assertThat(ParseErrors.sentence(e)).isEqualTo("cannot be read");
		try (JsonParser parser = JSON.createParser("{}")) {
			assertThat(ParseErrors.inFile(e, "YAML", parser).errors().get(0).message()).isEqualTo("not valid YAML");
		}
	}

	@Test
	void aValueIsQuotedShort() {
		assertThat(ParseErrors.quote("x".repeat(100_000))).isEqualTo("'" + "x".repeat(40) + "…'");
		assertThat(ParseErrors.quote("4,2")).isEqualTo("'4,2'");
	}

	@Test
	void thePathOfAValueIsWrittenAsTheFileNamesIt() {
		try (JsonParser parser = JSON.createParser("{\"objectives\": [{}, {\"keyResults\": [{\"target\": 1}]}]}")) {
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.VALUE_NUMBER_INT) {
				assertThat(token).isNotNull();
			}
			assertThat(ParseErrors.path(parser.streamReadContext())).isEqualTo("objectives[1].keyResults[0].target");
		}
	}

	private static JacksonException failure(String json) {
		try {
			JSON.readTree(json);
		}
		catch (JacksonException e) {
			return e;
		}
		throw new AssertionError("read: " + json);
	}
}
