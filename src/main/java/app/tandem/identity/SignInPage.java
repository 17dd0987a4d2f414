package app.tandem.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in form: Spring Security's generated one has no field for a second factor's code. It
 * posts {@code username}, {@code password}, {@code code} (left empty by those without a second
 * factor) and {@code _csrf} to {@code POST /login}, which Spring Security handles.
 */
@Controller
class SignInPage {

	private final OidcProperties oidc;

	SignInPage(OidcProperties oidc) {
		this.oidc = oidc;
	}

	@GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String page(HttpServletRequest request, @RequestParam(required = false) String error,
			@RequestParam(required = false) String logout) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String notice = error != null ? "<p class=\"error\">Wrong user name, password or code.</p>"
				: logout != null ? "<p>You have signed out.</p>" : "";
		String hidden = csrf == null ? ""
				: "<input name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" type=\"hidden\" value=\""
						+ HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
		return """
				<!doctype html>
				<html lang="en">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <title>Sign in &middot; Tandem</title>
				  <style>
				    body { font-family: system-ui, sans-serif; max-width: 22rem; margin: 4rem auto; padding: 0 1rem; color: #1f2933; }
				    label { display: block; margin-top: 1rem; }
				    input:not([type=hidden]) { width: 100%%; box-sizing: border-box; padding: 0.4rem; }
				    button { margin-top: 1.25rem; padding: 0.4rem 1.2rem; }
				    .error { color: #b42318; }
				    small { color: #52606d; }
				  </style>
				</head>
				<body>
				  <h1>Sign in to Tandem</h1>
				  %s
				  <form method="post" action="%s">
				    <label for="username">User name</label>
				    <input id="username" name="username" autocomplete="username" required autofocus>
				    <label for="password">Password</label>
				    <input id="password" name="password" type="password" autocomplete="current-password" required>
				    <label for="code">Code <small>(only with a second factor: the 6 digits your authenticator app shows)</small></label>
				    <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
				    %s
				    <button type="submit">Sign in</button>
				  </form>
				  %s
				</body>
				</html>
				""".formatted(notice, HtmlUtils.htmlEscape(request.getContextPath() + "/login"), hidden,
				singleSignOn(request));
	}

	/** The issuer is read on first use, so the link is named from the configuration, not from it. */
	private String singleSignOn(HttpServletRequest request) {
		if (!oidc.enabled()) {
			return "";
		}
		return "<p>or <a href=\"" + HtmlUtils.htmlEscape(request.getContextPath() + "/oauth2/authorization/"
				+ IssuerRegistration.ID) + "\">Sign in with " + HtmlUtils.htmlEscape(oidc.name()) + "</a></p>";
	}
}
