package app.tandem.okr.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.Objectives;
import app.tandem.okr.domain.Visibility;
import app.tandem.shared.Ids;
import app.tandem.shared.Versions;

/**
 * Publishing a draft from its page: the visibility chosen (everyone unless said otherwise), version-checked so a
 * draft changed meanwhile is not published unseen (409).
 */
@Controller
class DraftPage {

	private final Objectives objectives;

	private final IdentityApi identity;

	private final MessageSource messages;

	DraftPage(Objectives objectives, IdentityApi identity, MessageSource messages) {
		this.objectives = objectives;
		this.identity = identity;
		this.messages = messages;
	}

	@PostMapping("/okrs/objectives/{id}/publish")
	String publish(@PathVariable String id, @RequestParam(required = false) String visibility,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		var objectiveId = Ids.parse(id, "objective");
		Visibility chosen = "PRIVATE".equals(visibility) ? Visibility.PRIVATE : Visibility.PUBLIC;
		objectives.publish(objectiveId, chosen, Versions.of(null, version), identity.caller());
		redirect.addFlashAttribute("notice",
				messages.getMessage("draft.published", null, "Published.", LocaleContextHolder.getLocale()));
		return "redirect:/okrs/objectives/" + objectiveId;
	}
}
