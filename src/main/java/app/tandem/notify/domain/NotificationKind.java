package app.tandem.notify.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a notification is about, with the channels it takes unless the person chose otherwise: what asks for
 * attention soon (a mention, an ownership, a KPI going red) also goes by e-mail; a comment on what one owns stays in
 * the app.
 */
public enum NotificationKind {

	MENTION(EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
	COMMENT(EnumSet.of(Channel.IN_APP)),
	OWNER(EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
	KPI_STATUS(EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
	WEBHOOK_DISABLED(EnumSet.of(Channel.IN_APP, Channel.EMAIL));

	private final Set<Channel> defaults;

	NotificationKind(Set<Channel> defaults) {
		this.defaults = defaults;
	}

	public Set<Channel> defaults() {
		return EnumSet.copyOf(defaults);
	}
}
