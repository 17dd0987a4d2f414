package app.tandem.notify;

import java.util.Locale;
import java.util.Map;

import app.tandem.shared.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notification as an e-mail in its recipient's language: the sentence as subject, a link to what it is about
 * (through the notification, which marks it read), and the link that stops e-mails of its kind.
 */
@Component
class MailMessages {

	private final NotificationWords words;

	private final MessageSource messages;

	private final NotificationProperties properties;

	private final UnsubscribeLinks unsubscribe;

	MailMessages(NotificationWords words, MessageSource messages, NotificationProperties properties,
			UnsubscribeLinks unsubscribe) {
		this.words = words;
		this.messages = messages;
		this.properties = properties;
		this.unsubscribe = unsubscribe;
	}

	/** With the headers of one-click unsubscribe (RFC 8058), which mail clients offer beside the sender. */
	Mailer.Mail of(NotificationStore.Stored n, String to, Locale locale) {
		String sentence = words.sentence(n, locale);
		String open = properties.publicUrl() + "/notifications/" + n.id();
		String stop = unsubscribe.url(n.recipientId(), n.kind());
		String kind = say("notify.kind." + n.kind().name(), locale);
		String openWords = say("notify.mail.open", locale);
		String why = say("notify.mail.why", locale, kind);
		String stopWords = say("notify.mail.stop", locale, kind);
		return Mailer.compose(to, sentence, sentence, openWords, open, why, stopWords, stop,
				Map.of("List-Unsubscribe", "<" + stop + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
	}

	private String say(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
