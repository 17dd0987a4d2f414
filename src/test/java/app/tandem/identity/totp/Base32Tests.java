package app.tandem.identity.totp;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Base32Tests {

	/** RFC 4648 §10. */
	@ParameterizedTest
	@CsvSource(value = { "'',''", "f,MY======", "fo,MZXQ====", "foo,MZXW6===", "foob,MZXW6YQ=", "fooba,MZXW6YTB",
			"foobar,MZXW6YTBOI======" })
	void theRfcTestVectorsEncodeAndDecode(String text, String base32) {
		assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
		assertThat(new String(Base32.decode(base32), StandardCharsets.US_ASCII)).isEqualTo(text);
	}

	@Test
	void decodingTakesLowerCaseAndMissingPadding() {
		assertThat(new String(Base32.decode("mzxw6ytboi"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
	}

	@Test
	void decodingRefusesWhatNoEncodingProduces() {
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZ1W6==="));
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MY=A"));
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXW6YTBO"));
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXWé==="));
	}

	@Test
	void randomBytesRoundTrip() {
		Random random = new Random(4648);
		for (int i = 0; i < 500; i++) {
			byte[] bytes = new byte[random.nextInt(64)];
			random.nextBytes(bytes);
			String encoded = Base32.encode(bytes);
			assertThat(encoded.length() % 8).isZero();
			assertThat(Base32.decode(encoded)).isEqualTo(bytes);
		}
	}
}
