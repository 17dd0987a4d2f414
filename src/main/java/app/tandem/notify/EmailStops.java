package app.tandem.notify;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import app.tandem.notify.domain.Channel;
import app.tandem.notify.domain.NotificationKind;
import app.tandem.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stopping e-mails of one kind from an e-mail's link: the person's choice for that kind loses e-mail. */
@Service
public class EmailStops {

	private final UnsubscribeLinks links;

	private final NotificationChoices choices;

	EmailStops(UnsubscribeLinks links, NotificationChoices choices) {
		this.links = links;
		this.choices = choices;
	}

	/** Whether the link's three parts belong together (made by this instance for that person and kind). */
	public boolean valid(String person, String kind, String signature) {
		return links.holds(Ids.tryParse(person), kindOf(kind), signature);
	}

	@Transactional
	public void stop(String person, String kind) {
		UUID id = Ids.tryParse(person);
		NotificationKind k = kindOf(kind);
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		channels.addAll(choices.of(id, k));
		channels.remove(Channel.EMAIL);
		choices.choose(id, k, channels);
	}

	private static NotificationKind kindOf(String kind) {
		try {
			return kind == null ? null : NotificationKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
