package app.tandem.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.webhooks.*}: the pause before a delivery's first retry (doubled after each failure, at most an
 * hour), how long a delivery is tried (and a webhook may fail before it is disabled), and how many deliveries are
 * sent at once (a slow endpoint holds one of them, not the others).
 */
@ConfigurationProperties("tandem.webhooks")
record WebhookProperties(Duration firstRetry, Duration giveUpAfter, Integer concurrency) {

	WebhookProperties {
		firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
		giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
		concurrency = concurrency == null || concurrency < 1 ? 8 : concurrency;
	}
}
