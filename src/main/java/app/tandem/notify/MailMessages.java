package app.tandem.notify;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

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

	MailOut.Mail of(NotificationStore.Stored n, String to, Locale locale) {
		String sentence = words.sentence(n, locale);
		String open = properties.publicUrl() + "/notifications/" + n.id();
		String stop = unsubscribe.url(n.recipientId(), n.kind());
		String kind = say("notify.kind." + n.kind().name(), locale);
		String openWords = say("notify.mail.open", locale);
		String why = say("notify.mail.why", locale, kind);
		String stopWords = say("notify.mail.stop", locale, kind);
		String text = sentence + "\n\n" + openWords + ": " + open + "\n\n-- \n" + why + "\n" + stopWords + ": " + stop
				+ "\n";
		String html = """
				<!doctype html><html><body style="font-family: -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif; color: #102a43; margin: 0; padding: 24px; background: #f5f7fa">
				<div style="max-width: 560px; margin: 0 auto; background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; padding: 24px">
				<p style="margin: 0 0 8px; color: #627d98; font-size: 13px">Tandem</p>
				<p style="margin: 0 0 20px; font-size: 17px; line-height: 1.4">%s</p>
				<p style="margin: 0 0 24px"><a href="%s" style="display: inline-block; background: #0b5cad; color: #fff; text-decoration: none; padding: 10px 16px; border-radius: 6px">%s</a></p>
				<p style="margin: 0; color: #627d98; font-size: 12px; line-height: 1.5">%s<br><a href="%s" style="color: #627d98">%s</a></p>
				</div></body></html>
				""".formatted(HtmlUtils.htmlEscape(sentence), HtmlUtils.htmlEscape(open), HtmlUtils.htmlEscape(openWords),
				HtmlUtils.htmlEscape(why), HtmlUtils.htmlEscape(stop), HtmlUtils.htmlEscape(stopWords));
		return new MailOut.Mail(to, sentence, text, html, stop);
	}

	private String say(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
