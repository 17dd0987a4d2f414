package app.tandem.shared;

import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail as Spring Boot sets it up from {@code spring.mail.*}: without {@code spring.mail.host} there is no sender
 * ({@link #configured()} is false). Every message has a plain-text and an HTML part.
 */
@Component
public class Mailer {

	/** A message to one address; {@code headers} beside the usual ones (List-Unsubscribe, say). */
	public record Mail(String to, String subject, String text, String html, Map<String, String> headers) {
	}

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	Mailer(ObjectProvider<JavaMailSender> sender, @Value("${tandem.notifications.mail-from:tandem@localhost}") String from) {
		this.sender = sender;
		this.from = from == null || from.isBlank() ? "tandem@localhost" : from;
	}

	/**
	 * A message as Tandem writes them: one sentence, a button to the page it is about, and a small note below
	 * (with a link of its own, or none: {@code noteLink} null), as plain text and as HTML that reads well in common
	 * mail clients (inline styles, one column).
	 */
	public static Mail compose(String to, String subject, String sentence, String action, String link, String note,
			String noteAction, String noteLink, Map<String, String> headers) {
		StringBuilder text = new StringBuilder(sentence).append("\n\n").append(action).append(": ").append(link)
			.append("\n\n-- \n").append(note).append('\n');
		if (noteLink != null) {
			text.append(noteAction).append(": ").append(noteLink).append('\n');
		}
		String footer = noteLink == null ? escape(note) : escape(note) + "<br><a href=\"" + escape(noteLink)
				+ "\" style=\"color: #627d98\">" + escape(noteAction) + "</a>";
		String html = """
				<!doctype html><html><body style="font-family: -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif; color: #102a43; margin: 0; padding: 24px; background: #f5f7fa">
				<div style="max-width: 560px; margin: 0 auto; background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; padding: 24px">
				<p style="margin: 0 0 8px; color: #627d98; font-size: 13px">Tandem</p>
				<p style="margin: 0 0 20px; font-size: 17px; line-height: 1.4">%s</p>
				<p style="margin: 0 0 24px"><a href="%s" style="display: inline-block; background: #0b5cad; color: #fff; text-decoration: none; padding: 10px 16px; border-radius: 6px">%s</a></p>
				<p style="margin: 0; color: #627d98; font-size: 12px; line-height: 1.5">%s</p>
				</div></body></html>
				""".formatted(escape(sentence), escape(link), escape(action), footer);
		return new Mail(to, subject, text.toString(), html, headers);
	}

	private static String escape(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text == null ? "" : text);
	}

	public boolean configured() {
		return sender.getIfAvailable() != null;
	}

	public void send(Mail mail) throws MessagingException {
		JavaMailSender mailer = sender.getObject();
		MimeMessage message = mailer.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(from);
		helper.setTo(mail.to());
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		for (Map.Entry<String, String> header : mail.headers().entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		mailer.send(message);
	}
}
