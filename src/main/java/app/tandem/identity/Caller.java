package app.tandem.identity;

import java.util.UUID;

/** Who sends the current request. */
public record Caller(UUID id, String username, boolean admin) {
}
