package app.tandem.notify;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tandem.notify.domain.Channel;
import app.tandem.notify.domain.NotificationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The channels a person chose for each kind of notification; a kind they never chose for takes its defaults. */
@Component
class NotificationChoices {

	private final JdbcClient jdbc;

	NotificationChoices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<NotificationKind, Set<Channel>> of(UUID person) {
		Map<NotificationKind, Set<Channel>> chosen = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			chosen.put(kind, kind.defaults());
		}
		jdbc.sql("select kind, channels from notification_choice where user_id = ?").param(person).query(rs -> {
			try {
				chosen.put(NotificationKind.valueOf(rs.getString(1)), parse(rs.getString(2)));
			}
			catch (IllegalArgumentException retired) {
				// a kind this version no longer has
			}
		});
		return chosen;
	}

	Set<Channel> of(UUID person, NotificationKind kind) {
		return jdbc.sql("select channels from notification_choice where user_id = ? and kind = ?")
			.params(person, kind.name())
			.query(String.class)
			.optional()
			.map(NotificationChoices::parse)
			.orElseGet(kind::defaults);
	}

	void choose(UUID person, NotificationKind kind, Set<Channel> channels) {
		String written = String.join(",", channels.stream().sorted().map(Channel::name).toList());
		if (jdbc.sql("update notification_choice set channels = ? where user_id = ? and kind = ?")
			.params(written, person, kind.name())
			.update() == 0) {
			jdbc.sql("insert into notification_choice (user_id, kind, channels) values (?, ?, ?)")
				.params(person, kind.name(), written)
				.update();
		}
	}

	private static Set<Channel> parse(String channels) {
		Set<Channel> parsed = EnumSet.noneOf(Channel.class);
		for (String channel : channels.split(",")) {
			if (!channel.isBlank()) {
				parsed.add(Channel.valueOf(channel.strip()));
			}
		}
		return parsed;
	}
}
