package app.tandem.notify;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notification's sentence in a language, from its kind and the values it keeps: written when it is read (or
 * sent), so each person reads it in their own language.
 */
@Component
class NotificationWords {

	private final MessageSource messages;

	NotificationWords(MessageSource messages) {
		this.messages = messages;
	}

	String sentence(NotificationStore.Stored n, Locale locale) {
		Map<String, Object> p = n.params();
		String by = text(p.get("by"));
		String title = text(p.get("title"));
		return switch (n.kind()) {
			case MENTION -> say("notify.mention", locale, by, title);
			case COMMENT -> say("notify.comment", locale, by, title);
			case OWNER -> say("KEY_RESULT".equals(n.subjectType()) ? "notify.owner.keyResult" : "notify.owner.objective",
					locale, by, title);
			case KPI_STATUS -> say("notify.kpiStatus." + text(p.get("to")), locale, title, number(p.get("value"), locale));
			case WEBHOOK_DISABLED -> say("notify.webhookDisabled", locale, text(p.get("url")), text(p.get("error")));
		};
	}

	private String say(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	/** As the pages write numbers: the language's separators, at most two decimals. */
	private static String number(Object value, Locale locale) {
		if (!(value instanceof Number n)) {
			return "–";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(2);
		return format.format(n.doubleValue());
	}
}
