package app.tandem.identity;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

public final class TokenCommands {

	private TokenCommands() {
	}

	public record CreateToken(@NotBlank @Size(max = 200) String name, @NotEmpty List<String> scopes, Instant expiresAt) {
	}
}
