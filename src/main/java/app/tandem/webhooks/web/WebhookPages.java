package app.tandem.webhooks.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.shared.InvalidInputException;
import app.tandem.webhooks.Webhooks;
import app.tandem.webhooks.domain.WebhookEventType;

/**
 * The webhooks page: the ones the person may see with their last deliveries (status, attempts, last error), a form
 * to register one, and removing one.
 */
@Controller
class WebhookPages {

	/** Deliveries shown per webhook; the API has the rest. */
	static final int LOG = 20;

	private final Webhooks webhooks;

	private final IdentityApi identity;

	WebhookPages(Webhooks webhooks, IdentityApi identity) {
		this.webhooks = webhooks;
		this.identity = identity;
	}

	@GetMapping("/webhooks")
	String page(Model model) {
		show(Map.of(), Map.of(), model);
		return "webhooks/webhooks";
	}

	@PostMapping("/webhooks")
	String register(@RequestParam Map<String, String> form, @RequestParam(name = "events", required = false)
			List<String> events, Model model, RedirectAttributes redirect) {
		try {
			webhooks.register(form.get("url"), form.get("secret"), events, form.get("teamId"), identity.caller());
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new HashMap<>();
			e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
			Map<String, Object> typed = new HashMap<>(form);
			typed.remove("secret");
			typed.put("events", events == null ? List.of() : events);
			show(errors, typed, model);
			return "webhooks/webhooks";
		}
		redirect.addFlashAttribute("notice", "registered");
		return "redirect:/webhooks";
	}

	@PostMapping("/webhooks/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		webhooks.delete(id, identity.caller());
		redirect.addFlashAttribute("notice", "deleted");
		return "redirect:/webhooks";
	}

	private void show(Map<String, String> errors, Map<String, Object> typed, Model model) {
		Caller caller = identity.caller();
		List<Webhooks.WebhookView> mine = webhooks.list(caller);
		Map<String, List<Webhooks.DeliveryView>> logs = new HashMap<>();
		mine.forEach(w -> logs.put(w.id(), webhooks.deliveries(w.id(), LOG, caller)));
		var rights = identity.rightsOf(caller);
		model.addAttribute("section", "webhooks");
		model.addAttribute("webhooks", mine);
		model.addAttribute("logs", logs);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("types", Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wire).toList());
		model.addAttribute("admin", rights.admin());
		model.addAttribute("teams", rights.admin() ? identity.teamsOffered(List.of())
				: identity.teamNamesOf(rights.ledTeams().stream().map(Object::toString).toList()));
		model.addAttribute("mayRegister", rights.admin() || !rights.ledTeams().isEmpty());
	}
}
