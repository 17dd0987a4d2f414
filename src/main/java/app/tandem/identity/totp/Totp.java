package app.tandem.identity.totp;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps compute them: HOTP (RFC 4226)
 * over HMAC-SHA1 of the 30-second step since the epoch, six digits. A code is taken for the
 * current step or one step either side (clocks drift, people type slowly), and only for a step
 * after the last one accepted, so that a code serves once.
 */
public final class Totp {

	public static final int DIGITS = 6;

	public static final Duration STEP = Duration.ofSeconds(30);

	/** Steps either side of the current one whose codes are still taken. */
	public static final int TOLERANCE = 1;

	/** 160 bits, as RFC 4226 §4 recommends. */
	public static final int SECRET_BYTES = 20;

	private static final int MODULUS = 1_000_000;

	/** RFC 4648 §6: upper case, padded, on one line. */
	private static final Base32 BASE32 = new Base32();

	private Totp() {
	}

	/** The time step an instant falls in. */
	public static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
	}

	/** The code of one time step: RFC 4226 §5.3's dynamic truncation, the last six digits. */
	public static String code(byte[] secret, long step) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
				| (hash[offset + 3] & 0xff);
		String digits = Integer.toString(binary % MODULUS);
		return "0".repeat(DIGITS - digits.length()) + digits;
	}

	/** Six ASCII digits: the shape of a code, before any secret is consulted. */
	public static boolean wellFormed(String code) {
		if (code == null || code.length() != DIGITS) {
			return false;
		}
		for (int i = 0; i < DIGITS; i++) {
			if (code.charAt(i) < '0' || code.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The step whose code this is, among the current one and {@link #TOLERANCE} either side, and
	 * after {@code usedUpTo} (the last step accepted, or {@code Long.MIN_VALUE} for none); empty if
	 * there is none. Every candidate is compared in constant time.
	 */
	public static OptionalLong match(byte[] secret, String code, Instant now, long usedUpTo) {
		if (!wellFormed(code)) {
			return OptionalLong.empty();
		}
		byte[] given = code.getBytes(StandardCharsets.US_ASCII);
		long current = step(now);
		long found = Long.MIN_VALUE;
		boolean matched = false;
		for (long step = current - TOLERANCE; step <= current + TOLERANCE; step++) {
			boolean equal = MessageDigest.isEqual(given, code(secret, step).getBytes(StandardCharsets.US_ASCII));
			if (equal && step > usedUpTo && !matched) {
				found = step;
				matched = true;
			}
		}
		return matched ? OptionalLong.of(found) : OptionalLong.empty();
	}

	/**
	 * The {@code otpauth://} URI that authenticator apps read from a QR code (the Key Uri Format of
	 * Google Authenticator): label {@code issuer:account}, the secret in Base32 without padding.
	 */
	public static String uri(String issuer, String account, byte[] secret) {
		return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + base32(secret) + "&issuer="
				+ encode(issuer);
	}

	/**
	 * A secret as people type it into authenticator apps: Base32 (RFC 4648, upper case) without padding, which a
	 * secret of {@link #SECRET_BYTES} never needs.
	 */
	public static String base32(byte[] secret) {
		return BASE32.encodeToString(secret).replace("=", "");
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
