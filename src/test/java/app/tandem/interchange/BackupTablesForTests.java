package app.tandem.interchange;

import java.util.List;

/** The tables a backup carries, for tests in other packages (the malformed-request corpus fingerprints them). */
public final class BackupTablesForTests {

	private BackupTablesForTests() {
	}

	public static List<String> order() {
		return BackupTables.ORDER;
	}
}
