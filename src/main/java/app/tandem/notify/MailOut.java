package app.tandem.notify;

import java.util.Map;
import java.util.UUID;

import app.tandem.identity.IdentityApi;
import app.tandem.shared.Mailer;
import jakarta.mail.MessagingException;
import org.springframework.stereotype.Component;

/** Notifications by e-mail: to whom one can be sent, and sending one with its one-click unsubscribe headers. */
@Component
class MailOut {

	/** A message to one person: its subject, plain text, HTML, and the link that stops its kind. */
	record Mail(String to, String subject, String text, String html, String unsubscribe) {
	}

	private final Mailer mailer;

	private final IdentityApi identity;

	MailOut(Mailer mailer, IdentityApi identity) {
		this.mailer = mailer;
		this.identity = identity;
	}

	boolean configured() {
		return mailer.configured();
	}

	boolean canSendTo(UUID person) {
		return configured() && identity.emailOf(person).isPresent();
	}

	void send(Mail mail) throws MessagingException {
		// one-click unsubscribe (RFC 8058): mail clients offer it beside the sender
		mailer.send(new Mailer.Mail(mail.to(), mail.subject(), mail.text(), mail.html(),
				Map.of("List-Unsubscribe", "<" + mail.unsubscribe() + ">", "List-Unsubscribe-Post",
						"List-Unsubscribe=One-Click")));
	}
}
