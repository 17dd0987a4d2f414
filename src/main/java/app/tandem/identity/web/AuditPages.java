package app.tandem.identity.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.audit.AuditEntry;
import app.tandem.shared.ListPage;
import tools.jackson.databind.JsonNode;

/** The audit log for admins: newest first, a page at a time with a link to older ones, filtered by kind of entity. */
@Controller
class AuditPages {

	static final int PAGE = 50;

	/** The kinds of entity the audit trail records, for the filter. */
	static final List<String> ENTITIES = List.of("objective", "key_result", "check_in", "cycle", "kpi", "measurements",
			"comment", "team", "membership", "user", "api_token", "sign_in", "backup");

	private final AuditController audit;

	private final MessageSource messages;

	AuditPages(AuditController audit, MessageSource messages) {
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String entity, @RequestParam(required = false) String cursor,
			Model model) {
		String kind = entity != null && ENTITIES.contains(entity) ? entity : null;
		// The API's query and its check that the caller is an admin.
		ListPage<AuditEntry> page = audit.audit(kind, null, null, null, PAGE, cursor);
		model.addAttribute("section", "admin");
		model.addAttribute("tab", "audit");
		model.addAttribute("events", page.items());
		Map<String, List<String>> changes = new HashMap<>();
		java.util.Locale locale = LocaleContextHolder.getLocale();
		page.items().forEach(e -> changes.put(e.id(), lines(e.changes(),
				field -> worded("admin.audit.field." + field, words(field), locale),
				value -> named(value, locale))));
		Map<String, String> actions = new HashMap<>();
		page.items().forEach(e -> actions.put(e.action(), worded("admin.audit.action." + e.action(),
				e.action().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), locale)));
		model.addAttribute("actions", actions);
		model.addAttribute("changes", changes);
		model.addAttribute("older", page.next());
		model.addAttribute("entity", kind == null ? "" : kind);
		model.addAttribute("entities", ENTITIES);
		model.addAttribute("paged", cursor != null && !cursor.isBlank());
		return "admin/audit";
	}

	/** Where the pages word the kinds already; the audit log's own words first. */
	private static final List<String> NAMED = List.of("admin.audit.value.", "krtype.", "level.", "type.", "status.",
			"admin.role.", "kpis.perspective.", "kpis.indicator.", "kpis.frequency.");

	/** The page's word for a name of a kind ("INCREASE" → "Increase", "Steigern"), null for one it does not know. */
	private String named(String value, java.util.Locale locale) {
		for (String prefix : NAMED) {
			String word = messages.getMessage(prefix + value, null, null, locale);
			if (word != null) {
				return word;
			}
		}
		return null;
	}

	/** The message, else the words given (a field or value no message names yet still reads as words). */
	private String worded(String code, String otherwise, java.util.Locale locale) {
		return messages.getMessage(code, null, otherwise, locale);
	}

	/** A field's name as words: "targetValue" → "target value", "team_id" → "team id". */
	static String words(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
	}

	/** A value that is a name of a kind in capitals ("INCREASE", "HIGHER_IS_BETTER") rather than a person's words. */
	private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

	/**
	 * Each change as "field: before → after" (or just the value when there was none before), values shortened; the
	 * field and the values that are names of kinds in the page's words ({@code name} answers null for a name it does
	 * not know: one with underscores is then written as words, a single word such as "CSAT" is kept, it may be data).
	 */
	static List<String> lines(JsonNode changes, java.util.function.UnaryOperator<String> field,
			java.util.function.UnaryOperator<String> name) {
		List<String> lines = new ArrayList<>();
		if (changes == null || !changes.isObject()) {
			return lines;
		}
		for (var entry : changes.properties()) {
			JsonNode pair = entry.getValue();
			String label = field.apply(entry.getKey());
			if (pair.isArray() && pair.size() == 2) {
				String before = value(pair.get(0), name);
				String after = value(pair.get(1), name);
				lines.add(label + ": " + (before == null ? "" : before + " → ") + (after == null ? "–" : after));
			}
			else {
				lines.add(label + ": " + value(pair, name));
			}
		}
		return lines;
	}

	private static String value(JsonNode node, java.util.function.UnaryOperator<String> name) {
		if (node == null || node.isNull()) {
			return null;
		}
		String text = node.isString() ? node.asString() : node.toString();
		if (node.isString() && text.length() > 1 && NAME.matcher(text).matches()) {
			String worded = name.apply(text);
			if (worded != null) {
				return worded;
			}
			if (text.indexOf('_') >= 0) {
				return text.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
			}
		}
		return text.length() > 80 ? text.substring(0, 79) + "…" : text;
	}
}
