package app.tandem.identity.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.JoinLinks;
import app.tandem.identity.PasswordResets;
import jakarta.servlet.http.HttpServletRequest;

/**
 * "Forgot your password?" from the sign-in page, without signing in: a user name or e-mail address in, the same
 * answer out whatever it matched. Without mail set up the page says whom to ask instead.
 */
@Controller
class PasswordPages {

	private final PasswordResets resets;

	PasswordPages(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping("/password/forgot")
	String page(Model model) {
		model.addAttribute("available", resets.available());
		model.addAttribute("sent", false);
		return "identity/forgot";
	}

	@PostMapping("/password/forgot")
	String request(@RequestParam(required = false) String who, HttpServletRequest request, Model model) {
		resets.request(who, request.getRemoteAddr(), LocaleContextHolder.getLocale(), JoinLinks::url);
		model.addAttribute("available", resets.available());
		model.addAttribute("sent", true);
		return "identity/forgot";
	}
}
