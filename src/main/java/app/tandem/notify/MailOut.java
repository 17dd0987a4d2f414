package app.tandem.notify;

import java.util.UUID;

import app.tandem.identity.IdentityApi;
import app.tandem.shared.Mailer;
import jakarta.mail.MessagingException;
import org.springframework.stereotype.Component;

/** Notifications by e-mail: to whom one can be sent, and sending one with its one-click unsubscribe headers. */
@Component
class MailOut {

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

	void send(Mailer.Mail mail) throws MessagingException {
		mailer.send(mail);
	}
}
