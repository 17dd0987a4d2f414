package app.tandem.webhooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Binds {@code tandem.webhooks.*}, and runs reactions marked {@code @ApplicationModuleListener} on a thread of their
 * own (Boot's task executor), so that a check-in does not wait for its webhooks to be queued.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
@EnableAsync
class WebhookConfiguration {
}
