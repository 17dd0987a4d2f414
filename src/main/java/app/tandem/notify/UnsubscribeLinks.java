package app.tandem.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import app.tandem.notify.domain.NotificationKind;
import org.springframework.stereotype.Component;

/**
 * The link in every e-mail that stops e-mails of its kind without signing in: the person and the kind, signed with
 * the instance's key (HMAC-SHA256), so nobody can make one for another person.
 */
@Component
class UnsubscribeLinks {

	private final InstanceSecrets secrets;

	private final NotificationProperties properties;

	UnsubscribeLinks(InstanceSecrets secrets, NotificationProperties properties) {
		this.secrets = secrets;
		this.properties = properties;
	}

	String url(UUID person, NotificationKind kind) {
		return properties.publicUrl() + "/unsubscribe?u=" + person + "&k=" + kind.name() + "&t=" + signature(person, kind);
	}

	boolean holds(UUID person, NotificationKind kind, String signature) {
		return person != null && kind != null && signature != null && MessageDigest.isEqual(
				signature(person, kind).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
	}

	private String signature(UUID person, NotificationKind kind) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secrets.key("unsubscribe"), "HmacSHA256"));
			byte[] signed = mac.doFinal((person + ":" + kind.name()).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java", e);
		}
	}
}
