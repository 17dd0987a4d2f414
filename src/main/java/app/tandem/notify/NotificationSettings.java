package app.tandem.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.notify.domain.Channel;
import app.tandem.notify.domain.NotificationKind;
import app.tandem.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a person chose to be sent: channels per kind, language, time zone, quiet hours. */
@Service
@Transactional(readOnly = true)
public class NotificationSettings {

	/**
	 * As the API and the page show it; {@code emailReady}: mail is set up and the person has an address, so e-mail
	 * reaches them.
	 */
	public record View(String language, String timeZone, String quietFrom, String quietTo,
			Map<NotificationKind, List<Channel>> channels, boolean emailReady) {
	}

	private final PersonSettings settings;

	private final NotificationChoices choices;

	private final MailOut mail;

	private final IdentityApi identity;

	NotificationSettings(PersonSettings settings, NotificationChoices choices, MailOut mail, IdentityApi identity) {
		this.settings = settings;
		this.choices = choices;
		this.mail = mail;
		this.identity = identity;
	}

	public View of(Caller caller) {
		PersonSettings.Settings s = settings.of(caller.id());
		Map<NotificationKind, List<Channel>> channels = new LinkedHashMap<>();
		choices.of(caller.id()).forEach((kind, set) -> channels.put(kind, set.stream().sorted().toList()));
		return new View(s.language(), s.zone().getId(), s.quiet().from() == null ? null : s.quiet().from().toString(),
				s.quiet().to() == null ? null : s.quiet().to().toString(), channels, mail.canSendTo(caller.id()));
	}

	/**
	 * Every value is checked before anything is stored. {@code channels}: per kind's name, the channels' names; a
	 * kind left out keeps what it had.
	 */
	@Transactional
	public View set(Caller caller, String language, String timeZone, String quietFrom, String quietTo,
			Map<String, List<String>> channels) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Map<NotificationKind, Set<Channel>> chosen = new LinkedHashMap<>();
		if (channels != null) {
			channels.forEach((kind, names) -> {
				NotificationKind k = kindOf(kind);
				if (k == null) {
					problems.add("channels", "has no kind " + kind + "; the kinds are " + kinds());
					return;
				}
				Set<Channel> set = EnumSet.noneOf(Channel.class);
				for (String name : names == null ? List.<String>of() : names) {
					try {
						set.add(Channel.valueOf(name));
					}
					catch (IllegalArgumentException | NullPointerException e) {
						problems.add("channels." + kind, "has no channel " + name + "; the channels are IN_APP, EMAIL");
					}
				}
				chosen.put(k, set);
			});
		}
		try {
			settings.check(language, timeZone, quietFrom, quietTo);
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> problems.add(error.field(), error.message()));
		}
		problems.throwIfAny();
		settings.set(caller.id(), language, timeZone, quietFrom, quietTo);
		chosen.forEach((kind, set) -> choices.choose(caller.id(), kind, set));
		return of(caller);
	}

	private static NotificationKind kindOf(String kind) {
		try {
			return NotificationKind.valueOf(kind);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			return null;
		}
	}

	private static String kinds() {
		List<String> names = new ArrayList<>();
		for (NotificationKind kind : NotificationKind.values()) {
			names.add(kind.name());
		}
		return String.join(", ", names);
	}
}
