package app.tandem.identity.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	AuditPages(AuditController audit) {
		this.audit = audit;
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
		page.items().forEach(e -> changes.put(e.id(), lines(e.changes())));
		model.addAttribute("changes", changes);
		model.addAttribute("older", page.next());
		model.addAttribute("entity", kind == null ? "" : kind);
		model.addAttribute("entities", ENTITIES);
		model.addAttribute("paged", cursor != null && !cursor.isBlank());
		return "admin/audit";
	}

	/** Each change as "field: before → after" (or just the value when there was none before), values shortened. */
	static List<String> lines(JsonNode changes) {
		List<String> lines = new ArrayList<>();
		if (changes == null || !changes.isObject()) {
			return lines;
		}
		for (var field : changes.properties()) {
			JsonNode pair = field.getValue();
			if (pair.isArray() && pair.size() == 2) {
				String before = value(pair.get(0));
				String after = value(pair.get(1));
				lines.add(field.getKey() + ": " + (before == null ? "" : before + " → ") + (after == null ? "–" : after));
			}
			else {
				lines.add(field.getKey() + ": " + value(pair));
			}
		}
		return lines;
	}

	private static String value(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		String text = node.isString() ? node.asString() : node.toString();
		return text.length() > 80 ? text.substring(0, 79) + "…" : text;
	}
}
