package app.tandem.wins;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tandem.okr.OkrScores;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class WinRecorderTests {

	/**
	 * Two check-ins of one key result at once both find no win; the second insert loses to the unique key. That
	 * reaction did what it had to (the win is there) and must complete, or its publication would stay incomplete
	 * and be resubmitted for nothing.
	 */
	@Test
	void aWinRecordedMeanwhileByAConcurrentCheckInIsNoFailure() {
		WinStore store = mock(WinStore.class);
		when(store.insertIfAbsent(any())).thenThrow(new DuplicateKeyException("win_once"));
		WinRecorder recorder = new WinRecorder(mock(OkrScores.class), store, mock(PlatformTransactionManager.class),
				mock(org.springframework.context.ApplicationEventPublisher.class));

		NewWin win = new NewWin(NewWin.Kind.KEY_RESULT_DONE, UUID.randomUUID(), UUID.randomUUID(), "Ship it",
				UUID.randomUUID(), null, null, null, Instant.parse("2026-12-07T09:00:00Z"));

		assertThat(recorder.record(List.of(win))).isZero();
	}
}
