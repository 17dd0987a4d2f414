package app.tandem.interchange;

import java.util.regex.Pattern;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile or broken OKRs-as-code file is refused soon, naming its line and what is wrong in the file's terms: an 8
 * MB scalar took a minute before being refused, a file of 200,000 duplicate keys 8 s, and `.nan` or deep nesting
 * answered with the parser's class names.
 */
@TandemIntegrationTest
class OkrFileLimitsIntegrationTests {

	/** Java's words, which an answer about a file never holds. */
	static final Pattern INTERNALS = Pattern.compile("java\\.|jackson|snakeyaml|Exception|StreamReadConstraints"
			+ "|Version\\{|`|\\w+\\(\\)");

	@LocalServerPort
	int port;

	@Test
	void aScalarAsLongAsTheFileMayBeIsRefusedQuicklyNamingItsLine() {
		String file = "organisation: Acme\nobjectives:\n  - title: " + "a".repeat(1_000_000) + "\n";
		long started = System.nanoTime();
		var refused = post(file);
		assertThat(seconds(started)).isLessThan(10);
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.str("/errors/0/field")).isEqualTo("line 3");
		assertThat(refused.str("/errors/0/message")).contains("longer than 20000 characters");
		assertThat(refused.text().length()).as("the value is not echoed").isLessThan(1000);
	}

	@Test
	void anEightMegabyteFileIsRefusedBeforeItIsParsed() {
		long started = System.nanoTime();
		var refused = post("organisation: Acme\nobjectives:\n  - title: " + "a".repeat(8_000_000) + "\n");
		assertThat(seconds(started)).isLessThan(10);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.isProblem()).isTrue();
	}

	@Test
	void aLongTitleOnLinesOfTheirOwnIsRefusedByItsField() {
		String file = "organisation: Acme\nobjectives:\n  - title: >\n" + "      words and more words\n".repeat(30);
		var refused = post(file);
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.text()).contains("objectives[0].title", "longer than 500 characters");
	}

	@Test
	void twoHundredThousandDuplicateKeysAreRefusedAtTheFirstDuplicate() {
		String file = "organisation: Acme\n" + "x: 1\n".repeat(200_000);
		long started = System.nanoTime();
		var refused = post(file);
		assertThat(seconds(started)).isLessThan(10);
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.str("/errors/0/field")).isEqualTo("line 3");
		assertThat(refused.str("/errors/0/message")).isEqualTo("'x' is given twice in the same mapping");
	}

	@Test
	void sixteenThousandObjectivesWithOneKeyAreRefusedListingTheFirstHundredProblems() {
		String file = "organisation: Acme\ncycles:\n  - {name: D, start: 2026-01-01, end: 2026-03-31}\nobjectives:\n"
				+ "  - {key: same, cycle: D, level: TEAM, title: T, owner: admin}\n".repeat(16_000);
		long started = System.nanoTime();
		var refused = post(file);
		assertThat(seconds(started)).isLessThan(10);
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.json().get("errors")).hasSize(101);
		assertThat(refused.str("/errors/0/field")).isEqualTo("objectives[1].key");
		assertThat(refused.str("/errors/100/message")).isEqualTo("and 15899 more problems");
	}

	@Test
	void notANumberIsRefusedNamingTheFieldAndLineNotAJavaClass() {
		String file = """
				organisation: Acme
				kpis:
				  - key: uptime
				    target: .nan
				""";
		var refused = post(file);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.str("/errors/0/field")).isEqualTo("line 4");
		assertThat(refused.str("/errors/0/message")).isEqualTo("kpis[0].target: must be a finite number, not .nan");
		assertSpeaksOfTheInput(refused);
	}

	@Test
	void deepNestingIsRefusedWithItsLineNotAParserSetting() {
		var refused = post("organisation: Acme\nteams: " + "[".repeat(2000) + "]".repeat(2000) + "\n");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.str("/errors/0/field")).isEqualTo("line 2");
		assertThat(refused.str("/errors/0/message")).isEqualTo("nested more than 32 levels deep");
		assertSpeaksOfTheInput(refused);
	}

	@Test
	void otherBrokenFilesAreRefusedInTheFilesTerms() {
		for (String file : new String[] { "%YAML 9.9\n---\norganisation: Acme\n", "organisation: !!binary zzz\n",
				"organisation: !!float abc\n", "? [a, b]\n: 1\n", "organisation: \"\\xZZ\"\n", "teams: [1, 2\n",
				"organisation: Acme\u0001\n", "teams:\n\t- a\n" }) {
			var refused = post(file);
			assertThat(refused.status()).as(file).isEqualTo(400);
			assertThat(refused.str("/errors/0/field")).as(file).startsWith("line ");
			assertSpeaksOfTheInput(refused);
		}
	}

	private static void assertSpeaksOfTheInput(ApiClient.Response refused) {
		assertThat(refused.isProblem()).isTrue();
		assertThat(INTERNALS.matcher(refused.text()).find()).as(refused.text()).isFalse();
	}

	private ApiClient.Response post(String file) {
		return ApiClient.admin(port).postRaw("/api/v1/okrs.yaml", file, "application/yaml");
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}
}
