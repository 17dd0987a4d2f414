package app.tandem.interchange;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Every table of the schema is carried by a backup or left out by name, with why: a new table cannot slip by. */
@TandemIntegrationTest
class BackupTablesIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyTableIsInABackupOrLeftOutByName() {
		List<String> names = jdbc.queryForList("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type in ('BASE TABLE', 'TABLE')""", String.class);
		Set<String> tables = new TreeSet<>();
		names.forEach(name -> tables.add(name.toLowerCase(Locale.ROOT)));
		assertThat(tables).as("the schema's tables").contains("check_in", "event_publication");

		Set<String> named = new TreeSet<>(BackupTables.ORDER);
		named.addAll(BackupTables.LEFT_OUT.keySet());
		assertThat(tables).as("tables neither in BackupTables.ORDER nor in BackupTables.LEFT_OUT")
			.isSubsetOf(named);
		assertThat(named).as("tables BackupTables names that the schema lacks").isSubsetOf(tables);
		assertThat(BackupTables.ORDER).doesNotContainAnyElementsOf(BackupTables.LEFT_OUT.keySet());
	}
}
