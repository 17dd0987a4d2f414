package app.tandem.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * TOTP secrets at rest: AES-256-GCM, bound to their user (the user's id is authenticated with the
 * ciphertext, so a sealed secret copied to another row does not open). The key is
 * {@code tandem.totp.key} (TANDEM_TOTP_KEY: a long random string, hashed to 256 bits), or else one
 * generated on first need and kept in the database for all nodes. Backups carry sealed secrets
 * only; the generated key stays behind, so a backup alone never reveals a secret.
 */
@Component
class TotpSecrets {

	static final int MIN_KEY_LENGTH = 32;

	private static final String FORMAT = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	private final SecretKey configured;

	private volatile SecretKey generated;

	TotpSecrets(JdbcClient jdbc, PlatformTransactionManager transactions, IdentityProperties properties) {
		String key = properties.totp().key();
		if (!key.isBlank() && key.length() < MIN_KEY_LENGTH) {
			throw new IllegalStateException("tandem.totp.key (TANDEM_TOTP_KEY) must be a random string of at least "
					+ MIN_KEY_LENGTH + " characters");
		}
		this.jdbc = jdbc;
		this.configured = key.isBlank() ? null : new SecretKeySpec(sha256(key), "AES");
		this.separately = transactions == null ? null : new TransactionTemplate(transactions);
		if (separately != null) {
			separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		}
	}

	String seal(UUID owner, byte[] secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, owner);
			byte[] sealed = cipher.doFinal(secret);
			return FORMAT + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is part of every JDK", e);
		}
	}

	/** The secret, or empty when this key does not open it (sealed under another key, or altered). */
	Optional<byte[]> open(UUID owner, String sealed) {
		if (sealed == null || !sealed.startsWith(FORMAT)) {
			return Optional.empty();
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
			if (bytes.length <= NONCE_BYTES) {
				return Optional.empty();
			}
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), owner);
			return Optional.of(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES));
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			return Optional.empty();
		}
	}

	private Cipher cipher(int mode, byte[] nonce, UUID owner) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
		return cipher;
	}

	private SecretKey key() {
		if (configured != null) {
			return configured;
		}
		SecretKey key = generated;
		if (key == null) {
			// Outside the caller's transaction: a second node inserting at the same time fails on the key
			// and reads the first one's.
			Optional<String> stored = separately.execute(status -> stored());
			if (stored.isEmpty()) {
				byte[] fresh = new byte[32];
				random.nextBytes(fresh);
				try {
					separately.executeWithoutResult(status -> jdbc.sql("insert into totp_key (id, aes_key) values (1, ?)")
						.param(Base64.getEncoder().encodeToString(fresh))
						.update());
				}
				catch (DuplicateKeyException anotherNodeWasFirst) {
					// read below
				}
				stored = separately.execute(status -> stored());
			}
			key = new SecretKeySpec(Base64.getDecoder().decode(stored.orElseThrow()), "AES");
			generated = key;
		}
		return key;
	}

	private Optional<String> stored() {
		return jdbc.sql("select aes_key from totp_key where id = 1").query(String.class).optional();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
