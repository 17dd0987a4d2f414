package app.tandem.identity.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.identity.IdentityApi;
import app.tandem.identity.UserCommands;
import app.tandem.identity.Users;
import app.tandem.shared.Ids;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;

/**
 * One person for admins: their name, email and admin flag (version-checked; nobody takes away their own admin
 * flag), and a new password, under the rules the API applies ({@link Users#update}). A password is never shown
 * back, not even when it is refused.
 */
@Controller
class PersonPages {

	private final Users users;

	private final IdentityApi identity;

	private final Texts texts;

	PersonPages(Users users, IdentityApi identity, Texts texts) {
		this.users = users;
		this.identity = identity;
		this.texts = texts;
	}

	@GetMapping("/admin/users/{id}")
	String show(@PathVariable String id, Model model) {
		identity.requireAdmin();
		Users.UserView person = users.get(Ids.parse(id, "user"));
		return page(model, person, form(person), Map.of());
	}

	@PostMapping("/admin/users/{id}")
	String update(@PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String email, @RequestParam(defaultValue = "false") boolean admin,
			@RequestParam(required = false) Long version, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		identity.requireAdmin();
		UUID userId = Ids.parse(id, "user");
		Users.UserView person = users.get(userId);
		Map<String, String> errors = new HashMap<>();
		String typedEmail = nz(email).strip();
		if (nz(name).isBlank() || name.strip().length() > 200) {
			errors.put("name", texts.get("admin.users.error.name"));
		}
		if (!typedEmail.isEmpty() && (typedEmail.length() > 320 || !typedEmail.matches("[^@\\s]+@[^@\\s]+"))) {
			errors.put("email", texts.get("admin.users.error.email"));
		}
		if (errors.isEmpty()) {
			// One's own flag stays: the last admin must not lock everybody out by a slip of the mouse.
			Boolean flag = self(userId) ? null : admin;
			try {
				// An emptied email is cleared: "", since null is what the update reads as "keep".
				String newEmail = typedEmail.isEmpty() && person.email() == null ? null : typedEmail;
				users.update(userId, new UserCommands.UpdateUser(name.strip(), newEmail, null, flag, null, null, null),
						new Versions(version, false));
				redirect.addFlashAttribute("notice", texts.get("admin.users.saved", person.username()));
				return "redirect:/admin/users/" + person.id();
			}
			catch (StaleVersionException e) {
				response.setStatus(409);
				model.addAttribute("alert", texts.get("admin.users.error.staleEdit", person.username()));
				Users.UserView now = users.get(userId);
				return page(model, now, form(now), Map.of());
			}
		}
		response.setStatus(422);
		return page(model, person, Map.of("name", nz(name), "email", nz(email), "admin", admin,
				"version", version == null ? "" : version.toString()), errors);
	}

	/**
	 * Sets a new password for the person. Not version-checked: it replaces nothing another admin could have typed,
	 * and it is the one thing that must work while an account is in trouble.
	 */
	@PostMapping("/admin/users/{id}/password")
	String password(@PathVariable String id, @RequestParam(required = false) String password, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		identity.requireAdmin();
		UUID userId = Ids.parse(id, "user");
		Users.UserView person = users.get(userId);
		String typed = nz(password);
		String problem = users.passwordRefusal(typed, person.username(), person.name(), person.email())
			.map(refusal -> PasswordTexts.of(refusal, texts))
			.orElse(null);
		if (problem == null) {
			users.update(userId, new UserCommands.UpdateUser(null, null, typed, null, null, null, null),
					new Versions(null, false));
			redirect.addFlashAttribute("notice", texts.get("admin.users.passwordChanged", person.username()));
			return "redirect:/admin/users/" + person.id();
		}
		response.setStatus(422);
		return page(model, person, form(person), Map.of("password", problem));
	}

	private String page(Model model, Users.UserView person, Map<String, Object> form, Map<String, String> errors) {
		model.addAttribute("section", "admin");
		model.addAttribute("tab", "users");
		model.addAttribute("person", person);
		model.addAttribute("self", self(UUID.fromString(person.id())));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("minPassword", Users.MIN_PASSWORD);
		model.addAttribute("maxPassword", Users.MAX_PASSWORD);
		return "admin/person";
	}

	private boolean self(UUID userId) {
		return userId.equals(identity.caller().id());
	}

	private static Map<String, Object> form(Users.UserView person) {
		return Map.of("name", person.name(), "email", nz(person.email()), "admin", person.admin(), "version",
				Long.toString(person.version()));
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
