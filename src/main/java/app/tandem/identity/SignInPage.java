package app.tandem.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form: Spring Security's generated one has no field for a second factor's code. It
 * posts {@code username}, {@code password}, {@code code} (left empty by those without a second
 * factor) and {@code _csrf} to {@code POST /login}, which Spring Security handles.
 */
@Controller
class SignInPage {

	private final OidcProperties oidc;

	private final DemoSignIn demo;

	SignInPage(OidcProperties oidc, DemoSignIn demo) {
		this.oidc = oidc;
		this.demo = demo;
	}

	@GetMapping("/login")
	String page(Model model, @RequestParam(required = false) String error,
			@RequestParam(required = false) String logout, @RequestParam(required = false) String joined) {
		model.addAttribute("error", error != null);
		model.addAttribute("signedOut", logout != null && error == null);
		// The issuer is read on first use, so the link is named from the configuration, not from it.
		model.addAttribute("ssoName", oidc.enabled() ? oidc.name() : null);
		model.addAttribute("ssoId", IssuerRegistration.ID);
		// after choosing a password through an invitation: their name is filled in
		model.addAttribute("joined", error == null ? joined : null);
		model.addAttribute("personas", demo.personas());
		model.addAttribute("demoPassword", DemoSignIn.PASSWORD);
		return "identity/login";
	}
}
