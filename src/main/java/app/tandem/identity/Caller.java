package app.tandem.identity;

import java.util.UUID;

/**
 * Who sends the current request. Serializable: a browser's session keeps it (in the database).
 * Rights are read afresh from the database on each request ({@link IdentityApi#rightsOf}), so a
 * session never outlives a change of role.
 */
public record Caller(UUID id, String username, boolean admin) implements java.io.Serializable {
}
