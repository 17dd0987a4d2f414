package app.tandem.identity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.tandem.shared.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * With mail set up, an invitation link also goes to the person's address (the admin still sees it once, to pass on
 * if the e-mail does not arrive). A failure to send is said, not thrown: the link works either way.
 */
@Component
public class InvitationMails {

	private static final Logger log = LoggerFactory.getLogger(InvitationMails.class);

	private final Mailer mailer;

	private final MessageSource messages;

	InvitationMails(Mailer mailer, MessageSource messages) {
		this.mailer = mailer;
		this.messages = messages;
	}

	/** @return the address it went to, or empty (no mail set up, no address, or the server refused) */
	public Optional<String> send(Invitations.Invitation invitation, String link, String organisation, Locale locale) {
		if (!mailer.configured() || invitation.email() == null || invitation.email().isBlank()) {
			return Optional.empty();
		}
		String where = organisation == null || organisation.isBlank() ? "Tandem" : organisation;
		String subject = say("invite.mail.subject", locale, where);
		String body = say("invite.mail.body", locale, invitation.name(), where, invitation.username());
		String open = say("invite.mail.open", locale);
		String valid = say("invite.mail.valid", locale);
		try {
			mailer.send(Mailer.compose(invitation.email(), subject, body, open, link, valid, null, null, Map.of()));
			return Optional.of(invitation.email());
		}
		catch (Exception e) {
			log.warn("The invitation e-mail for {} was not sent: {}", invitation.username(), e.getMessage());
			return Optional.empty();
		}
	}

	private String say(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
