package app.tandem.notify.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.notify.NotificationSettings;
import app.tandem.notify.domain.Channel;
import app.tandem.notify.domain.NotificationKind;
import app.tandem.shared.InvalidInputException;

/**
 * The notification settings page: for each kind, in the app and by e-mail; the language of what is sent, the time
 * zone and quiet hours. A refused form comes back with what was typed and the reason beside the field.
 */
@Controller
class NotificationSettingsPage {

	private final NotificationSettings settings;

	private final IdentityApi identity;

	NotificationSettingsPage(NotificationSettings settings, IdentityApi identity) {
		this.settings = settings;
		this.identity = identity;
	}

	@GetMapping("/notifications/settings")
	String page(Model model) {
		NotificationSettings.View view = settings.of(identity.caller());
		show(view, Map.of(), model);
		return "notify/settings";
	}

	@PostMapping("/notifications/settings")
	String save(@RequestParam Map<String, String> form, @RequestParam(name = "channel", required = false) List<String> ticked,
			Model model, RedirectAttributes redirect) {
		Caller caller = identity.caller();
		Map<String, List<String>> channels = new HashMap<>();
		for (NotificationKind kind : NotificationKind.values()) {
			List<String> chosen = new ArrayList<>();
			for (Channel channel : Channel.values()) {
				if (ticked != null && ticked.contains(kind.name() + ":" + channel.name())) {
					chosen.add(channel.name());
				}
			}
			channels.put(kind.name(), chosen);
		}
		try {
			settings.set(caller, form.get("language"), form.get("timeZone"), form.get("quietFrom"), form.get("quietTo"),
					channels);
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new HashMap<>();
			e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
			Map<NotificationKind, List<Channel>> typedChannels = new java.util.EnumMap<>(NotificationKind.class);
			channels.forEach((kind, chosen) -> typedChannels.put(NotificationKind.valueOf(kind),
					chosen.stream().map(Channel::valueOf).toList()));
			NotificationSettings.View typed = new NotificationSettings.View(form.get("language"), form.get("timeZone"),
					form.get("quietFrom"), form.get("quietTo"), typedChannels, settings.of(caller).emailReady());
			show(typed, errors, model);
			return "notify/settings";
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/notifications/settings";
	}

	private static void show(NotificationSettings.View view, Map<String, String> errors, Model model) {
		model.addAttribute("section", "notifications");
		model.addAttribute("settings", view);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", NotificationKind.values());
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
	}
}
