package app.tandem.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The largest request bodies Tandem reads ({@code tandem.max-*-bytes}); a larger one is answered 413.
 *
 * @param maxRequestBytes the largest request body of any other request
 * @param maxImportBytes the largest body of a backup restore (/api/v1/import) or a measurement batch (…/measurements)
 * @param maxOkrFileBytes the largest OKRs-as-code file (POST /api/v1/okrs.yaml), parsed as a whole in memory
 */
@ConfigurationProperties("tandem")
record RequestSizeProperties(@DefaultValue("1048576") long maxRequestBytes,
		@DefaultValue("268435456") long maxImportBytes, @DefaultValue("1048576") long maxOkrFileBytes) {
}
