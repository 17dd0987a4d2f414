/** The event types, the signature and the back-off of webhook deliveries, without Spring. */
package app.tandem.webhooks.domain;
