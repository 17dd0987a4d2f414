package app.tandem.web;

import java.text.MessageFormat;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import app.tandem.shared.Finding;

/**
 * The domain's English texts in a page's language, from the bundle {@code messages-findings}: a coach finding's
 * message and hint (its wording and arguments, see {@link Finding}), and the sentences forecasts explain
 * themselves with (why there is no forecast, how a confidence and the data disagree). The API and {@code lint}
 * answer the English as the domain writes it; the English bundle says exactly the same.
 * <p>
 * Templates call it as {@code ${@domainTexts.message(finding, #locale)}}. Whatever the bundle does not know is
 * shown in English as it is: a finding without arguments, a sentence it does not recognise.
 */
@Component
public class DomainTexts {

	static final String BUNDLE = "messages-findings";

	static final String FINDING = "finding.";

	/** Keys of the forecasts' sentences: each English entry is also the pattern that recognises the sentence. */
	static final String SENTENCE = "forecast.";

	private static final String DATE_PATTERN = "finding.datePattern";

	private static final String WORD = "finding.word.";

	private final MessageSource messages;

	/** The English pattern of each sentence, by key. */
	private final Map<String, String> sentences = new LinkedHashMap<>();

	public DomainTexts(MessageSource messages) {
		this.messages = messages;
		ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
		english.keySet().stream().filter(key -> key.startsWith(SENTENCE)).sorted()
			.forEach(key -> sentences.put(key, english.getString(key)));
	}

	public String message(Finding finding, Locale locale) {
		return worded(finding, "message", finding.message(), locale);
	}

	public String hint(Finding finding, Locale locale) {
		return worded(finding, "hint", finding.hint(), locale);
	}

	/**
	 * One of the domain's English sentences in the language: recognised by the English entry it matches in full,
	 * its numbers read back and written again in the language; as it is when no entry matches (or null).
	 */
	public String sentence(String english, Locale locale) {
		if (english == null) {
			return null;
		}
		for (Map.Entry<String, String> entry : sentences.entrySet()) {
			Object[] args = parse(entry.getValue(), english);
			if (args != null) {
				return messages.getMessage(entry.getKey(), args, english, locale);
			}
		}
		return english;
	}

	/** The arguments that make the pattern write exactly the text, or null when it does not. */
	private static Object[] parse(String pattern, String text) {
		MessageFormat format = new MessageFormat(pattern, Locale.ENGLISH);
		ParsePosition position = new ParsePosition(0);
		Object[] args = format.parse(text, position);
		if (args == null || position.getIndex() != text.length() || !format.format(args).equals(text)) {
			return null;
		}
		return args;
	}

	/**
	 * The most specific entry of the finding's wording there is: for the variant {@code atTarget.increase} of
	 * OKR-004, {@code finding.OKR-004.atTarget.increase.hint}, else {@code finding.OKR-004.atTarget.hint}, else
	 * {@code finding.OKR-004.hint}.
	 */
	private String worded(Finding finding, String part, String english, Locale locale) {
		if (finding.args().isEmpty()) {
			return english;
		}
		Object[] args = localized(finding.args(), locale);
		for (String key : keys(finding, part)) {
			String text = messages.getMessage(key, args, null, locale);
			if (text != null) {
				return text;
			}
		}
		return english;
	}

	/** The keys a finding's part may be under, most specific first. */
	static List<String> keys(Finding finding, String part) {
		List<String> keys = new ArrayList<>();
		String variant = finding.variant();
		while (variant != null && !variant.isEmpty()) {
			keys.add(FINDING + finding.ruleId() + "." + variant + "." + part);
			int dot = variant.lastIndexOf('.');
			variant = dot < 0 ? null : variant.substring(0, dot);
		}
		keys.add(FINDING + finding.ruleId() + "." + part);
		return keys;
	}

	/**
	 * Arguments as the language writes them: dates in its pattern, enum constants in its word for them, sentences
	 * in it. Numbers stay numbers: the bundle's entries format them (and choose plurals by them).
	 */
	private Object[] localized(List<Object> args, Locale locale) {
		Object[] localized = new Object[args.size()];
		for (int i = 0; i < localized.length; i++) {
			Object arg = args.get(i);
			if (arg instanceof LocalDate date) {
				String pattern = messages.getMessage(DATE_PATTERN, null, "yyyy-MM-dd", locale);
				localized[i] = DateTimeFormatter.ofPattern(pattern, locale).format(date);
			}
			else if (arg instanceof Enum<?> constant) {
				localized[i] = messages.getMessage(WORD + constant.name(), null, constant.name(), locale);
			}
			else if (arg instanceof Finding.Sentence sentence) {
				localized[i] = sentence(sentence.english(), locale);
			}
			else {
				localized[i] = arg;
			}
		}
		return localized;
	}
}
