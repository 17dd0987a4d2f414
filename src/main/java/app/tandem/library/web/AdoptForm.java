package app.tandem.library.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.tandem.library.KpiAdoption;
import app.tandem.library.LibraryCommands;
import app.tandem.library.LibraryKpi;
import app.tandem.shared.InvalidInputException;

/** The adopt form of a library card: its prefilled values, what it sends, and its messages in the page's language. */
@Component
class AdoptForm {

	/** Fields whose problems the form shows beside them; any other goes above the form. */
	private static final Set<String> FIELDS = Set.of("teamId", "key", "target", "warningThreshold", "lowerBound",
			"upperBound", "warningMargin");

	private final MessageSource messages;

	AdoptForm(MessageSource messages) {
		this.messages = messages;
	}

	/** The library's key and example thresholds, as the form first shows them. */
	Map<String, String> defaults(LibraryKpi kpi) {
		Map<String, String> values = new HashMap<>();
		values.put("key", kpi.key());
		values.put("target", plain(kpi.target()));
		values.put("warningThreshold", plain(kpi.warningThreshold()));
		values.put("lowerBound", plain(kpi.lowerBound()));
		values.put("upperBound", plain(kpi.upperBound()));
		values.put("warningMargin", plain(kpi.warningMargin()));
		return values;
	}

	/** What the form sends, with a message per field that is not a number; an empty field is no value. */
	LibraryCommands.AdoptKpi command(LibraryKpi kpi, Map<String, String> form, Map<String, String> errors) {
		String team = form.getOrDefault("teamId", "").strip();
		if (team.isEmpty()) {
			errors.put("teamId", text("library.adopt.error.teamId"));
		}
		boolean range = "WITHIN_RANGE".equals(kpi.direction());
		return new LibraryCommands.AdoptKpi(team, range ? null : number("target", form, errors),
				range ? null : number("warningThreshold", form, errors), range ? number("lowerBound", form, errors) : null,
				range ? number("upperBound", form, errors) : null, range ? number("warningMargin", form, errors) : null,
				null, form.getOrDefault("key", "").strip());
	}

	/** The KPI module's problems as this form's messages. */
	Map<String, String> messages(InvalidInputException e) {
		Map<String, String> errors = new HashMap<>();
		for (var error : e.errors()) {
			if (FIELDS.contains(error.field())) {
				errors.putIfAbsent(error.field(), text("library.adopt.error." + error.field()));
			}
			else {
				errors.putIfAbsent("form", error.field() + ": " + error.message());
			}
		}
		return errors;
	}

	String taken(String key) {
		return text("library.adopt.error.taken", key);
	}

	String done(KpiAdoption.Adopted adopted) {
		return adopted.inputsCreated().isEmpty() ? text("library.adopt.done", adopted.kpi().name())
				: text("library.adopt.doneWithInputs", adopted.kpi().name(), adopted.inputsCreated().size());
	}

	private Double number(String field, Map<String, String> form, Map<String, String> errors) {
		String value = form.getOrDefault(field, "").strip();
		if (value.isEmpty()) {
			return null;
		}
		// a German decimal comma is read as the point it means ("12,5"); grouping separators are not accepted
		String normalised = value.indexOf('.') < 0 ? value.replace(',', '.') : value;
		try {
			double number = Double.parseDouble(normalised);
			if (Double.isFinite(number) && normalised.matches("-?[0-9]+(\\.[0-9]+)?")) {
				return number;
			}
		}
		catch (NumberFormatException e) {
			// falls through to the message
		}
		errors.put(field, text("library.adopt.error.number"));
		return null;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private static String plain(Double value) {
		return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}
}
