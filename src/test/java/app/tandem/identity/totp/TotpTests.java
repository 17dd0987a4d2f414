package app.tandem.identity.totp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238 Appendix B, the SHA1 rows, truncated to six digits (the last six of the eight). */
	@ParameterizedTest
	@CsvSource({ "59,287082", "1111111109,081804", "1111111111,050471", "1234567890,005924", "2000000000,279037",
			"20000000000,353130" })
	void theRfcTestVectorsGiveTheirCodes(long epochSecond, String code) {
		Instant at = Instant.ofEpochSecond(epochSecond);
		assertThat(Totp.code(RFC_SECRET, Totp.step(at))).isEqualTo(code);
		assertThat(Totp.match(RFC_SECRET, code, at, Long.MIN_VALUE)).hasValue(Totp.step(at));
	}

	@Test
	void aCodeIsTakenOneStepEitherSideAndNoFurther() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = Totp.step(now);
		for (long offset = -1; offset <= 1; offset++) {
			assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + offset), now, Long.MIN_VALUE))
				.hasValue(step + offset);
		}
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, Long.MIN_VALUE)).isEmpty();
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, Long.MIN_VALUE)).isEmpty();
	}

	@Test
	void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = Totp.step(now);
		String code = Totp.code(RFC_SECRET, step);
		assertThat(Totp.match(RFC_SECRET, code, now, step - 1)).hasValue(step);
		assertThat(Totp.match(RFC_SECRET, code, now, step)).isEmpty();
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step)).isEmpty();
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, step)).hasValue(step + 1);
	}

	@Test
	void malformedCodesMatchNothing() {
		Instant now = Instant.ofEpochSecond(59);
		for (String code : new String[] { null, "", "abc", "28708", "2870820", "28708a", " 287082", "２８７０８２",
				"1".repeat(50) }) {
			assertThat(Totp.wellFormed(code)).as(String.valueOf(code)).isFalse();
			assertThat(Totp.match(RFC_SECRET, code, now, Long.MIN_VALUE)).isEqualTo(OptionalLong.empty());
		}
	}

	@Test
	void stepsAreThirtySecondsFromTheEpoch() {
		assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
		assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
		assertThat(Totp.step(Instant.ofEpochSecond(30))).isOne();
		assertThat(Totp.step(Instant.ofEpochSecond(-1))).isEqualTo(-1);
	}

	/** RFC 4648 §10, without the padding. */
	@ParameterizedTest
	@CsvSource(value = { "'',''", "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB",
			"foobar,MZXW6YTBOI" })
	void secretsAreWrittenInUpperCaseBase32WithoutPadding(String text, String base32) {
		assertThat(Totp.base32(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
	}

	@Test
	void theUriCarriesIssuerAccountAndUnpaddedSecret() {
		assertThat(Totp.uri("Tandem", "ada", RFC_SECRET))
			.isEqualTo("otpauth://totp/Tandem:ada?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Tandem");
		assertThat(Totp.uri("Tandem", "ada@example.org", new byte[] { 1 })).isEqualTo(
				"otpauth://totp/Tandem:ada%40example.org?secret=AE&issuer=Tandem");
	}
}
