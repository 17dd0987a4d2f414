package app.tandem.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TotpSecretsTests {

	private static final String KEY = "a configured key of at least thirty-two characters";

	private final TotpSecrets secrets = new TotpSecrets(null, null, key(KEY));

	private final byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void aSealedSecretOpensForItsUserOnly() {
		UUID owner = UUID.randomUUID();
		String sealed = secrets.seal(owner, secret);
		assertThat(sealed).startsWith("v1:");
		assertThat(secrets.open(owner, sealed)).hasValue(secret);
		assertThat(secrets.open(UUID.randomUUID(), sealed)).as("copied to another user's row").isEmpty();
		assertThat(secrets.seal(owner, secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
	}

	@Test
	void anAlteredOrForeignSealDoesNotOpen() {
		UUID owner = UUID.randomUUID();
		String sealed = secrets.seal(owner, secret);
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
		bytes[bytes.length - 1] ^= 1;
		assertThat(secrets.open(owner, "v1:" + Base64.getEncoder().encodeToString(bytes))).isEmpty();
		assertThat(new TotpSecrets(null, null, key(KEY + " but another")).open(owner, sealed)).isEmpty();
		for (String garbage : new String[] { null, "", "v1:", "v1:!!", "v1:AAAA", "GEZDGNBVGY3TQOJQ" }) {
			assertThat(secrets.open(owner, garbage)).as(String.valueOf(garbage)).isEmpty();
		}
	}

	@Test
	void aShortConfiguredKeyStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> new TotpSecrets(null, null, key("too short")));
	}

	private static IdentityProperties key(String key) {
		return new IdentityProperties("", new IdentityProperties.SignIn(5, 20), new IdentityProperties.Totp(key),
				new IdentityProperties.Passwords(10));
	}
}
