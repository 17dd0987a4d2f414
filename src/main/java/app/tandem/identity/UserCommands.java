package app.tandem.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public final class UserCommands {

	private UserCommands() {
	}

	public record CreateUser(
			@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may hold letters, digits and . _ @ - only") String username,
			@NotBlank @Size(max = 200) String name, @Email @Size(max = 320) String email, String password,
			Boolean admin) {
	}

	public record UpdateUser(@Size(min = 1, max = 200) String name, @Email @Size(max = 320) String email, String password,
			Boolean admin, Boolean active, Boolean totpRequired, Long version) {
	}
}
