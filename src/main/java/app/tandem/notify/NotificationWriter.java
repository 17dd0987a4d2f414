package app.tandem.notify;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tandem.identity.IdentityApi;
import app.tandem.notify.domain.Channel;
import org.springframework.stereotype.Component;

/**
 * Writes a reaction's notifications, each once, on the channels the person chose for its kind: none, and it is not
 * written; not in the app, and it is written read; by e-mail when mail is set up and they have an address, queued
 * for the end of their quiet hours.
 */
@Component
class NotificationWriter {

	private final NotificationStore store;

	private final IdentityApi identity;

	private final NotificationChoices choices;

	private final PersonSettings settings;

	private final Deliveries deliveries;

	private final MailOut mail;

	NotificationWriter(NotificationStore store, IdentityApi identity, NotificationChoices choices,
			PersonSettings settings, Deliveries deliveries, MailOut mail) {
		this.store = store;
		this.identity = identity;
		this.choices = choices;
		this.settings = settings;
		this.deliveries = deliveries;
		this.mail = mail;
	}

	/** The name a notification gives the person who caused it (their user name when they have no name). */
	String nameOf(UUID person) {
		if (person == null) {
			return "";
		}
		Map<String, String> names = identity.namesOf(List.of(person.toString()));
		return names.getOrDefault(person.toString(), "");
	}

	/** @return whether it was new (a reaction run again finds it written) */
	boolean write(NewNotification notification) {
		Set<Channel> channels = choices.of(notification.recipientId(), notification.kind());
		if (channels.isEmpty()) {
			return false;
		}
		UUID id = store.insertOnce(notification, !channels.contains(Channel.IN_APP));
		if (id == null) {
			return false;
		}
		if (channels.contains(Channel.EMAIL) && mail.canSendTo(notification.recipientId())) {
			PersonSettings.Settings person = settings.of(notification.recipientId());
			deliveries.enqueue(id, Channel.EMAIL, person.quiet().sendAt(notification.at(), person.zone()));
		}
		return true;
	}
}
