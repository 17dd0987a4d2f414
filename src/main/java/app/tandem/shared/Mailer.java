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
