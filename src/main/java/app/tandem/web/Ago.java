package app.tandem.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How long ago something happened, as a lead scanning a list says it: "today", "yesterday", "3 days ago", "2
 * weeks ago", in the page's language (by calendar days, UTC, as the rest of the pages count days). Templates call
 * it as {@code ${@ago.since(instant)}}.
 */
@Component
public class Ago {

	private final Clock clock;

	private final MessageSource messages;

	Ago(Clock clock, MessageSource messages) {
		this.clock = clock;
		this.messages = messages;
	}

	public String since(Instant at) {
		if (at == null) {
			return null;
		}
		long days = Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(at, ZoneOffset.UTC),
				LocalDate.now(clock.withZone(ZoneOffset.UTC))));
		String key = days < 14 ? "ago.days" : days < 61 ? "ago.weeks" : "ago.months";
		long count = days < 14 ? days : days < 61 ? days / 7 : days / 30;
		return messages.getMessage(key, new Object[] { count }, LocaleContextHolder.getLocale());
	}
}
