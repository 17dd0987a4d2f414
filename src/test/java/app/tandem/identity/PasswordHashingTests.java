package app.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are hashed with BCrypt at cost 10 unless configured otherwise; hashes made before still check. */
class PasswordHashingTests {

	private static IdentityProperties bound(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("tandem", IdentityProperties.class);
	}

	private static PasswordEncoder encoder(Map<String, String> settings) {
		return new SecurityConfiguration().passwordEncoder(bound(settings));
	}

	@Test
	void aNewPasswordIsBcryptAtCostTenByDefault() {
		String hash = encoder(Map.of()).encode("correct horse battery");

		assertThat(hash).startsWith("{bcrypt}$2a$10$");
		assertThat(encoder(Map.of()).matches("correct horse battery", hash)).isTrue();
		assertThat(encoder(Map.of()).matches("correct horse battery!", hash)).isFalse();
	}

	@Test
	void theCostIsASetting() {
		assertThat(encoder(Map.of("tandem.passwords.hash-strength", "12")).encode("x")).startsWith("{bcrypt}$2a$12$");
	}

	@Test
	void hashesOfAnotherCostOrKindStillCheck() {
		String cheaper = encoder(Map.of("tandem.passwords.hash-strength", "4")).encode("old password");
		String otherKind = "{sha256}" + new org.springframework.security.crypto.password.StandardPasswordEncoder()
			.encode("old password");

		PasswordEncoder now = encoder(Map.of());
		assertThat(now.matches("old password", cheaper)).isTrue();
		assertThat(now.matches("old password", otherKind)).isTrue();
		assertThat(now.matches("wrong", otherKind)).isFalse();
	}

	@Test
	void aCostOutsideBcryptsRangeStopsTheStartWithTheSettingsName() {
		assertThatThrownBy(() -> bound(Map.of("tandem.passwords.hash-strength", "3"))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("tandem.passwords.hash-strength must be from 4 to 31");
	}
}
