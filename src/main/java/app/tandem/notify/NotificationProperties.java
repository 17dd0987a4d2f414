package app.tandem.notify;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.notifications.*}: the address links in messages start with ({@code public-url}, as people reach this
 * instance), the sender of e-mails, a person's language and time zone until they set theirs, and for how long a
 * failing message is tried again.
 */
@ConfigurationProperties("tandem.notifications")
record NotificationProperties(String publicUrl, String mailFrom, String defaultLanguage, ZoneId defaultTimeZone,
		Duration giveUpAfter) {

	NotificationProperties {
		publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
		mailFrom = mailFrom == null || mailFrom.isBlank() ? "tandem@localhost" : mailFrom;
		defaultLanguage = defaultLanguage == null || !PersonSettings.LANGUAGES.contains(defaultLanguage) ? "en"
				: defaultLanguage;
		defaultTimeZone = defaultTimeZone == null ? ZoneId.of("UTC") : defaultTimeZone;
		giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
	}
}
