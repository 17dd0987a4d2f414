package app.tandem.audit;

import java.util.UUID;

/** Who is acting in this thread, for the audit trail; null for the application's own work. Identity provides it. */
public interface CurrentActor {

	UUID id();
}
