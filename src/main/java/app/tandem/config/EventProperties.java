package app.tandem.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a reaction to an event may stay undone before it is tried again, and how long a done one is kept
 * ({@code tandem.events.*}).
 *
 * @param retryAfter an incomplete publication older than this is resubmitted: longer than any reaction takes, so
 * one still running on another node is not started twice
 * @param keepCompleted completed publications older than this are deleted
 */
@ConfigurationProperties("tandem.events")
record EventProperties(@DefaultValue("10m") Duration retryAfter, @DefaultValue("7d") Duration keepCompleted) {
}
