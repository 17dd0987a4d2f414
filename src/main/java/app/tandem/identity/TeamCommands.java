package app.tandem.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public final class TeamCommands {

	public static final String KEY = "[a-z0-9][a-z0-9-]*";

	private TeamCommands() {
	}

	public record CreateTeam(@NotBlank @Size(max = 200) String name, String parentId,
			@Size(max = 100) @Pattern(regexp = KEY, message = "must be a slug: lower-case letters, digits and -") String key) {
	}

	/** {@code parentId: ""} moves the team to the top of the tree. */
	public record UpdateTeam(@Size(min = 1, max = 200) String name, String parentId,
			@Size(max = 100) @Pattern(regexp = KEY, message = "must be a slug: lower-case letters, digits and -") String key,
			Long version) {
	}

	/** {@code version}, like {@code If-Match}, names the team's version the change expects. */
	record PutMember(@NotNull Role role, Long version) {
	}
}
