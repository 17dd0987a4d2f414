package app.tandem.shared;

/** The thing named does not exist (or the caller may not know that it does): 404. The id is quoted cut short. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super("No " + what + " with id " + Excerpt.of(id));
	}
}
