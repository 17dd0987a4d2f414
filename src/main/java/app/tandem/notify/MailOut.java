package app.tandem.notify;

import java.util.UUID;

import app.tandem.identity.IdentityApi;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail as Spring Boot sets it up from {@code spring.mail.*}: without {@code spring.mail.host} there is no sender
 * and nothing is queued for e-mail.
 */
@Component
class MailOut {

	/** A message to one person: its subject, plain text, HTML, and the link that stops its kind. */
	record Mail(String to, String subject, String text, String html, String unsubscribe) {
	}

	private final ObjectProvider<JavaMailSender> sender;

	private final IdentityApi identity;

	private final NotificationProperties properties;

	MailOut(ObjectProvider<JavaMailSender> sender, IdentityApi identity, NotificationProperties properties) {
		this.sender = sender;
		this.identity = identity;
		this.properties = properties;
	}

	boolean configured() {
		return sender.getIfAvailable() != null;
	}

	boolean canSendTo(UUID person) {
		return configured() && identity.emailOf(person).isPresent();
	}

	void send(Mail mail) throws MessagingException {
		JavaMailSender mailer = sender.getObject();
		MimeMessage message = mailer.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(properties.mailFrom());
		helper.setTo(mail.to());
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		// one-click unsubscribe (RFC 8058): mail clients offer it beside the sender
		message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		mailer.send(message);
	}
}
