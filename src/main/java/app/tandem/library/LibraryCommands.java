package app.tandem.library;

/** What clients send to the library. */
public final class LibraryCommands {

	private LibraryCommands() {
	}

	/**
	 * Adopt a library KPI for a team. Thresholds left out take the library's example; {@code key} (optional)
	 * adopts it under another key, e.g. when the organisation has a KPI with the library's key already.
	 */
	public record AdoptKpi(String teamId, Double target, Double warningThreshold, Double lowerBound,
			Double upperBound, Double warningMargin, String ownerId, String key) {
	}
}
