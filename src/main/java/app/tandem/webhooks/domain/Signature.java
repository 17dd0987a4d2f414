package app.tandem.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Tandem-Signature}: {@code sha256=} and the hex HMAC-SHA256 of the body's bytes with the webhook's secret,
 * as GitHub signs its webhooks, so a receiver checks it the same way.
 */
public final class Signature {

	private Signature() {
	}

	public static String of(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java", e);
		}
	}
}
