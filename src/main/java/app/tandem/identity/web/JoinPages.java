package app.tandem.identity.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import app.tandem.identity.Invitations;

/**
 * Where an invited person chooses their password, without signing in: the link an admin passed on. A link that
 * expired or was used says so and who can make a new one. Then the sign-in form, with their user name filled in.
 */
@Controller
class JoinPages {

	private final Invitations invitations;

	private final Texts texts;

	JoinPages(Invitations invitations, Texts texts) {
		this.invitations = invitations;
		this.texts = texts;
	}

	@GetMapping("/join/{token}")
	String page(@PathVariable String token, Model model, HttpServletResponse response) {
		return page(invitations.open(token), token, null, model, response);
	}

	@PostMapping("/join/{token}")
	String join(@PathVariable String token, @RequestParam(required = false) String password, Model model,
			HttpServletResponse response) {
		String chosen = password == null ? "" : password;
		try {
			Optional<Invitations.Invitee> joined = invitations.accept(token, chosen);
			if (joined.isPresent()) {
				return "redirect:" + UriComponentsBuilder.fromPath("/login").queryParam("joined", joined.get().username())
					.encode().build().toUriString();
			}
			return page(joined, token, null, model, response);
		}
		catch (Invitations.RefusedPassword refused) {
			response.setStatus(422);
			return page(invitations.open(token), token, PasswordTexts.of(refused.refusal(), texts), model, response);
		}
	}

	private String page(Optional<Invitations.Invitee> invitee, String token, String error, Model model,
			HttpServletResponse response) {
		if (invitee.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_GONE);
		}
		model.addAttribute("invitee", invitee.orElse(null));
		model.addAttribute("token", token);
		model.addAttribute("error", error);
		return "identity/join";
	}
}
